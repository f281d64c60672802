package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Aspect ratio of AI fashion model results. Claid schema: {@code TryOnAPIAspectRatio}. */
public enum TryOnAspectRatioEnum {

    RATIO_1_1("1:1"),
    RATIO_2_3("2:3"),
    RATIO_3_2("3:2"),
    RATIO_3_4("3:4"),
    RATIO_4_3("4:3"),
    RATIO_9_16("9:16"),
    RATIO_16_9("16:9"),
    RATIO_21_9("21:9"),
    RATIO_4_5("4:5"),
    RATIO_5_4("5:4");

    private final String value;

    TryOnAspectRatioEnum(String value) {
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
