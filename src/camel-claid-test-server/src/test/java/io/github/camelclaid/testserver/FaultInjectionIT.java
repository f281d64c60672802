package io.github.camelclaid.testserver;

import static io.github.camelclaid.testserver.TestHttp.assertSchema;
import static io.github.camelclaid.testserver.TestHttp.header;
import static io.github.camelclaid.testserver.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelclaid.client.ApiOperation;

/** Every fault kind, seen from a real HTTP client. */
class FaultInjectionIT {

    private static final String EDIT = "{\"input\":\"https://example.com/a.jpg\",\"operations\":{}}";

    @RegisterExtension
    static final LocalClaidServerExtension CLAID = new LocalClaidServerExtension();

    private LocalClaidServer server;
    private TestHttp http;

    @BeforeEach
    void client() {
        server = CLAID.server();
        // a fresh client per test: no pooled connection may be reused (and silently retried) across a dropped one
        http = new TestHttp(server);
    }

    @Test
    void statusFaultsCatchTheNextNMatchingRequestsOnly() {
        server.faults().next(2).status(503).on("POST", "/v1/image/edit");

        assertEquals(503, http.post("/v1/image/edit", EDIT).statusCode());
        assertEquals(200, http.get("/v1/storage/storages").statusCode(), "other paths are not caught");
        assertEquals(503, http.post("/v1/image/edit", EDIT).statusCode());
        assertEquals(200, http.post("/v1/image/edit", EDIT).statusCode());

        assertEquals(3, server.requestCount("POST", "/v1/image/edit"));
        assertEquals(1, server.paidSubmissionCount(), "refused requests are not acted on");
        assertEquals(0, server.faults().armed());
    }

    @ParameterizedTest
    @CsvSource({ "402, billing", "403, auth", "500, general", "401, auth", "400, general" })
    void clientAndServerErrorsCarryClaidsFlatEnvelope(int status, String errorType) {
        server.faults().next(1).status(status).onAny();

        HttpResponse<byte[]> response = http.post("/v1/image/edit", EDIT);

        assertEquals(status, response.statusCode());
        assertEquals("application/json", header(response, "Content-Type"));
        JsonNode body = json(response);
        assertSchema("HttpErrorDetails", body);
        assertEquals(errorType, body.get("error_type").asText());
        assertTrue(header(response, "x-request-id") != null);
    }

    @ParameterizedTest
    @CsvSource({ "502, Bad Gateway", "503, Service Temporarily Unavailable", "504, Gateway Time-out" })
    void gatewayErrorsAreHtmlPagesLikeALoadBalancers(int status, String reason) {
        server.faults().next(1).status(status).on(ApiOperation.EDIT);

        HttpResponse<byte[]> response = http.post("/v1/image/edit", EDIT);

        assertEquals(status, response.statusCode());
        assertTrue(header(response, "Content-Type").startsWith("text/html"));
        assertTrue(TestHttp.text(response).contains(status + " " + reason));
    }

    @Test
    void aStatusFaultMayCarryAnyBody() {
        server.faults().next(1).status(500, "text/plain", "boom").onAny();
        HttpResponse<byte[]> response = http.get("/v1/storage/storage-types");
        assertEquals("boom", TestHttp.text(response));
        assertEquals("text/plain", header(response, "Content-Type"));
    }

    @Test
    void aRateLimitStormAnswersTheDetailShapeWithHeadersAndOptionalRetryAfter() {
        server.faults().next(1).rateLimited(Duration.ofMillis(1500)).on(ApiOperation.GENERATE);
        server.faults().next(1).status(429).on(ApiOperation.GENERATE);

        HttpResponse<byte[]> withRetryAfter = http.post("/v1/image/generate", "{\"input\":\"a cat\"}");
        HttpResponse<byte[]> without = http.post("/v1/image/generate", "{\"input\":\"a cat\"}");

        for (HttpResponse<byte[]> response : List.of(withRetryAfter, without)) {
            assertEquals(429, response.statusCode());
            assertEquals("2001", json(response).at("/detail/error_code").asText());
            assertEquals("-1", header(response, "RateLimit-Remaining"));
            assertEquals("1", header(response, "RateLimit-Reset"));
            assertTrue(header(response, "RateLimit-Limit").startsWith("10000, "));
        }
        assertEquals("2", header(withRetryAfter, "Retry-After"));
        assertNull(header(without, "Retry-After"));
        assertEquals(0, server.paidSubmissionCount());
    }

