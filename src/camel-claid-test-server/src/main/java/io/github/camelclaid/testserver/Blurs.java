package io.github.camelclaid.testserver;

import java.awt.image.BufferedImage;
import java.util.BitSet;

/** Blurs for {@code background.blur}, {@code restorations.decompress} and outpainting: repeated box blurs. */
final class Blurs {

    private Blurs() {
    }

    /**
     * A blurred copy ({@code TYPE_INT_ARGB}): {@code passes} horizontal and vertical box blurs of {@code radius};
     * three passes come close to a Gaussian.
     */
    static BufferedImage box(BufferedImage image, int radius, int passes) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        int[] scratch = new int[pixels.length];
        for (int pass = 0; pass < passes && radius > 0; pass++) {
            blurLines(pixels, scratch, width, height, 1, width, radius);
            blurLines(scratch, pixels, height, width, width, 1, radius);
        }
        BufferedImage blurred = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        blurred.setRGB(0, 0, width, height, pixels, 0, width);
        return blurred;
    }

    /** {@code image} with its {@code background} pixels taken from {@code blurred}. */
    static BufferedImage composite(BufferedImage image, BufferedImage blurred, BitSet background) {
        int width = image.getWidth();
        BufferedImage result = ImageDecoder.normalised(image);
        for (int i = background.nextSetBit(0); i >= 0; i = background.nextSetBit(i + 1)) {
            result.setRGB(i % width, i / width, blurred.getRGB(i % width, i / width));
        }
        return result;
    }

    /**
     * Blurs each of {@code lines} lines of {@code length} pixels, whose pixels are {@code step} apart and whose starts
     * are {@code lineStride} apart, with a running sum (edges clamped).
     */
    private static void blurLines(int[] in, int[] out, int length, int lines, int step, int lineStride,
                                  int radius) {
        int window = 2 * radius + 1;
        for (int line = 0; line < lines; line++) {
            int start = line * lineStride;
            long a = 0;
            long r = 0;
            long g = 0;
            long b = 0;
            for (int k = -radius; k <= radius; k++) {
                int p = in[start + clamp(k, length) * step];
                a += p >>> 24;
                r += p >> 16 & 0xff;
                g += p >> 8 & 0xff;
                b += p & 0xff;
            }
            for (int i = 0; i < length; i++) {
                out[start + i * step] = (int) (a / window) << 24 | (int) (r / window) << 16
                        | (int) (g / window) << 8 | (int) (b / window);
                int leaving = in[start + clamp(i - radius, length) * step];
                int entering = in[start + clamp(i + radius + 1, length) * step];
                a += (entering >>> 24) - (leaving >>> 24);
                r += (entering >> 16 & 0xff) - (leaving >> 16 & 0xff);
                g += (entering >> 8 & 0xff) - (leaving >> 8 & 0xff);
                b += (entering & 0xff) - (leaving & 0xff);
            }
        }
    }

    private static int clamp(int index, int length) {
        return Math.max(0, Math.min(length - 1, index));
    }
}
