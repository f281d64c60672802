package io.github.camelclaid.testserver;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Pictures the server draws where it has no pixels to work from: stand-ins for inputs it cannot see, and the outputs
 * of the generative operations. All are deterministic: the same text gives the same picture, and a different text a
 * visibly different one (colours, object shape and place are seeded by a hash of the text, and the text is written on
 * the picture).
 *
 * <p>
 * Each is a studio-like scene: a soft vertical gradient background (so background removal finds it from the border),
 * an object in a saturated colour with a hard edge, and a label. Labels need a font; on a JVM without any, the
 * picture is drawn without its label.
 */
final class StandInPictures {

    private StandInPictures() {
    }

    /** The stand-in for an input known only by its identity (a URL, an upload's name and content hash). */
    static BufferedImage input(int width, int height, String identity) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed(identity));
        Graphics2D g = graphics(image);
        try {
            background(g, width, height, random);
            object(g, width, height, random);
            label(g, width, height, FileNames.stem(identity, identity), true);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** What a text-to-image generation would draw for {@code prompt}: a scene seeded by it, the prompt written on it. */
    static BufferedImage generated(PixelSize size, String prompt, int index) {
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed(prompt + "#" + index));
        Graphics2D g = graphics(image);
        try {
            background(g, size.width(), size.height(), random);
            object(g, size.width(), size.height(), random);
            label(g, size.width(), size.height(), prompt, false);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * What a generation from input images would draw (scene, AI edit, fashion models): the inputs side by side on a
     * scene seeded by {@code caption} and {@code index}, the caption written below.
     */
    static BufferedImage composed(PixelSize size, List<BufferedImage> inputs, String caption, int index) {
        int width = size.width();
        int height = size.height();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed(caption + "#" + index));
        Graphics2D g = graphics(image);
        try {
            background(g, width, height, random);
            int slot = width / Math.max(1, inputs.size());
            int room = (int) (Math.min(slot, height) * 0.8);
            for (int i = 0; i < inputs.size(); i++) {
                BufferedImage input = inputs.get(i);
                double scale = Math.min((double) room / input.getWidth(), (double) room / input.getHeight());
                int w = Math.max(1, (int) Math.round(input.getWidth() * scale));
                int h = Math.max(1, (int) Math.round(input.getHeight() * scale));
                g.drawImage(input, i * slot + (slot - w) / 2, (height - h) / 2, w, h, null);
            }
            label(g, width, height, caption, false);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        return g;
    }

    private static void background(Graphics2D g, int width, int height, Random random) {
        float hue = random.nextFloat();
        g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.08f, 0.98f), 0, height,
                Color.getHSBColor(hue, 0.18f, 0.88f)));
        g.fillRect(0, 0, width, height);
    }

    /** A product-like object: an ellipse or a rounded box, with a darker cap, somewhere near the middle. */
    private static void object(Graphics2D g, int width, int height, Random random) {
        Color colour = Color.getHSBColor(random.nextFloat(), 0.65f + 0.3f * random.nextFloat(),
                0.45f + 0.4f * random.nextFloat());
        int side = Math.min(width, height);
        int w = Math.max(1, (int) (side * (0.3 + 0.25 * random.nextDouble())));
        int h = Math.max(1, (int) (side * (0.3 + 0.25 * random.nextDouble())));
        int x = (int) ((width - w) * (0.3 + 0.4 * random.nextDouble()));
        int y = (int) ((height - h) * (0.35 + 0.4 * random.nextDouble()));
        g.setColor(colour);
        if (random.nextBoolean()) {
            g.fillOval(x, y, w, h);
        } else {
            g.fillRoundRect(x, y, w, h, w / 5, h / 5);
        }
        g.setColor(colour.darker());
        g.fillRect(x + w / 3, Math.max(0, y - h / 10), Math.max(1, w / 3), Math.max(1, h / 6));
    }

    /** The text, wrapped onto at most three lines, at the top (input stand-ins) or the bottom (generations). */
    private static void label(Graphics2D g, int width, int height, String text, boolean top) {
        if (text == null || text.isBlank() || height < 24 || width < 24) {
            return;
        }
        try {
            int size = Math.max(10, Math.min(height / 12, width / 16));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            FontMetrics metrics = g.getFontMetrics();
            List<String> lines = wrap(text, metrics, width - 2 * size);
            int lineHeight = metrics.getHeight();
            int y = top ? size / 2 + metrics.getAscent()
                    : height - size / 2 - lineHeight * lines.size() + metrics.getAscent();
            g.setComposite(AlphaComposite.SrcOver);
            for (String line : lines) {
                g.setColor(new Color(0, 0, 0, 150));
                g.drawString(line, size + 1, y + 1);
                g.setColor(new Color(0x20, 0x20, 0x20));
                g.drawString(line, size, y);
                y += lineHeight;
            }
        } catch (RuntimeException | Error e) {
            // no usable font in this JVM (e.g. a slim container without fontconfig): the scene stays unlabelled
        }
    }

    private static List<String> wrap(String text, FontMetrics metrics, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= maxWidth || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
            if (lines.size() == 3) {
                break;
            }
        }
        if (lines.size() < 3 && line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A stable seed: String.hashCode collides too easily for near-identical URLs. */
    private static long seed(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < 8; i++) {
                seed = seed << 8 | (digest[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
