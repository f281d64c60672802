package io.github.camelclaid.client.model.request;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which upscaling network Claid uses; without one, plain interpolation is used. Claid schema: {@code UpscaleEnum}. */
public enum UpscaleEnum {

    /** Small, low-quality product, real-estate and food pictures. */
    SMART_ENHANCE("smart_enhance"),
    /** Pictures that are already of high quality. */
    SMART_RESIZE("smart_resize"),
    /** Pictures of people. */
    FACES("faces"),
    /** Drawings, illustrations, paintings, anime. */
    DIGITAL_ART("digital_art"),
    /** Camera and phone photos (latest photo network). */
    PHOTO("photo");

    private final String value;

    UpscaleEnum(String value) {
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
