package io.github.camelclaid.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.hc.core5.http.Header;

/**
 * A complete HTTP answer as the transport received it, before it is judged a success or an error. Its body is in
 * memory ({@code body}) or, when it was too large for that, in a temporary file ({@code file}) that whoever reads the
 * answer takes over or {@linkplain #discard() deletes}.
 *
 * @param body      the body when held in memory; null when it is in {@code file}
 * @param file      the temporary file holding the body; null when it is in memory
 * @param length    the body's length in bytes
 * @param rateLimit the answer's {@code RateLimit-*} headers, read once for the gate and the response; null when absent
 */
record HttpAnswer(int status, Header[] headers, byte[] body, Path file, long length, String contentType,
        RateLimitInfo rateLimit, int attempts) {

    /** How much of a spooled body {@link #body()} reads: enough for any error answer, never the whole of a result. */
    private static final int SPOOLED_HEAD_BYTES = 64 * 1024;

    /** An answer as one attempt received it. */
    static HttpAnswer received(int status, Header[] headers, byte[] body, Path file, long length,
            String contentType) {
        return new HttpAnswer(status, headers, body, file, length, contentType,
                RateLimitInfo.from(name -> header(headers, name)), 1);
    }

    HttpAnswer afterAttempts(int attempts) {
        return new HttpAnswer(status, headers, body, file, length, contentType, rateLimit, attempts);
    }

    /**
     * The body's bytes; of a spooled body only its first {@value #SPOOLED_HEAD_BYTES} bytes, which is all an error
     * answer needs. Results are read from {@link #file()}.
     */
    @Override
    public byte[] body() {
        if (file == null) {
            return body;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SPOOLED_HEAD_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Deletes the spooled body, if any: for an answer nobody takes over (retried, refused, or not wanted any more). */
    void discard() {
        if (file != null) {
            deleteQuietly(file);
        }
    }

    /** A header's value, matched without regard to case; null when absent. */
    String header(String name) {
        return header(headers, name);
    }

    private static String header(Header[] headers, String name) {
        for (Header h : headers) {
            if (h.getName().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file in the temporary directory: the system cleans it up in the end
        }
    }
}
