package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Camera viewpoint of an effect-only scene; Claid defaults to auto. Claid schema: {@code TemplateViewAutoEnum}. */
public enum TemplateViewAutoEnum {

    /** Claid picks the viewpoint. */
    AUTO("auto"),
    /** Looking down from above. */
    TOP("top"),
    /** Looking straight at the scene. */
    FRONT("front");

    private final String value;

    TemplateViewAutoEnum(String value) {
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
