package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A scene generated from a template image. Claid schema: {@code SceneCreateAPISceneTemplateIn}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SceneTemplateOptions {

    private final SceneCreateModelEnum model;
    private final TemplateModeEnum templateMode;
    private final String templateUrl;
    private final String color;
    private final TemplateViewEnum view;
    private final Object prompt;
    private final String negativePrompt;
    private final Integer steps;

    private SceneTemplateOptions(Builder b) {
        this.model = b.model;
        this.templateMode = b.templateMode;
        this.templateUrl = b.templateUrl;
        this.color = b.color;
        this.view = b.view;
        this.prompt = b.prompt;
        this.negativePrompt = b.negativePrompt;
        this.steps = b.steps;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("model")
    public SceneCreateModelEnum getModel() {
        return model;
    }

    @JsonProperty("template_mode")
    public TemplateModeEnum getTemplateMode() {
        return templateMode;
    }

    @JsonProperty("template_url")
    public String getTemplateUrl() {
        return templateUrl;
    }

    @JsonProperty("color")
    public String getColor() {
        return color;
    }

    @JsonProperty("view")
    public TemplateViewEnum getView() {
        return view;
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

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SceneTemplateOptions that)) {
            return false;
        }
        return model == that.model && templateMode == that.templateMode
                && Objects.equals(templateUrl, that.templateUrl) && Objects.equals(color, that.color)
                && view == that.view && Objects.equals(prompt, that.prompt)
                && Objects.equals(negativePrompt, that.negativePrompt) && Objects.equals(steps, that.steps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, templateMode, templateUrl, color, view, prompt, negativePrompt, steps);
    }

    @Override
    public String toString() {
        return "SceneTemplateOptions{model=" + model + ", templateMode=" + templateMode + ", templateUrl="
                + templateUrl + ", color=" + color + ", view=" + view + ", prompt=" + prompt + ", negativePrompt="
                + negativePrompt + ", steps=" + steps + "}";
    }

    /** Builder for {@link SceneTemplateOptions}. */
    public static final class Builder {
        private SceneCreateModelEnum model;
        private TemplateModeEnum templateMode;
        private String templateUrl;
        private String color;
        private TemplateViewEnum view;
        private Object prompt;
        private String negativePrompt;
        private Integer steps;

        private Builder() {
        }

        /** Generation model; Claid defaults to v1. */
        public Builder model(SceneCreateModelEnum model) {
            this.model = model;
            return this;
        }

        /** How faithfully the template is kept; Claid defaults to transform. */
        public Builder templateMode(TemplateModeEnum templateMode) {
            this.templateMode = templateMode;
            return this;
        }

        /** The template scene image ({@code http(s)://} or {@code storage://}). Required. */
        public Builder templateUrl(String templateUrl) {
            this.templateUrl = templateUrl;
            return this;
        }

        /** Dominant scene color as hexadecimal, such as {@code "#f5e6d3"}. */
        public Builder color(String hexColor) {
            this.color = hexColor;
            return this;
        }

        /** Whether the template is seen from above or from the front. Required. */
        public Builder view(TemplateViewEnum view) {
            this.view = view;
            return this;
        }

        /** Text steering how the template is changed, 3 to 2048 characters. */
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

        /** Generation steps, at least 1 and below 50; by default Claid picks per template mode. */
        public Builder steps(int steps) {
            this.steps = steps;
            return this;
        }

        public SceneTemplateOptions build() {
            return new SceneTemplateOptions(this);
        }
    }
}
