package io.github.camelclaid.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
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

    /** Uploads larger than this are refused with 413 instead of filling the test JVM's heap. */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

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
        try {
            byte[] body = readBody(exchange);
            if (body == null) {
                send(exchange, ErrorBodies.tooLarge(MAX_BODY_BYTES).response(), requestId);
                return;
            }
            RecordedRequest received = new RecordedRequest(requestId, exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, Instant.now());
            journal.record(received);
            ApiOperation operation = Routes.operationOf(received.method(), received.path());
            FaultAction fault = faults.take(received.method(), received.path(), operation);
            ApiRequest request = new ApiRequest(received, null);
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
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static void sendQuietly(HttpExchange exchange, ApiResponse response, String requestId) {
        try {
            send(exchange, response, requestId);
        } catch (IOException | RuntimeException e) {
            // the headers may be out already; the caller closes the exchange either way
        }
    }

    /** The whole body, or null when it exceeds {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }
}
