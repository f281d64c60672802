package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Generative transformations of an edit. Claid schema: {@code GenerativeOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class GenerativeOptions {

    private final StyleTransferOptions styleTransfer;

    private GenerativeOptions(Builder b) {
        this.styleTransfer = b.styleTransfer;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("style_transfer")
    public StyleTransferOptions getStyleTransfer() {
        return styleTransfer;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof GenerativeOptions that && Objects.equals(styleTransfer, that.styleTransfer);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(styleTransfer);
    }

    @Override
    public String toString() {
        return "GenerativeOptions{styleTransfer=" + styleTransfer + "}";
    }

    /** Builder for {@link GenerativeOptions}. */
    public static final class Builder {
        private StyleTransferOptions styleTransfer;

        private Builder() {
        }

        /** Repaints the image in the style of a reference image. */
        public Builder styleTransfer(StyleTransferOptions styleTransfer) {
            this.styleTransfer = styleTransfer;
            return this;
        }

        public GenerativeOptions build() {
            return new GenerativeOptions(this);
        }
    }
}
