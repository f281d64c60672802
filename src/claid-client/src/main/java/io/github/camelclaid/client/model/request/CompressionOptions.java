package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * WEBP, AVIF or TIFF compression in its object form: lossy with an optional quality, or lossless.
 * Claid schemas: {@code WebpLossyCompressionOptions}, {@code WebpLosslessCompressionOptions} and their AVIF and TIFF
 * twins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class CompressionOptions {

    private final CompressionEnum type;
    private final Integer quality;

    private CompressionOptions(CompressionEnum type, Integer quality) {
        this.type = type;
        this.quality = quality;
    }

    /** Lossy compression at Claid's default quality for the format. */
    public static CompressionOptions lossy() {
        return new CompressionOptions(CompressionEnum.LOSSY, null);
    }

    /** Lossy compression at a quality from 1 to 100 (Claid defaults: WEBP 75, AVIF 50, TIFF 75). */
    public static CompressionOptions lossy(int quality) {
        return new CompressionOptions(CompressionEnum.LOSSY, quality);
    }

    /** Lossless compression: every detail kept, much larger files. */
    public static CompressionOptions lossless() {
        return new CompressionOptions(CompressionEnum.LOSSLESS, null);
    }

    @JsonProperty("type")
    public CompressionEnum getType() {
        return type;
    }

    @JsonProperty("quality")
    public Integer getQuality() {
        return quality;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CompressionOptions that && type == that.type
                && Objects.equals(quality, that.quality);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, quality);
    }

    @Override
    public String toString() {
        return "CompressionOptions{type=" + type + ", quality=" + quality + "}";
    }
}
