package io.github.camelclaid.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Set;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * The body of {@code POST /v1/image/edit/upload} (RFC 7578): the image in the {@code file} part, the edit's JSON in
 * the {@code data} part. Only the framing around the image is held in memory; the image goes out chunk by chunk from
 * its bytes or its file, so an upload of any size costs a buffer, not its size. Each attempt of the call sends it
 * again through a fresh {@link #producer()}, and its length is known in advance (no chunked encoding).
 */
final class MultipartUpload {

    private static final int CHUNK = 64 * 1024;
    private static final char[] BOUNDARY_CHARS =
            "-_1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] head;
    private final ImageUpload.Content image;
    private final byte[] tail;
    private final ContentType contentType;

    private MultipartUpload(byte[] head, ImageUpload.Content image, byte[] tail, ContentType contentType) {
        this.head = head;
        this.image = image;
        this.tail = tail;
        this.contentType = contentType;
    }

    /**
     * @param contentType the image's media type; null for {@code application/octet-stream}
     * @param fileName    the name Claid is told; null or blank for {@code image}
     * @param dataJson    the edit without its input, as JSON text
     */
    static MultipartUpload of(ImageUpload.Content image, String fileName, String contentType, String dataJson) {
        String boundary = boundary();
        String name = fileName == null || fileName.isBlank() ? "image" : fileName;
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + quoted(name) + "\"\r\n"
                + "Content-Type: " + (contentType == null ? ContentType.APPLICATION_OCTET_STREAM.getMimeType()
                        : headerValue(contentType)) + "\r\n"
                + "\r\n";
        String tail = "\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"\r\n"
                + "Content-Type: " + ContentType.APPLICATION_JSON + "\r\n"
                + "\r\n"
                + dataJson
                + "\r\n--" + boundary + "--\r\n";
        return new MultipartUpload(head.getBytes(StandardCharsets.UTF_8), image,
                tail.getBytes(StandardCharsets.UTF_8), ContentType.MULTIPART_FORM_DATA.withParameters(
                        new org.apache.hc.core5.http.message.BasicNameValuePair("boundary", boundary)));
    }

    ContentType contentType() {
        return contentType;
    }

    long contentLength() {
        return head.length + image.length() + tail.length;
    }

    /** A producer of the whole body, for one attempt. */
    AsyncEntityProducer producer() {
        return new Producer();
    }

    private static String boundary() {
        char[] chars = new char[32];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = BOUNDARY_CHARS[RANDOM.nextInt(BOUNDARY_CHARS.length)];
        }
        return new String(chars);
    }

    /** A quoted-string's content: quotes and backslashes escaped, line breaks (which would end the header) dropped. */
    private static String quoted(String value) {
        return headerValue(value).replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String headerValue(String value) {
        return value.replace('\r', ' ').replace('\n', ' ');
    }

    /** Writes the framing, then the image chunk by chunk, then the closing framing; waits whenever the socket is full. */
    private final class Producer implements AsyncEntityProducer {

        /** 0: head, 1: image, 2: tail, 3: done. */
        private int stage;
        private ByteBuffer pending;
        private FileChannel file;
        private ByteBuffer chunk;
        private long imageBytesSent;

        @Override
        public void produce(DataStreamChannel channel) throws IOException {
            while (true) {
                if (pending == null || !pending.hasRemaining()) {
                    pending = next();
                    if (pending == null) {
                        channel.endStream();
                        return;
                    }
                }
                channel.write(pending);
                if (pending.hasRemaining()) {
                    return; // the socket is full: called again when it can take more
                }
            }
        }

        private ByteBuffer next() throws IOException {
            switch (stage) {
                case 0:
                    stage = 1;
                    return ByteBuffer.wrap(head);
                case 1:
                    ByteBuffer piece = nextImagePiece();
                    if (piece != null) {
                        return piece;
                    }
                    stage = 2;
                    return ByteBuffer.wrap(tail);
                default:
                    stage = 3;
                    return null;
            }
        }

        /** The next piece of the image; null when it has all been sent. */
        private ByteBuffer nextImagePiece() throws IOException {
            if (image.bytes() != null) {
                if (imageBytesSent > 0 || image.bytes().length == 0) {
                    return null;
                }
                imageBytesSent = image.bytes().length;
                return ByteBuffer.wrap(image.bytes());
            }
            if (file == null) {
                file = FileChannel.open(image.file(), StandardOpenOption.READ);
                chunk = ByteBuffer.allocate(CHUNK);
            }
            chunk.clear();
            int read = file.read(chunk);
            if (read < 0) {
                file.close();
                if (imageBytesSent != image.length()) {
                    throw new IOException("the image file " + image.file() + " changed while it was sent: "
                            + image.length() + " bytes announced, " + imageBytesSent + " read");
                }
                return null;
            }
            imageBytesSent += read;
            if (imageBytesSent > image.length()) {
                throw new IOException("the image file " + image.file() + " grew while it was sent");
            }
            chunk.flip();
            return chunk;
        }

        @Override
        public int available() {
            return stage == 3 ? 0 : Integer.MAX_VALUE;
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public void failed(Exception cause) {
            releaseResources();
        }

        @Override
        public void releaseResources() {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException ignored) {
                    // read only: nothing is lost
                }
            }
        }

        @Override
        public long getContentLength() {
            return contentLength();
        }

        @Override
        public String getContentType() {
            return contentType.toString();
        }

        @Override
        public String getContentEncoding() {
            return null;
        }

        @Override
        public boolean isChunked() {
            return false;
        }

        @Override
        public Set<String> getTrailerNames() {
            return null;
        }
    }
}
