package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Output image format by name, encoded with Claid's default settings for that codec.
 * Claid schema: {@code FormatEnum}.
 */
public enum FormatEnum {

    JPEG("jpeg"),
    PNG("png"),
    WEBP("webp"),
    AVIF("avif"),
    TIFF("tiff");

    private final String value;

    FormatEnum(String value) {
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
