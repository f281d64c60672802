package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Effect of an effect-only scene. Claid schema: {@code SceneEffectEnum}. */
public enum SceneEffectEnum {

    /** Plain background with a generated product shadow. */
    SHADOWS("shadows");

    private final String value;

    SceneEffectEnum(String value) {
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
