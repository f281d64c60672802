package io.github.camelclaid.testserver;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code operations.adjustments} as plain tone and colour operations, each -100..100 (sharpness and hdr 0..100):
 * exposure multiplies light by up to 2x (or halves it), contrast stretches values around mid-grey by up to 2x,
 * saturation moves colours away from (or towards) their grey, hdr is a tone curve lifting shadows and holding back
 * highlights in proportion to its intensity, and sharpness is an unsharp 3x3 kernel. Alpha is left as it is.
 */
record Adjustments(int exposure, int contrast, int saturation, int sharpness, int hdr) {

    /** The adjustments asked for; null when there are none. */
    static Adjustments from(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode hdrNode = node.get("hdr");
        int hdr = hdrNode == null ? 0 : hdrNode.isIntegralNumber() ? hdrNode.asInt()
                : hdrNode.isObject() ? Json.integer(hdrNode, "intensity", 100) : 0;
        Adjustments adjustments = new Adjustments(Json.integer(node, "exposure", 0), Json.integer(node, "contrast", 0),
                Json.integer(node, "saturation", 0), Json.integer(node, "sharpness", 0), hdr);
        return adjustments.isNone() ? null : adjustments;
    }

    boolean isNone() {
        return exposure == 0 && contrast == 0 && saturation == 0 && sharpness == 0 && hdr == 0;
    }

    /** An adjusted copy ({@code TYPE_INT_ARGB}). */
    BufferedImage apply(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] curve = toneCurve();
        double saturationFactor = 1 + saturation / 100.0;
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            double r = curve[p >> 16 & 0xff];
            double g = curve[p >> 8 & 0xff];
            double b = curve[p & 0xff];
            if (saturation != 0) {
                double grey = 0.299 * r + 0.587 * g + 0.114 * b;
                r = grey + (r - grey) * saturationFactor;
                g = grey + (g - grey) * saturationFactor;
                b = grey + (b - grey) * saturationFactor;
            }
            pixels[i] = p & 0xff000000 | channel(r) << 16 | channel(g) << 8 | channel(b);
        }
        BufferedImage adjusted = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        adjusted.setRGB(0, 0, width, height, pixels, 0, width);
        return sharpness > 0 ? sharpened(adjusted) : adjusted;
    }

    /** Exposure, then hdr, then contrast, as one lookup table per channel value. */
    private int[] toneCurve() {
        double gain = Math.pow(2, exposure / 100.0);
        double contrastFactor = 1 + contrast / 100.0;
        double hdrAmount = hdr / 100.0;
        int[] curve = new int[256];
        for (int v = 0; v < 256; v++) {
            double x = Math.min(1, v / 255.0 * gain);
            // a gamma below 1 lifts shadows; blended back towards x at the top to keep highlights from clipping
            x = x + hdrAmount * (Math.pow(x, 0.6) - x) * (1 - x * 0.5);
            x = 0.5 + (x - 0.5) * contrastFactor;
            curve[v] = channel(x * 255);
        }
        return curve;
    }

    private BufferedImage sharpened(BufferedImage image) {
        float a = sharpness / 100f;
        Kernel kernel = new Kernel(3, 3, new float[] { 0, -a, 0, -a, 1 + 4 * a, -a, 0, -a, 0 });
        BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        return new ConvolveOp(kernel, ConvolveOp.EDGE_NO_OP, null).filter(image, target);
    }

    private static int channel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
