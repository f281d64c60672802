package io.github.camelclaid.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Streams an answer's body into memory and gives up as soon as it grows past a cap, so a wrong URL or a huge result
 * cannot exhaust the heap. The Content-Length, when sent, is checked before any byte is read.
 */
final class CappedResponseConsumer extends AbstractBinResponseConsumer<HttpAnswer> {

    private final long maxBytes;
    private HttpResponse response;
    private ContentType contentType;
    private ByteArrayOutputStream buffer;

    CappedResponseConsumer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws HttpException, IOException {
        this.response = response;
        this.contentType = contentType;
        long declared = -1;
        if (response.getFirstHeader("Content-Length") != null) {
            try {
                declared = Long.parseLong(response.getFirstHeader("Content-Length").getValue().trim());
            } catch (NumberFormatException ignored) {
                // an unreadable length is checked while streaming instead
            }
        }
        if (declared > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        this.buffer = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int n = src.remaining();
        if (buffer.size() + (long) n > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
        byte[] chunk = new byte[n];
        src.get(chunk);
        buffer.write(chunk);
    }

    @Override
    protected HttpAnswer buildResult() {
        return new HttpAnswer(response.getCode(), response.getHeaders(),
                buffer == null ? new byte[0] : buffer.toByteArray(),
                contentType == null ? null : contentType.getMimeType(), 1);
    }

    @Override
    public void releaseResources() {
        buffer = null;
    }

    /** The answer was larger than the caller allowed; not a network fault, so it is never retried. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long maxBytes) {
            super("answer is larger than the allowed " + maxBytes + " bytes");
        }
    }
}
