package io.github.camelclaid.client;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * The image of an upload: bytes, a file, or a stream. It is sent part by part, never copied whole into memory. A
 * stream can be read only once, while a call may have to be sent again (after a 429); so a stream is first copied to
 * a temporary file, which every attempt then reads, and which is deleted when the call is over.
 */
public final class ImageUpload {

    private final byte[] bytes;
    private final Path file;
    private final InputStream stream;

    private ImageUpload(byte[] bytes, Path file, InputStream stream) {
        this.bytes = bytes;
        this.file = file;
        this.stream = stream;
    }

    /** An image in memory. */
    public static ImageUpload of(byte[] bytes) {
        return new ImageUpload(Objects.requireNonNull(bytes, "bytes"), null, null);
    }

    /** An image in a file, read while it is sent (once per attempt). */
    public static ImageUpload of(Path file) {
        return new ImageUpload(null, Objects.requireNonNull(file, "file"), null);
    }

    /**
     * An image read from a stream, which this upload then owns: it is copied to a temporary file when the call is
     * made, and closed.
     */
    public static ImageUpload of(InputStream stream) {
        Objects.requireNonNull(stream, "stream");
        return new ImageUpload(null, null, stream.markSupported() ? stream : new BufferedInputStream(stream));
    }

    /**
     * Up to the first {@code n} bytes, to tell the image's format by; a stream is not consumed by this.
     *
     * @throws UncheckedIOException when the file or stream cannot be read
     */
    public byte[] head(int n) {
        try {
            if (bytes != null) {
                return Arrays.copyOf(bytes, Math.min(n, bytes.length));
            }
            if (file != null) {
                try (InputStream in = Files.newInputStream(file)) {
                    return in.readNBytes(n);
                }
            }
            stream.mark(n);
            byte[] head = stream.readNBytes(n);
            stream.reset();
            return head;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the image to upload: " + e.getMessage(), e);
        }
    }

    /**
     * What the parts are made from: the bytes or the file as they are, a stream copied into a new temporary file
     * (in {@code spoolDirectory}, or the JVM's temporary directory when null) that the caller deletes.
     */
    Content content(Path spoolDirectory) throws IOException {
        if (bytes != null) {
            return new Content(bytes, null, bytes.length, false);
        }
        if (file != null) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IOException("the image file " + file + " does not exist or cannot be read");
            }
            return new Content(null, file, Files.size(file), false);
        }
        Path copy = spoolDirectory == null ? Files.createTempFile("claid-upload-", ".part")
                : Files.createTempFile(spoolDirectory, "claid-upload-", ".part");
        try (InputStream in = stream) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return new Content(null, copy, Files.size(copy), true);
        } catch (IOException | RuntimeException e) {
            HttpAnswer.deleteQuietly(copy);
            throw e;
        }
    }

    /**
     * The image's bytes or file, and its length.
     *
     * @param temporary whether {@code file} is this upload's own copy, deleted once the call is over
     */
    record Content(byte[] bytes, Path file, long length, boolean temporary) {

        void release() {
            if (temporary) {
                HttpAnswer.deleteQuietly(file);
            }
        }
    }
}
