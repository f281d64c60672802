package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Scene product framed by a margin on every side ({@code "placement_type":"padding"}).
 * Claid schema: {@code SceneCreateAPIObjectPaddingIn}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SceneObjectPadding {

    private final String imageUrl;
    private final String padding;

    private SceneObjectPadding(String imageUrl, String padding) {
        this.imageUrl = imageUrl;
        this.padding = padding;
    }

    /**
     * @param imageUrl the product image, best with its background already removed
     * @param padding  margin for all four sides or "vertical horizontal", in px or %, such as {@code "10%"} or
     *                 {@code "5% 15%"}; at most half the scene size
     */
    public static SceneObjectPadding of(String imageUrl, String padding) {
        return new SceneObjectPadding(imageUrl, padding);
    }

    @JsonProperty("image_url")
    public String getImageUrl() {
        return imageUrl;
    }

    /** Always {@code "padding"}. */
    @JsonProperty("placement_type")
    public String getPlacementType() {
        return "padding";
    }

    @JsonProperty("padding")
    public String getPadding() {
        return padding;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SceneObjectPadding that && Objects.equals(imageUrl, that.imageUrl)
                && Objects.equals(padding, that.padding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(imageUrl, padding);
    }

    @Override
    public String toString() {
        return "SceneObjectPadding{imageUrl=" + imageUrl + ", padding=" + padding + "}";
    }
}
