package io.github.camelclaid.testinfra;

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
 * Runs a {@link LocalServer} for JUnit 5 tests. Registered with {@code @RegisterExtension} on a static field, one
 * server serves the whole class, and {@link #beforeEachOnSharedServer} gives each test the start it needs; on an
 * instance field, each test gets a server of its own. Test methods and constructors may also take the server as a
 * parameter.
 *
 * @param <S> the server type
 */
public abstract class LocalServerExtension<S extends LocalServer<S>>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Class<S> serverType;
    private final Supplier<S> factory;
    private S server;
    private boolean perClass;

    /**
     * @param serverType the server's class, for parameters of that type
     * @param factory    builds a new server, not started (called once per class or once per test)
     */
    protected LocalServerExtension(Class<S> serverType, Supplier<S> factory) {
        this.serverType = Objects.requireNonNull(serverType, "serverType");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The running server. */
    public S server() {
        if (server == null) {
            throw new IllegalStateException("The " + serverType.getSimpleName() + " runs only while a test runs");
        }
        return server;
    }

    /** Before each test of a class that shares one server: what that server needs so that the test may begin. */
    protected abstract void beforeEachOnSharedServer(S shared);

    @Override
    public final void beforeAll(ExtensionContext context) {
        server = factory.get().start();
        perClass = true;
    }

    @Override
    public final void beforeEach(ExtensionContext context) {
        if (perClass) {
            beforeEachOnSharedServer(server);
        } else {
            server = factory.get().start();
        }
    }

    @Override
    public final void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public final void afterAll(ExtensionContext context) {
        if (perClass) {
            stop();
            perClass = false;
        }
    }

    @Override
    public final boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == serverType;
    }

    @Override
    public final Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
