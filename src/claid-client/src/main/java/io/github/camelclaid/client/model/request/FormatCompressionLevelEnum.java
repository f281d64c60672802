package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** PNG encoder effort: smaller files cost more time. Claid schema: {@code FormatCompressionLevelEnum}. */
public enum FormatCompressionLevelEnum {

    FAST("fast"),
    BEST("best"),
    /** Claid's default. */
    OPTIMAL("optimal");

    private final String value;

    FormatCompressionLevelEnum(String value) {
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
