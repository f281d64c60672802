package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Strength of JPEG artifact removal. Claid schema: {@code DecompressEnum}. */
public enum DecompressEnum {

    MODERATE("moderate"),
    STRONG("strong"),
    /** Claid decides whether the image needs it. */
    AUTO("auto");

    private final String value;

    DecompressEnum(String value) {
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
