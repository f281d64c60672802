package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /v1/storage/storages}: connects a bucket or web folder to Claid under a name usable in
 * {@code storage://name/...} URIs. Claid schema: {@code StorageIn_Pydantic}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class StorageRequest implements ClaidRequest {

    private final String name;
    private final StorageType type;
    private final Object parameters;

    private StorageRequest(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.parameters = b.parameters;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String schemaName() {
        return "StorageIn_Pydantic";
    }

    @JsonProperty("name")
    public String getName() {
        return name;
    }

    @JsonProperty("type")
    public StorageType getType() {
        return type;
    }

    /** One of {@link S3Parameters}, {@link GcsParameters}, {@link WebFolderParameters}. */
    @JsonProperty("parameters")
    public Object getParameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StorageRequest that)) {
            return false;
        }
        return Objects.equals(name, that.name) && type == that.type && Objects.equals(parameters, that.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, parameters);
    }

    @Override
    public String toString() {
        return "StorageRequest{name=" + name + ", type=" + type + ", parameters=" + parameters + "}";
    }

    /**
     * Builder for {@link StorageRequest}. Name, type and parameters are required; each {@code parameters} overload
     * also sets the matching type.
     */
    public static final class Builder {
        private String name;
        private StorageType type;
        private Object parameters;

        private Builder() {
        }

        /** Name used in {@code storage://name/...} URIs, at most 50 characters; need not match the bucket name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Kind of storage; set by the {@code parameters} overloads, so rarely needed. */
        public Builder type(StorageType type) {
            this.type = type;
            return this;
        }

        /** An S3 bucket; also sets the type to {@link StorageType#S3}. */
        public Builder parameters(S3Parameters parameters) {
            this.parameters = parameters;
            this.type = StorageType.S3;
            return this;
        }

        /** A Google Cloud Storage bucket; also sets the type to {@link StorageType#GCS}. */
        public Builder parameters(GcsParameters parameters) {
            this.parameters = parameters;
            this.type = StorageType.GCS;
            return this;
        }

        /** A web folder; also sets the type to {@link StorageType#WEB_FOLDER}. */
        public Builder parameters(WebFolderParameters parameters) {
            this.parameters = parameters;
            this.type = StorageType.WEB_FOLDER;
            return this;
        }

        public StorageRequest build() {
            return new StorageRequest(this);
        }
    }
}
