package io.github.camelclaid.testserver;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** Decodes input bytes into pixels the edits work on, never more than {@link #MAX_DECODED_PIXELS} of them. */
final class ImageDecoder {

    /**
     * Larger inputs are decoded subsampled (every 2nd, 3rd... pixel): edits resample them to the output size anyway,
     * and a full decode of a huge image would cost the test JVM hundreds of megabytes.
     */
    static final long MAX_DECODED_PIXELS = 16L * 1_000_000;

    private ImageDecoder() {
    }

    /**
     * The pixels as {@code TYPE_INT_ARGB} or {@code TYPE_INT_RGB}; empty when ImageIO cannot decode the bytes (AVIF
     * through {@code avifdec}, where it is installed).
     */
    static Optional<BufferedImage> decode(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        if (AvifTool.isAvif(bytes)) {
            return AvifTool.toPng(bytes).flatMap(ImageDecoder::decode);
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                int step = (int) Math.ceil(Math.sqrt((double) pixels / MAX_DECODED_PIXELS));
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return Optional.of(normalised(reader.read(0, param)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // e.g. a CMYK JPEG the JDK cannot decode: the caller draws a stand-in
            return Optional.empty();
        }
    }

    /** Converts any decoded image (indexed, grey, 16-bit...) to the two types the edits handle. */
    static BufferedImage normalised(BufferedImage image) {
        return ofType(image, image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }

    /** The image itself when it is of that type already, else a copy drawn into one. */
    static BufferedImage ofType(BufferedImage image, int type) {
        if (image.getType() == type) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }
}
