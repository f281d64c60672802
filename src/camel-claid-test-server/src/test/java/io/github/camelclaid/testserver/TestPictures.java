package io.github.camelclaid.testserver;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Drawing and reading the plain pictures the image edit tests start from. */
final class TestPictures {

    private TestPictures() {
    }

    static void fill(BufferedImage image, int x, int y, int w, int h, Color colour) {
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(colour);
            g.fillRect(x, y, w, h);
        } finally {
            g.dispose();
        }
    }

    /** The colour at a pixel, alpha left out. */
    static Color colour(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y) & 0xffffff);
    }
}
