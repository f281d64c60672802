package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Camera viewpoint of a scene template. Claid schema: {@code TemplateViewEnum}. */
public enum TemplateViewEnum {

    /** Looking down from above. */
    TOP("top"),
    /** Looking straight at the scene. */
    FRONT("front");

    private final String value;

    TemplateViewEnum(String value) {
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
