package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Background removal in its object form. Claid schema: {@code BackgroundRemovalOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BackgroundRemovalOptions {

    private final Boolean clipping;
    private final BackgroundSelectiveOptions selective;
    private final BackgroundCategoryEnum category;

    private BackgroundRemovalOptions(Builder b) {
        this.clipping = b.clipping;
        this.selective = b.selective;
        this.category = b.category;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("clipping")
    public Boolean getClipping() {
        return clipping;
    }

    @JsonProperty("selective")
    public BackgroundSelectiveOptions getSelective() {
        return selective;
    }

    @JsonProperty("category")
    public BackgroundCategoryEnum getCategory() {
        return category;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BackgroundRemovalOptions that)) {
            return false;
        }
        return Objects.equals(clipping, that.clipping) && Objects.equals(selective, that.selective)
                && category == that.category;
    }

    @Override
    public int hashCode() {
        return Objects.hash(clipping, selective, category);
    }

    @Override
    public String toString() {
        return "BackgroundRemovalOptions{clipping=" + clipping + ", selective=" + selective + ", category=" + category
                + "}";
    }

    /** Builder for {@link BackgroundRemovalOptions}. */
    public static final class Builder {
        private Boolean clipping;
        private BackgroundSelectiveOptions selective;
        private BackgroundCategoryEnum category;

        private Builder() {
        }

        /** Whether Claid also crops the image to the edges of the foreground object; off by default. */
        public Builder clipping(boolean clipping) {
            this.clipping = clipping;
            return this;
        }

        /** Keep only the named object and remove everything around it. */
        public Builder selective(BackgroundSelectiveOptions selective) {
            this.selective = selective;
            return this;
        }

        /** What kind of object the foreground is, to pick a better model; Claid defaults to general. */
        public Builder category(BackgroundCategoryEnum category) {
            this.category = category;
            return this;
        }

        public BackgroundRemovalOptions build() {
            return new BackgroundRemovalOptions(this);
        }
    }
}
