package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Quality restoration steps of an edit: upscaling, JPEG artifact removal, polishing.
 * Claid schema: {@code RestorationsOptions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RestorationsOptions {

    private final DecompressEnum decompress;
    private final Object upscale;
    private final Boolean polish;

    private RestorationsOptions(Builder b) {
        this.decompress = b.decompress;
        this.upscale = b.upscale;
        this.polish = b.polish;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("decompress")
    public DecompressEnum getDecompress() {
        return decompress;
    }

    /** Either an {@link UpscaleEnum} or an {@link UpscalePhotoOptions}. */
    @JsonProperty("upscale")
    public Object getUpscale() {
        return upscale;
    }

    @JsonProperty("polish")
    public Boolean getPolish() {
        return polish;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RestorationsOptions that)) {
            return false;
        }
        return decompress == that.decompress && Objects.equals(upscale, that.upscale)
                && Objects.equals(polish, that.polish);
    }

    @Override
    public int hashCode() {
        return Objects.hash(decompress, upscale, polish);
    }

    @Override
    public String toString() {
        return "RestorationsOptions{decompress=" + decompress + ", upscale=" + upscale + ", polish=" + polish + "}";
    }

    /** Builder for {@link RestorationsOptions}. */
    public static final class Builder {
        private DecompressEnum decompress;
        private Object upscale;
        private Boolean polish;

        private Builder() {
        }

        /** Removes JPEG compression artifacts; useful before upscaling. Off unless set. */
        public Builder decompress(DecompressEnum decompress) {
            this.decompress = decompress;
            return this;
        }

        /** Upscaling network to use when the resize makes the image larger (otherwise Claid interpolates). */
        public Builder upscale(UpscaleEnum upscale) {
            this.upscale = upscale;
            return this;
        }

        /** The photo upscaling network in a chosen version. */
        public Builder upscale(UpscalePhotoOptions upscale) {
            this.upscale = upscale;
            return this;
        }

        /** Whether Claid runs its polish pass, a final detail enhancement; off by default. */
        public Builder polish(boolean polish) {
            this.polish = polish;
            return this;
        }

        public RestorationsOptions build() {
            return new RestorationsOptions(this);
        }
    }
}
