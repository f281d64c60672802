package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** TIFF output with a chosen compression, {@code {"type":"tiff",...}}. Claid schema: {@code FormatTiffOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FormatTiffOptions {

    private final Object compression;

    private FormatTiffOptions(Builder b) {
        this.compression = b.compression;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Always {@link FormatEnum#TIFF}. */
    @JsonProperty("type")
    public FormatEnum getType() {
        return FormatEnum.TIFF;
    }

    /** Either a {@link CompressionEnum} or a {@link CompressionOptions}. */
    @JsonProperty("compression")
    public Object getCompression() {
        return compression;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof FormatTiffOptions that && Objects.equals(compression, that.compression);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(compression);
    }

    @Override
    public String toString() {
        return "FormatTiffOptions{type=tiff, compression=" + compression + "}";
    }

    /** Builder for {@link FormatTiffOptions}. */
    public static final class Builder {
        private Object compression;

        private Builder() {
        }

        /** Lossy (JPEG inside TIFF) or lossless (LZW) with default settings; Claid defaults to lossless. */
        public Builder compression(CompressionEnum compression) {
            this.compression = compression;
            return this;
        }

        /** Lossy with a chosen quality, or lossless. */
        public Builder compression(CompressionOptions compression) {
            this.compression = compression;
            return this;
        }

        public FormatTiffOptions build() {
            return new FormatTiffOptions(this);
        }
    }
}
