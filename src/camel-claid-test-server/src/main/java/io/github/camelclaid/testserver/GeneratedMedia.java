package io.github.camelclaid.testserver;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.function.Supplier;

/**
 * An output the server produced. Its bytes are rendered on first use and then kept: most tests never download what
 * they asked for, and a large image costs real time to compute and encode. Until then it holds only what it is made
 * from (an input's encoded bytes, or a prompt).
 */
final class GeneratedMedia {

    private final MediaInfo info;
    private Supplier<byte[]> renderer;
    private byte[] bytes;

    private GeneratedMedia(MediaInfo info, Supplier<byte[]> renderer) {
        this.info = info;
        this.renderer = renderer;
    }

    /**
     * An image whose pixels {@code pixels} computes; {@code info} must state their size. Formats without alpha are
     * flattened onto {@code matte}.
     */
    static GeneratedMedia image(MediaInfo info, Supplier<BufferedImage> pixels, OutputEncoding encoding,
                                Color matte) {
        return new GeneratedMedia(info, () -> {
            BufferedImage image = pixels.get();
            if (image.getWidth() != info.width() || image.getHeight() != info.height()) {
                throw new IllegalStateException("rendered " + image.getWidth() + "x" + image.getHeight()
                        + " for an output reported as " + info.width() + "x" + info.height());
            }
            return ImageEncoder.encode(image, encoding, matte);
        });
    }

    /** A generated picture of {@code size}, drawn by {@code pixels}, encoded as {@code encoding} says. */
    static GeneratedMedia picture(PixelSize size, OutputEncoding encoding, Supplier<BufferedImage> pixels) {
        return image(new MediaInfo(size.width(), size.height(), encoding.format()), pixels, encoding, Color.WHITE);
    }

    /** A video; the size is the input image's, kept only for chaining, since Claid reports none for videos. */
    static GeneratedMedia video(PixelSize size) {
        return new GeneratedMedia(new MediaInfo(size.width(), size.height(), MediaFormat.MP4), PlaceholderVideo::bytes);
    }

    MediaInfo info() {
        return info;
    }

    /** The Content-Type of the bytes (PNG for reported AVIF where avifenc is missing, see {@link MediaFormat}). */
    String servedMime() {
        return info.format().servedAs().mime();
    }

    synchronized byte[] bytes() {
        if (bytes == null) {
            bytes = renderer.get();
            // what it was made from (an input's bytes) is no longer needed
            renderer = null;
        }
        return bytes;
    }
}
