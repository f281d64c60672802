package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Style transfer from a reference image. Claid schema: {@code StyleTransferOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class StyleTransferOptions {

    private final String styleReferenceImage;
    private final String prompt;
    private final Double depthStrength;
    private final Double denoisingStrength;
    private final Double styleStrength;

    private StyleTransferOptions(Builder b) {
        this.styleReferenceImage = b.styleReferenceImage;
        this.prompt = b.prompt;
        this.depthStrength = b.depthStrength;
        this.denoisingStrength = b.denoisingStrength;
        this.styleStrength = b.styleStrength;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("style_reference_image")
    public String getStyleReferenceImage() {
        return styleReferenceImage;
    }

    @JsonProperty("prompt")
    public String getPrompt() {
        return prompt;
    }

    @JsonProperty("depth_strength")
    public Double getDepthStrength() {
        return depthStrength;
    }

    @JsonProperty("denoising_strength")
    public Double getDenoisingStrength() {
        return denoisingStrength;
    }

    @JsonProperty("style_strength")
    public Double getStyleStrength() {
        return styleStrength;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StyleTransferOptions that)) {
            return false;
        }
        return Objects.equals(styleReferenceImage, that.styleReferenceImage) && Objects.equals(prompt, that.prompt)
                && Objects.equals(depthStrength, that.depthStrength)
                && Objects.equals(denoisingStrength, that.denoisingStrength)
                && Objects.equals(styleStrength, that.styleStrength);
    }

    @Override
    public int hashCode() {
        return Objects.hash(styleReferenceImage, prompt, depthStrength, denoisingStrength, styleStrength);
    }

    @Override
    public String toString() {
        return "StyleTransferOptions{styleReferenceImage=" + styleReferenceImage + ", prompt=" + prompt
                + ", depthStrength=" + depthStrength + ", denoisingStrength=" + denoisingStrength + ", styleStrength="
                + styleStrength + "}";
    }

    /** Builder for {@link StyleTransferOptions}. */
    public static final class Builder {
        private String styleReferenceImage;
        private String prompt;
        private Double depthStrength;
        private Double denoisingStrength;
        private Double styleStrength;

        private Builder() {
        }

        /** URL of the image whose style is copied. Required. */
        public Builder styleReferenceImage(String url) {
            this.styleReferenceImage = url;
            return this;
        }

        /** Text steering the styled result, 3 to 1024 characters. */
        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        /** How much of the original composition and shapes is kept, 0 to 1; Claid defaults to 1. */
        public Builder depthStrength(double depthStrength) {
            this.depthStrength = depthStrength;
            return this;
        }

        /** How far colors and textures may change, 0 to 1; Claid defaults to 0.75. */
        public Builder denoisingStrength(double denoisingStrength) {
            this.denoisingStrength = denoisingStrength;
            return this;
        }

        /** How strongly the reference style is applied, 0 to 1; Claid defaults to 0.75. */
        public Builder styleStrength(double styleStrength) {
            this.styleStrength = styleStrength;
            return this;
        }

        public StyleTransferOptions build() {
            return new StyleTransferOptions(this);
        }
    }
}
