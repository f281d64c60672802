package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Keyword background color of an edit (png output only). Claid schema: {@code BackgroundEnum}. */
public enum BackgroundEnum {

    TRANSPARENT("transparent");

    private final String value;

    BackgroundEnum(String value) {
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
