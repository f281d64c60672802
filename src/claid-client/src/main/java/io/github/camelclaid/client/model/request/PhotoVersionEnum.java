package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Version of the photo upscaling network. Claid schema: {@code PhotoVersionEnum}. */
public enum PhotoVersionEnum {

    /** Deprecated by Claid. */
    V1("1"),
    /** Camera and phone photos. */
    V2("2"),
    /** Like 2, restores more aggressively. */
    V3("3");

    private final String value;

    PhotoVersionEnum(String value) {
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
