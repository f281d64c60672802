package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How the AI fashion model is posed and staged. Claid schema: {@code TryOnAPIRequestOptionsObject}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FashionModelsOptions {

    private final String pose;
    private final String background;
    private final TryOnAspectRatioEnum aspectRatio;

    private FashionModelsOptions(Builder b) {
        this.pose = b.pose;
        this.background = b.background;
        this.aspectRatio = b.aspectRatio;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("pose")
    public String getPose() {
        return pose;
    }

    @JsonProperty("background")
    public String getBackground() {
        return background;
    }

    @JsonProperty("aspect_ratio")
    public TryOnAspectRatioEnum getAspectRatio() {
        return aspectRatio;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FashionModelsOptions that)) {
            return false;
        }
        return Objects.equals(pose, that.pose) && Objects.equals(background, that.background)
                && aspectRatio == that.aspectRatio;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pose, background, aspectRatio);
    }

    @Override
    public String toString() {
        return "FashionModelsOptions{pose=" + pose + ", background=" + background + ", aspectRatio=" + aspectRatio
                + "}";
    }

    /** Builder for {@link FashionModelsOptions}. */
    public static final class Builder {
        private String pose;
        private String background;
        private TryOnAspectRatioEnum aspectRatio;

        private Builder() {
        }

        /** Pose described in words, 3 to 5000 characters; Claid defaults to a full-body, front, neutral stance. */
        public Builder pose(String pose) {
            this.pose = pose;
            return this;
        }

        /** Background described in words, 3 to 5000 characters; Claid defaults to a minimal studio backdrop. */
        public Builder background(String background) {
            this.background = background;
            return this;
        }

        /** Aspect ratio of the results. */
        public Builder aspectRatio(TryOnAspectRatioEnum aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        public FashionModelsOptions build() {
            return new FashionModelsOptions(this);
        }
    }
}
