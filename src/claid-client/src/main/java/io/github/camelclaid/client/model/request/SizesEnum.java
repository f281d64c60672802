package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** The keyword a resize dimension takes to follow the other dimension. Claid schema: {@code SizesEnum}. */
public enum SizesEnum {

    /** Derive this side from the other one, keeping the aspect ratio. */
    AUTO("auto");

    private final String value;

    SizesEnum(String value) {
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
