package io.github.camelclaid.s3;

import java.net.URI;
import java.util.Objects;

import io.github.camelclaid.testinfra.LocalServerExtension;

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
public final class LocalS3ServerExtension extends LocalServerExtension<LocalS3Server> {

    private boolean clearBeforeEach;

    /** A server with default settings: in-memory storage, default keys, a free port. */
    public LocalS3ServerExtension() {
        this(LocalS3Server.builder());
    }

    /** A server from this builder (built once per class or once per test). */
    public LocalS3ServerExtension(LocalS3Server.Builder builder) {
        super(LocalS3Server.class, Objects.requireNonNull(builder, "builder")::build);
    }

    /** Deletes every bucket before each test of a per-class server, for tests that must start from nothing. */
    public LocalS3ServerExtension clearBeforeEach() {
        this.clearBeforeEach = true;
        return this;
    }

    /** Shortcut for {@code server().endpoint()}. */
    public URI endpoint() {
        return server().endpoint();
    }

    @Override
    protected void beforeEachOnSharedServer(LocalS3Server shared) {
        if (clearBeforeEach) {
            shared.clear();
        }
    }
}
