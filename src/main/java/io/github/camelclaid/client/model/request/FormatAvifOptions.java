package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** AVIF output with a chosen compression, {@code {"type":"avif",...}}. Claid schema: {@code FormatAvifOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FormatAvifOptions {

    private final Object compression;

    private FormatAvifOptions(Builder b) {
        this.compression = b.compression;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Always {@link FormatEnum#AVIF}. */
    @JsonProperty("type")
    public FormatEnum getType() {
        return FormatEnum.AVIF;
    }

    /** Either a {@link CompressionEnum} or a {@link CompressionOptions}. */
    @JsonProperty("compression")
    public Object getCompression() {
        return compression;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof FormatAvifOptions that && Objects.equals(compression, that.compression);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(compression);
    }

    @Override
    public String toString() {
        return "FormatAvifOptions{type=avif, compression=" + compression + "}";
    }

    /** Builder for {@link FormatAvifOptions}. */
    public static final class Builder {
        private Object compression;

        private Builder() {
        }

        /** Lossy or lossless with Claid's default settings; Claid defaults to lossy, quality 50. */
        public Builder compression(CompressionEnum compression) {
            this.compression = compression;
            return this;
        }

        /** Lossy with a chosen quality, or lossless. */
        public Builder compression(CompressionOptions compression) {
            this.compression = compression;
            return this;
        }

        public FormatAvifOptions build() {
            return new FormatAvifOptions(this);
        }
    }
}
