package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Format of AI fashion model results; Claid defaults to png. Claid schema: {@code TryOnAPIFormatEnum}. */
public enum TryOnFormatEnum {

    JPEG("jpeg"),
    PNG("png");

    private final String value;

    TryOnFormatEnum(String value) {
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
