/**
 * A real S3-compatible server for tests of {@code aws2-s3} routes and for demos, without Docker: S3Proxy in a child
 * JVM on 127.0.0.1.
 *
 * <p>
 * Start one with {@link io.github.camelclaid.s3.LocalS3Server#builder()} (or let
 * {@link io.github.camelclaid.s3.LocalS3ServerExtension} do it), point Camel at it with
 * {@link io.github.camelclaid.s3.LocalS3Server#camelProperties()} and check the outcome with {@code keys(...)},
 * {@code get(...)} or the plain {@code client()}. The S3Proxy jar travels inside this module's jar and is unpacked into
 * the temporary directory on first use, never put on a classpath.
 *
 * <p>
 * With the {@code aws2-s3} consumer's default {@code deleteAfterRead=true}, the consumer deletes the object named by
 * the {@code CamelAwsS3Key} header when the exchange completes: a route that sets that header for a producer must put
 * the source key back afterwards, or it deletes its own output and reads the input again.
 */
package io.github.camelclaid.s3;
