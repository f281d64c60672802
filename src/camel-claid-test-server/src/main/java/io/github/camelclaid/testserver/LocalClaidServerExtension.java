package io.github.camelclaid.testserver;

import java.util.Objects;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link LocalClaidServer} for JUnit 5 tests. Registered on a static field, one server serves the whole class
 * and is reset before each test; on an instance field, each test gets its own server. Test methods and constructors
 * may also take the server as a parameter.
 *
 * <p>
 * A per-class server is reset before every test, so the tests of one class must not run in parallel with each other
 * (JUnit's default); give concurrent tests a per-test server or servers of their own.
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalClaidServerExtension claid = new LocalClaidServerExtension(
 *         LocalClaidServer.builder().apiKey("test-key").processingFor(Duration.ofMillis(20)));
 *
 * @Test
 * void edits() {
 *     String baseUrl = claid.server().baseUrl();
 *     ...
 * }
 * }</pre>
 */
public final class LocalClaidServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Supplier<LocalClaidServer> factory;
    private LocalClaidServer server;
    private boolean perClass;

    /** A server with default settings. */
    public LocalClaidServerExtension() {
        this(LocalClaidServer.builder());
    }

    /** A server from this builder (built once per class or once per test). */
    public LocalClaidServerExtension(LocalClaidServer.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        this.factory = builder::build;
    }

    /** The running server. */
    public LocalClaidServer server() {
        if (server == null) {
            throw new IllegalStateException("The LocalClaidServer runs only while a test runs");
        }
        return server;
    }

    /** Shortcut for {@code server().baseUrl()}. */
    public String baseUrl() {
        return server().baseUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = factory.get().start();
        perClass = true;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perClass) {
            // a clean slate, not a restart: keeps the port stable for clients configured once per class
            server.reset();
        } else {
            server = factory.get().start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass) {
            stop();
            perClass = false;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalClaidServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
