package io.github.camelclaid.testserver;

import static io.github.camelclaid.testserver.TestHttp.eventually;
import static io.github.camelclaid.testserver.TestHttp.assertSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelclaid.client.ApiOperation;

/** Async tasks move ACCEPTED → PROCESSING → their end, which tests choose through input URLs or faults. */
class AsyncTaskLifecycleIT {

    @RegisterExtension
    static final LocalClaidServerExtension CLAID = new LocalClaidServerExtension(LocalClaidServer.builder()
            .acceptedFor(Duration.ofMillis(10)).processingFor(Duration.ofMillis(30)).batchFolderSize(2));

    private TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(CLAID.server());
    }

    @Test
    void statusMovesFromAcceptedThroughProcessingToDone() {
        // phases long enough for 10 ms polls to see each one; the accepted answer itself shows ACCEPTED
        try (LocalClaidServer server = LocalClaidServer.builder().acceptedFor(Duration.ofMillis(150))
                .processingFor(Duration.ofMillis(200)).build().start()) {
            TestHttp client = new TestHttp(server);
            JsonNode accepted = client.postData("/v1/image/edit/async",
                    "{\"input\":\"https://example.com/a.jpg\",\"operations\":{}}");
            String path = "/v1/image/edit/async/" + accepted.get("id").asLong();
            List<String> seen = new ArrayList<>(List.of(accepted.get("status").asText()));

            eventually().until(() -> {
                JsonNode task = client.getData(path);
                String status = task.get("status").asText();
                if (!status.equals(seen.get(seen.size() - 1))) {
                    seen.add(status);
                }
                if (!"DONE".equals(status)) {
                    assertFalse(task.has("result"), "no result before DONE");
                }
                return "DONE".equals(status);
            });

            assertEquals(List.of("ACCEPTED", "PROCESSING", "DONE"), seen);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "/v1/image/edit/async, '{\"input\":\"https://example.com/fail.jpg\",\"operations\":{}}', Response_AsyncResultResponse_",
            "/v1/image/ai-edit, '{\"input\":\"https://example.com/FAIL.jpg\",\"options\":{\"prompt\":\"snow\"}}', Response_AiEditResultResponse_",
            "/v1/image/ai-fashion-models, '{\"input\":{\"clothing\":[\"https://example.com/ok.jpg\",\"https://example.com/fail.jpg\"]},\"options\":{}}', Response_TryOnAPIResultResponse_",
            "/v1/video/generate, '{\"input\":\"https://example.com/will-fail.jpg\",\"options\":{\"prompt\":\"spin\"}}', Response_VideoStatusResponse_" })
    void anInputUrlContainingFailEndsTheTaskInError(String path, String body, String schema) {
        JsonNode task = awaitFinal(path, http.postData(path, body));

        assertEquals("ERROR", task.get("status").asText());
        assertFalse(task.has("result"), "an ERROR task carries no result");
        assertEquals(1, task.get("errors").size());
        assertTrue(task.at("/errors/0/error").asText().contains("fail"));
        assertTrue(task.at("/errors/0/created_at").isTextual());
        assertSchema(schema, Json.data(task));
    }

    @ParameterizedTest
    @CsvSource({ "https://example.com/cancel/a.jpg, CANCELLED", "https://example.com/a.jpg?pause=1, PAUSED" })
    void markersInTheInputUrlCancelOrPauseTheTask(String input, String status) {
        String path = "/v1/image/edit/async";
        JsonNode task = awaitFinal(path, http.postData(path, "{\"input\":\"" + input + "\",\"operations\":{}}"));

        assertEquals(status, task.get("status").asText());
        assertEquals(0, task.get("errors").size());
        assertFalse(task.has("result"));
    }

    @Test
    void aFaultChoosesTheOutcomeAndIsNotUsedUpByPolls() {
        String path = "/v1/image/ai-edit";
        long earlier = http.postData(path, "{\"input\":\"https://example.com/a.jpg\",\"options\":{\"prompt\":\"x y\"}}")
                .get("id").asLong();
        CLAID.server().faults().next(1).taskEndsWith(TaskStatus.ERROR).onAny();

        assertEquals(200, http.get(path + "/" + earlier).statusCode()); // a poll does not take the fault
        JsonNode task = awaitFinal(path, http.postData(path,
                "{\"input\":\"https://example.com/a.jpg\",\"options\":{\"prompt\":\"x y\"}}"));

        assertEquals("ERROR", task.get("status").asText());
        assertEquals(0, CLAID.server().faults().armed());
    }

    @Test
    void aTaskToldToStayProcessingNeverFinishes() {
        CLAID.server().faults().next(1).taskEndsWith(TaskStatus.PROCESSING).on(ApiOperation.GENERATE_VIDEO);
        String path = "/v1/video/generate/" + http.postData("/v1/video/generate",
                "{\"input\":\"https://example.com/a.jpg\",\"options\":{\"prompt\":\"spin\"}}").get("id").asLong();
        // a normal task submitted after it finishes first
        String normal = "/v1/video/generate/" + http.postData("/v1/video/generate",
                "{\"input\":\"https://example.com/a.jpg\",\"options\":{\"prompt\":\"spin\"}}").get("id").asLong();

        eventually().until(() -> "DONE".equals(http.getData(normal).get("status").asText()));
        assertEquals("PROCESSING", http.getData(path).get("status").asText());
    }

    @Test
    void aTaskWithHoldInAnInputUrlStaysProcessingUntilReleasedThenEndsAsItsOtherMarkersSay() {
        String path = "/v1/image/edit/async";
        String held = path + "/" + http.postData(path,
                "{\"input\":\"https://example.com/hold/a.jpg\",\"operations\":{}}").get("id").asLong();
        String heldToFail = path + "/" + http.postData(path,
                "{\"input\":\"https://example.com/hold/fail.jpg\",\"operations\":{}}").get("id").asLong();
        // a task submitted after them ends, so their own processing time is over too
        awaitFinal(path, http.postData(path, "{\"input\":\"https://example.com/a.jpg\",\"operations\":{}}"));
        assertEquals("PROCESSING", http.getData(held).get("status").asText());
        assertEquals("PROCESSING", http.getData(heldToFail).get("status").asText());

        assertEquals(2, CLAID.server().releaseHeldTasks());
        assertEquals(0, CLAID.server().releaseHeldTasks(), "a task is released once");
        // past its processing time: it ends at the release, with no poll needed to see it
        assertEquals("DONE", http.getData(held).get("status").asText());
        assertEquals("ERROR", http.getData(heldToFail).get("status").asText());
        assertSchema("Response_AsyncResultResponse_", Json.data(http.getData(held)));
    }

    @Test
    void batchOfAListAnswersOneResultPerUrlNamedAfterIt() {
        String path = "/v1/image/edit/batch";
        JsonNode task = awaitFinal(path, http.postData(path, "{\"input\":[\"https://example.com/one.jpg\","
                + "\"https://example.com/two.png\",\"https://example.com/three.jpg\"],"
                + "\"operations\":{\"resizing\":{\"width\":10,\"height\":10}},\"output\":{\"format\":\"png\"}}"));

        assertEquals("DONE", task.get("status").asText());
        JsonNode results = task.get("results");
        assertEquals(3, results.size());
        assertEquals("png", results.get(1).at("/input_object/ext").asText());
        assertTrue(results.get(1).at("/output_object/tmp_url").asText().endsWith(".png"));
        assertEquals(10, results.get(2).at("/output_object/width").asInt());
    }

    @Test
    void batchWithAFailingUrlEndsInErrorNamingThatInput() {
        String path = "/v1/image/edit/batch";
        JsonNode task = awaitFinal(path, http.postData(path, "{\"input\":[\"https://example.com/ok.jpg\","
                + "\"https://example.com/fail.jpg\"],\"operations\":{}}"));

        assertEquals("ERROR", task.get("status").asText());
        assertEquals(1, task.get("errors").size());
        assertTrue(task.at("/errors/0/error").asText().contains("https://example.com/fail.jpg"));
        assertEquals(640, task.at("/errors/0/input_object/width").asInt());
        assertEquals(0, task.get("results").size(), "Claid empties results on ERROR");
        assertSchema("Response_BatchResultResponse_", Json.data(task));
    }

    @Test
    void batchOfAStorageFolderFindsTheConfiguredNumberOfImagesAndWritesThemUnderTheirNames() {
        http.postData("/v1/storage/storages", "{\"name\":\"store\",\"type\":\"gcs\",\"parameters\":{"
                + "\"bucket\":\"photos\",\"credentials\":{\"access_key\":\"a\",\"secret_access_key\":\"s\"}}}");
        String path = "/v1/image/edit/batch";

        JsonNode task = awaitFinal(path, http.postData(path, "{\"input\":{\"source\":\"storage://store/in/\","
                + "\"recursive\":true},\"operations\":{},\"output\":\"storage://store/out\"}"));

        assertEquals(2, task.get("results").size());
        assertEquals("storage://store/out/image-1.jpeg",
                task.at("/results/0/output_object/claid_storage_uri").asText());
        assertEquals("gs://photos/out/image-2.jpeg", task.at("/results/1/output_object/object_uri").asText());
        assertEquals(2, CLAID.server().writtenObjects().size());
    }

    @Test
    void tasksFinishedTogetherWithASpreadFinishInAnyOrder() {
        TaskTimings timings = new TaskTimings(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(50), 7);
        List<Long> durations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long nanos = timings.processingNanos();
            assertTrue(nanos >= Duration.ofMillis(100).toNanos() && nanos <= Duration.ofMillis(150).toNanos());
            durations.add(nanos);
        }
        assertTrue(durations.stream().distinct().count() > 1, "a spread varies the processing time");
        TaskTimings same = new TaskTimings(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(50), 7);
        assertEquals(durations.get(0), same.processingNanos(), "a seed makes the spread repeatable");
    }

    /** Polls the task named by an accepted answer until its status is final, and returns that status answer. */
    private JsonNode awaitFinal(String submitPath, JsonNode accepted) {
        String path = submitPath + "/" + accepted.get("id").asLong();
        eventually()
                .until(() -> TaskStatus.valueOf(http.getData(path).get("status").asText()).isFinal());
        return http.getData(path);
    }
}
