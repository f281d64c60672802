package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A scene generated from a prompt, without a template. Claid schema: {@code SceneCreateAPIScenePromptIn}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ScenePromptOptions {

    private final SceneCreateModelEnum model;
    private final Object prompt;
    private final String negativePrompt;
    private final Integer steps;
    private final String color;
    private final SceneAspectRatioEnum aspectRatio;
    private final PreferenceEnum preference;

    private ScenePromptOptions(Builder b) {
        this.model = b.model;
        this.prompt = b.prompt;
        this.negativePrompt = b.negativePrompt;
        this.steps = b.steps;
        this.color = b.color;
        this.aspectRatio = b.aspectRatio;
        this.preference = b.preference;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("model")
    public SceneCreateModelEnum getModel() {
        return model;
    }

    /** Either a {@code String} or a {@link PromptOptions}. */
    @JsonProperty("prompt")
    public Object getPrompt() {
        return prompt;
    }

    @JsonProperty("negative_prompt")
    public String getNegativePrompt() {
        return negativePrompt;
    }

    @JsonProperty("steps")
    public Integer getSteps() {
        return steps;
    }

    @JsonProperty("color")
    public String getColor() {
        return color;
    }

    @JsonProperty("aspect_ratio")
    public SceneAspectRatioEnum getAspectRatio() {
        return aspectRatio;
    }

    @JsonProperty("preference")
    public PreferenceEnum getPreference() {
        return preference;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ScenePromptOptions that)) {
            return false;
        }
        return model == that.model && Objects.equals(prompt, that.prompt)
                && Objects.equals(negativePrompt, that.negativePrompt) && Objects.equals(steps, that.steps)
                && Objects.equals(color, that.color) && aspectRatio == that.aspectRatio
                && preference == that.preference;
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, prompt, negativePrompt, steps, color, aspectRatio, preference);
    }

    @Override
    public String toString() {
        return "ScenePromptOptions{model=" + model + ", prompt=" + prompt + ", negativePrompt=" + negativePrompt
                + ", steps=" + steps + ", color=" + color + ", aspectRatio=" + aspectRatio + ", preference="
                + preference + "}";
    }

    /** Builder for {@link ScenePromptOptions}. */
    public static final class Builder {
        private SceneCreateModelEnum model;
        private Object prompt;
        private String negativePrompt;
        private Integer steps;
        private String color;
        private SceneAspectRatioEnum aspectRatio;
        private PreferenceEnum preference;

        private Builder() {
        }

        /** Generation model; Claid defaults to v1. */
        public Builder model(SceneCreateModelEnum model) {
            this.model = model;
            return this;
        }

        /** The scene described in words, 3 to 2048 characters. Required (in this or the object form). */
        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        /** The prompt as text, or written by Claid from the product image. */
        public Builder prompt(PromptOptions prompt) {
            this.prompt = prompt;
            return this;
        }

        /** What the scene should not contain, 3 to 2048 characters. */
        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = negativePrompt;
            return this;
        }

        /** Generation steps, at least 1 and below 50: more is slower and finer; Claid picks a default. */
        public Builder steps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Dominant scene color as hexadecimal, such as {@code "#f5e6d3"}. */
        public Builder color(String hexColor) {
            this.color = hexColor;
            return this;
        }

        /** Aspect ratio of the scene; Claid defaults to 1:1. */
        public Builder aspectRatio(SceneAspectRatioEnum aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        /** Speed versus quality; Claid defaults to optimal. */
        public Builder preference(PreferenceEnum preference) {
            this.preference = preference;
            return this;
        }

        public ScenePromptOptions build() {
            return new ScenePromptOptions(this);
        }
    }
}
