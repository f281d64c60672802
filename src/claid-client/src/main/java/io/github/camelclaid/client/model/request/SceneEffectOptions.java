package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A plain-color scene with only an effect (a product shadow), no generated surroundings.
 * Claid schema: {@code SceneCreateAPISceneBackgroundEffectIn}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SceneEffectOptions {

    private final SceneCreateModelEnum model;
    private final SceneEffectEnum effect;
    private final Object color;
    private final TemplateViewAutoEnum view;
    private final SceneAspectRatioEnum aspectRatio;

    private SceneEffectOptions(Builder b) {
        this.model = b.model;
        this.effect = b.effect;
        this.color = b.color;
        this.view = b.view;
        this.aspectRatio = b.aspectRatio;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with the effect already set to {@link SceneEffectEnum#SHADOWS}, the only one Claid offers. */
    public static Builder shadows() {
        return new Builder().effect(SceneEffectEnum.SHADOWS);
    }

    @JsonProperty("model")
    public SceneCreateModelEnum getModel() {
        return model;
    }

    @JsonProperty("effect")
    public SceneEffectEnum getEffect() {
        return effect;
    }

    /** Either a hexadecimal color {@code String} or a {@link ColorEnum}. */
    @JsonProperty("color")
    public Object getColor() {
        return color;
    }

    @JsonProperty("view")
    public TemplateViewAutoEnum getView() {
        return view;
    }

    @JsonProperty("aspect_ratio")
    public SceneAspectRatioEnum getAspectRatio() {
        return aspectRatio;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SceneEffectOptions that)) {
            return false;
        }
        return model == that.model && effect == that.effect && Objects.equals(color, that.color)
                && view == that.view && aspectRatio == that.aspectRatio;
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, effect, color, view, aspectRatio);
    }

    @Override
    public String toString() {
        return "SceneEffectOptions{model=" + model + ", effect=" + effect + ", color=" + color + ", view=" + view
                + ", aspectRatio=" + aspectRatio + "}";
    }

    /** Builder for {@link SceneEffectOptions}. */
    public static final class Builder {
        private SceneCreateModelEnum model;
        private SceneEffectEnum effect;
        private Object color;
        private TemplateViewAutoEnum view;
        private SceneAspectRatioEnum aspectRatio;

        private Builder() {
        }

        /** Generation model; Claid defaults to v1. */
        public Builder model(SceneCreateModelEnum model) {
            this.model = model;
            return this;
        }

        /** The effect to render. Required. */
        public Builder effect(SceneEffectEnum effect) {
            this.effect = effect;
            return this;
        }

        /** Background color as hexadecimal, such as {@code "#ffffff"}. */
        public Builder color(String hexColor) {
            this.color = hexColor;
            return this;
        }

        /** {@link ColorEnum#TRANSPARENT}: only the shadow on a transparent background (png output). */
        public Builder color(ColorEnum color) {
            this.color = color;
            return this;
        }

        /** Viewpoint the shadow is rendered for; Claid defaults to auto. */
        public Builder view(TemplateViewAutoEnum view) {
            this.view = view;
            return this;
        }

        /** Aspect ratio of the scene; Claid defaults to 1:1. */
        public Builder aspectRatio(SceneAspectRatioEnum aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        public SceneEffectOptions build() {
            return new SceneEffectOptions(this);
        }
    }
}
