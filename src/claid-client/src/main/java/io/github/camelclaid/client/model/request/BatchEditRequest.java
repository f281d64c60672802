package io.github.camelclaid.client.model.request;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /v1/image/edit/batch}: the same operations applied to every image of a folder or list, each
 * result keeping its input's file name. Claid schema: {@code BatchEditRequest}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BatchEditRequest implements ClaidRequest {

    private final Object input;
    private final ImageOperations operations;
    private final Object output;

    private BatchEditRequest(Builder b) {
        this.input = b.input;
        this.operations = b.operations;
        this.output = b.output;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String schemaName() {
        return "BatchEditRequest";
    }

    /** A folder or file URI {@code String}, a {@link BatchInput}, or an unmodifiable {@code List<String>} of URLs. */
    @JsonProperty("input")
    public Object getInput() {
        return input;
    }

    @JsonProperty("operations")
    public ImageOperations getOperations() {
        return operations;
    }

    /** Either an {@link ImageOutputOptions} or an output folder URI {@code String}; null for Claid's default. */
    @JsonProperty("output")
    public Object getOutput() {
        return output;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BatchEditRequest that)) {
            return false;
        }
        return Objects.equals(input, that.input) && Objects.equals(operations, that.operations)
                && Objects.equals(output, that.output);
    }

    @Override
    public int hashCode() {
        return Objects.hash(input, operations, output);
    }

    @Override
    public String toString() {
        return "BatchEditRequest{input=" + input + ", operations=" + operations + ", output=" + output + "}";
    }

    /** Builder for {@link BatchEditRequest}. */
    public static final class Builder {
        private Object input;
        private ImageOperations operations;
        private Object output;

        private Builder() {
        }

        /** A folder (every image in it, not its subfolders) or single file, such as {@code storage://name/in/}. */
        public Builder input(String folder) {
            this.input = folder;
            return this;
        }

        /** A folder, optionally with its subfolders. */
        public Builder input(BatchInput input) {
            this.input = input;
            return this;
        }

        /** An explicit list of image URLs, at least one. */
        public Builder input(List<String> urls) {
            this.input = urls == null ? null : List.copyOf(urls);
            return this;
        }

        /** What to do with every image. Required (may be empty). */
        public Builder operations(ImageOperations operations) {
            this.operations = operations;
            return this;
        }

        /** Format, output folder ({@code destination}) and metadata of the results. */
        public Builder output(ImageOutputOptions output) {
            this.output = output;
            return this;
        }

        /** Output folder, such as {@code storage://name/out/}; results keep their input file names. */
        public Builder output(String folder) {
            this.output = folder;
            return this;
        }

        public BatchEditRequest build() {
            return new BatchEditRequest(this);
        }
    }
}
