package io.github.camelclaid.quarkus.deployment;

import java.time.Duration;

import io.github.camelclaid.testserver.LocalClaidServer;
import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;

/**
 * A {@link LocalClaidServer} on 127.0.0.1 for a QuarkusUnitTest, started before the application is built and stopped
 * after its tests. QuarkusUnitTest loads the test class a second time for the application, so the server is started by
 * its before-all hook (which runs once) rather than in a static field (which would start one per class loader), and
 * reaches the application as the system property {@code claid.local.base-url}, read by application.properties.
 */
final class LocalClaid {

    /** Accepted by the local server only; never logged (the component masks it, the tests never print it). */
    static final String API_KEY = "quarkus-ext-key-5c2e";

    static final String BASE_URL_PROPERTY = "claid.local.base-url";

    /** What a user writes in application.properties; the base URL is the local server's. */
    static final String APPLICATION_PROPERTIES = """
            camel.component.claid.api-key = %s
            camel.component.claid.base-url = ${%s}
            camel.component.claid.task-poll-interval = 50ms
            """.formatted(API_KEY, BASE_URL_PROPERTY);

    private static LocalClaidServer server;

    private LocalClaid() {
    }

    /** A QuarkusUnitTest whose application, made of these classes, talks to a fresh local Claid server. */
    static QuarkusUnitTest quarkusUnitTest(Class<?>... applicationClasses) {
        return new QuarkusUnitTest()
                .setBeforeAllCustomizer(LocalClaid::start)
                .setAfterAllCustomizer(LocalClaid::stop)
                .withApplicationRoot(jar -> jar.addClass(LocalClaid.class).addClasses(applicationClasses)
                        .addAsResource(new StringAsset(APPLICATION_PROPERTIES), "application.properties"));
    }

    private static void start() {
        // tasks take a tenth of a second here; Claid takes seconds to minutes
        server = LocalClaidServer.builder().apiKey(API_KEY).acceptedFor(Duration.ofMillis(20))
                .processingFor(Duration.ofMillis(100)).build().start();
        System.setProperty(BASE_URL_PROPERTY, server.baseUrl());
    }

    private static void stop() {
        System.clearProperty(BASE_URL_PROPERTY);
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
