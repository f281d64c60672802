package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Names the one object that background removal or blur keeps. Claid schema: {@code BackgroundSelectiveOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BackgroundSelectiveOptions {

    private final String objectToKeep;

    private BackgroundSelectiveOptions(String objectToKeep) {
        this.objectToKeep = objectToKeep;
    }

    /** The object to keep, described in words (3 to 128 characters), for example {@code "red car"}. */
    public static BackgroundSelectiveOptions of(String objectToKeep) {
        return new BackgroundSelectiveOptions(objectToKeep);
    }

    @JsonProperty("object_to_keep")
    public String getObjectToKeep() {
        return objectToKeep;
    }

    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof BackgroundSelectiveOptions that && Objects.equals(objectToKeep, that.objectToKeep);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(objectToKeep);
    }

    @Override
    public String toString() {
        return "BackgroundSelectiveOptions{objectToKeep=" + objectToKeep + "}";
    }
}
