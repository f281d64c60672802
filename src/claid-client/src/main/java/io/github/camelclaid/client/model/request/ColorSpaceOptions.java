package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Output color space in its object form; only CMYK takes a profile.
 * Claid schemas: {@code RGBColorSpaceOptions}, {@code CMYKColorSpaceOptions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class ColorSpaceOptions {

    private final ColorSpaceEnum type;
    private final CmykColorProfileEnum colorProfile;

    private ColorSpaceOptions(ColorSpaceEnum type, CmykColorProfileEnum colorProfile) {
        this.type = type;
        this.colorProfile = colorProfile;
    }

    /** RGB, {@code {"type":"RGB"}}. */
    public static ColorSpaceOptions rgb() {
        return new ColorSpaceOptions(ColorSpaceEnum.RGB, null);
    }

    /** CMYK with Claid's default profile (USWeb_Coated per the schema; Claid's prose names ISO_Coated). */
    public static ColorSpaceOptions cmyk() {
        return new ColorSpaceOptions(ColorSpaceEnum.CMYK, null);
    }

    /** CMYK with the given print profile. */
    public static ColorSpaceOptions cmyk(CmykColorProfileEnum colorProfile) {
        return new ColorSpaceOptions(ColorSpaceEnum.CMYK, colorProfile);
    }

    @JsonProperty("type")
    public ColorSpaceEnum getType() {
        return type;
    }

    @JsonProperty("color_profile")
    public CmykColorProfileEnum getColorProfile() {
        return colorProfile;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ColorSpaceOptions that && type == that.type
                && colorProfile == that.colorProfile;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, colorProfile);
    }

    @Override
    public String toString() {
        return "ColorSpaceOptions{type=" + type + ", colorProfile=" + colorProfile + "}";
    }
}
