package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Hint about what the foreground is, for background removal and blur. Claid schema: {@code BackgroundCategoryEnum}. */
public enum BackgroundCategoryEnum {

    /** Anything (Claid's default). */
    GENERAL("general"),
    /** Vehicles. */
    CARS("cars"),
    /** Products and groceries. */
    PRODUCTS("products");

    private final String value;

    BackgroundCategoryEnum(String value) {
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
