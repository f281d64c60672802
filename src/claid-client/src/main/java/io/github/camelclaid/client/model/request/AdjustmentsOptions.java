package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Tone and color adjustments of an edit; nothing changes unless set. Claid schema: {@code AdjustmentsOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AdjustmentsOptions {

    private final Object hdr;
    private final Integer exposure;
    private final Integer saturation;
    private final Integer contrast;
    private final Integer sharpness;

    private AdjustmentsOptions(Builder b) {
        this.hdr = b.hdr;
        this.exposure = b.exposure;
        this.saturation = b.saturation;
        this.contrast = b.contrast;
        this.sharpness = b.sharpness;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Either an {@code Integer} intensity or an {@link HdrOptions}. */
    @JsonProperty("hdr")
    public Object getHdr() {
        return hdr;
    }

    @JsonProperty("exposure")
    public Integer getExposure() {
        return exposure;
    }

    @JsonProperty("saturation")
    public Integer getSaturation() {
        return saturation;
    }

    @JsonProperty("contrast")
    public Integer getContrast() {
        return contrast;
    }

    @JsonProperty("sharpness")
    public Integer getSharpness() {
        return sharpness;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AdjustmentsOptions that)) {
            return false;
        }
        return Objects.equals(hdr, that.hdr) && Objects.equals(exposure, that.exposure)
                && Objects.equals(saturation, that.saturation) && Objects.equals(contrast, that.contrast)
                && Objects.equals(sharpness, that.sharpness);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hdr, exposure, saturation, contrast, sharpness);
    }

    @Override
    public String toString() {
        return "AdjustmentsOptions{hdr=" + hdr + ", exposure=" + exposure + ", saturation=" + saturation
                + ", contrast=" + contrast + ", sharpness=" + sharpness + "}";
    }

    /** Builder for {@link AdjustmentsOptions}. */
    public static final class Builder {
        private Object hdr;
        private Integer exposure;
        private Integer saturation;
        private Integer contrast;
        private Integer sharpness;

        private Builder() {
        }

        /** Strength of Claid's automatic color and lighting balance (HDR), 0 (off, the default) to 100. */
        public Builder hdr(int intensity) {
            this.hdr = intensity;
            return this;
        }

        /** HDR with an intensity and the option for stitched 360° photos. */
        public Builder hdr(HdrOptions hdr) {
            this.hdr = hdr;
            return this;
        }

        /** Exposure change, -100 (darker) to 100 (brighter); 0 leaves it. */
        public Builder exposure(int exposure) {
            this.exposure = exposure;
            return this;
        }

        /** Saturation change, -100 (toward grey) to 100 (more vivid); 0 leaves it. */
        public Builder saturation(int saturation) {
            this.saturation = saturation;
            return this;
        }

        /** Contrast change, -100 to 100; 0 leaves it. */
        public Builder contrast(int contrast) {
            this.contrast = contrast;
            return this;
        }

        /** Extra sharpening, 0 (none) to 100; Claid cannot soften. */
        public Builder sharpness(int sharpness) {
            this.sharpness = sharpness;
            return this;
        }

        public AdjustmentsOptions build() {
            return new AdjustmentsOptions(this);
        }
    }
}
