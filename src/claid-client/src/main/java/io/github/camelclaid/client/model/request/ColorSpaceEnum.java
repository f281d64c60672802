package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Color space of the output image. Claid schema: {@code ColorSpaceEnum}. */
public enum ColorSpaceEnum {

    /** For screens. */
    RGB("RGB"),
    /** For print. */
    CMYK("CMYK");

    private final String value;

    ColorSpaceEnum(String value) {
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
