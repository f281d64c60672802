package io.github.camelclaid.testserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A storage connected through the storage API. Cloud storages ({@code s3}, {@code gcs}) have a bucket, a path prefix
 * and credentials; a {@code web_folder} has a base URL.
 */
record Storage(long id, String name, String type, String path, String bucket, String accessKey,
        String secretAccessKey, String baseUrl, String createdAt) {

    static final String WEB_FOLDER = "web_folder";
    static final String S3 = "s3";

    boolean isCloud() {
        return !WEB_FOLDER.equals(type);
    }

    /** Claid's AWS S3 type: the one a server with an S3 endpoint backs with real buckets. */
    boolean isS3() {
        return S3.equals(type);
    }

    /** The scheme of {@code object_uri} for objects written here. */
    String objectUriScheme() {
        return "gcs".equals(type) ? "gs" : "s3";
    }

    /** The object key for a path inside this storage: Claid prepends the storage's {@code path}. */
    String objectKey(String relativePath) {
        String prefix = path == null ? "" : path.replaceAll("^/+", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        return prefix + relativePath.replaceAll("^/+", "");
    }

    /** {@code StorageOutDetailed}: like {@link #summary()} plus the access key. The secret is never echoed. */
    ObjectNode detailed() {
        ObjectNode node = summary();
        if (isCloud()) {
            ((ObjectNode) node.get("parameters")).putObject("credentials").put("access_key", accessKey);
        }
        return node;
    }

    /** {@code StorageOut}, as listed. */
    ObjectNode summary() {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("name", name);
        node.put("type", type);
        ObjectNode parameters = node.putObject("parameters");
        if (isCloud()) {
            parameters.put("path", path == null ? "" : path);
            parameters.put("bucket", bucket);
        } else {
            parameters.put("base_url", baseUrl);
        }
        node.put("created_at", createdAt);
        return node;
    }
}
