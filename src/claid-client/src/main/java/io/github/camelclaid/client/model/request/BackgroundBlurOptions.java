package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Background blur in its object form. Claid schema: {@code BackgroundBlurOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BackgroundBlurOptions {

    private final BackgroundSelectiveOptions selective;
    private final BackgroundCategoryEnum category;
    private final BackgroundBlurTypeEnum type;
    private final BackgroundBlurLevelEnum level;

    private BackgroundBlurOptions(Builder b) {
        this.selective = b.selective;
        this.category = b.category;
        this.type = b.type;
        this.level = b.level;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("selective")
    public BackgroundSelectiveOptions getSelective() {
        return selective;
    }

    @JsonProperty("category")
    public BackgroundCategoryEnum getCategory() {
        return category;
    }

    @JsonProperty("type")
    public BackgroundBlurTypeEnum getType() {
        return type;
    }

    @JsonProperty("level")
    public BackgroundBlurLevelEnum getLevel() {
        return level;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BackgroundBlurOptions that)) {
            return false;
        }
        return Objects.equals(selective, that.selective) && category == that.category && type == that.type
                && level == that.level;
    }

    @Override
    public int hashCode() {
        return Objects.hash(selective, category, type, level);
    }

    @Override
    public String toString() {
        return "BackgroundBlurOptions{selective=" + selective + ", category=" + category + ", type=" + type
                + ", level=" + level + "}";
    }

    /** Builder for {@link BackgroundBlurOptions}. */
    public static final class Builder {
        private BackgroundSelectiveOptions selective;
        private BackgroundCategoryEnum category;
        private BackgroundBlurTypeEnum type;
        private BackgroundBlurLevelEnum level;

        private Builder() {
        }

        /** Keep only the named object sharp and blur everything around it. */
        public Builder selective(BackgroundSelectiveOptions selective) {
            this.selective = selective;
            return this;
        }

        /** What kind of object the foreground is, to pick a better model; Claid defaults to general. */
        public Builder category(BackgroundCategoryEnum category) {
            this.category = category;
            return this;
        }

        /** Gaussian (default) or lens-like blur. */
        public Builder type(BackgroundBlurTypeEnum type) {
            this.type = type;
            return this;
        }

        /** Blur strength; Claid defaults to medium. */
        public Builder level(BackgroundBlurLevelEnum level) {
            this.level = level;
            return this;
        }

        public BackgroundBlurOptions build() {
            return new BackgroundBlurOptions(this);
        }
    }
}
