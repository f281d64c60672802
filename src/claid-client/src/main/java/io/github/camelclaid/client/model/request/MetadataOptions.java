package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Resolution and color space written into the output image. Claid schema: {@code MetadataOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MetadataOptions {

    private final Integer dpi;
    private final Object colorSpace;

    private MetadataOptions(Builder b) {
        this.dpi = b.dpi;
        this.colorSpace = b.colorSpace;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("dpi")
    public Integer getDpi() {
        return dpi;
    }

    /** Either a {@link ColorSpaceEnum} or a {@link ColorSpaceOptions}. */
    @JsonProperty("color_space")
    public Object getColorSpace() {
        return colorSpace;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetadataOptions that)) {
            return false;
        }
        return Objects.equals(dpi, that.dpi) && Objects.equals(colorSpace, that.colorSpace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dpi, colorSpace);
    }

    @Override
    public String toString() {
        return "MetadataOptions{dpi=" + dpi + ", colorSpace=" + colorSpace + "}";
    }

    /** Builder for {@link MetadataOptions}. */
    public static final class Builder {
        private Integer dpi;
        private Object colorSpace;

        private Builder() {
        }

        /** Dots per inch recorded in the file (pixels are not changed). */
        public Builder dpi(int dpi) {
            this.dpi = dpi;
            return this;
        }

        /** Converts to RGB or CMYK (with Claid's default profile); by default the input's color space is kept. */
        public Builder colorSpace(ColorSpaceEnum colorSpace) {
            this.colorSpace = colorSpace;
            return this;
        }

        /** Converts to RGB, or to CMYK with a chosen print profile. */
        public Builder colorSpace(ColorSpaceOptions colorSpace) {
            this.colorSpace = colorSpace;
            return this;
        }

        public MetadataOptions build() {
            return new MetadataOptions(this);
        }
    }
}
