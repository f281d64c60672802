package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Kind of background blur. Claid schema: {@code BackgroundBlurTypeEnum}. */
public enum BackgroundBlurTypeEnum {

    /** Gaussian blur (Claid's default). */
    REGULAR("regular"),
    /** Shallow depth-of-field look. */
    LENS("lens");

    private final String value;

    BackgroundBlurTypeEnum(String value) {
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
