package io.github.camelclaid.s3;

import java.net.URI;
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
 * Runs a {@link LocalS3Server} for JUnit 5 tests. Registered on a static field, one server serves the whole class (the
 * cheap way: each start is a JVM launch of 1 to 3 s); on an instance field, each test gets its own server. Test
 * methods and constructors may also take the server as a parameter.
 *
 * <p>
 * A per-class server keeps its buckets and objects from test to test unless {@link #clearBeforeEach()} is asked for;
 * buckets created in {@code @BeforeAll} would be gone by the first test then. Tests sharing a server should use
 * buckets or key prefixes of their own.
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalS3ServerExtension s3 = new LocalS3ServerExtension();
 *
 * @Test
 * void copies() {
 *     s3.server().createBucket("images");
 *     Main main = new Main();
 *     s3.server().camelProperties().forEach(main::addInitialProperty);
 *     ...
 * }
 * }</pre>
 */
public final class LocalS3ServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Supplier<LocalS3Server> factory;
    private LocalS3Server server;
    private boolean perClass;
    private boolean clearBeforeEach;

    /** A server with default settings: in-memory storage, default keys, a free port. */
    public LocalS3ServerExtension() {
        this(LocalS3Server.builder());
    }

    /** A server from this builder (built once per class or once per test). */
    public LocalS3ServerExtension(LocalS3Server.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        this.factory = builder::build;
    }

    /** Deletes every bucket before each test of a per-class server, for tests that must start from nothing. */
    public LocalS3ServerExtension clearBeforeEach() {
        this.clearBeforeEach = true;
        return this;
    }

    /** The running server. */
    public LocalS3Server server() {
        if (server == null) {
            throw new IllegalStateException("The LocalS3Server runs only while a test runs");
        }
        return server;
    }

    /** Shortcut for {@code server().endpoint()}. */
    public URI endpoint() {
        return server().endpoint();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = factory.get().start();
        perClass = true;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            server = factory.get().start();
        } else if (clearBeforeEach) {
            server.clear();
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
        return parameter.getParameter().getType() == LocalS3Server.class;
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
