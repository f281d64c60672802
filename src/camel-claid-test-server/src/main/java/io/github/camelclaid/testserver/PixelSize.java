package io.github.camelclaid.testserver;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Output sizes, worked out from a request the way Claid describes them. */
record PixelSize(int width, int height) {

    /** Guards the test JVM: a request for a larger image gets a 422 rather than an OutOfMemoryError. */
    static final long MAX_PIXELS = 64L * 1_000_000;

    PixelSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Image sizes must be positive: " + width + "x" + height);
        }
    }

    /**
     * The size {@code operations.resizing} asks for. Numbers are pixels, {@code "50%"} is relative to the input, and
     * {@code "auto"} (or absence) keeps the input's aspect ratio: with one side given the other follows, with none
     * the input size is kept. The {@code fit} mode does not change the canvas size, so it is ignored.
     */
    static PixelSize fromResizing(JsonNode resizing, MediaInfo input) {
        Integer width = side(resizing == null ? null : resizing.get("width"), input.width());
        Integer height = side(resizing == null ? null : resizing.get("height"), input.height());
        if (width == null && height == null) {
            return new PixelSize(input.width(), input.height());
        }
        if (width == null) {
            width = (int) Math.max(1, Math.round((double) height * input.width() / input.height()));
        }
        if (height == null) {
            height = (int) Math.max(1, Math.round((double) width * input.height() / input.width()));
        }
        return new PixelSize(width, height);
    }

    /** A {@code "W:H"} aspect ratio with the longer side {@code longSide} pixels; square when absent or unreadable. */
    static PixelSize forAspectRatio(String ratio, int longSide) {
        if (ratio == null || !ratio.matches("\\d+:\\d+")) {
            return new PixelSize(longSide, longSide);
        }
        String[] parts = ratio.split(":");
        double w = Double.parseDouble(parts[0]);
        double h = Double.parseDouble(parts[1]);
        if (w <= 0 || h <= 0) {
            return new PixelSize(longSide, longSide);
        }
        return w >= h ? new PixelSize(longSide, (int) Math.max(1, Math.round(longSide * h / w)))
                : new PixelSize((int) Math.max(1, Math.round(longSide * w / h)), longSide);
    }

    boolean tooLarge() {
        return (long) width * height > MAX_PIXELS;
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
