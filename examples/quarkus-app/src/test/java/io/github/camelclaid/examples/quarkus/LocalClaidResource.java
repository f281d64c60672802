package io.github.camelclaid.examples.quarkus;

import java.time.Duration;
import java.util.Map;

import io.github.camelclaid.testserver.LocalClaidServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local Claid-compatible server on 127.0.0.1 for the application under test: started before the application, which
 * gets its address as configuration, and stopped after the tests. It accepts the API key and signs its webhook
 * notifications with the secret that the application finds in its environment.
 */
public class LocalClaidResource implements QuarkusTestResourceLifecycleManager {

    /** Set in the environment by the pom (surefire), where the application's component reads them too. */
    static final String API_KEY = System.getenv("CLAID_API_KEY");
    static final String WEBHOOK_SECRET = System.getenv("CLAID_WEBHOOK_SECRET");

    private LocalClaidServer server;

    @Override
    public Map<String, String> start() {
        if (API_KEY == null || WEBHOOK_SECRET == null) {
            throw new IllegalStateException("CLAID_API_KEY and CLAID_WEBHOOK_SECRET are set by the pom's surefire"
                    + " configuration; run the test with Maven");
        }
        // tasks take a tenth of a second here, Claid takes seconds to minutes; webhooks come at once
        server = LocalClaidServer.builder().apiKey(API_KEY).acceptedFor(Duration.ofMillis(20))
                .processingFor(Duration.ofMillis(100)).webhookTimeScale(0.02).build().start();
        return Map.of(
                "camel.component.claid.base-url", server.baseUrl(),
                "camel.component.claid.task-poll-interval", "50ms",
                // long enough for a notification sent at once, short enough for a test of the polling fallback
                "camel.component.claid.webhook-grace-period", "2s");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectLocalClaid.class, LocalClaidServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
