package io.github.camelclaid.testserver;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Product-like sample pictures, made on the spot so that tests and demos need no download and no bundled binaries.
 */
public final class SampleImages {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)
    };

    private SampleImages() {
    }

    /** Writes {@code count} images (alternately PNG and JPEG, of varied sizes) into {@code dir}. */
    public static List<Path> write(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean png = i % 2 == 0;
            Path file = dir.resolve(String.format("sample-%02d.%s", i + 1, png ? "png" : "jpg"));
            ImageIO.write(render(480 + 64 * i, 360 + 48 * i, PALETTE[i % PALETTE.length]), png ? "png" : "jpg",
                    file.toFile());
            written.add(file);
        }
        return written;
    }

    /** One sample as JPEG bytes, its colour picked by {@code n}. */
    public static byte[] jpeg(int width, int height, int n) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            ImageIO.write(render(width, height, PALETTE[Math.floorMod(n, PALETTE.length)]), "jpg", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A soft gradient background with a round "product" in the middle. */
    public static BufferedImage render(int width, int height, Color accent) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, Color.WHITE, width, height, accent.brighter()));
            g.fillRect(0, 0, width, height);
            int d = Math.min(width, height) / 2;
            g.setColor(accent);
            g.fillOval((width - d) / 2, (height - d) / 2, d, d);
            g.setColor(accent.darker());
            g.fillRect((width - d / 3) / 2, (height - d) / 2 - d / 8, d / 3, d / 4);
        } finally {
            g.dispose();
        }
        return image;
    }
}
