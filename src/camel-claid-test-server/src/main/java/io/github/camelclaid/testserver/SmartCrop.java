package io.github.camelclaid.testserver;

import java.awt.image.BufferedImage;

/**
 * The stand-in for Claid's content-aware crop ({@code fit: {"type":"crop","crop":"smart"}}): the crop window is placed
 * where the image has the most edge energy (the sum of absolute luminance differences between neighbouring pixels),
 * found separately along each axis. A product on a plain backdrop is kept in frame even off-centre.
 */
final class SmartCrop {

    private SmartCrop() {
    }

    /** The top-left corner of the window of {@code window} size to keep from {@code image}. */
    static int[] windowStart(BufferedImage image, PixelSize window) {
        int width = image.getWidth();
        int height = image.getHeight();
        double[] columns = new double[width];
        double[] rows = new double[height];
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double luma = luma(pixels[y * width + x]);
                double energy = (x + 1 < width ? Math.abs(luma - luma(pixels[y * width + x + 1])) : 0)
                        + (y + 1 < height ? Math.abs(luma - luma(pixels[(y + 1) * width + x])) : 0);
                columns[x] += energy;
                rows[y] += energy;
            }
        }
        return new int[] { bestStart(columns, window.width()), bestStart(rows, window.height()) };
    }

    /** The start of the run of {@code length} values with the largest sum; the centred one on ties. */
    private static int bestStart(double[] values, int length) {
        int slack = values.length - length;
        if (slack <= 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += values[i];
        }
        int best = slack / 2;
        double bestSum = -1;
        for (int start = 0; start <= slack; start++) {
            if (start > 0) {
                sum += values[start + length - 1] - values[start - 1];
            }
            boolean better = sum > bestSum + 1e-6
                    || Math.abs(sum - bestSum) <= 1e-6 && Math.abs(start - slack / 2) < Math.abs(best - slack / 2);
            if (better) {
                bestSum = sum;
                best = start;
            }
        }
        return best;
    }

    private static double luma(int argb) {
        return 0.299 * (argb >> 16 & 0xff) + 0.587 * (argb >> 8 & 0xff) + 0.114 * (argb & 0xff);
    }
}
