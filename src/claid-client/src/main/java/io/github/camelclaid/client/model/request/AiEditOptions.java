package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What an AI edit should do and how it generates. Claid schema: {@code AiEditRequestOptionsObject}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AiEditOptions {

    private final AiEditModelEnum model;
    private final String prompt;
    private final AiEditAspectRatioEnum aspectRatio;
    private final Integer inferenceSteps;
    private final Double guidanceScale;

    private AiEditOptions(Builder b) {
        this.model = b.model;
        this.prompt = b.prompt;
        this.aspectRatio = b.aspectRatio;
        this.inferenceSteps = b.inferenceSteps;
        this.guidanceScale = b.guidanceScale;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("model")
    public AiEditModelEnum getModel() {
        return model;
    }

    @JsonProperty("prompt")
    public String getPrompt() {
        return prompt;
    }

    @JsonProperty("aspect_ratio")
    public AiEditAspectRatioEnum getAspectRatio() {
        return aspectRatio;
    }

    @JsonProperty("inference_steps")
    public Integer getInferenceSteps() {
        return inferenceSteps;
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
        if (!(o instanceof AiEditOptions that)) {
            return false;
        }
        return model == that.model && Objects.equals(prompt, that.prompt) && aspectRatio == that.aspectRatio
                && Objects.equals(inferenceSteps, that.inferenceSteps)
                && Objects.equals(guidanceScale, that.guidanceScale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, prompt, aspectRatio, inferenceSteps, guidanceScale);
    }

    @Override
    public String toString() {
        return "AiEditOptions{model=" + model + ", prompt=" + prompt + ", aspectRatio=" + aspectRatio
                + ", inferenceSteps=" + inferenceSteps + ", guidanceScale=" + guidanceScale + "}";
    }

    /** Builder for {@link AiEditOptions}. */
    public static final class Builder {
        private AiEditModelEnum model;
        private String prompt;
        private AiEditAspectRatioEnum aspectRatio;
        private Integer inferenceSteps;
        private Double guidanceScale;

        private Builder() {
        }

        /** Model version; Claid defaults to v2. */
        public Builder model(AiEditModelEnum model) {
            this.model = model;
            return this;
        }

        /** The change to make, in plain language, 3 to 5000 characters. Required. */
        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        /** Aspect ratio of the results. */
        public Builder aspectRatio(AiEditAspectRatioEnum aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        /** Number of generation steps, 1 to 50: more is slower. */
        public Builder inferenceSteps(int inferenceSteps) {
            this.inferenceSteps = inferenceSteps;
            return this;
        }

        /** How literally the prompt is followed, 1 to 10. */
        public Builder guidanceScale(double guidanceScale) {
            this.guidanceScale = guidanceScale;
            return this;
        }

        public AiEditOptions build() {
            return new AiEditOptions(this);
        }
    }
}