    @Test
    void aDroppedConnectionIsAnIoErrorNotAnAnswer() {
        server.faults().next(1).dropConnection().on(ApiOperation.EDIT_ASYNC);

        IOException failure = assertThrows(IOException.class, () -> http.client().send(
                http.request("/v1/image/edit/async").POST(HttpRequest.BodyPublishers.ofString(EDIT)).build(),
                HttpResponse.BodyHandlers.ofByteArray()));

        assertFalse(failure instanceof HttpTimeoutException, "the connection ends at once: " + failure);
        assertEquals(1, server.requestCount("POST", "/v1/image/edit/async"));
        assertEquals(0, server.paidSubmissionCount(), "dropped before acting");
    }

    @Test
    void aConnectionDroppedAfterProcessingLeavesThePaidTaskBehind() throws Exception {
        server.faults().next(1).afterProcessing().dropConnection().on(ApiOperation.EDIT_ASYNC);

        assertThrows(IOException.class, () -> http.client().send(
                http.request("/v1/image/edit/async").POST(HttpRequest.BodyPublishers.ofString(EDIT)).build(),
                HttpResponse.BodyHandlers.ofByteArray()));

        assertEquals(1, server.paidSubmissionCount());
        Long taskId = server.paidSubmissions().get(0).taskId();
        assertEquals(200, http.get("/v1/image/edit/async/" + taskId).statusCode(), "the task exists");
    }

    @Test
    void a502AfterProcessingAlsoLeavesThePaidSubmissionBehind() {
        server.faults().next(1).afterProcessing().status(502).on(ApiOperation.GENERATE);

        assertEquals(502, http.post("/v1/image/generate", "{\"input\":\"a dog\"}").statusCode());

        assertEquals(1, server.paidSubmissionCount(ApiOperation.GENERATE));
    }

    @Test
    void aSlowAnswerExceedsTheClientTimeoutWithoutBlockingOtherRequests() throws Exception {
        server.faults().next(1).delay(Duration.ofSeconds(30)).on(ApiOperation.EDIT);
        CompletableFuture<HttpResponse<byte[]>> slow = http.client().sendAsync(
                http.request("/v1/image/edit").timeout(Duration.ofMillis(300))
                        .POST(HttpRequest.BodyPublishers.ofString(EDIT)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, new TestHttp(server).get("/v1/storage/storage-types").statusCode(),
                "served while the slow answer waits");
        ExecutionException failure = assertThrows(ExecutionException.class, () -> slow.get(10, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof HttpTimeoutException, failure.getCause().toString());
        assertEquals(0, server.paidSubmissionCount(), "a delay before processing has not acted yet");
    }

    @Test
    void aSlowAnswerAfterProcessingHasAlreadyActedWhenTheClientGivesUp() {
        server.faults().next(1).afterProcessing().delay(Duration.ofSeconds(30)).on(ApiOperation.EDIT_BATCH);

        assertTimesOut(() -> http.send(http.request("/v1/image/edit/batch")
                .timeout(Duration.ofMillis(300)).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"input\":[\"https://example.com/a.jpg\"],\"operations\":{}}"))));

        assertEquals(1, server.paidSubmissionCount(ApiOperation.EDIT_BATCH));
    }

    @Test
    void malformedJsonIsA200WhoseBodyDoesNotParse() {
        server.faults().next(1).malformedJson().on(ApiOperation.EDIT);

        HttpResponse<byte[]> response = http.post("/v1/image/edit", EDIT);

        assertEquals(200, response.statusCode());
        assertEquals("application/json", header(response, "Content-Type"));
        assertThrows(JsonProcessingException.class, () -> TestHttp.MAPPER.readTree(response.body()));
        assertEquals(1, server.paidSubmissionCount(), "the edit was done; only its answer is broken");
    }

    @Test
    void operationMatchingIsExactWhilePrefixMatchingIsNot() {
        server.faults().next(1).status(500).on(ApiOperation.EDIT);
        assertEquals(200, http.post("/v1/image/edit/async", EDIT).statusCode());
        assertEquals(500, http.post("/v1/image/edit", EDIT).statusCode());

        server.faults().next(1).status(500).onPath("/v1/image/edit");
        assertEquals(500, http.post("/v1/image/edit/async", EDIT).statusCode());
    }

