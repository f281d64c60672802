package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of a synchronous ({@code POST /v1/image/edit}) or asynchronous ({@code POST /v1/image/edit/async}) image edit:
 * one input image, the operations to apply and where and how to write the result.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class EditRequest implements ClaidRequest {

    /** Schema for the same body sent to the async endpoint; Claid's two schemas differ only in their title. */
    public static final String ASYNC_SCHEMA_NAME = "AsyncEditRequest";

    private final String input;
    private final ImageOperations operations;
    private final Object output;

    private EditRequest(Builder b) {
        this.input = b.input;
        this.operations = b.operations;
        this.output = b.output;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code "EditRequest"}; use {@link #ASYNC_SCHEMA_NAME} when the body goes to the async endpoint. */
    @Override
    public String schemaName() {
        return "EditRequest";
    }

    /** The same operations and output, without the input: the {@code data} part of a multipart upload. */
    public UploadEditData withoutInput() {
        return new UploadEditData(operations, output);
    }

    @JsonProperty("input")
    public String getInput() {
        return input;
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
        if (!(o instanceof EditRequest that)) {
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
        return "EditRequest{input=" + input + ", operations=" + operations + ", output=" + output + "}";
    }

    /** Builder for {@link EditRequest}. */
    public static final class Builder {
        private String input;
        private ImageOperations operations;
        private Object output;

        private Builder() {
        }

        /**
         * Image to edit: an {@code http(s)://} URL Claid can fetch, or {@code storage://name/path} in a connected
         * storage; up to 4096 characters. Required.
         */
        public Builder input(String input) {
            this.input = input;
            return this;
        }

        /** What to do with the image. Required (may be empty). */
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

        public EditRequest build() {
            return new EditRequest(this);
        }
    }
}
