package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Lossy or lossless encoding for WEBP, AVIF and TIFF output.
 * Claid schemas: {@code WebpCompressionEnum}, {@code AvifCompressionEnum}, {@code TiffCompressionEnum}.
 */
public enum CompressionEnum {

    LOSSY("lossy"),
    LOSSLESS("lossless");

    private final String value;

    CompressionEnum(String value) {
        this.value = value;
    }

    /** The value Claid expects in the JSON body. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
