package io.github.camelclaid.pipeline;

/**
 * The headers the bucket pipeline keeps with each image, from the S3 object it came from to the result written for
 * it. The submitting route names them in {@code correlationHeaders=ClaidSource*}, so that a task reported later, in
 * another route or after a restart, still knows its image.
 */
public final class PipelineHeaders {

    /** The bucket the image was read from. */
    public static final String SOURCE_BUCKET = "ClaidSourceBucket";
    /** The image's key in that bucket. */
    public static final String SOURCE_KEY = "ClaidSourceKey";
    /** The image's ETag when it was read: a changed image is new work. */
    public static final String SOURCE_ETAG = "ClaidSourceETag";

    private PipelineHeaders() {
    }
}
