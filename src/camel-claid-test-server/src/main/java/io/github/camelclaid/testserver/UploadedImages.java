package io.github.camelclaid.testserver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads the size and format of an uploaded image with ImageIO (header only, no full decode). Bytes ImageIO cannot read
 * (WebP, HEIC, or a test's stand-in bytes) are accepted as an image of the default size, in the format the part's
 * Content-Type or file name names: the server is for testing clients, not for judging images.
 */
final class UploadedImages {

    private UploadedImages() {
    }

    static MediaInfo probe(byte[] content, String fileName, String contentType, PixelSize fallbackSize) {
        return probe(new ByteArrayInputStream(content), fileName, contentType, fallbackSize);
    }

    /** The same from a stream, of which only the header is read. */
    static MediaInfo probe(InputStream content, String fileName, String contentType, PixelSize fallbackSize) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(content)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    MediaFormat format = MediaFormat.fromName(reader.getFormatName()).orElse(MediaFormat.JPEG);
                    return new MediaInfo(reader.getWidth(0), reader.getHeight(0), format);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: fall through to the declared format
        }
        MediaFormat declared = MediaFormat.fromMime(contentType)
                .or(() -> MediaFormat.fromFileName(fileName))
                .filter(f -> !f.isVideo())
                .orElse(MediaFormat.JPEG);
        return new MediaInfo(fallbackSize.width(), fallbackSize.height(), declared);
    }
}
