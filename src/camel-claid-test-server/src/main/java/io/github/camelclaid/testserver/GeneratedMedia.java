package io.github.camelclaid.testserver;

import java.util.function.Supplier;

/**
 * An output the server produced. Its bytes are rendered on first use and then kept: most tests never download what
 * they asked for, and a large image costs real time to encode.
 */
final class GeneratedMedia {

    private final MediaInfo info;
    private final Supplier<byte[]> renderer;
    private byte[] bytes;

    private GeneratedMedia(MediaInfo info, Supplier<byte[]> renderer) {
        this.info = info;
        this.renderer = renderer;
    }

    static GeneratedMedia image(PixelSize size, MediaFormat format) {
        return new GeneratedMedia(new MediaInfo(size.width(), size.height(), format),
                () -> ImageRenderer.render(size, format));
    }

    /** A video; the size is the input image's, kept only for chaining, since Claid reports none for videos. */
    static GeneratedMedia video(PixelSize size) {
        return new GeneratedMedia(new MediaInfo(size.width(), size.height(), MediaFormat.MP4), PlaceholderVideo::bytes);
    }

    MediaInfo info() {
        return info;
    }

    /** The Content-Type of the bytes (PNG for reported WebP/AVIF, see {@link MediaFormat}). */
    String servedMime() {
        return info.format().servedAs().mime();
    }

    synchronized byte[] bytes() {
        if (bytes == null) {
            bytes = renderer.get();
        }
        return bytes;
    }
}
