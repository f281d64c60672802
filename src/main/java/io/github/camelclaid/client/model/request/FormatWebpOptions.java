package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** WEBP output with a chosen compression, {@code {"type":"webp",...}}. Claid schema: {@code FormatWebpOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FormatWebpOptions {

    private final Object compression;

    private FormatWebpOptions(Builder b) {
        this.compression = b.compression;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Always {@link FormatEnum#WEBP}. */
    @JsonProperty("type")
    public FormatEnum getType() {
        return FormatEnum.WEBP;
    }

    /** Either a {@link CompressionEnum} or a {@link CompressionOptions}. */
    @JsonProperty("compression")
    public Object getCompression() {
        return compression;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof FormatWebpOptions that && Objects.equals(compression, that.compression);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(compression);
    }

    @Override
    public String toString() {
        return "FormatWebpOptions{type=webp, compression=" + compression + "}";
    }

    /** Builder for {@link FormatWebpOptions}. */
    public static final class Builder {
        private Object compression;

        private Builder() {
        }

        /** Lossy or lossless with Claid's default settings; Claid defaults to lossy, quality 75. */
        public Builder compression(CompressionEnum compression) {
            this.compression = compression;
            return this;
        }

        /** Lossy with a chosen quality, or lossless. */
        public Builder compression(CompressionOptions compression) {
            this.compression = compression;
            return this;
        }

        public FormatWebpOptions build() {
            return new FormatWebpOptions(this);
        }
    }
}
