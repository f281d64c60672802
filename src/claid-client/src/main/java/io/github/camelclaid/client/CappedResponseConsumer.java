package io.github.camelclaid.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Reads an answer's body as it arrives, chunk by chunk: into memory while it is small, then into a temporary file
 * (see {@link AnswerLimits}), and gives up as soon as it grows past the cap, so neither a huge result nor a wrong URL
 * can exhaust the heap. Nothing is allocated by the announced Content-Length: it is only compared with the cap
 * before any byte is read. The file, when there is one, belongs to the {@link HttpAnswer} built from it, or is
 * deleted here when the body is not read to its end.
 */
final class CappedResponseConsumer extends AbstractBinResponseConsumer<HttpAnswer> {

    private static final int CHUNK = 64 * 1024;
    /** The most memory taken for an answer before any of it arrived, whatever its announced length. */
    private static final int INITIAL_BUFFER = 8192;

    private final AnswerLimits limits;
    private HttpResponse response;
    private ContentType contentType;
    private ByteArrayOutputStream memory;
    private Path file;
    private FileChannel channel;
    private long length;
    private boolean handedOver;

    CappedResponseConsumer(AnswerLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) throws HttpException, IOException {
        this.response = response;
        this.contentType = contentType;
        int initial = INITIAL_BUFFER;
        if (response.getFirstHeader("Content-Length") != null) {
            try {
                long declared = Long.parseLong(response.getFirstHeader("Content-Length").getValue().trim());
                if (declared > limits.maxBytes()) {
                    throw new BodyTooLargeException(limits);
                }
                // a short answer (most JSON ones) gets a buffer of its size; a long one starts at the usual size
                initial = (int) Math.max(0, Math.min(declared, INITIAL_BUFFER));
            } catch (NumberFormatException ignored) {
                // an unreadable length is checked while streaming instead
            }
        }
        this.memory = new ByteArrayOutputStream(initial);
    }

    @Override
    protected int capacityIncrement() {
        return CHUNK;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        int n = src.remaining();
        if (length + n > limits.maxBytes()) {
            throw new BodyTooLargeException(limits);
        }
        length += n;
        if (channel == null && length > limits.inMemoryBytes()) {
            spool();
        }
        if (channel != null) {
            while (src.hasRemaining()) {
                channel.write(src);
            }
        } else if (src.hasArray()) {
            memory.write(src.array(), src.arrayOffset() + src.position(), n);
            src.position(src.limit());
        } else {
            byte[] chunk = new byte[n];
            src.get(chunk);
            memory.write(chunk, 0, n);
        }
    }

    /** Moves what arrived so far to a new temporary file, where the rest goes too. */
    private void spool() throws IOException {
        file = limits.spoolDirectory() == null ? Files.createTempFile("claid-answer-", ".part")
                : Files.createTempFile(limits.spoolDirectory(), "claid-answer-", ".part");
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        ByteBuffer kept = ByteBuffer.wrap(memory.toByteArray());
        while (kept.hasRemaining()) {
            channel.write(kept);
        }
        memory = null;
    }

    @Override
    protected HttpAnswer buildResult() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not finish the temporary file of the answer", e);
        }
        handedOver = true;
        return HttpAnswer.received(response.getCode(), response.getHeaders(),
                memory == null ? null : memory.toByteArray(), file, length,
                contentType == null ? null : contentType.getMimeType());
    }

    @Override
    public void releaseResources() {
        memory = null;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the file is deleted below or belongs to the answer
            }
        }
        if (!handedOver && file != null) {
            HttpAnswer.deleteQuietly(file);
            file = null;
        }
    }

    /** The answer was larger than the caller allowed; not a network fault, so it is never retried. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(AnswerLimits limits) {
            super("the answer is larger than the allowed " + limits.maxBytes() + " bytes"
                    + (limits.limitName() == null ? "" : "; raise " + limits.limitName() + " to accept it"));
        }
    }
}
