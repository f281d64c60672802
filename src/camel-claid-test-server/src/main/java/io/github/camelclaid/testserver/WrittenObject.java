package io.github.camelclaid.testserver;

import java.time.Instant;

/**
 * An output the server "wrote" to a connected storage (an {@code s3} or {@code gcs} storage created through the
 * storage API), as Claid reports it in {@code object_key}, {@code object_bucket}, {@code object_uri} and
 * {@code claid_storage_uri}. The object is kept in memory so tests can inspect it; when the server has an S3 endpoint
 * ({@link LocalClaidServer.Builder#s3Endpoint}) an object of an {@code s3} storage was also PUT into the bucket there
 * ({@link #inBucket()}).
 *
 * <p>
 * {@code object_uri} is written {@code s3://bucket/key} or {@code gs://bucket/key}; Claid does not document its
 * exact form.
 */
public final class WrittenObject {

    private final String storageName;
    private final String bucket;
    private final String key;
    private final String objectUri;
    private final String claidStorageUri;
    private final GeneratedMedia media;
    private final Instant writtenAt;
    private final boolean inBucket;

    WrittenObject(String storageName, String bucket, String key, String objectUri, String claidStorageUri,
                  GeneratedMedia media, Instant writtenAt, boolean inBucket) {
        this.storageName = storageName;
        this.bucket = bucket;
        this.key = key;
        this.objectUri = objectUri;
        this.claidStorageUri = claidStorageUri;
        this.media = media;
        this.writtenAt = writtenAt;
        this.inBucket = inBucket;
    }

    /** The storage's name in Claid (the host part of {@code storage://name/...}). */
    public String storageName() {
        return storageName;
    }

    public String bucket() {
        return bucket;
    }

    /** The object key: the storage's {@code path} prefix followed by the path the request named. */
    public String key() {
        return key;
    }

    public String objectUri() {
        return objectUri;
    }

    /** {@code storage://name/path}, the form usable as the input of another request. */
    public String claidStorageUri() {
        return claidStorageUri;
    }

    /** The media type Claid reports (for AVIF the bytes are PNG, see {@link #bytes()}). */
    public String mimeType() {
        return media.info().format().mime();
    }

    /** 0 for videos. */
    public int width() {
        return media.info().format().isVideo() ? 0 : media.info().width();
    }

    /** 0 for videos. */
    public int height() {
        return media.info().format().isVideo() ? 0 : media.info().height();
    }

    /** The object's content: a decodable image (PNG bytes for reported AVIF) or the placeholder MP4. */
    public byte[] bytes() {
        return media.bytes().clone();
    }

    public Instant writtenAt() {
        return writtenAt;
    }

    /**
     * Whether the object is in a real bucket: PUT (with {@link #bytes()}) into {@link #bucket()} at the server's S3
     * endpoint; false when it exists in memory only.
     */
    public boolean inBucket() {
        return inBucket;
    }

    GeneratedMedia media() {
        return media;
    }

    @Override
    public String toString() {
        return claidStorageUri + " (" + objectUri + ", " + mimeType() + ")";
    }
}
