package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /v1/scene/create} (AI Background): a product image placed into a generated scene.
 * Claid schema: {@code SceneCreateAPIIn}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SceneCreateRequest implements ClaidRequest {

    private final Object object;
    private final Object scene;
    private final Object output;

    private SceneCreateRequest(Builder b) {
        this.object = b.object;
        this.scene = b.scene;
        this.output = b.output;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String schemaName() {
        return "SceneCreateAPIIn";
    }

    /** One of {@link SceneObjectAbsolute}, {@link SceneObjectOriginal}, {@link SceneObjectPadding}. */
    @JsonProperty("object")
    public Object getObject() {
        return object;
    }

    /** One of {@link ScenePromptOptions}, {@link SceneTemplateOptions}, {@link SceneEffectOptions}. */
    @JsonProperty("scene")
    public Object getScene() {
        return scene;
    }

    /** Either a {@link SceneOutputOptions} or a destination URI {@code String}; null for Claid's default. */
    @JsonProperty("output")
    public Object getOutput() {
        return output;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SceneCreateRequest that)) {
            return false;
        }
        return Objects.equals(object, that.object) && Objects.equals(scene, that.scene)
                && Objects.equals(output, that.output);
    }

    @Override
    public int hashCode() {
        return Objects.hash(object, scene, output);
    }

    @Override
    public String toString() {
        return "SceneCreateRequest{object=" + object + ", scene=" + scene + ", output=" + output + "}";
    }

    /** Builder for {@link SceneCreateRequest}. Object and scene are required. */
    public static final class Builder {
        private Object object;
        private Object scene;
        private Object output;

        private Builder() {
        }

        /** The product placed at an explicit position, scale and rotation. */
        public Builder object(SceneObjectAbsolute object) {
            this.object = object;
            return this;
        }

        /** The product kept where and as large as it is in its own image. */
        public Builder object(SceneObjectOriginal object) {
            this.object = object;
            return this;
        }

        /** The product centered with a margin around it. */
        public Builder object(SceneObjectPadding object) {
            this.object = object;
            return this;
        }

        /** A scene generated from a text prompt (or a prompt Claid writes). */
        public Builder scene(ScenePromptOptions scene) {
            this.scene = scene;
            return this;
        }

        /** A scene generated from a template image. */
        public Builder scene(SceneTemplateOptions scene) {
            this.scene = scene;
            return this;
        }

        /** No generated scene, only an effect (a product shadow) on a plain color. */
        public Builder scene(SceneEffectOptions scene) {
            this.scene = scene;
            return this;
        }

        /** Number, destination and format of the results; Claid makes 4 png images behind temporary URLs if unset. */
        public Builder output(SceneOutputOptions output) {
            this.output = output;
            return this;
        }

        /** Where to write the results, such as {@code storage://name/scenes/}. */
        public Builder output(String destination) {
            this.output = destination;
            return this;
        }

        public SceneCreateRequest build() {
            return new SceneCreateRequest(this);
        }
    }
}
