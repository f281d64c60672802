package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How much of a scene template survives generation; Claid defaults to transform.
 * Claid schema: {@code TemplateModeEnum}.
 */
public enum TemplateModeEnum {

    /** Reshaped by the prompt and color. */
    TRANSFORM("transform"),
    /** Kept with as much detail as possible. */
    LOCK("lock"),
    /** Lightly adapted to the product and prompt. */
    ADJUST("adjust");

    private final String value;

    TemplateModeEnum(String value) {
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
