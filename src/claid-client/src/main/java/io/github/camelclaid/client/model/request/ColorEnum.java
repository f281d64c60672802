package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Keyword scene color (png output only). Claid schema: {@code ColorEnum}. */
public enum ColorEnum {

    TRANSPARENT("transparent");

    private final String value;

    ColorEnum(String value) {
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
