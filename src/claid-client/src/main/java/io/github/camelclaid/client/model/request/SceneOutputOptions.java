package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Number, destination and format of generated scenes. Claid schema: {@code SceneCreateAPIOutputIn}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SceneOutputOptions {

    private final Integer numberOfImages;
    private final String destination;
    private final Object format;

    private SceneOutputOptions(Builder b) {
        this.numberOfImages = b.numberOfImages;
        this.destination = b.destination;
        this.format = b.format;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("number_of_images")
    public Integer getNumberOfImages() {
        return numberOfImages;
    }

    @JsonProperty("destination")
    public String getDestination() {
        return destination;
    }

    /**
     * A {@link FormatEnum} or one of {@link FormatJpegOptions}, {@link FormatPngOptions},
     * {@link CompressedFormatOptions} (WEBP or AVIF).
     */
    @JsonProperty("format")
    public Object getFormat() {
        return format;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SceneOutputOptions that)) {
            return false;
        }
        return Objects.equals(numberOfImages, that.numberOfImages) && Objects.equals(destination, that.destination)
                && Objects.equals(format, that.format);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numberOfImages, destination, format);
    }

    @Override
    public String toString() {
        return "SceneOutputOptions{numberOfImages=" + numberOfImages + ", destination=" + destination + ", format="
                + format + "}";
    }

    /** Builder for {@link SceneOutputOptions}. */
    public static final class Builder {
        private Integer numberOfImages;
        private String destination;
        private Object format;

        private Builder() {
        }

        /** How many scene variants to create, 1 to 4; Claid defaults to 4. */
        public Builder numberOfImages(int numberOfImages) {
            this.numberOfImages = numberOfImages;
            return this;
        }

        /** Where Claid writes the results, such as {@code storage://name/scenes/}; else one-day temporary URLs. */
        public Builder destination(String destination) {
            this.destination = destination;
            return this;
        }

        /**
         * Output format with default encoder settings; Claid defaults to png. The schema also admits
         * {@link FormatEnum#TIFF} here, although Claid documents scenes only as JPEG, PNG, WEBP and AVIF.
         */
        public Builder format(FormatEnum format) {
            this.format = format;
            return this;
        }

        /** JPEG with a chosen quality and progressive flag. */
        public Builder format(FormatJpegOptions format) {
            this.format = format;
            return this;
        }

        /** PNG with a chosen compression effort. */
        public Builder format(FormatPngOptions format) {
            this.format = format;
            return this;
        }

        /** WEBP or AVIF with a chosen compression (Claid refuses TIFF for scenes). */
        public Builder format(CompressedFormatOptions format) {
            this.format = format;
            return this;
        }

        public SceneOutputOptions build() {
            return new SceneOutputOptions(this);
        }
    }
}
