package io.github.camelclaid.testserver;

import java.awt.image.BufferedImage;
import java.util.function.Supplier;

/**
 * An input as an edit sees it: what Claid reports about it ({@link MediaInfo}) and, on demand, its pixels.
 *
 * <p>
 * The pixels are the input's own when the server has its bytes (an upload, a bucket object, a loopback URL, one of
 * its own outputs) and ImageIO can decode them. Otherwise they are a {@link StandInPictures stand-in} drawn from the
 * input's identity (its URL, or an upload's name and content), so different inputs never give the same picture.
 * Nothing is decoded or drawn until an output is rendered: most tests never download their outputs.
 */
final class SourceImage {

    private final MediaInfo info;
    private final Supplier<BufferedImage> pixels;

    private SourceImage(MediaInfo info, Supplier<BufferedImage> pixels) {
        this.info = info;
        this.pixels = pixels;
    }

    /** Encoded bytes ImageIO recognised; a stand-in if they turn out not to decode. */
    static SourceImage encoded(MediaInfo info, byte[] bytes, String identity) {
        return decodedLater(info, () -> bytes, identity);
    }

    /** An input the server cannot see: a picture drawn from its identity, of the size reported for it. */
    static SourceImage standIn(MediaInfo info, String identity) {
        return new SourceImage(info, () -> StandInPictures.input(info.width(), info.height(), identity));
    }

    /** An output of this server read back as an input (chained requests); a video reads as a stand-in. */
    static SourceImage output(GeneratedMedia media, String identity) {
        MediaInfo info = media.info();
        if (info.format().isVideo()) {
            return standIn(info, identity);
        }
        return decodedLater(info, media::bytes, identity);
    }

    /** Pixels decoded from {@code bytes} when first asked for; a stand-in if they do not decode. */
    private static SourceImage decodedLater(MediaInfo info, Supplier<byte[]> bytes, String identity) {
        return new SourceImage(info, () -> ImageDecoder.decode(bytes.get())
                .orElseGet(() -> StandInPictures.input(info.width(), info.height(), identity)));
    }

    MediaInfo info() {
        return info;
    }

    PixelSize size() {
        return new PixelSize(info.width(), info.height());
    }

    /** Decodes or draws the pixels; each call does it again, so nothing large is kept between renders. */
    BufferedImage pixels() {
        return pixels.get();
    }
}
