package io.github.camelclaid.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.github.camelclaid.client.ApiOperation;

/**
 * The HTTP side: reads and records each request, lets an armed fault catch it, hands it to {@link ClaidApi}, and puts
 * the answer on the wire — or, as a fault demands, a different answer, a late one, half of one, or none at all.
 *
 * <p>
 * Runs on the server's handler pool, so a delayed answer holds one pool thread, never the server.
 */
final class HttpFront implements HttpHandler {

    /** Bodies larger than this are refused with 413 instead of filling the test JVM's heap; uploads excepted. */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    /**
     * An upload ({@code POST /v1/image/edit/upload}) larger than this goes to a temporary file as it arrives, and is
     * parsed from there, so the server takes uploads of any size (up to {@link #MAX_UPLOAD_BYTES}) without holding
     * them: a test may upload hundreds of megabytes with a server in its own, small JVM.
     */
    static final int IN_MEMORY_UPLOAD_BYTES = 8 * 1024 * 1024;
    /** The largest upload taken: a file a multipart body can be mapped from in one piece. */
    static final long MAX_UPLOAD_BYTES = Integer.MAX_VALUE;
    /** How much of an upload kept in a file is recorded with the request. */
    static final int RECORDED_UPLOAD_HEAD_BYTES = 64 * 1024;

    private final ClaidApi api;
    private final RequestJournal journal;
    private final Faults faults;
    private final RateLimiter rateLimiter;
    /** Task submissions received and not answered yet, whether waiting, being acted on or being answered. */
    private final java.util.concurrent.atomic.AtomicInteger submissionsInProgress =
            new java.util.concurrent.atomic.AtomicInteger();

    HttpFront(ClaidApi api, RequestJournal journal, Faults faults, RateLimiter rateLimiter) {
        this.api = api;
        this.journal = journal;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        ReceivedBody body = null;
        try {
            boolean upload = Routes.operationOf(exchange.getRequestMethod(), exchange.getRequestURI().getPath())
                    == ApiOperation.EDIT_UPLOAD;
            body = readBody(exchange, upload);
            if (body == null) {
                send(exchange, ErrorBodies.tooLarge(upload ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES).response(),
                        requestId);
                return;
            }
            RecordedRequest received = new RecordedRequest(requestId, exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body.bytes(), Instant.now());
            journal.record(received);
            ApiOperation operation = Routes.operationOf(received.method(), received.path());
            FaultAction fault = faults.take(received.method(), received.path(), operation);
            ApiRequest request = new ApiRequest(received, null, body.file());
            boolean submission = operation != null && Routes.TASK_SUBMISSIONS.contains(operation);
            if (submission) {
                submissionsInProgress.incrementAndGet();
            }
            try {
                if (fault == null) {
                    send(exchange, api.process(request), requestId);
                } else {
                    answerWithFault(exchange, request, fault);
                }
            } finally {
                if (submission) {
                    submissionsInProgress.decrementAndGet();
                }
            }
        } catch (IOException e) {
            // the client went away; nothing left to answer
        } catch (InterruptedException e) {
            // the server is closing during a delayed answer: leave the connection without one
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            // a bug (or a class missing mid-rebuild) answers 500 at once instead of leaving the client to time out
            sendQuietly(exchange, ErrorBodies.internalError("LocalClaidServer failed: " + e), requestId);
        } finally {
            if (body != null) {
                body.discard();
            }
            // Idempotent after an answer; otherwise (an Error, even one thrown while answering 500) it ends the
            // connection, so the client fails fast instead of waiting for its timeout.
            exchange.close();
        }
    }

    private void answerWithFault(HttpExchange exchange, ApiRequest request, FaultAction fault)
            throws IOException, InterruptedException {
        String requestId = request.requestId();
        if (fault.kind() == FaultAction.Kind.TASK_OUTCOME) {
            send(exchange, api.process(request.withForcedOutcome(fault.taskOutcome())), requestId);
            return;
        }
        ApiResponse processed = null;
        if (fault.afterProcessing() || fault.kind() == FaultAction.Kind.MALFORMED_JSON) {
            processed = api.process(request);
        }
        switch (fault.kind()) {
            case STATUS:
                send(exchange, fault.body() == null ? ErrorBodies.forStatus(fault.status())
                        : ApiResponse.text(fault.status(), fault.contentType(), fault.body()), requestId);
                break;
            case RATE_LIMIT_STORM:
                send(exchange, ErrorBodies.rateLimited(rateLimiter.stormHeaders(), fault.duration()), requestId);
                break;
            case DROP_CONNECTION:
                dropConnection(exchange);
                break;
            case DELAY:
                Thread.sleep(fault.duration().toMillis());
                send(exchange, processed != null ? processed : api.process(request), requestId);
                break;
            case MALFORMED_JSON:
                send(exchange, processed.truncated(), requestId);
                break;
            default:
                throw new IllegalStateException("Unhandled fault " + fault.kind());
        }
    }

    int submissionsInProgress() {
        return submissionsInProgress.get();
    }

    /**
     * Closing an exchange before its response headers are sent makes the JDK server close the socket: the client sees
     * the connection end without a status line, as when a load balancer drops a connection.
     */
    private static void dropConnection(HttpExchange exchange) {
        exchange.close();
    }

    private static void send(HttpExchange exchange, ApiResponse response, String requestId) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("x-request-id", requestId);
        response.headers().forEach(headers::set);
        if (response.contentType() != null) {
            headers.set("Content-Type", response.contentType());
        }
        byte[] body = response.body();
        // -1 announces "no body"; 0 would mean chunked
        exchange.sendResponseHeaders(response.status(), response.length() == 0 ? -1 : response.length());
        if (response.length() > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
                writeZeros(out, response.length() - body.length);
            }
        }
        exchange.close();
    }

    /** Padding, written a buffer at a time so that an answer of any size costs one buffer. */
    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] zeros = new byte[(int) Math.min(count, 64 * 1024)];
        for (long left = count; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(left, zeros.length));
        }
    }

    private static void sendQuietly(HttpExchange exchange, ApiResponse response, String requestId) {
        try {
            send(exchange, response, requestId);
        } catch (IOException | RuntimeException e) {
            // the headers may be out already; the caller closes the exchange either way
        }
    }

    /**
     * A request's body: in memory, or for a large upload in a temporary file (deleted once the request is answered)
     * with its beginning in memory.
     */
    private record ReceivedBody(byte[] bytes, Path file) {

        void discard() {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // in the temporary directory: cleaned up in the end
                }
            }
        }
    }

    /** The whole body, or null when it exceeds {@link #MAX_BODY_BYTES} ({@link #MAX_UPLOAD_BYTES} for an upload). */
    private static ReceivedBody readBody(HttpExchange exchange, boolean upload) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            int inMemory = upload ? IN_MEMORY_UPLOAD_BYTES : MAX_BODY_BYTES;
            byte[] head = in.readNBytes(inMemory + 1);
            if (head.length <= inMemory) {
                return new ReceivedBody(head, null);
            }
            if (!upload) {
                return null;
            }
            Path file = Files.createTempFile("claid-local-upload-", ".part");
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(head);
                long total = head.length;
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                    if (total > MAX_UPLOAD_BYTES) {
                        out.close();
                        Files.deleteIfExists(file);
                        return null;
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new ReceivedBody(Arrays.copyOf(head, RECORDED_UPLOAD_HEAD_BYTES), file);
        }
    }
}
