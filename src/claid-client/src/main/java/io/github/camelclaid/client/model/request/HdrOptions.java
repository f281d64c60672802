package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** HDR adjustment in its object form. Claid schema: {@code HdrOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class HdrOptions {

    private final Integer intensity;
    private final Boolean stitching;

    private HdrOptions(Builder b) {
        this.intensity = b.intensity;
        this.stitching = b.stitching;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("intensity")
    public Integer getIntensity() {
        return intensity;
    }

    @JsonProperty("stitching")
    public Boolean getStitching() {
        return stitching;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof HdrOptions that)) {
            return false;
        }
        return Objects.equals(intensity, that.intensity) && Objects.equals(stitching, that.stitching);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intensity, stitching);
    }

    @Override
    public String toString() {
        return "HdrOptions{intensity=" + intensity + ", stitching=" + stitching + "}";
    }

    /** Builder for {@link HdrOptions}. */
    public static final class Builder {
        private Integer intensity;
        private Boolean stitching;

        private Builder() {
        }

        /** HDR strength, 0 to 100; in this form Claid defaults to 100. */
        public Builder intensity(int intensity) {
            this.intensity = intensity;
            return this;
        }

        /** Set for stitched 360° panoramas so the effect has no visible seam; off by default. */
        public Builder stitching(boolean stitching) {
            this.stitching = stitching;
            return this;
        }

        public HdrOptions build() {
            return new HdrOptions(this);
        }
    }
}
