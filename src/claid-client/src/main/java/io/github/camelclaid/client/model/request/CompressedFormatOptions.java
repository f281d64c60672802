package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * WEBP, AVIF or TIFF output with a chosen compression, e.g. {@code {"type":"webp","compression":"lossless"}}. Claid
 * has one schema per format ({@code FormatWebpOptions}, {@code FormatAvifOptions}, {@code FormatTiffOptions}), all of
 * this shape; scene outputs accept WEBP and AVIF only. Claid's defaults when no compression is given: lossy, quality
 * 75 for WEBP and 50 for AVIF.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CompressedFormatOptions {

    private final FormatEnum type;
    private final Object compression;

    private CompressedFormatOptions(Builder b) {
        this.type = b.type;
        this.compression = b.compression;
    }

    public static Builder webp() {
        return new Builder(FormatEnum.WEBP);
    }

    public static Builder avif() {
        return new Builder(FormatEnum.AVIF);
    }

    public static Builder tiff() {
        return new Builder(FormatEnum.TIFF);
    }

    @JsonProperty("type")
    public FormatEnum getType() {
        return type;
    }

    /** Either a {@link CompressionEnum} or a {@link CompressionOptions}. */
    @JsonProperty("compression")
    public Object getCompression() {
        return compression;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CompressedFormatOptions that && type == that.type
                && Objects.equals(compression, that.compression);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, compression);
    }

    @Override
    public String toString() {
        return "CompressedFormatOptions{type=" + type + ", compression=" + compression + "}";
    }

    /** Builder for {@link CompressedFormatOptions}; start with {@link #webp()}, {@link #avif()} or {@link #tiff()}. */
    public static final class Builder {
        private final FormatEnum type;
        private Object compression;

        private Builder(FormatEnum type) {
            this.type = type;
        }

        /** Lossy or lossless with Claid's default settings. */
        public Builder compression(CompressionEnum compression) {
            this.compression = compression;
            return this;
        }

        /** Lossy with a chosen quality, or lossless. */
        public Builder compression(CompressionOptions compression) {
            this.compression = compression;
            return this;
        }

        public CompressedFormatOptions build() {
            return new CompressedFormatOptions(this);
        }
    }
}
