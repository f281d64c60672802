package io.github.camelclaid.client.model.request;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A fit mode in its object form, made by one factory per mode so that only that mode's settings can be set.
 * Claid schemas: {@code CropOptions}, {@code CoverOptions}, {@code BoundsOptions}, {@code CanvasOptions},
 * {@code OutpaintOptions}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class FitOptions {

    private final FitEnum type;
    private final FitCropEnum crop;
    private final String feathering;
    private final String outpaintBy;

    private FitOptions(FitEnum type, FitCropEnum crop, String feathering, String outpaintBy) {
        this.type = type;
        this.crop = crop;
        this.feathering = feathering;
        this.outpaintBy = outpaintBy;
    }

    /** Crop, taking the cut around the center or around the detected subject; Claid defaults to center. */
    public static FitOptions crop(FitCropEnum crop) {
        return new FitOptions(FitEnum.CROP, crop, null, null);
    }

    /** Cover, {@code {"type":"cover"}}; the same as {@link FitEnum#COVER}. */
    public static FitOptions cover() {
        return new FitOptions(FitEnum.COVER, null, null, null);
    }

    /** Bounds, {@code {"type":"bounds"}}; the same as {@link FitEnum#BOUNDS}. */
    public static FitOptions bounds() {
        return new FitOptions(FitEnum.BOUNDS, null, null, null);
    }

    /** Canvas, {@code {"type":"canvas"}}; the same as {@link FitEnum#CANVAS}. */
    public static FitOptions canvas() {
        return new FitOptions(FitEnum.CANVAS, null, null, null);
    }

    /**
     * Outpainting: the image is extended with generated content.
     *
     * @param feathering width of the blended seam as a percentage such as {@code "15%"} (Claid's default); null to
     *                   omit
     * @param outpaintBy how far to extend, one value for both sides or "width height", each in px or %, such as
     *                   {@code "10%"} or {@code "1024px 512px"}; null to let Claid extend toward the requested size
     */
    public static FitOptions outpaint(String feathering, String outpaintBy) {
        return new FitOptions(FitEnum.OUTPAINT, null, feathering, outpaintBy);
    }

    @JsonProperty("type")
    public FitEnum getType() {
        return type;
    }

    @JsonProperty("crop")
    public FitCropEnum getCrop() {
        return crop;
    }

    @JsonProperty("feathering")
    public String getFeathering() {
        return feathering;
    }

    @JsonProperty("outpaint_by")
    public String getOutpaintBy() {
        return outpaintBy;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FitOptions that)) {
            return false;
        }
        return type == that.type && crop == that.crop && Objects.equals(feathering, that.feathering)
                && Objects.equals(outpaintBy, that.outpaintBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, crop, feathering, outpaintBy);
    }

    @Override
    public String toString() {
        return "FitOptions{type=" + type + ", crop=" + crop + ", feathering=" + feathering + ", outpaintBy="
                + outpaintBy + "}";
    }
}
