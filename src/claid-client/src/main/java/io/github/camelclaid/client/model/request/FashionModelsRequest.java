package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /v1/image/ai-fashion-models}: clothing shown on a generated or given human model
 * (asynchronous). Claid schema: {@code TryOnAPIRequest}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FashionModelsRequest implements ClaidRequest {

    private final FashionModelsInput input;
    private final FashionModelsOptions options;
    private final Object output;

    private FashionModelsRequest(Builder b) {
        this.input = b.input;
        this.options = b.options;
        this.output = b.output;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String schemaName() {
        return "TryOnAPIRequest";
    }

    @JsonProperty("input")
    public FashionModelsInput getInput() {
        return input;
    }

    @JsonProperty("options")
    public FashionModelsOptions getOptions() {
        return options;
    }

    /** Either a {@link FashionModelsOutputOptions} or a destination URI {@code String}; null for Claid's default. */
    @JsonProperty("output")
    public Object getOutput() {
        return output;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FashionModelsRequest that)) {
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
        return "FashionModelsRequest{input=" + input + ", options=" + options + ", output=" + output + "}";
    }

    /** Builder for {@link FashionModelsRequest}. */
    public static final class Builder {
        private FashionModelsInput input;
        private FashionModelsOptions options;
        private Object output;

        private Builder() {
        }

        /** The clothing images and, optionally, the human model image. Required. */
        public Builder input(FashionModelsInput input) {
            this.input = input;
            return this;
        }

        /** Pose, background and aspect ratio. Required by Claid, but may be empty. */
        public Builder options(FashionModelsOptions options) {
            this.options = options;
            return this;
        }

        /** Number of results, destination and format; Claid makes one png behind a temporary URL if unset. */
        public Builder output(FashionModelsOutputOptions output) {
            this.output = output;
            return this;
        }

        /** Where to write the result(s), such as {@code storage://name/out/}. */
        public Builder output(String destination) {
            this.output = destination;
            return this;
        }

        public FashionModelsRequest build() {
            return new FashionModelsRequest(this);
        }
    }
}
