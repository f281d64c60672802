package io.github.camelclaid.testserver;

import java.util.Objects;
import java.util.function.Supplier;

import io.github.camelclaid.testinfra.LocalServerExtension;

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
public final class LocalClaidServerExtension extends LocalServerExtension<LocalClaidServer> {

    /** A server with default settings. */
    public LocalClaidServerExtension() {
        this(LocalClaidServer.builder());
    }

    /** A server from this builder (built once per class or once per test). */
    public LocalClaidServerExtension(LocalClaidServer.Builder builder) {
        super(LocalClaidServer.class, Objects.requireNonNull(builder, "builder")::build);
    }

    /**
     * A server from the builder this supplies when the server starts (once per class or once per test), for settings
     * known only then: the endpoint of a {@link io.github.camelclaid.s3.LocalS3Server} another extension started
     * first, say (order the two with {@code @Order}).
     *
     * <pre>{@code
     * @RegisterExtension
     * @Order(1)
     * static LocalS3ServerExtension s3 = new LocalS3ServerExtension();
     *
     * @RegisterExtension
     * @Order(2)
     * static LocalClaidServerExtension claid = new LocalClaidServerExtension(() -> LocalClaidServer.builder()
     *         .s3Endpoint(s3.endpoint(), s3.server().accessKey(), s3.server().secretKey())
     *         .s3Storage("incoming", "claid-incoming"));
     * }</pre>
     */
    public LocalClaidServerExtension(Supplier<LocalClaidServer.Builder> builder) {
        super(LocalClaidServer.class, buildingFrom(builder));
    }

    /** Shortcut for {@code server().baseUrl()}. */
    public String baseUrl() {
        return server().baseUrl();
    }

    private static Supplier<LocalClaidServer> buildingFrom(Supplier<LocalClaidServer.Builder> builder) {
        Objects.requireNonNull(builder, "builder");
        return () -> builder.get().build();
    }

    /** A clean slate, not a restart: keeps the port stable for clients configured once per class. */
    @Override
    protected void beforeEachOnSharedServer(LocalClaidServer shared) {
        shared.reset();
    }
}
