package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Number, destination and format of AI fashion model results. Claid schema: {@code TryOnAPIRequestOutputObject}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FashionModelsOutputOptions {

    private final Integer numberOfImages;
    private final String destination;
    private final TryOnFormatEnum format;

    private FashionModelsOutputOptions(Builder b) {
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

    @JsonProperty("format")
    public TryOnFormatEnum getFormat() {
        return format;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FashionModelsOutputOptions that)) {
            return false;
        }
        return Objects.equals(numberOfImages, that.numberOfImages) && Objects.equals(destination, that.destination)
                && format == that.format;
    }

    @Override
    public int hashCode() {
        return Objects.hash(numberOfImages, destination, format);
    }

    @Override
    public String toString() {
        return "FashionModelsOutputOptions{numberOfImages=" + numberOfImages + ", destination=" + destination
                + ", format=" + format + "}";
    }

    /** Builder for {@link FashionModelsOutputOptions}. */
    public static final class Builder {
        private Integer numberOfImages;
        private String destination;
        private TryOnFormatEnum format;

        private Builder() {
        }

        /** How many variants to generate, 1 to 4; Claid defaults to 1 (each one is billed). */
        public Builder numberOfImages(int numberOfImages) {
            this.numberOfImages = numberOfImages;
            return this;
        }

        /** Where Claid writes the results, such as {@code storage://name/out/}; else a one-day temporary URL. */
        public Builder destination(String destination) {
            this.destination = destination;
            return this;
        }

        /** jpeg or png; Claid defaults to png. */
        public Builder format(TryOnFormatEnum format) {
            this.format = format;
            return this;
        }

        public FashionModelsOutputOptions build() {
            return new FashionModelsOutputOptions(this);
        }
    }
}
