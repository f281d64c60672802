package io.github.camelclaid.testserver;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads the size and format of an input's bytes with ImageIO (header only, no full decode), and makes the
 * {@link SourceImage} edits work from. Bytes ImageIO cannot read (HEIC, or a test's stand-in bytes) are accepted as an
 * image of the default size, in the format the Content-Type or file name names, and edited as a stand-in picture
 * seeded by the name and the bytes: the server is for testing clients, not for judging images.
 */
final class UploadedImages {

    /** Stand-ins are seeded by this much of the content (and its length), so a huge upload is not read twice. */
    private static final int IDENTITY_BYTES = 1024 * 1024;

    private UploadedImages() {
    }

    static MediaInfo probe(byte[] content, String fileName, String contentType, PixelSize fallbackSize) {
        return probe(new ByteArrayInputStream(content), fileName, contentType, fallbackSize);
    }

    /** The same from a stream, of which only the header is read. */
    static MediaInfo probe(InputStream content, String fileName, String contentType, PixelSize fallbackSize) {
        return header(content).orElseGet(() -> declared(fileName, contentType, fallbackSize));
    }

    /** Bytes read from a URL or a bucket: decoded when ImageIO knows them, else a stand-in for {@code url}. */
    static SourceImage source(byte[] content, String fileName, PixelSize fallbackSize, String url) {
        Optional<MediaInfo> header = header(new ByteArrayInputStream(content));
        return header.isPresent() ? SourceImage.encoded(header.get(), content, url)
                : SourceImage.standIn(declared(fileName, null, fallbackSize), url);
    }

    /**
     * The file part of an upload. An image ImageIO knows is kept (as its encoded bytes, at most
     * {@link InputProbe#MAX_FETCHED_BYTES}) to be decoded when an output is rendered: the part itself is a view of a
     * request body that is gone by then.
     */
    static SourceImage upload(MultipartFormData.Part file, PixelSize fallbackSize) {
        Optional<MediaInfo> header = header(file.stream());
        String identity = file.fileName() + "#" + contentHash(file);
        if (header.isPresent() && file.size() <= InputProbe.MAX_FETCHED_BYTES) {
            return SourceImage.encoded(header.get(), file.content(), identity);
        }
        return SourceImage.standIn(header.orElseGet(() -> declared(file.fileName(), file.contentType(),
                fallbackSize)), identity);
    }

    private static Optional<MediaInfo> header(InputStream content) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(content)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    MediaFormat format = MediaFormat.fromName(reader.getFormatName()).orElse(MediaFormat.JPEG);
                    return Optional.of(new MediaInfo(reader.getWidth(0), reader.getHeight(0), format));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: the caller falls back to the declared format
        }
        return Optional.empty();
    }

    private static MediaInfo declared(String fileName, String contentType, PixelSize fallbackSize) {
        MediaFormat declared = MediaFormat.fromMime(contentType)
                .or(() -> MediaFormat.fromFileName(fileName))
                .filter(f -> !f.isVideo())
                .orElse(MediaFormat.JPEG);
        return new MediaInfo(fallbackSize.width(), fallbackSize.height(), declared);
    }

    private static String contentHash(MultipartFormData.Part file) {
        CRC32 crc = new CRC32();
        try (InputStream in = file.stream()) {
            crc.update(in.readNBytes(IDENTITY_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.size() + "-" + Long.toHexString(crc.getValue());
    }
}
