package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the image is made to fit the requested width and height; the aspect ratio is always kept.
 * Claid schema: {@code FitEnum}.
 */
public enum FitEnum {

    /** Cover the box, then cut off what sticks out (centered). */
    CROP("crop"),
    /** Cover the box; one side may end up larger than asked. */
    COVER("cover"),
    /** Fit inside the box; one side may end up smaller than asked. */
    BOUNDS("bounds"),
    /** Fit inside the box and fill the rest with the background color. */
    CANVAS("canvas"),
    /** Fit inside the box and let a generative model paint the rest. */
    OUTPAINT("outpaint");

    private final String value;

    FitEnum(String value) {
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
