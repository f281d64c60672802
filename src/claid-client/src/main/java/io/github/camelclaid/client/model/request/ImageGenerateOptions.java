package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Settings of a text-to-image request. Claid schema: {@code ImageGenerateOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ImageGenerateOptions {

    private final Integer numberOfImages;
    private final Double guidanceScale;

    private ImageGenerateOptions(Builder b) {
        this.numberOfImages = b.numberOfImages;
        this.guidanceScale = b.guidanceScale;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("number_of_images")
    public Integer getNumberOfImages() {
        return numberOfImages;
    }

    @JsonProperty("guidance_scale")
    public Double getGuidanceScale() {
        return guidanceScale;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ImageGenerateOptions that)) {
            return false;
        }
        return Objects.equals(numberOfImages, that.numberOfImages) && Objects.equals(guidanceScale, that.guidanceScale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numberOfImages, guidanceScale);
    }

    @Override
    public String toString() {
        return "ImageGenerateOptions{numberOfImages=" + numberOfImages + ", guidanceScale=" + guidanceScale + "}";
    }

    /** Builder for {@link ImageGenerateOptions}. */
    public static final class Builder {
        private Integer numberOfImages;
        private Double guidanceScale;

        private Builder() {
        }

        /** How many images to create, 1 to 4; Claid defaults to 4 (one credit each). */
        public Builder numberOfImages(int numberOfImages) {
            this.numberOfImages = numberOfImages;
            return this;
        }

        /**
         * How closely the images follow the prompt, at least 1 and below 50; higher trades variety and quality for
         * adherence. Claid defaults to 5; 5 to 7 usually works well.
         */
        public Builder guidanceScale(double guidanceScale) {
            this.guidanceScale = guidanceScale;
            return this;
        }

        public ImageGenerateOptions build() {
            return new ImageGenerateOptions(this);
        }
    }
}
