package io.github.camelclaid.pipeline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.camelclaid.component.ClaidConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Prepares a processed image for the output bucket: the key is the source image's key under {@link #setPrefix} with
 * the extension of the format Claid produced ({@code photos/chair.jpg} made into PNG becomes {@code photos/chair.png}),
 * and Claid's facts about it (task, request id, format, size) become the object's user metadata, next to where it came
 * from. Replaces the {@code CamelAwsS3*} headers of the source object with the {@code CamelAwsS3Key},
 * {@code CamelAwsS3ContentType} and {@code CamelAwsS3Metadata} an {@code aws2-s3} producer reads for the result; the
 * body, the image's bytes, is left as it is.
 */
public class ResultObject implements Processor {

    static final String S3_KEY = "CamelAwsS3Key";
    static final String S3_CONTENT_TYPE = "CamelAwsS3ContentType";
    static final String S3_METADATA = "CamelAwsS3Metadata";
    static final String S3_HEADERS = "CamelAwsS3*";

    private String prefix = "";

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String source = message.getHeader(PipelineHeaders.SOURCE_KEY, String.class);
        if (source == null) {
            throw new IllegalStateException("No " + PipelineHeaders.SOURCE_KEY + " header: set it from the S3 key"
                    + " before calling Claid, and keep it with correlationHeaders for async tasks");
        }
        String format = message.getHeader(ClaidConstants.OUTPUT_FORMAT, String.class);
        // the source object's headers (its length, checksum, type) would describe the upload wrongly
        message.removeHeaders(S3_HEADERS);
        message.setHeader(S3_KEY, prefix + withExtension(source, format));
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (contentType != null) {
            message.setHeader(S3_CONTENT_TYPE, contentType);
        }
        message.setHeader(S3_METADATA, metadata(message));
    }

    /** The key with its extension replaced by the format's; unchanged when the format is unknown. */
    static String withExtension(String key, String format) {
        if (format == null || format.isBlank()) {
            return key;
        }
        String ext = format.toLowerCase(Locale.ROOT).equals("jpeg") ? "jpg" : format.toLowerCase(Locale.ROOT);
        int slash = key.lastIndexOf('/');
        int dot = key.lastIndexOf('.');
        String stem = dot > slash ? key.substring(0, dot) : key;
        return stem + "." + ext;
    }

    private static Map<String, String> metadata(Message message) {
        Map<String, String> metadata = new LinkedHashMap<>();
        put(metadata, "claid-task-id", message.getHeader(ClaidConstants.TASK_ID, String.class));
        put(metadata, "claid-request-id", message.getHeader(ClaidConstants.REQUEST_ID, String.class));
        put(metadata, "claid-format", message.getHeader(ClaidConstants.OUTPUT_FORMAT, String.class));
        put(metadata, "claid-width", message.getHeader(ClaidConstants.OUTPUT_WIDTH, String.class));
        put(metadata, "claid-height", message.getHeader(ClaidConstants.OUTPUT_HEIGHT, String.class));
        put(metadata, "source-bucket", message.getHeader(PipelineHeaders.SOURCE_BUCKET, String.class));
        put(metadata, "source-key", message.getHeader(PipelineHeaders.SOURCE_KEY, String.class));
        put(metadata, "source-etag", message.getHeader(PipelineHeaders.SOURCE_ETAG, String.class));
        return metadata;
    }

    private static void put(Map<String, String> metadata, String name, String value) {
        if (value != null) {
            metadata.put(name, value);
        }
    }

    public String getPrefix() {
        return prefix;
    }

    /** Where results go in the output bucket, e.g. {@code processed/}; empty (the bucket's root) by default. */
    public void setPrefix(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }
}
