package io.github.camelclaid.testserver;

/** Image sizes in pixels; {@link ResizeLayout} works out an edit's from {@code operations.resizing}. */
record PixelSize(int width, int height) {

    /** Guards the test JVM: a request for a larger image gets a 422 rather than an OutOfMemoryError. */
    static final long MAX_PIXELS = 64L * 1_000_000;

    PixelSize {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Image sizes must be positive: " + width + "x" + height);
        }
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
}
