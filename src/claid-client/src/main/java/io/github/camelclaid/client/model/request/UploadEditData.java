package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * JSON of the {@code data} part of {@code POST /v1/image/edit/upload}: an edit without an input, since the image
 * travels in the {@code file} part. Usually obtained from {@link EditRequest#withoutInput()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class UploadEditData implements ClaidRequest {

    private final ImageOperations operations;
    private final Object output;

    UploadEditData(ImageOperations operations, Object output) {
        this.operations = operations;
        this.output = output;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String schemaName() {
        return "UploadEditData";
    }

    @JsonProperty("operations")
    public ImageOperations getOperations() {
        return operations;
    }

    /** Either an {@link ImageOutputOptions} or a destination URI {@code String}; null for Claid's default. */
    @JsonProperty("output")
    public Object getOutput() {
        return output;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof UploadEditData that)) {
            return false;
        }
        return Objects.equals(operations, that.operations) && Objects.equals(output, that.output);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operations, output);
    }

    @Override
    public String toString() {
        return "UploadEditData{operations=" + operations + ", output=" + output + "}";
    }

    /** Builder for {@link UploadEditData}. */
    public static final class Builder {
        private ImageOperations operations;
        private Object output;

        private Builder() {
        }

        /** What to do with the uploaded image. Required (may be empty). */
        public Builder operations(ImageOperations operations) {
            this.operations = operations;
            return this;
        }

        /** Format, destination and metadata of the result; Claid writes JPEG to a one-day temporary URL if unset. */
        public Builder output(ImageOutputOptions output) {
            this.output = output;
            return this;
        }

        /** Where to write the result (for example {@code storage://name/dir/image.jpg}), in the default format. */
        public Builder output(String destination) {
            this.output = destination;
            return this;
        }

        public UploadEditData build() {
            return new UploadEditData(operations, output);
        }
    }
}
