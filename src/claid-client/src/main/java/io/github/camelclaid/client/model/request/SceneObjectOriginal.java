package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Scene product kept at the position and scale it has in its own image ({@code "placement_type":"original"}).
 * Claid schema: {@code SceneCreateAPIObjectOriginalIn}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class SceneObjectOriginal {

    private final String imageUrl;

    private SceneObjectOriginal(String imageUrl) {
        this.imageUrl = imageUrl;
    }

    /** The product image ({@code http(s)://} or {@code storage://}), best with its background already removed. */
    public static SceneObjectOriginal of(String imageUrl) {
        return new SceneObjectOriginal(imageUrl);
    }

    @JsonProperty("image_url")
    public String getImageUrl() {
        return imageUrl;
    }

    /** Always {@code "original"}. */
    @JsonProperty("placement_type")
    public String getPlacementType() {
        return "original";
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SceneObjectOriginal that && Objects.equals(imageUrl, that.imageUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(imageUrl);
    }

    @Override
    public String toString() {
        return "SceneObjectOriginal{imageUrl=" + imageUrl + "}";
    }
}
