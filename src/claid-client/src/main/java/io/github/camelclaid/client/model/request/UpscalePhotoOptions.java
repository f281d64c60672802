package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Photo upscaling with an explicit network version, {@code {"type":"photo","version":"2"}}.
 * Claid schema: {@code UpscalePhotoOptions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class UpscalePhotoOptions {

    private final PhotoVersionEnum version;

    private UpscalePhotoOptions(PhotoVersionEnum version) {
        this.version = version;
    }

    /** Photo upscaling with the given network version. */
    public static UpscalePhotoOptions of(PhotoVersionEnum version) {
        return new UpscalePhotoOptions(version);
    }

    /** Always {@link UpscaleEnum#PHOTO}. */
    @JsonProperty("type")
    public UpscaleEnum getType() {
        return UpscaleEnum.PHOTO;
    }

    @JsonProperty("version")
    public PhotoVersionEnum getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof UpscalePhotoOptions that && version == that.version;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(version);
    }

    @Override
    public String toString() {
        return "UpscalePhotoOptions{type=photo, version=" + version + "}";
    }
}
