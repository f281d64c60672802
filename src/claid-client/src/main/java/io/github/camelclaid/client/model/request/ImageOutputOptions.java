package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Format, destination and metadata of an edited image. Claid schema: {@code ImageOutputOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ImageOutputOptions {

    private final Object format;
    private final String destination;
    private final MetadataOptions metadata;

    private ImageOutputOptions(Builder b) {
        this.format = b.format;
        this.destination = b.destination;
        this.metadata = b.metadata;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A {@link FormatEnum} or one of {@link FormatJpegOptions}, {@link FormatPngOptions},
     * {@link CompressedFormatOptions}.
     */
    @JsonProperty("format")
    public Object getFormat() {
        return format;
    }

    @JsonProperty("destination")
    public String getDestination() {
        return destination;
    }

    @JsonProperty("metadata")
    public MetadataOptions getMetadata() {
        return metadata;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ImageOutputOptions that)) {
            return false;
        }
        return Objects.equals(format, that.format) && Objects.equals(destination, that.destination)
                && Objects.equals(metadata, that.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, destination, metadata);
    }

    @Override
    public String toString() {
        return "ImageOutputOptions{format=" + format + ", destination=" + destination + ", metadata=" + metadata + "}";
    }

    /** Builder for {@link ImageOutputOptions}. */
    public static final class Builder {
        private Object format;
        private String destination;
        private MetadataOptions metadata;

        private Builder() {
        }

        /** Output format with Claid's default encoder settings; Claid writes JPEG when unset. */
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

        /** WEBP, AVIF or TIFF with a chosen compression. */
        public Builder format(CompressedFormatOptions format) {
            this.format = format;
            return this;
        }

        /**
         * Where Claid writes the result: a file or folder URI in a connected storage, such as
         * {@code storage://name/dir/image.jpg}. When unset, Claid keeps the result for one day behind a temporary URL.
         */
        public Builder destination(String destination) {
            this.destination = destination;
            return this;
        }

        /** DPI and color space written into the result. */
        public Builder metadata(MetadataOptions metadata) {
            this.metadata = metadata;
            return this;
        }

        public ImageOutputOptions build() {
            return new ImageOutputOptions(this);
        }
    }
}
