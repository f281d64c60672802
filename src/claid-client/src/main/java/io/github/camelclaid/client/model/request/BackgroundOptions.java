package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Background removal, blurring and coloring of an edit. Claid schema: {@code BackgroundOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class BackgroundOptions {

    private final Object remove;
    private final Object color;
    private final Object blur;

    private BackgroundOptions(Builder b) {
        this.remove = b.remove;
        this.color = b.color;
        this.blur = b.blur;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Either a {@code Boolean} or a {@link BackgroundRemovalOptions}. */
    @JsonProperty("remove")
    public Object getRemove() {
        return remove;
    }

    /** Either a hexadecimal color {@code String} or a {@link BackgroundEnum}. */
    @JsonProperty("color")
    public Object getColor() {
        return color;
    }

    /** Either a {@code Boolean} or a {@link BackgroundBlurOptions}. */
    @JsonProperty("blur")
    public Object getBlur() {
        return blur;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BackgroundOptions that)) {
            return false;
        }
        return Objects.equals(remove, that.remove) && Objects.equals(color, that.color)
                && Objects.equals(blur, that.blur);
    }

    @Override
    public int hashCode() {
        return Objects.hash(remove, color, blur);
    }

    @Override
    public String toString() {
        return "BackgroundOptions{remove=" + remove + ", color=" + color + ", blur=" + blur + "}";
    }

    /** Builder for {@link BackgroundOptions}. */
    public static final class Builder {
        private Object remove;
        private Object color;
        private Object blur;

        private Builder() {
        }

        /** Whether Claid cuts the foreground out and replaces the background; off by default. */
        public Builder remove(boolean remove) {
            this.remove = remove;
            return this;
        }

        /** Background removal with clipping, a category hint or an object to keep. */
        public Builder remove(BackgroundRemovalOptions remove) {
            this.remove = remove;
            return this;
        }

        /**
         * Color painted behind the foreground, as hexadecimal such as {@code "#ffffff"}; Claid uses white, or
         * transparent when the input has transparency.
         */
        public Builder color(String hexColor) {
            this.color = hexColor;
            return this;
        }

        /** A keyword background; {@link BackgroundEnum#TRANSPARENT} needs png output. */
        public Builder color(BackgroundEnum color) {
            this.color = color;
            return this;
        }

        /** Whether Claid blurs the background behind the foreground; off by default. */
        public Builder blur(boolean blur) {
            this.blur = blur;
            return this;
        }

        /** Background blur with a type, strength, category hint or object to keep sharp. */
        public Builder blur(BackgroundBlurOptions blur) {
            this.blur = blur;
            return this;
        }

        public BackgroundOptions build() {
            return new BackgroundOptions(this);
        }
    }
}
