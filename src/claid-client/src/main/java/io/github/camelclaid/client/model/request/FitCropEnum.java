package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a crop is taken from. Claid schema: {@code FitCropEnum}. */
public enum FitCropEnum {

    /** Around the image center. */
    CENTER("center"),
    /** Around the content Claid detects as important. */
    SMART("smart");

    private final String value;

    FitCropEnum(String value) {
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
