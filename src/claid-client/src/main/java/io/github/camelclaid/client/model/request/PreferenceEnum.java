package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Speed versus quality of scene generation; Claid defaults to optimal. Claid schema: {@code PreferenceEnum}. */
public enum PreferenceEnum {

    FAST("fast"),
    OPTIMAL("optimal"),
    BEST("best");

    private final String value;

    PreferenceEnum(String value) {
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
