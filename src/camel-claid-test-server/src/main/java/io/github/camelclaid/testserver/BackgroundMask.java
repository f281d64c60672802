package io.github.camelclaid.testserver;

import java.awt.image.BufferedImage;
import java.util.BitSet;

/**
 * The stand-in for Claid's background segmentation: the background is what can be reached from the image's border
 * through neighbouring pixels of nearly the same colour (a flood fill tolerant of soft gradients), plus any pixel
 * that is already transparent. It separates a product photographed on a plain or graduated backdrop, which is what
 * tests use; it is no model of real scenes.
 */
final class BackgroundMask {

    /** Largest difference per channel between two neighbouring background pixels. */
    private static final int STEP_TOLERANCE = 10;

    private BackgroundMask() {
    }

    /** Bit {@code y * width + x} is set for background pixels. */
    static BitSet of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BitSet background = new BitSet(pixels.length);
        int[] stack = new int[Math.max(16, 2 * (width + height))];
        int top = 0;
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] >>> 24 == 0) {
                background.set(i);
            }
        }
        for (int x = 0; x < width; x++) {
            stack = push(stack, top++, x);
            stack = push(stack, top++, (height - 1) * width + x);
        }
        for (int y = 0; y < height; y++) {
            stack = push(stack, top++, y * width);
            stack = push(stack, top++, y * width + width - 1);
        }
        BitSet visited = new BitSet(pixels.length);
        while (top > 0) {
            int at = stack[--top];
            if (visited.get(at)) {
                continue;
            }
            visited.set(at);
            background.set(at);
            int x = at % width;
            int y = at / width;
            int[] neighbours = { x > 0 ? at - 1 : -1, x < width - 1 ? at + 1 : -1, y > 0 ? at - width : -1,
                    y < height - 1 ? at + width : -1 };
            for (int next : neighbours) {
                if (next >= 0 && !visited.get(next) && close(pixels[at], pixels[next])) {
                    stack = push(stack, top++, next);
                }
            }
        }
        return background;
    }

    /** Makes the background pixels fully transparent; {@code image} must have an alpha channel. */
    static void clear(BufferedImage image, BitSet background) {
        int width = image.getWidth();
        for (int i = background.nextSetBit(0); i >= 0; i = background.nextSetBit(i + 1)) {
            image.setRGB(i % width, i / width, image.getRGB(i % width, i / width) & 0x00ffffff);
        }
    }

    private static boolean close(int a, int b) {
        return Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) <= STEP_TOLERANCE
                && Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff)) <= STEP_TOLERANCE
                && Math.abs((a & 0xff) - (b & 0xff)) <= STEP_TOLERANCE;
    }

    private static int[] push(int[] stack, int top, int value) {
        int[] target = top < stack.length ? stack : java.util.Arrays.copyOf(stack, stack.length * 2);
        target[top] = value;
        return target;
    }
}
