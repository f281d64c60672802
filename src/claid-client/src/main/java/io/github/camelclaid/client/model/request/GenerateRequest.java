package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /v1/image/generate}: text-to-image, 1024×1024 PNGs, one credit each.
 * Claid schema: {@code GenerateRequest}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class GenerateRequest implements ClaidRequest {

    private final String input;
    private final ImageGenerateOptions options;
    private final String output;

    private GenerateRequest(Builder b) {
        this.input = b.input;
        this.options = b.options;
        this.output = b.output;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String schemaName() {
        return "GenerateRequest";
    }

    /** The prompt. */
    @JsonProperty("input")
    public String getInput() {
        return input;
    }

    @JsonProperty("options")
    public ImageGenerateOptions getOptions() {
        return options;
    }

    @JsonProperty("output")
    public String getOutput() {
        return output;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GenerateRequest that)) {
            return false;
        }
        return Objects.equals(input, that.input) && Objects.equals(options, that.options)
                && Objects.equals(output, that.output);
    }

    @Override
    public int hashCode() {
        return Objects.hash(input, options, output);
    }

    @Override
    public String toString() {
        return "GenerateRequest{input=" + input + ", options=" + options + ", output=" + output + "}";
    }

    /** Builder for {@link GenerateRequest}. */
    public static final class Builder {
        private String input;
        private ImageGenerateOptions options;
        private String output;

        private Builder() {
        }

        /** The prompt describing the image(s) to create, 3 to 1024 characters. Required. */
        public Builder input(String prompt) {
            this.input = prompt;
            return this;
        }

        /** Number of images and guidance; Claid makes 4 images with guidance 5 if unset. */
        public Builder options(ImageGenerateOptions options) {
            this.options = options;
            return this;
        }

        /**
         * Folder Claid writes the images to, ending in {@code /}, such as {@code storage://name/generated/}; else
         * they sit behind one-day temporary URLs.
         */
        public Builder output(String folder) {
            this.output = folder;
            return this;
        }

        public GenerateRequest build() {
            return new GenerateRequest(this);
        }
    }
}
