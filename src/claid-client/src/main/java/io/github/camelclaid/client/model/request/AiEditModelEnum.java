package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Model used by AI edit; Claid defaults to v2. Claid schema: {@code AIEditModelAPI}. */
public enum AiEditModelEnum {

    V1("v1"),
    V2("v2");

    private final String value;

    AiEditModelEnum(String value) {
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