    @Test
    void faultsFireInTheOrderArmedAndCanBeCleared() {
        server.faults().next(1).status(502).onAny().next(1).status(504).onAny();
        assertEquals(502, http.get("/v1/storage/storages").statusCode());
        assertEquals(504, http.get("/v1/storage/storages").statusCode());

        server.faults().next(5).status(500).onAny();
        assertEquals(5, server.faults().armed());
        server.faults().clear();
        assertEquals(200, http.get("/v1/storage/storages").statusCode());
    }

    @Test
    void aFaultAfterTheFirstRequestsLetsThoseThroughToTheRulesArmedAfterIt() {
        server.faults().next(2).afterTheFirst(3).status(503).on(ApiOperation.EDIT)
                .next(1).status(502).on(ApiOperation.EDIT);

        assertEquals(502, http.post("/v1/image/edit", EDIT).statusCode(), "let through to the rule armed after it");
        assertEquals(200, http.post("/v1/image/edit", EDIT).statusCode());
        assertEquals(200, http.get("/v1/storage/storages").statusCode(), "requests it does not match are not counted");
        assertEquals(200, http.post("/v1/image/edit", EDIT).statusCode());
        assertEquals(2, server.faults().armed(), "nothing caught yet");
        assertEquals(503, http.post("/v1/image/edit", EDIT).statusCode());
        assertEquals(503, http.post("/v1/image/edit", EDIT).statusCode());
        assertEquals(200, http.post("/v1/image/edit", EDIT).statusCode());
        assertEquals(0, server.faults().armed());
    }

    @Test
    void faultsCatchDownloadsToo() {
        String tmpUrl = http.postData("/v1/image/edit", EDIT).at("/output/tmp_url").asText();
        server.faults().next(1).status(503).onPath("/tmp/");
        assertEquals(503, http.download(tmpUrl).statusCode());
        assertEquals(200, http.download(tmpUrl).statusCode());
    }

    @Test
    void nonsensicalFaultsAreRefusedWhenArmed() {
        assertThrows(IllegalArgumentException.class, () -> server.faults().next(0));
        assertThrows(IllegalArgumentException.class, () -> server.faults().next(1).status(200));
        assertThrows(IllegalArgumentException.class, () -> server.faults().next(1).taskEndsWith(TaskStatus.ACCEPTED));
        assertThrows(IllegalArgumentException.class, () -> server.faults().next(1).afterTheFirst(-1));
    }

    /** The JDK client's timeout surfaces through {@link TestHttp#send} as an UncheckedIOException. */
    private static void assertTimesOut(Runnable call) {
        UncheckedIOException failure = assertThrows(UncheckedIOException.class, call::run);
        assertTrue(failure.getCause() instanceof HttpTimeoutException, failure.getCause().toString());
    }

    /** Random mode: seeded, one fault at most per API request, storms in a row, counted by kind; clear() ends it. */
    @Test
    void randomModeInjectsSeededFaultsAndCountsThem() {
        // every request gets a fault: a storm of 3, then 500s for the rest of the draw
        server.faults().randomly(42, new FaultMix(0.5, 3, 0.5, 0, 0, 0, 0, 0, Duration.ofSeconds(1), 0, 0, 0, 0, false));
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(http.get("/v1/storage/storages").statusCode());
        }

        assertTrue(statuses.stream().allMatch(s -> s == 429 || s == 500), statuses.toString());
        var counts = server.faults().injectedCounts();
        assertEquals(12L, counts.get(InjectedFault.RATE_LIMITED_REQUEST) + counts.get(InjectedFault.STATUS_500));
        long answered429 = counts.get(InjectedFault.RATE_LIMITED_REQUEST);
        long storms = counts.get(InjectedFault.RATE_LIMIT_STORM);
        assertTrue(storms > 0 && answered429 <= 3 * storms && answered429 > 3 * (storms - 1),
                "each storm answers 3 requests in a row (the last may still be going): " + counts + " " + statuses);

        server.faults().clear();
        assertEquals(200, http.get("/v1/storage/storages").statusCode());
        assertEquals(0L, server.faults().injectedCounts().get(InjectedFault.STATUS_500));
    }
}
