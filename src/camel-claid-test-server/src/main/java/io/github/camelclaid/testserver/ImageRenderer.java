package io.github.camelclaid.testserver;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Draws real, decodable images of a given size, so that clients can be tested down to the pixels they save. */
final class ImageRenderer {

    private ImageRenderer() {
    }

    /** A diagonal gradient, encoded in the format's served (JDK-writable) form. */
    static byte[] render(PixelSize size, MediaFormat format) {
        MediaFormat encoding = format.servedAs();
        if (encoding.imageIoName() == null) {
            throw new IllegalArgumentException(format + " is not an image format");
        }
        // RGB without alpha: the JPEG and BMP writers refuse images with an alpha channel.
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(0x2F6FDE), size.width(), size.height(), new Color(0xF2A93B)));
            g.fillRect(0, 0, size.width(), size.height());
        } finally {
            g.dispose();
        }
        return encode(image, encoding.imageIoName());
    }

    /**
     * Encodes through an explicit in-memory stream: {@code ImageIO.write} would use ImageIO's global file cache and
     * write temporary files into java.io.tmpdir.
     */
    private static byte[] encode(BufferedImage image, String imageIoName) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(imageIoName);
        if (!writers.hasNext()) {
            throw new IllegalStateException("This Java runtime has no ImageIO writer for " + imageIoName);
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode a " + imageIoName + " image", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
