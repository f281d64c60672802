package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Kind of storage connected to Claid. Claid schema: {@code StorageType}. */
public enum StorageType {

    /** A public HTTP base URL (read only, as far as we know). */
    WEB_FOLDER("web_folder"),
    /** An Amazon S3 bucket. */
    S3("s3"),
    /** A Google Cloud Storage bucket. */
    GCS("gcs");

    private final String value;

    StorageType(String value) {
        this.value = value;
    }

    /** The value Claid expects in the JSON body. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
