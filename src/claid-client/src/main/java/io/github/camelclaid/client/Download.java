package io.github.camelclaid.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A result fetched from its temporary URL. A small one is held in memory; a larger one was streamed into a temporary
 * file while it arrived, so that no result, however large, is ever held whole on the heap. {@link #close()} deletes
 * that file: whoever receives a {@code Download} closes it once the result has been read (or moved).
 */
public final class Download implements AutoCloseable {

    private final String url;
    private final byte[] bytes;
    private final Path file;
    private final long size;
    private final String contentType;

    private Download(String url, byte[] bytes, Path file, long size, String contentType) {
        this.url = url;
        this.bytes = bytes;
        this.file = file;
        this.size = size;
        this.contentType = contentType;
    }

    /** A result held in memory. */
    public static Download inMemory(String url, byte[] bytes, String contentType) {
        Objects.requireNonNull(bytes, "bytes");
        return new Download(url, bytes, null, bytes.length, contentType);
    }

    /** A result in a temporary file, which the new {@code Download} owns and {@link #close()} deletes. */
    public static Download inFile(String url, Path file, long size, String contentType) {
        return new Download(url, null, Objects.requireNonNull(file, "file"), size, contentType);
    }

    /** The temporary URL it was fetched from. */
    public String url() {
        return url;
    }

    /** The answer's Content-Type without parameters, e.g. {@code image/png}; null when absent. */
    public String contentType() {
        return contentType;
    }

    /** The result's length in bytes. */
    public long size() {
        return size;
    }

    /** The temporary file holding the result; null when it is held in memory. */
    public Path file() {
        return file;
    }

    /** Whether the result is held in memory rather than in a file. */
    public boolean inMemory() {
        return file == null;
    }

    /** The result as a stream; each call starts again at its first byte. */
    public InputStream openStream() throws IOException {
        return file == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    /**
     * The whole result as bytes: a copy read from the file when it is in one, so call this only for results that fit
     * in memory.
     */
    public byte[] bytes() {
        if (file == null) {
            return bytes.clone();
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the downloaded result of " + url + " from " + file, e);
        }
    }

    /** Deletes the temporary file, if any. */
    @Override
    public void close() {
        if (file != null) {
            HttpAnswer.deleteQuietly(file);
        }
    }

    @Override
    public String toString() {
        return "Download[" + url + ", " + size + " bytes" + (file == null ? " in memory" : " in " + file) + "]";
    }
}
