package io.github.camelclaid.client.model.request;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Input images of an AI fashion models request. Claid schema: {@code TryOnAPIRequestInputOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FashionModelsInput {

    private final String model;
    private final List<String> clothing;

    private FashionModelsInput(Builder b) {
        this.model = b.model;
        this.clothing = b.clothing;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("model")
    public String getModel() {
        return model;
    }

    /** Unmodifiable. */
    @JsonProperty("clothing")
    public List<String> getClothing() {
        return clothing;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FashionModelsInput that)) {
            return false;
        }
        return Objects.equals(model, that.model) && Objects.equals(clothing, that.clothing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, clothing);
    }

    @Override
    public String toString() {
        return "FashionModelsInput{model=" + model + ", clothing=" + clothing + "}";
    }

    /** Builder for {@link FashionModelsInput}. */
    public static final class Builder {
        private String model;
        private List<String> clothing;

        private Builder() {
        }

        /** URL of a photo of the person who should wear the clothing; optional. */
        public Builder model(String url) {
            this.model = url;
            return this;
        }

        /** URLs of the garments to put on the model, 1 to 5. Required. */
        public Builder clothing(List<String> urls) {
            this.clothing = urls == null ? null : List.copyOf(urls);
            return this;
        }

        /** URLs of the garments to put on the model, 1 to 5. Required. */
        public Builder clothing(String... urls) {
            return clothing(urls == null ? null : Arrays.asList(urls));
        }

        public FashionModelsInput build() {
            return new FashionModelsInput(this);
        }
    }
}
