package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /v1/video/generate}: a short video animated from one image (asynchronous).
 * Claid schema: {@code ImageVideoRequest}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class VideoRequest implements ClaidRequest {

    private final String input;
    private final VideoOptions options;
    private final String output;

    private VideoRequest(Builder b) {
        this.input = b.input;
        this.options = b.options;
        this.output = b.output;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String schemaName() {
        return "ImageVideoRequest";
    }

    @JsonProperty("input")
    public String getInput() {
        return input;
    }

    @JsonProperty("options")
    public VideoOptions getOptions() {
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
        if (!(o instanceof VideoRequest that)) {
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
        return "VideoRequest{input=" + input + ", options=" + options + ", output=" + output + "}";
    }

    /** Builder for {@link VideoRequest}. */
    public static final class Builder {
        private String input;
        private VideoOptions options;
        private String output;

        private Builder() {
        }

        /** Image to animate ({@code http(s)://} or {@code storage://}), each side at least 300 px. Required. */
        public Builder input(String input) {
            this.input = input;
            return this;
        }

        /** Prompt, duration and guidance. Required. */
        public Builder options(VideoOptions options) {
            this.options = options;
            return this;
        }

        /**
         * Where Claid writes the MP4: a file such as {@code storage://name/out/clip.mp4} or a folder ending in
         * {@code /} (Claid picks a unique name); else a one-day temporary URL.
         */
        public Builder output(String destination) {
            this.output = destination;
            return this;
        }

        public VideoRequest build() {
            return new VideoRequest(this);
        }
    }
}
