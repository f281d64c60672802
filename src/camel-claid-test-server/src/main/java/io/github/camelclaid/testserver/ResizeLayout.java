package io.github.camelclaid.testserver;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the input lands in the output, from {@code operations.resizing} as Claid describes it: the output canvas, the
 * size the input is scaled to, and its offset on the canvas (negative when it is cropped). It depends on sizes only,
 * so a response can report the output's size without rendering it.
 *
 * <p>
 * {@code width}/{@code height} are pixels, {@code "N%"} of the input, or {@code "auto"}. With one side given the other
 * follows the input's aspect ratio; with none the input size is kept. With both, {@code fit} decides (every mode keeps
 * the aspect ratio): {@code crop} (the default) covers the box and crops the overflow, centred or, for
 * {@code {"type":"crop","crop":"smart"}}, around the busiest region ({@link SmartCrop}); {@code cover} covers the box
 * and keeps the overflow, so one side is larger than asked; {@code bounds} fits inside the box, so one side is
 * smaller; {@code canvas} fits inside and centres on a canvas of exactly the box, the rest filled with the background
 * colour; {@code outpaint} is {@code canvas} with the rest filled from the image itself.
 */
record ResizeLayout(PixelSize canvas, PixelSize scaled, int x, int y, Fit fit, boolean smartCrop) {

    /** Whether the scaled input overflows the canvas and is cropped to it. */
    boolean crops() {
        return scaled.width() > canvas.width() || scaled.height() > canvas.height();
    }

    enum Fit {
        CROP, COVER, BOUNDS, CANVAS, OUTPAINT
    }

    static ResizeLayout of(JsonNode resizing, PixelSize input) {
        Integer width = side(resizing == null ? null : resizing.get("width"), input.width());
        Integer height = side(resizing == null ? null : resizing.get("height"), input.height());
        if (width == null && height == null) {
            return unchanged(input, Fit.CROP);
        }
        if (width == null || height == null) {
            double scale = width != null ? (double) width / input.width() : (double) height / input.height();
            PixelSize size = new PixelSize(width != null ? width : scaled(input.width(), scale),
                    height != null ? height : scaled(input.height(), scale));
            return new ResizeLayout(size, size, 0, 0, Fit.CROP, false);
        }
        JsonNode fitNode = resizing.get("fit");
        Fit fit = fit(fitNode);
        boolean smart = fitNode != null && fitNode.isObject() && "smart".equals(Json.text(fitNode, "crop"));
        double sx = (double) width / input.width();
        double sy = (double) height / input.height();
        boolean covers = fit == Fit.CROP || fit == Fit.COVER;
        double scale = covers ? Math.max(sx, sy) : Math.min(sx, sy);
        // the side that sets the scale is exactly as asked; the other follows, rounded
        PixelSize scaled = scale == sx ? new PixelSize(width, scaled(input.height(), scale))
                : new PixelSize(scaled(input.width(), scale), height);
        if (fit == Fit.COVER || fit == Fit.BOUNDS) {
            return new ResizeLayout(scaled, scaled, 0, 0, fit, false);
        }
        PixelSize box = new PixelSize(width, height);
        return new ResizeLayout(box, scaled, (width - scaled.width()) / 2, (height - scaled.height()) / 2, fit,
                smart && fit == Fit.CROP);
    }

    static ResizeLayout unchanged(PixelSize input, Fit fit) {
        return new ResizeLayout(input, input, 0, 0, fit, false);
    }

    private static Fit fit(JsonNode node) {
        String name = node == null ? null : node.isTextual() ? node.asText() : Json.text(node, "type");
        if (name == null) {
            return Fit.CROP;
        }
        try {
            return Fit.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Fit.CROP;
        }
    }

    private static int scaled(int side, double scale) {
        return (int) Math.max(1, Math.round(side * scale));
    }

    private static Integer side(JsonNode value, int inputSide) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return Math.max(1, value.asInt());
        }
        if (value.isTextual()) {
            String text = value.asText().trim().toLowerCase(Locale.ROOT);
            if (text.endsWith("%")) {
                try {
                    double percent = Double.parseDouble(text.substring(0, text.length() - 1));
                    return (int) Math.max(1, Math.round(inputSide * percent / 100.0));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
