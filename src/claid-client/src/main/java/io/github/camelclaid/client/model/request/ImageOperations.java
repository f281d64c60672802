package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The editing pipeline of an edit, upload or batch request; every step is optional and an empty object is allowed.
 * Claid schema: {@code ImageOperations}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ImageOperations {

    private final RestorationsOptions restorations;
    private final AdjustmentsOptions adjustments;
    private final BackgroundOptions background;
    private final ResizingOptions resizing;
    private final String padding;
    private final PrivacyOptions privacy;
    private final GenerativeOptions generative;

    private ImageOperations(Builder b) {
        this.restorations = b.restorations;
        this.adjustments = b.adjustments;
        this.background = b.background;
        this.resizing = b.resizing;
        this.padding = b.padding;
        this.privacy = b.privacy;
        this.generative = b.generative;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("restorations")
    public RestorationsOptions getRestorations() {
        return restorations;
    }

    @JsonProperty("adjustments")
    public AdjustmentsOptions getAdjustments() {
        return adjustments;
    }

    @JsonProperty("background")
    public BackgroundOptions getBackground() {
        return background;
    }

    @JsonProperty("resizing")
    public ResizingOptions getResizing() {
        return resizing;
    }

    @JsonProperty("padding")
    public String getPadding() {
        return padding;
    }

    @JsonProperty("privacy")
    public PrivacyOptions getPrivacy() {
        return privacy;
    }

    @JsonProperty("generative")
    public GenerativeOptions getGenerative() {
        return generative;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ImageOperations that)) {
            return false;
        }
        return Objects.equals(restorations, that.restorations) && Objects.equals(adjustments, that.adjustments)
                && Objects.equals(background, that.background) && Objects.equals(resizing, that.resizing)
                && Objects.equals(padding, that.padding) && Objects.equals(privacy, that.privacy)
                && Objects.equals(generative, that.generative);
    }

    @Override
    public int hashCode() {
        return Objects.hash(restorations, adjustments, background, resizing, padding, privacy, generative);
    }

    @Override
    public String toString() {
        return "ImageOperations{restorations=" + restorations + ", adjustments=" + adjustments + ", background="
                + background + ", resizing=" + resizing + ", padding=" + padding + ", privacy=" + privacy
                + ", generative=" + generative + "}";
    }

    /** Builder for {@link ImageOperations}. */
    public static final class Builder {
        private RestorationsOptions restorations;
        private AdjustmentsOptions adjustments;
        private BackgroundOptions background;
        private ResizingOptions resizing;
        private String padding;
        private PrivacyOptions privacy;
        private GenerativeOptions generative;

        private Builder() {
        }

        /** AI upscaling, JPEG artifact removal and polishing. */
        public Builder restorations(RestorationsOptions restorations) {
            this.restorations = restorations;
            return this;
        }

        /** HDR, exposure, saturation, contrast and sharpness. */
        public Builder adjustments(AdjustmentsOptions adjustments) {
            this.adjustments = adjustments;
            return this;
        }

        /** Background removal, blur and color. */
        public Builder background(BackgroundOptions background) {
            this.background = background;
            return this;
        }

        /** Output size and how the image is fitted into it. */
        public Builder resizing(ResizingOptions resizing) {
            this.resizing = resizing;
            return this;
        }

        /**
         * Space Claid adds around the object: one value for all four sides or "vertical horizontal", in pixels or
         * percent (for example {@code "10%"}, {@code "5% 15%"}, {@code "20px"}); at most half the image size.
         */
        public Builder padding(String padding) {
            this.padding = padding;
            return this;
        }

        /** Car plate blurring and face cropping. */
        public Builder privacy(PrivacyOptions privacy) {
            this.privacy = privacy;
            return this;
        }

        /** Generative transformations such as style transfer. */
        public Builder generative(GenerativeOptions generative) {
            this.generative = generative;
            return this;
        }

        public ImageOperations build() {
            return new ImageOperations(this);
        }
    }
}
