package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Scene generation model; Claid defaults to v1. Claid schema: {@code SceneCreateModelEnum}. */
public enum SceneCreateModelEnum {

    V1("v1"),
    V2_BETA("v2-beta"),
    V2("v2");

    private final String value;

    SceneCreateModelEnum(String value) {
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
