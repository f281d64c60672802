package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Strength of background blur; Claid defaults to medium. Claid schema: {@code BackgroundBlurLevelEnum}. */
public enum BackgroundBlurLevelEnum {

    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String value;

    BackgroundBlurLevelEnum(String value) {
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
