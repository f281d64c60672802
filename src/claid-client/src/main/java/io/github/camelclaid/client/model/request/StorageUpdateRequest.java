package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code PATCH /v1/storage/storages/{id}}: only the fields that are set are changed.
 * Claid schema: {@code StorageInUpdate_Pydantic}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class StorageUpdateRequest implements ClaidRequest {

    private final String name;
    private final StorageType type;
    private final Object parameters;

    private StorageUpdateRequest(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.parameters = b.parameters;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String schemaName() {
        return "StorageInUpdate_Pydantic";
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
        if (!(o instanceof StorageUpdateRequest that)) {
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
        return "StorageUpdateRequest{name=" + name + ", type=" + type + ", parameters=" + parameters + "}";
    }

    /**
     * Builder for {@link StorageUpdateRequest}; everything is optional. Unlike {@link StorageRequest.Builder}, setting
     * parameters does not set the type.
     */
    public static final class Builder {
        private String name;
        private StorageType type;
        private Object parameters;

        private Builder() {
        }

        /** New name, at most 50 characters; {@code storage://} URIs using the old name stop working. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** New kind of storage. */
        public Builder type(StorageType type) {
            this.type = type;
            return this;
        }

        /** S3 settings to change; any of bucket, path and either credential may be left unset. */
        public Builder parameters(S3Parameters parameters) {
            this.parameters = parameters;
            return this;
        }

        /** GCS settings to change; any of bucket, path and either credential may be left unset. */
        public Builder parameters(GcsParameters parameters) {
            this.parameters = parameters;
            return this;
        }

        /** New web folder base URL. */
        public Builder parameters(WebFolderParameters parameters) {
            this.parameters = parameters;
            return this;
        }

        public StorageUpdateRequest build() {
            return new StorageUpdateRequest(this);
        }
    }
}
