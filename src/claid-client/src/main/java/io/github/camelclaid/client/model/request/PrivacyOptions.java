package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Hiding personal data in an edit. Claid schema: {@code PrivacyOptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class PrivacyOptions {

    private final Boolean blurCarPlate;
    private final Boolean identityCrop;

    private PrivacyOptions(Builder b) {
        this.blurCarPlate = b.blurCarPlate;
        this.identityCrop = b.identityCrop;
    }

    public static Builder builder() {
        return new Builder();
    }

    @JsonProperty("blur_car_plate")
    public Boolean getBlurCarPlate() {
        return blurCarPlate;
    }

    @JsonProperty("identity_crop")
    public Boolean getIdentityCrop() {
        return identityCrop;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PrivacyOptions that)) {
            return false;
        }
        return Objects.equals(blurCarPlate, that.blurCarPlate) && Objects.equals(identityCrop, that.identityCrop);
    }

    @Override
    public int hashCode() {
        return Objects.hash(blurCarPlate, identityCrop);
    }

    @Override
    public String toString() {
        return "PrivacyOptions{blurCarPlate=" + blurCarPlate + ", identityCrop=" + identityCrop + "}";
    }

    /** Builder for {@link PrivacyOptions}. */
    public static final class Builder {
        private Boolean blurCarPlate;
        private Boolean identityCrop;

        private Builder() {
        }

        /** Whether Claid blurs vehicle license plates; off by default. */
        public Builder blurCarPlate(boolean blurCarPlate) {
            this.blurCarPlate = blurCarPlate;
            return this;
        }

        /** Whether Claid cuts away everything above a person's mouth so the face is not shown; off by default. */
        public Builder identityCrop(boolean identityCrop) {
            this.identityCrop = identityCrop;
            return this;
        }

        public PrivacyOptions build() {
            return new PrivacyOptions(this);
        }
    }
}
