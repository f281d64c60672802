package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** PNG output with encoder settings, {@code {"type":"png",...}}. Claid schema: {@code FormatPngOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FormatPngOptions {

    private final FormatCompressionLevelEnum compression;

    private FormatPngOptions(Builder b) {
        this.compression = b.compression;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Always {@link FormatEnum#PNG}. */
    @JsonProperty("type")
    public FormatEnum getType() {
        return FormatEnum.PNG;
    }

    @JsonProperty("compression")
    public FormatCompressionLevelEnum getCompression() {
        return compression;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof FormatPngOptions that && compression == that.compression;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(compression);
    }

    @Override
    public String toString() {
        return "FormatPngOptions{type=png, compression=" + compression + "}";
    }

    /** Builder for {@link FormatPngOptions}. */
    public static final class Builder {
        private FormatCompressionLevelEnum compression;

        private Builder() {
        }

        /** Encoder effort (PNG stays lossless); Claid defaults to optimal. */
        public Builder compression(FormatCompressionLevelEnum compression) {
            this.compression = compression;
            return this;
        }

        public FormatPngOptions build() {
            return new FormatPngOptions(this);
        }
    }
}
