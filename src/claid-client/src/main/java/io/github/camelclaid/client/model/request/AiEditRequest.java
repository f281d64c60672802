package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /v1/image/ai-edit}: an image changed as described in a text prompt (asynchronous).
 * Claid schema: {@code AiEditAPIRequest}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AiEditRequest implements ClaidRequest {

    private final String input;
    private final AiEditOptions options;
    private final Object output;

    private AiEditRequest(Builder b) {
        this.input = b.input;
        this.options = b.options;
        this.output = b.output;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String schemaName() {
        return "AiEditAPIRequest";
    }

    @JsonProperty("input")
    public String getInput() {
        return input;
    }

    @JsonProperty("options")
    public AiEditOptions getOptions() {
        return options;
    }

    /** Either an {@link AiEditOutputOptions} or a destination URI {@code String}; null for Claid's default. */
    @JsonProperty("output")
    public Object getOutput() {
        return output;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AiEditRequest that)) {
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
        return "AiEditRequest{input=" + input + ", options=" + options + ", output=" + output + "}";
    }

    /** Builder for {@link AiEditRequest}. */
    public static final class Builder {
        private String input;
        private AiEditOptions options;
        private Object output;

        private Builder() {
        }

        /** Image to edit: an {@code http(s)://} or {@code storage://} URI, up to 4096 characters. Required. */
        public Builder input(String input) {
            this.input = input;
            return this;
        }

        /** The prompt and generation settings. Required. */
        public Builder options(AiEditOptions options) {
            this.options = options;
            return this;
        }

        /** Number of results, destination and format; Claid makes one png behind a temporary URL if unset. */
        public Builder output(AiEditOutputOptions output) {
            this.output = output;
            return this;
        }

        /** Where to write the result(s), such as {@code storage://name/out/}. */
        public Builder output(String destination) {
            this.output = destination;
            return this;
        }

        public AiEditRequest build() {
            return new AiEditRequest(this);
        }
    }
}
