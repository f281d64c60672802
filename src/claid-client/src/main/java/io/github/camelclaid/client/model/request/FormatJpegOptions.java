package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** JPEG output with encoder settings, {@code {"type":"jpeg",...}}. Claid schema: {@code FormatJpegOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FormatJpegOptions {

    private final Integer quality;
    private final Boolean progressive;

    private FormatJpegOptions(Builder b) {
        this.quality = b.quality;
        this.progressive = b.progressive;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Always {@link FormatEnum#JPEG}. */
    @JsonProperty("type")
    public FormatEnum getType() {
        return FormatEnum.JPEG;
    }

    @JsonProperty("quality")
    public Integer getQuality() {
        return quality;
    }

    @JsonProperty("progressive")
    public Boolean getProgressive() {
        return progressive;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FormatJpegOptions that)) {
            return false;
        }
        return Objects.equals(quality, that.quality) && Objects.equals(progressive, that.progressive);
    }

    @Override
    public int hashCode() {
        return Objects.hash(quality, progressive);
    }

    @Override
    public String toString() {
        return "FormatJpegOptions{type=jpeg, quality=" + quality + ", progressive=" + progressive + "}";
    }

    /** Builder for {@link FormatJpegOptions}. */
    public static final class Builder {
        private Integer quality;
        private Boolean progressive;

        private Builder() {
        }

        /** JPEG quality, 1 to 100; Claid defaults to 85. */
        public Builder quality(int quality) {
            this.quality = quality;
            return this;
        }

        /** Whether the JPEG loads in successive passes in browsers; Claid defaults to true. */
        public Builder progressive(boolean progressive) {
            this.progressive = progressive;
            return this;
        }

        public FormatJpegOptions build() {
            return new FormatJpegOptions(this);
        }
    }
}
