package io.github.camelclaid.testserver;

import static io.github.camelclaid.testserver.TestHttp.eventually;
import static io.github.camelclaid.testserver.TestHttp.header;
import static io.github.camelclaid.testserver.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.camelclaid.client.ApiOperation;

/** Per-key budgets with Claid's RateLimit headers and its detail-wrapped 429. */
class RateLimitIT {

    private static final String EDIT = "{\"input\":\"https://example.com/a.jpg\",\"operations\":{}}";

    @Test
    void overTheWindowBudgetAnswersTheDetailWrapped429() {
        try (LocalClaidServer server = LocalClaidServer.builder()
                .rateLimit(RateLimitBudget.perMinuteAndSecond(2, 100)).build().start()) {
            TestHttp http = new TestHttp(server);

            HttpResponse<byte[]> first = http.post("/v1/image/edit", EDIT);
            HttpResponse<byte[]> second = http.post("/v1/image/edit", EDIT);
            HttpResponse<byte[]> third = http.post("/v1/image/edit", EDIT);

            assertEquals("2, 2;w=60, 100;w=1", header(first, "RateLimit-Limit"));
            assertEquals("1", header(first, "RateLimit-Remaining"));
            assertEquals("0", header(second, "RateLimit-Remaining"));
            assertEquals(429, third.statusCode());
            assertEquals(json("{\"detail\":{\"error_code\":\"2001\",\"error_type\":\"general\","
                    + "\"error_message\":\"Too Many Requests. Rate limit exceeded.\"}}"), json(third));
            assertEquals("2, 2;w=60, 100;w=1", header(third, "RateLimit-Limit"));
            assertEquals("-1", header(third, "RateLimit-Remaining"));
            long reset = Long.parseLong(header(third, "RateLimit-Reset"));
            assertTrue(reset >= 1 && reset <= 60, "reset " + reset);
            assertNotNull(header(third, "x-request-id"));
            assertNull(header(third, "Retry-After"), "Claid documents no Retry-After");
            assertEquals(2, server.paidSubmissionCount(), "a refused request is not acted on");
        }
    }

    @Test
    void theBurstWindowRefusesAndThenResets() {
        try (LocalClaidServer server = LocalClaidServer.builder()
                .rateLimit(new RateLimitBudget(1000, Duration.ofMinutes(1), 1, Duration.ofMillis(300))).build()
                .start()) {
            TestHttp http = new TestHttp(server);

            assertEquals(200, http.post("/v1/image/generate", "{\"input\":\"a cat\"}").statusCode());
            HttpResponse<byte[]> refused = http.post("/v1/image/generate", "{\"input\":\"a cat\"}");

            assertEquals(429, refused.statusCode());
            assertTrue(header(refused, "RateLimit-Limit").startsWith("1, 1000;w=60, 1;w=1"),
                    header(refused, "RateLimit-Limit"));
            eventually()
                    .until(() -> http.post("/v1/image/generate", "{\"input\":\"a cat\"}").statusCode() == 200);
        }
    }

    @Test
    void withoutRateLimitHeadersTheBudgetStillHoldsAndIsCounted() {
        try (LocalClaidServer server = LocalClaidServer.builder().rateLimitHeaders(false)
                .rateLimit(RateLimitBudget.perMinuteAndSecond(1, 100)).build().start()) {
            TestHttp http = new TestHttp(server);

            HttpResponse<byte[]> first = http.post("/v1/image/edit", EDIT);
            HttpResponse<byte[]> second = http.post("/v1/image/edit", EDIT);

            assertEquals(200, first.statusCode());
            assertEquals(429, second.statusCode());
            for (HttpResponse<byte[]> response : List.of(first, second)) {
                assertNull(header(response, "RateLimit-Limit"));
                assertNull(header(response, "RateLimit-Remaining"));
                assertNull(header(response, "RateLimit-Reset"));
            }
            assertEquals(1, server.rateLimitRefusals());
        }
    }

    @Test
    void budgetsArePerApiKeyAndStorageCallsDoNotCount() {
        try (LocalClaidServer server = LocalClaidServer.builder()
                .rateLimit(RateLimitBudget.perMinuteAndSecond(1, 10)).build().start()) {
            TestHttp http = new TestHttp(server);
            assertEquals(200, http.post("/v1/image/edit", EDIT).statusCode());

            HttpResponse<byte[]> storage = http.get("/v1/storage/storages");
            assertEquals(200, storage.statusCode());
            assertNull(header(storage, "RateLimit-Remaining"));
            HttpResponse<byte[]> unauthorized = http.send(http.request("/v1/image/edit")
                    .setHeader("Authorization", "Bearer someone-else")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(EDIT)));
            assertEquals(401, unauthorized.statusCode(), "an unknown key is refused before it is counted");
        }
    }

    @Test
    void statusPollsCountUnlessTurnedOff() {
        try (LocalClaidServer counted = LocalClaidServer.builder()
                .rateLimit(RateLimitBudget.perMinuteAndSecond(2, 10)).build().start();
             LocalClaidServer uncounted = LocalClaidServer.builder().rateLimitStatusPolls(false)
                     .rateLimit(RateLimitBudget.perMinuteAndSecond(2, 10)).build().start()) {
            assertEquals(429, pollsAfterOneSubmission(counted, 2));
            assertEquals(200, pollsAfterOneSubmission(uncounted, 5));
            HttpResponse<byte[]> poll = new TestHttp(uncounted).get("/v1/image/edit/async/"
                    + uncounted.paidSubmissions().get(0).taskId());
            assertNull(header(poll, "RateLimit-Remaining"));
        }
    }

    @Test
    void budgetsMustAllowSomething() {
        assertThrows(IllegalArgumentException.class, () -> RateLimitBudget.perMinuteAndSecond(0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new RateLimitBudget(1, Duration.ZERO, 1, Duration.ofSeconds(1)));
        assertEquals(120, RateLimitBudget.CLAID_DEFAULT.windowLimit());
        assertEquals(4, RateLimitBudget.CLAID_DEFAULT.burstLimit());
    }

    /** Submits one async edit, polls it {@code polls} times, and returns the status of the last poll. */
    private static int pollsAfterOneSubmission(LocalClaidServer server, int polls) {
        TestHttp http = new TestHttp(server);
        long id = http.postData("/v1/image/edit/async", EDIT).get("id").asLong();
        assertEquals(1, server.paidSubmissionCount(ApiOperation.EDIT_ASYNC));
        int status = 0;
        for (int i = 0; i < polls; i++) {
            status = http.get("/v1/image/edit/async/" + id).statusCode();
        }
        return status;
    }
}
