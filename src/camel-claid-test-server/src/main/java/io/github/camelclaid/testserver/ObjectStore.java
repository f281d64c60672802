package io.github.camelclaid.testserver;

import java.util.List;

/**
 * The buckets behind {@code s3} storages when the server has an S3 endpoint ({@link LocalClaidServer.Builder#s3Endpoint}).
 * Kept free of AWS SDK types, so the server loads without the SDK on the classpath as long as no endpoint is set.
 */
interface ObjectStore extends AutoCloseable {

    /**
     * The object's content.
     *
     * @throws Failure when it does not exist or cannot be read
     */
    byte[] get(String bucket, String key);

    /** Stores the object (one plain PUT). @throws Failure when the bucket refuses it */
    void put(String bucket, String key, byte[] content, String contentType);

    /** The keys starting with the prefix, sorted. @throws Failure when the bucket cannot be listed */
    List<String> keys(String bucket, String prefix);

    @Override
    void close();

    /** What went wrong, in words fit for an error message of the API: {@code NoSuchKey (HTTP 404)}. */
    final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
