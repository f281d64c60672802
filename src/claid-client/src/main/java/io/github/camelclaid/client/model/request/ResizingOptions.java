package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Output size of an edit and how the image is fitted into it; the aspect ratio is never distorted.
 * Claid schema: {@code ResizingOptions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ResizingOptions {

    private final Object width;
    private final Object height;
    private final Object fit;

    private ResizingOptions(Builder b) {
        this.width = b.width;
        this.height = b.height;
        this.fit = b.fit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An {@code Integer} (pixels), a {@code String} (percent or "auto") or {@link SizesEnum}. */
    @JsonProperty("width")
    public Object getWidth() {
        return width;
    }

    /** An {@code Integer} (pixels), a {@code String} (percent or "auto") or {@link SizesEnum}. */
    @JsonProperty("height")
    public Object getHeight() {
        return height;
    }

    /** Either a {@link FitEnum} or a {@link FitOptions}. */
    @JsonProperty("fit")
    public Object getFit() {
        return fit;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ResizingOptions that)) {
            return false;
        }
        return Objects.equals(width, that.width) && Objects.equals(height, that.height)
                && Objects.equals(fit, that.fit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, fit);
    }

    @Override
    public String toString() {
        return "ResizingOptions{width=" + width + ", height=" + height + ", fit=" + fit + "}";
    }

    /** Builder for {@link ResizingOptions}. */
    public static final class Builder {
        private Object width;
        private Object height;
        private Object fit;

        private Builder() {
        }

        /** Output width in pixels. */
        public Builder width(int pixels) {
            this.width = pixels;
            return this;
        }

        /**
         * Output width relative to the input, such as {@code "200%"}, or {@code "auto"} to follow the height. With a
         * percentage, the height must be the same percentage or auto.
         */
        public Builder width(String percentOrAuto) {
            this.width = percentOrAuto;
            return this;
        }

        /** {@link SizesEnum#AUTO}: the width follows the height (Claid's default). */
        public Builder width(SizesEnum width) {
            this.width = width;
            return this;
        }

        /** Output height in pixels. */
        public Builder height(int pixels) {
            this.height = pixels;
            return this;
        }

        /**
         * Output height relative to the input, such as {@code "50%"}, or {@code "auto"} to follow the width. With a
         * percentage, the width must be the same percentage or auto.
         */
        public Builder height(String percentOrAuto) {
            this.height = percentOrAuto;
            return this;
        }

        /** {@link SizesEnum#AUTO}: the height follows the width (Claid's default). */
        public Builder height(SizesEnum height) {
            this.height = height;
            return this;
        }

        /** Fit mode by name, with Claid's defaults for it; Claid uses crop when unset. */
        public Builder fit(FitEnum fit) {
            this.fit = fit;
            return this;
        }

        /** Fit mode with its settings, such as smart cropping or outpainting margins. */
        public Builder fit(FitOptions fit) {
            this.fit = fit;
            return this;
        }

        public ResizingOptions build() {
            return new ResizingOptions(this);
        }
    }
}
