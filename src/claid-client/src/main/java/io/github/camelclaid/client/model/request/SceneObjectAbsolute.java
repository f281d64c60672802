package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Scene product placed by explicit position, scale and rotation ({@code "placement_type":"absolute"}).
 * Claid schema: {@code SceneCreateAPIObjectAbsoluteIn}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SceneObjectAbsolute {

    private final String imageUrl;
    private final Double rotationDegree;
    private final Double scale;
    private final ObjectPosition position;

    private SceneObjectAbsolute(Builder b) {
        this.imageUrl = b.imageUrl;
        this.rotationDegree = b.rotationDegree;
        this.scale = b.scale;
        this.position = b.position;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("image_url")
    public String getImageUrl() {
        return imageUrl;
    }

    /** Always {@code "absolute"} (Claid's default placement, sent explicitly). */
    @JsonProperty("placement_type")
    public String getPlacementType() {
        return "absolute";
    }

    @JsonProperty("rotation_degree")
    public Double getRotationDegree() {
        return rotationDegree;
    }

    @JsonProperty("scale")
    public Double getScale() {
        return scale;
    }

    @JsonProperty("position")
    public ObjectPosition getPosition() {
        return position;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SceneObjectAbsolute that)) {
            return false;
        }
        return Objects.equals(imageUrl, that.imageUrl) && Objects.equals(rotationDegree, that.rotationDegree)
                && Objects.equals(scale, that.scale) && Objects.equals(position, that.position);
    }

    @Override
    public int hashCode() {
        return Objects.hash(imageUrl, rotationDegree, scale, position);
    }

    @Override
    public String toString() {
        return "SceneObjectAbsolute{imageUrl=" + imageUrl + ", rotationDegree=" + rotationDegree + ", scale=" + scale
                + ", position=" + position + "}";
    }

    /** Builder for {@link SceneObjectAbsolute}. */
    public static final class Builder {
        private String imageUrl;
        private Double rotationDegree;
        private Double scale;
        private ObjectPosition position;

        private Builder() {
        }

        /**
         * The product image ({@code http(s)://} or {@code storage://}), best with its background already removed.
         * Required.
         */
        public Builder imageUrl(String imageUrl) {
            this.imageUrl = imageUrl;
            return this;
        }

        /** Rotation in degrees, 0 to 360; Claid defaults to 0. */
        public Builder rotationDegree(double degrees) {
            this.rotationDegree = degrees;
            return this;
        }

        /** Product size relative to the scene, 0.01 to 1; Claid defaults to 1 (touching the scene edges). */
        public Builder scale(double scale) {
            this.scale = scale;
            return this;
        }

        /** Where the product's center goes; Claid defaults to the middle of the scene. */
        public Builder position(ObjectPosition position) {
            this.position = position;
            return this;
        }

        public SceneObjectAbsolute build() {
            return new SceneObjectAbsolute(this);
        }
    }
}
