package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * ICC profile used when converting to CMYK; the schema default is USWeb_Coated, though Claid's prose says ISO_Coated.
 * Claid schema: {@code CMYKColorProfileEnum}.
 */
public enum CmykColorProfileEnum {

    /** FOGRA39, coated paper. */
    ISO_COATED("ISO_Coated"),
    /** FOGRA29, uncoated paper. */
    ISO_UNCOATED("ISO_Uncoated"),
    /** SWOP 2006, US coated paper. */
    USWEB_COATED("USWeb_Coated"),
    /** GRACoL 2013, US uncoated paper. */
    USWEB_UNCOATED("USWeb_Uncoated");

    private final String value;

    CmykColorProfileEnum(String value) {
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
