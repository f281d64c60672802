package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Relative position of a scene product's center. Claid schema: {@code ObjectPosition}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ObjectPosition {

    private final Double x;
    private final Double y;

    private ObjectPosition(Double x, Double y) {
        this.x = x;
        this.y = y;
    }

    /**
     * @param x 0 (left edge) to 1 (right edge); Claid defaults to 0.5
     * @param y 0 (bottom edge) to 1 (top edge), note: measured from the bottom; Claid defaults to 0.5
     */
    public static ObjectPosition of(double x, double y) {
        return new ObjectPosition(x, y);
    }

    @JsonProperty("x")
    public Double getX() {
        return x;
    }

    @JsonProperty("y")
    public Double getY() {
        return y;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ObjectPosition that && Objects.equals(x, that.x) && Objects.equals(y, that.y);
    }

    @Override
    public int hashCode() {
        return Objects.hash(x, y);
    }

    @Override
    public String toString() {
        return "ObjectPosition{x=" + x + ", y=" + y + "}";
    }
}
