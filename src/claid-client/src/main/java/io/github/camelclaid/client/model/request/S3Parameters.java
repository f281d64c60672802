package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Connection settings of an Amazon S3 bucket; bucket and credentials are required to create, optional to
 * update.
 * Claid schemas: {@code S3Parameters_Pydantic} (create) and {@code S3ParametersUpdate_Pydantic} (update).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class S3Parameters {

    private final String path;
    private final String bucket;
    private final StorageCredentials credentials;

    private S3Parameters(Builder b) {
        this.path = b.path;
        this.bucket = b.bucket;
        this.credentials = b.credentials;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("path")
    public String getPath() {
        return path;
    }

    @JsonProperty("bucket")
    public String getBucket() {
        return bucket;
    }

    @JsonProperty("credentials")
    public StorageCredentials getCredentials() {
        return credentials;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof S3Parameters that)) {
            return false;
        }
        return Objects.equals(path, that.path) && Objects.equals(bucket, that.bucket)
                && Objects.equals(credentials, that.credentials);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, bucket, credentials);
    }

    @Override
    public String toString() {
        return "S3Parameters{path=" + path + ", bucket=" + bucket + ", credentials=" + credentials + "}";
    }

    /** Builder for {@link S3Parameters}. */
    public static final class Builder {
        private String path;
        private String bucket;
        private StorageCredentials credentials;

        private Builder() {
        }

        /** Prefix Claid puts in front of every path of a {@code storage://} URI; Claid defaults to none. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** The bucket's global name. */
        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        /** Key pair Claid uses to read and write the bucket. */
        public Builder credentials(StorageCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public S3Parameters build() {
            return new S3Parameters(this);
        }
    }
}
