package io.github.camelclaid.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@link Error} (OutOfMemoryError, StackOverflowError...) thrown while a request is sent or its answer read
 * on one of the HTTP client's I/O threads from escaping into the client's reactor. Escaped, it kills the I/O thread:
 * every exchange on it then waits forever for an answer that nobody will deliver. Turned into an
 * {@link ErrorOnIoThread} (an {@link IOException}), it fails just its own call, with a message that says what
 * happened, and the connection is closed.
 */
final class IoThreadGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ClaidClient.class);

    private IoThreadGuard() {
    }

    /** The Error, as the failure of the call it happened in. */
    static final class ErrorOnIoThread extends IOException {
        private static final long serialVersionUID = 1L;

        ErrorOnIoThread(String doing, Error error) {
            super(error.getClass().getSimpleName() + (error.getMessage() == null ? "" : " (" + error.getMessage() + ")")
                    + " on the HTTP client's I/O thread while " + doing + "; the call was abandoned."
                    + (error instanceof OutOfMemoryError ? " Give the JVM more heap (-Xmx), or lower maxDownloadBytes"
                            + " or the number of calls in flight" : ""), error);
        }
    }

    static <T> AsyncResponseConsumer<T> guard(AsyncResponseConsumer<T> consumer) {
        return new GuardedConsumer<>(consumer);
    }

    static AsyncEntityProducer guard(AsyncEntityProducer producer) {
        return new GuardedProducer(producer);
    }

    private static void logSwallowed(String where, Error e) {
        LOG.warn("{} on the HTTP client's I/O thread while {}; carried on", e.getClass().getSimpleName(), where, e);
    }

    private static final class GuardedConsumer<T> implements AsyncResponseConsumer<T> {
        private static final String READING = "reading the answer";
        private final AsyncResponseConsumer<T> consumer;

        GuardedConsumer(AsyncResponseConsumer<T> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void consumeResponse(HttpResponse response, EntityDetails entityDetails, HttpContext context,
                FutureCallback<T> resultCallback) throws HttpException, IOException {
            try {
                consumer.consumeResponse(response, entityDetails, context, resultCallback);
            } catch (Error e) {
                throw new ErrorOnIoThread(READING, e);
            }
        }

        @Override
        public void informationResponse(HttpResponse response, HttpContext context)
                throws HttpException, IOException {
            try {
                consumer.informationResponse(response, context);
            } catch (Error e) {
                throw new ErrorOnIoThread(READING, e);
            }
        }

        @Override
        public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
            try {
                consumer.updateCapacity(capacityChannel);
            } catch (Error e) {
                throw new ErrorOnIoThread(READING, e);
            }
        }

        @Override
        public void consume(ByteBuffer src) throws IOException {
            try {
                consumer.consume(src);
            } catch (Error e) {
                throw new ErrorOnIoThread(READING, e);
            }
        }

        @Override
        public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
            try {
                consumer.streamEnd(trailers);
            } catch (Error e) {
                throw new ErrorOnIoThread(READING, e);
            }
        }

        @Override
        public void failed(Exception cause) {
            try {
                consumer.failed(cause);
            } catch (Error e) {
                logSwallowed("failing a call", e);
            }
        }

        @Override
        public void releaseResources() {
            try {
                consumer.releaseResources();
            } catch (Error e) {
                logSwallowed("releasing an answer", e);
            }
        }
    }

    private static final class GuardedProducer implements AsyncEntityProducer {
        private static final String SENDING = "sending the request";
        private final AsyncEntityProducer producer;

        GuardedProducer(AsyncEntityProducer producer) {
            this.producer = producer;
        }

        @Override
        public void produce(DataStreamChannel channel) throws IOException {
            try {
                producer.produce(channel);
            } catch (Error e) {
                throw new ErrorOnIoThread(SENDING, e);
            }
        }

        @Override
        public int available() {
            return producer.available();
        }

        @Override
        public boolean isRepeatable() {
            return producer.isRepeatable();
        }

        @Override
        public void failed(Exception cause) {
            try {
                producer.failed(cause);
            } catch (Error e) {
                logSwallowed("failing a request", e);
            }
        }

        @Override
        public void releaseResources() {
            try {
                producer.releaseResources();
            } catch (Error e) {
                logSwallowed("releasing a request", e);
            }
        }

        @Override
        public long getContentLength() {
            return producer.getContentLength();
        }

        @Override
        public String getContentType() {
            return producer.getContentType();
        }

        @Override
        public String getContentEncoding() {
            return producer.getContentEncoding();
        }

        @Override
        public boolean isChunked() {
            return producer.isChunked();
        }

        @Override
        public Set<String> getTrailerNames() {
            return producer.getTrailerNames();
        }
    }
}
