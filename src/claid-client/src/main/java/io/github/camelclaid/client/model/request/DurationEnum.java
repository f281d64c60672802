package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Length of a generated video; Claid expects the seconds as a string and defaults to 5.
 * Claid schema: {@code DurationEnum}.
 */
public enum DurationEnum {

    SECONDS_5("5"),
    SECONDS_10("10");

    private final String value;

    DurationEnum(String value) {
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
