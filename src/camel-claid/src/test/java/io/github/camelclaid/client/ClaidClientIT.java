package io.github.camelclaid.client;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import io.github.camelclaid.client.model.EditResponse;
import io.github.camelclaid.client.model.MultiOutputResponse;
import io.github.camelclaid.client.model.Storage;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.client.model.request.AdjustmentsOptions;
import io.github.camelclaid.client.model.request.AiEditOptions;
import io.github.camelclaid.client.model.request.AiEditRequest;
import io.github.camelclaid.client.model.request.BatchEditRequest;
import io.github.camelclaid.client.model.request.EditRequest;
import io.github.camelclaid.client.model.request.FashionModelsInput;
import io.github.camelclaid.client.model.request.FashionModelsOptions;
import io.github.camelclaid.client.model.request.FashionModelsRequest;
import io.github.camelclaid.client.model.request.GenerateRequest;
import io.github.camelclaid.client.model.request.ImageGenerateOptions;
import io.github.camelclaid.client.model.request.ImageOperations;
import io.github.camelclaid.client.model.request.ResizingOptions;
import io.github.camelclaid.client.model.request.S3Parameters;
import io.github.camelclaid.client.model.request.SceneCreateRequest;
import io.github.camelclaid.client.model.request.SceneEffectOptions;
import io.github.camelclaid.client.model.request.SceneObjectOriginal;
import io.github.camelclaid.client.model.request.StorageCredentials;
import io.github.camelclaid.client.model.request.StorageRequest;
import io.github.camelclaid.client.model.request.StorageUpdateRequest;
import io.github.camelclaid.client.model.request.VideoOptions;
import io.github.camelclaid.client.model.request.VideoRequest;
import io.github.camelclaid.testserver.SampleImages;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import io.github.camelclaid.testserver.RateLimitBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelclaid.client.Futures.join;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation of the client over real HTTP against the local Claid-compatible server. */
class ClaidClientIT {

    static final String KEY = "test-key-5f1d0c";

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY)
            .acceptedFor(Duration.ofMillis(30))
            .processingFor(Duration.ofMillis(60)));

    ClaidClient client;

    @BeforeEach
    void setUp() {
        client = newClient(KEY, RetryPolicy.DEFAULT);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    ClaidClient newClient(String key, RetryPolicy policy) {
        return ClaidClient.builder().apiKey(key).baseUrl(server().baseUrl())
                .retryPolicy(quickRetries(policy.maxAttempts(), Duration.ofSeconds(3)))
                .responseTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Backoff of milliseconds, so that retries do not slow the tests; 429s waited out up to {@code rateLimitWait}. */
    static RetryPolicy quickRetries(int maxAttempts, Duration rateLimitWait) {
        return new RetryPolicy(maxAttempts, Duration.ofMillis(20), Duration.ofMillis(200), 2.0, 0.3, rateLimitWait);
    }

    static LocalClaidServer server() {
        return claid.server();
    }

    static EditRequest resizeTo(int width, String input) {
        return EditRequest.builder().input(input)
                .operations(ImageOperations.builder().resizing(ResizingOptions.builder().width(width).build())
                        .adjustments(AdjustmentsOptions.builder().sharpness(20).build()).build())
                .build();
    }

    static BufferedImage decode(byte[] bytes) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, "not a decodable image");
        return image;
    }

    TaskResult awaitTerminal(TaskAccepted accepted) {
        TaskResult[] last = new TaskResult[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(25)).until(() -> {
            last[0] = join(client.getTask(accepted.resultUrl())).data();
            return last[0].status().isTerminal();
        });
        return last[0];
    }

    // ------------------------------------------------------------------ success of every operation

    @Test
    void editReturnsAnOutputWhoseTmpUrlServesTheResizedImage() throws Exception {
        ClaidResponse<EditResponse> response = join(client.edit(resizeTo(320, "https://example.com/shoe.jpg")));
        assertEquals(200, response.statusCode());
        assertNotNull(response.requestId());
        assertNotNull(response.rateLimit());
        assertNotNull(response.rateLimit().remaining());
        String tmpUrl = response.data().output().tmpUrl();
        Download download = join(client.download(tmpUrl));
        assertEquals(320, decode(download.bytes()).getWidth());
        assertTrue(download.contentType().startsWith("image/"), download.contentType());
        assertEquals(1, server().paidSubmissions().size());
    }

    @Test
    void uploadSendsTheBytesAsMultipartAndReturnsTheEdit() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(SampleImages.render(300, 200, java.awt.Color.BLUE), "png", png);
        EditResponse response = join(client.editUpload(png.toByteArray(), "product", "image/png",
                resizeTo(150, "https://unused.example").withoutInput())).data();
        assertEquals(300, response.input().width());
        assertEquals(150, decode(join(client.download(response.output().tmpUrl())).bytes()).getWidth());
        String contentType = server().requests().get(0).header("Content-Type");
        assertTrue(contentType.startsWith("multipart/form-data"), contentType);
    }

    @Test
    void editAsyncIsAcceptedThenDone() throws Exception {
        TaskAccepted accepted = join(client.editAsync(resizeTo(200, "https://example.com/a.jpg"))).data();
        assertEquals(TaskStatus.ACCEPTED, accepted.status());
        assertTrue(accepted.resultUrl().startsWith(server().baseUrl()), accepted.resultUrl());
        TaskResult done = awaitTerminal(accepted);
        assertEquals(TaskStatus.DONE, done.status());
        assertEquals(200, decode(join(client.download(done.outputs().get(0).tmpUrl())).bytes()).getWidth());
        // the same task by kind and id
        assertEquals(TaskStatus.DONE, join(client.getTask(TaskKind.EDIT_ASYNC, accepted.id())).data().status());
    }

    @Test
    void editBatchOfAListGivesOneOutputPerUrl() {
        TaskAccepted accepted = join(client.editBatch(BatchEditRequest.builder()
                .input(List.of("https://example.com/1.jpg", "https://example.com/2.jpg", "https://example.com/3.jpg"))
                .operations(ImageOperations.builder().build()).build())).data();
        TaskResult done = awaitTerminal(accepted);
        assertEquals(TaskStatus.DONE, done.status());
        assertEquals(3, done.outputs().size());
        assertEquals(3, done.outputLocations().size());
    }

    @Test
    void aiEditFashionModelsAndVideoFinish() {
        TaskAccepted aiEdit = join(client.aiEdit(AiEditRequest.builder().input("https://example.com/room.jpg")
                .options(AiEditOptions.builder().prompt("make the walls light blue").build()).build())).data();
        TaskAccepted fashion = join(client.fashionModels(FashionModelsRequest.builder()
                .input(FashionModelsInput.builder().clothing(List.of("https://example.com/shirt.png")).build())
                .options(FashionModelsOptions.builder().pose("full body, front view").build()).build())).data();
        TaskAccepted video = join(client.generateVideo(VideoRequest.builder().input("https://example.com/car.jpg")
                .options(VideoOptions.builder().prompt("a slow pan around the car").build()).build())).data();
        assertEquals(TaskStatus.DONE, awaitTerminal(aiEdit).status());
        assertFalse(awaitTerminal(aiEdit).outputs().isEmpty());
        assertEquals(TaskStatus.DONE, awaitTerminal(fashion).status());
        TaskResult videoDone = awaitTerminal(video);
        assertEquals(TaskStatus.DONE, videoDone.status());
        assertEquals("video/mp4", join(client.download(videoDone.outputs().get(0).tmpUrl())).contentType());
    }

    @Test
    void aFailingTaskReportsClaidsErrors() {
        TaskAccepted accepted = join(client.editAsync(resizeTo(100, "https://example.com/fail.jpg"))).data();
        TaskResult ended = awaitTerminal(accepted);
        assertEquals(TaskStatus.ERROR, ended.status());
        assertFalse(ended.errors().isEmpty());
        assertTrue(ended.outputs().isEmpty());
    }

    @Test
    void generateAndSceneReturnSeveralOutputs() {
        MultiOutputResponse generated = join(client.generate(GenerateRequest.builder().input("a red sneaker on sand")
                .options(ImageGenerateOptions.builder().numberOfImages(2).build()).build())).data();
        assertEquals(2, generated.outputs().size());
        MultiOutputResponse scene = join(client.createScene(SceneCreateRequest.builder()
                .object(SceneObjectOriginal.of("https://example.com/bottle.png"))
                .scene(SceneEffectOptions.shadows().build()).build())).data();
        assertFalse(scene.outputs().isEmpty());
    }

    @Test
    void storageLifecycle() {
        assertEquals(List.of("web_folder", "s3", "gcs"), join(client.listStorageTypes()).data());
        Storage created = join(client.createStorage(StorageRequest.builder().name("incoming")
                .parameters(S3Parameters.builder().bucket("photos").path("in/")
                        .credentials(StorageCredentials.of("AKIAEXAMPLE", "secret-part")).build())
                .build())).data();
        assertEquals("incoming", created.name());
        assertFalse(created.parameters().toString().contains("secret-part"));
        assertTrue(join(client.listStorages()).data().stream().anyMatch(s -> s.id() == created.id()));
        Storage renamed = join(client.updateStorage(created.id(), StorageUpdateRequest.builder().name("inbox")
                .build())).data();
        assertEquals("inbox", renamed.name());
        assertEquals("inbox", join(client.getStorage(created.id())).data().name());
        join(client.deleteStorage(created.id()));
        String path = "/v1/storage/storages/" + created.id();
        long readsBefore = server().requestCount("GET", path);
        ClaidException gone = assertThrows(ClaidException.class, () -> join(client.getStorage(created.id())));
        assertEquals(404, gone.getStatusCode());
        assertEquals(readsBefore + 1, server().requestCount("GET", path), "a 404 is not retried");
    }

    @Test
    void aStorageInputMustNameAConnectedStorage() {
        ClaidException e = assertThrows(ClaidException.class,
                () -> join(client.edit(resizeTo(100, "storage://nowhere/a.jpg"))));
        assertEquals(400, e.getStatusCode());
        assertEquals("storage", e.getErrorType());
    }

    // ------------------------------------------------------------------ validation before sending

    @Test
    void anInvalidRequestFailsNamingTheFieldAndSendsNothing() {
        Map<String, Object> request = Map.of("input", "https://example.com/a.jpg",
                "operations", Map.of("adjustments", Map.of("exposure", 101)));
        ClaidRequestInvalidException e = assertThrows(ClaidRequestInvalidException.class,
                () -> join(client.edit(request)));
        assertTrue(e.getMessage().contains("operations.adjustments.exposure: must be <= 100"), e.getMessage());
        assertEquals(0, server().requests().size());
    }

    @Test
    void everySubmittingOperationValidatesBeforeSending() {
        List<CompletableFuture<?>> calls = List.of(
                client.edit(Map.of("operations", Map.of())),
                client.editAsync(Map.of("input", "https://example.com/a.jpg", "operations", Map.of(), "x", 1)),
                client.editBatch(Map.of("input", 5, "operations", Map.of())),
                client.aiEdit(Map.of("input", "https://example.com/a.jpg")),
                client.fashionModels(Map.of("input", Map.of())),
                client.generate(Map.of("input", "ab")),
                client.createScene(Map.of("object", Map.of())),
                client.generateVideo(Map.of("input", "https://example.com/a.jpg", "options", Map.of())),
                client.createStorage(Map.of("name", "x")),
                client.updateStorage(1, Map.of("type", "ftp")),
                client.editUpload(new byte[] {1, 2, 3}, "f", "image/png", Map.of("input", "x", "operations", Map.of())));
        for (CompletableFuture<?> call : calls) {
            CompletionException e = assertThrows(CompletionException.class, call::join);
            assertInstanceOf(ClaidRequestInvalidException.class, e.getCause());
        }
        assertEquals(0, server().requests().size());
    }

    // ------------------------------------------------------------------ errors that are never retried

    @Test
    void aWrongKeyIs401AndNotRetried() {
        try (ClaidClient wrong = newClient("wrong-key-0000", RetryPolicy.DEFAULT)) {
            ClaidException e = assertThrows(ClaidException.class,
                    () -> join(wrong.edit(resizeTo(100, "https://example.com/a.jpg"))));
            assertEquals(ClaidException.Reason.HTTP_ERROR, e.getReason());
            assertEquals(401, e.getStatusCode());
            assertEquals("111", e.getErrorCode());
            assertEquals("auth", e.getErrorType());
            assertTrue(e.getMessage().contains("apiKey"), e.getMessage());
            assertFalse(e.isTransient());
        }
        assertEquals(1, server().requestCount("POST", "/v1/image/edit"));
    }

    @Test
    void billingPermissionAndServerValidationErrorsAreNotRetried() {
        for (int status : new int[] {402, 403, 422}) {
            server().reset();
            server().faults().next(1).status(status).on("POST", "/v1/image/edit");
            ClaidException e = assertThrows(ClaidException.class,
                    () -> join(client.edit(resizeTo(100, "https://example.com/a.jpg"))));
            assertEquals(status, e.getStatusCode());
            assertNotNull(e.getRequestId());
            assertTrue(e.getMessage().contains("x-request-id " + e.getRequestId()), e.getMessage());
            assertEquals(1, server().requestCount("POST", "/v1/image/edit"), "status " + status);
        }
    }

    @Test
    void theServersOwnSchemaCheckAnswers422InClaidsShape() {
        try (ClaidClient unchecked = ClaidClient.builder().apiKey(KEY).baseUrl(server().baseUrl())
                .validateRequests(false).build()) {
            ClaidException e = assertThrows(ClaidException.class, () -> join(unchecked.edit(Map.of(
                    "input", "https://example.com/a.jpg", "operations", Map.of("adjustments", Map.of("exposure", 500))))));
            assertEquals(422, e.getStatusCode());
            assertEquals("9000", e.getErrorCode());
            assertEquals("validation", e.getErrorType());
            assertTrue(e.getErrorDetails().has("operations.adjustments.exposure"), e.getErrorDetails().toString());
        }
    }

    @Test
    void aBadTaskIdGetsFastApisValidationShape() {
        ClaidException e = assertThrows(ClaidException.class,
                () -> join(client.getTask(server().baseUrl() + "/v1/image/edit/async/not-a-number")));
        assertEquals(422, e.getStatusCode());
        assertEquals("validation", e.getErrorType());
        assertTrue(e.getErrorDetails().size() > 0, e.getErrorDetails().toString());
    }

    // ------------------------------------------------------------------ retries

    @Test
    void a429StormIsWaitedOutEvenForAPaidPost() {
        server().faults().next(2).rateLimited().on("POST", "/v1/image/edit");
        // each refusal closes the account's gate for its second and up to one more drawn at random: room for both
        ClaidResponse<EditResponse> response;
        try (ClaidClient patient = ClaidClient.builder().apiKey(KEY).baseUrl(server().baseUrl())
                .retryPolicy(quickRetries(RetryPolicy.DEFAULT.maxAttempts(), Duration.ofSeconds(10)))
                .build()) {
            response = join(patient.edit(resizeTo(100, "https://example.com/a.jpg")));
        }
        assertEquals(3, response.attempts());
        assertEquals(3, server().requestCount("POST", "/v1/image/edit"));
        assertEquals(1, server().paidSubmissionCount(ApiOperation.EDIT), "Claid refused twice and acted once");
        // each 429 said RateLimit-Reset: 1, and the client waited that long before asking again
        List<java.time.Instant> sent = server().requests().stream().filter(r -> r.path().equals("/v1/image/edit"))
                .map(r -> r.receivedAt()).toList();
        for (int i = 1; i < sent.size(); i++) {
            assertTrue(Duration.between(sent.get(i - 1), sent.get(i)).toMillis() >= 950,
                    "attempt " + (i + 1) + " came " + Duration.between(sent.get(i - 1), sent.get(i)) + " after the 429");
        }
    }

    @Test
    void aRetryAfterLongerThanAllowedFailsAtOnceAndSoDoTheAccountsNextCalls() {
        // an account of its own: its gate stays closed for the two minutes asked, which the other tests must not meet
        try (LocalClaidServer own = LocalClaidServer.builder().apiKey(KEY).build().start();
                ClaidClient first = ClaidClient.builder().apiKey(KEY).baseUrl(own.baseUrl()).build();
                ClaidClient second = ClaidClient.builder().apiKey(KEY).baseUrl(own.baseUrl())
                        .retryPolicy(quickRetries(RetryPolicy.DEFAULT.maxAttempts(), Duration.ofSeconds(3)))
                        .build()) {
            own.faults().next(1).rateLimited(Duration.ofSeconds(120)).on("POST", "/v1/image/edit");
            ClaidException e = assertThrows(ClaidRateLimitException.class,
                    () -> join(first.edit(resizeTo(100, "https://example.com/a.jpg"))));
            assertEquals(429, e.getStatusCode());
            assertEquals("2001", e.getErrorCode());
            assertTrue(e.isTransient());
            assertEquals(1, own.requestCount("POST", "/v1/image/edit"));

            // the account must wait two minutes: a call allowed three seconds fails now, typed alike, and is not sent
            ClaidException held = assertThrows(ClaidRateLimitException.class,
                    () -> join(second.edit(resizeTo(100, "https://example.com/b.jpg"))));
            assertEquals(429, held.getStatusCode());
            assertTrue(held.isTransient());
            assertFalse(held.mayHaveActed());
            assertTrue(held.getMessage().contains("not sent") && held.getMessage().contains("maxRateLimitWait"),
                    held.getMessage());
            assertEquals(1, own.requestCount("POST", "/v1/image/edit"));
        }
    }

    @Test
    void a429IsNotAnAttemptAndIsWaitedOutUntilMaxRateLimitWait() {
        // more refusals than maxAttempts: the account is busy, which costs none of the attempts
        server().faults().next(RetryPolicy.DEFAULT.maxAttempts() + 1).rateLimited().on("POST", "/v1/image/edit");
        try (ClaidClient patient = ClaidClient.builder().apiKey(KEY).baseUrl(server().baseUrl())
                .retryPolicy(quickRetries(RetryPolicy.DEFAULT.maxAttempts(), Duration.ofSeconds(30)))
                .build()) {
            ClaidResponse<EditResponse> response = join(patient.edit(resizeTo(100, "https://example.com/a.jpg")));
            assertEquals(RetryPolicy.DEFAULT.maxAttempts() + 2, response.attempts());
        }
        assertEquals(1, server().paidSubmissionCount(ApiOperation.EDIT));
    }

    @Test
    void a429StormLongerThanMaxRateLimitWaitFailsTyped() {
        server().faults().next(100).rateLimited().on("POST", "/v1/image/edit");
        ClaidException e = assertThrows(ClaidRateLimitException.class,
                () -> join(client.edit(resizeTo(100, "https://example.com/a.jpg"))));
        assertEquals(429, e.getStatusCode());
        // each refusal asked for a second, and the client waits 3 s at most
        assertTrue(server().requestCount("POST", "/v1/image/edit") <= 4);
        assertEquals(0, server().paidSubmissionCount(ApiOperation.EDIT));
    }

    @Test
    void aStepBeforeTheFirstSendRunsWhenTheGateLetsTheCallGoAndWhenItFailsNothingIsSent() {
        // an account of its own, one request per 2 s: the first call spends the window, the others wait at the gate
        try (LocalClaidServer own = LocalClaidServer.builder().apiKey(KEY)
                .rateLimit(new RateLimitBudget(1, Duration.ofSeconds(2), 1, Duration.ofSeconds(2))).build().start();
                ClaidClient gated = ClaidClient.builder().apiKey(KEY).baseUrl(own.baseUrl()).build()) {
            join(gated.edit(resizeTo(100, "https://example.com/a.jpg")));
            Duration heldBefore = gated.counters().heldBack();

            List<Duration> heldAtStep = new CopyOnWriteArrayList<>();
            ClaidResponse<EditResponse> response = join(gated.call(ApiOperation.EDIT, null,
                    resizeTo(100, "https://example.com/b.jpg"), EditResponse.class, step(() -> {
                        heldAtStep.add(gated.counters().heldBack());
                        return CompletableFuture.completedFuture(null);
                    }, () -> CompletableFuture.completedFuture(null))));
            assertNotNull(response.data());
            assertEquals(1, heldAtStep.size());
            assertTrue(heldAtStep.get(0).compareTo(heldBefore) > 0, "the step ran before the call's wait at the gate");

            IllegalStateException refusal = new IllegalStateException("not this one");
            CompletableFuture<ClaidResponse<EditResponse>> refused = gated.call(ApiOperation.EDIT, null,
                    resizeTo(100, "https://example.com/c.jpg"), EditResponse.class,
                    step(() -> CompletableFuture.failedFuture(refusal), () -> CompletableFuture.completedFuture(null)));
            assertSame(refusal, assertThrows(CompletionException.class, refused::join).getCause());
            // its place at the gate went to the next call, which is answered
            assertNotNull(join(gated.edit(resizeTo(100, "https://example.com/d.jpg"))).data());
            assertEquals(3, own.requestCount("POST", "/v1/image/edit"));
            assertEquals(3, own.paidSubmissionCount(ApiOperation.EDIT));
        }
    }

    @Test
    void aStepIsTakenBackWhenClaidAnswers429AndRunsAgainBeforeTheCallIsSentAgain() {
        server().faults().next(1).rateLimited().on("POST", "/v1/image/edit");
        long sentBefore = server().requestCount("POST", "/v1/image/edit");
        List<String> seen = new CopyOnWriteArrayList<>();
        ClaidResponse<EditResponse> response = join(client.call(ApiOperation.EDIT, null,
                resizeTo(100, "https://example.com/a.jpg"), EditResponse.class, step(() -> {
                    seen.add("step after " + (server().requestCount("POST", "/v1/image/edit") - sentBefore));
                    return CompletableFuture.completedFuture(null);
                }, () -> {
                    seen.add("taken back");
                    return CompletableFuture.completedFuture(null);
                })));

        assertNotNull(response.data());
        assertEquals(List.of("step after 0", "taken back", "step after 1"), seen);
        assertEquals(2L, server().requestCount("POST", "/v1/image/edit") - sentBefore);
    }

    @Test
    void aStepThatCouldNotBeTakenBackIsNotRunAgain() {
        server().faults().next(1).rateLimited().on("POST", "/v1/image/edit");
        long sentBefore = server().requestCount("POST", "/v1/image/edit");
        List<String> seen = new CopyOnWriteArrayList<>();
        ClaidResponse<EditResponse> response = join(client.call(ApiOperation.EDIT, null,
                resizeTo(100, "https://example.com/a.jpg"), EditResponse.class, step(() -> {
                    seen.add("step");
                    return CompletableFuture.completedFuture(null);
                }, () -> CompletableFuture.failedFuture(new IllegalStateException("the ledger is down")))));

        // what the step recorded still stands, and the call goes again as it was
        assertNotNull(response.data());
        assertEquals(List.of("step"), seen);
        assertEquals(2L, server().requestCount("POST", "/v1/image/edit") - sentBefore);
    }

    /** A step of the two given halves. */
    private static SendStep step(Supplier<CompletableFuture<Void>> beforeSend,
            Supplier<CompletableFuture<Void>> refused) {
        return new SendStep() {
            @Override
            public CompletableFuture<Void> beforeSend() {
                return beforeSend.get();
            }

            @Override
            public CompletableFuture<Void> refused() {
                return refused.get();
            }
        };
    }

    @Test
    void closingTheClientAnswersACallWaitingToRetry() {
        server().faults().next(1).rateLimited().on("POST", "/v1/image/edit");
        ClaidClient closing = newClient(KEY, RetryPolicy.DEFAULT);
        CompletableFuture<ClaidResponse<EditResponse>> call = closing.edit(resizeTo(100, "https://example.com/a.jpg"));
        await().atMost(Duration.ofSeconds(5)).until(() -> server().requestCount("POST", "/v1/image/edit") == 1);
        closing.close();
        ClaidException e = assertThrows(ClaidException.class, () -> join(call));
        assertEquals(ClaidException.Reason.NETWORK, e.getReason());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertEquals(1, server().requestCount("POST", "/v1/image/edit"));
    }

    @Test
    void aGatewayErrorOnAPaidPostIsNotRepeated() {
        server().faults().next(1).status(503).on("POST", "/v1/image/edit/async");
        ClaidException e = assertThrows(ClaidException.class,
                () -> join(client.editAsync(resizeTo(100, "https://example.com/a.jpg"))));
        assertEquals(503, e.getStatusCode());
        assertEquals(1, server().requestCount("POST", "/v1/image/edit/async"));
    }

    @Test
    void whenClaidActedButTheAnswerWasLostThePostIsNotRepeated() {
        server().faults().next(1).afterProcessing().dropConnection().on("POST", "/v1/image/edit/async");
        ClaidException e = assertThrows(ClaidException.class,
                () -> join(client.editAsync(resizeTo(100, "https://example.com/a.jpg"))));
        assertEquals(ClaidException.Reason.NETWORK, e.getReason());
        assertEquals(1, server().requestCount("POST", "/v1/image/edit/async"));
        assertEquals(1, server().paidSubmissions().size(), "paid once, never twice");
    }

    @Test
    void statusReadsRetryGatewayErrorsDroppedConnectionsAndSlowAnswers() {
        TaskAccepted accepted = join(client.editAsync(resizeTo(100, "https://example.com/a.jpg"))).data();
        String statusPath = "/v1/image/edit/async/" + accepted.id();
        server().faults().next(1).status(502).on("GET", statusPath);
        server().faults().next(1).dropConnection().on("GET", statusPath);
        server().faults().next(1).malformedJson().on("GET", statusPath);
        ClaidResponse<TaskResult> status = join(client.getTask(accepted.resultUrl()));
        assertNotNull(status.data().status());
        assertEquals(4, status.attempts());
        assertEquals(4, server().requestCount("GET", statusPath));
    }

    @Test
    void aSlowAnswerPastTheTimeoutIsRetriedForAGetButNotForAPost() {
        try (ClaidClient impatient = ClaidClient.builder().apiKey(KEY).baseUrl(server().baseUrl())
                .responseTimeout(Duration.ofMillis(300))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), 2, 0, Duration.ofSeconds(1)))
                .build()) {
            server().faults().next(1).delay(Duration.ofSeconds(2)).on("GET", "/v1/storage/storage-types");
            assertEquals(2, join(impatient.listStorageTypes()).attempts());

            server().faults().next(1).delay(Duration.ofSeconds(2)).on("POST", "/v1/image/generate");
            ClaidException e = assertThrows(ClaidException.class, () -> join(impatient.generate(
                    GenerateRequest.builder().input("a lamp").build())));
            assertEquals(ClaidException.Reason.NETWORK, e.getReason());
            assertEquals(1, server().requestCount("POST", "/v1/image/generate"));
        }
    }

    @Test
    void malformedJsonOnAPostIsAnInvalidResponseAndNotRepeated() {
        server().faults().next(1).malformedJson().on("POST", "/v1/image/edit");
        ClaidException e = assertThrows(ClaidException.class,
                () -> join(client.edit(resizeTo(100, "https://example.com/a.jpg"))));
        assertEquals(ClaidException.Reason.INVALID_RESPONSE, e.getReason());
        assertEquals(1, server().requestCount("POST", "/v1/image/edit"));
    }

    @Test
    void aRefusedConnectionIsRetriedBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        try (ClaidClient nowhere = ClaidClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + closedPort)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), 2, 0, Duration.ofSeconds(1)))
                .build();
             io.github.camelclaid.support.CapturedLogs logs = new io.github.camelclaid.support.CapturedLogs()) {
            ClaidException e = assertThrows(ClaidException.class,
                    () -> join(nowhere.edit(resizeTo(100, "https://example.com/a.jpg"))));
            assertEquals(ClaidException.Reason.NETWORK, e.getReason());
            assertEquals(2, logs.linesContaining("retrying in").size(), "3 attempts: 2 retries");
            assertTrue(e.getMessage().contains("after 3 attempts to http://127.0.0.1:" + closedPort + ". Check the baseUrl"),
                    e.getMessage());
        }
    }

    // ------------------------------------------------------------------ results

    @Test
    void aDownloadLargerThanTheCapFails() {
        String tmpUrl = join(client.edit(resizeTo(800, "https://example.com/a.jpg"))).data().output().tmpUrl();
        try (ClaidClient small = ClaidClient.builder().apiKey(KEY).baseUrl(server().baseUrl())
                .maxDownloadBytes(100).build()) {
            ClaidException e = assertThrows(ClaidException.class, () -> join(small.download(tmpUrl)));
            assertEquals(ClaidException.Reason.INVALID_RESPONSE, e.getReason());
            assertTrue(e.getMessage().contains("larger than the allowed 100 bytes"), e.getMessage());
        }
    }

    @Test
    void aResultUrlOnAnotherHostIsAskedOfTheConfiguredOrigin() {
        TaskAccepted accepted = join(client.editAsync(resizeTo(100, "https://example.com/a.jpg"))).data();
        String foreign = "http://attacker.invalid/v1/image/edit/async/" + accepted.id();
        assertEquals(accepted.id(), join(client.getTask(foreign)).data().id());
    }

    @Test
    void theKeyIsNeverSentWithADownload() {
        String tmpUrl = join(client.edit(resizeTo(100, "https://example.com/a.jpg"))).data().output().tmpUrl();
        join(client.download(tmpUrl));
        assertTrue(server().requests().stream()
                .filter(r -> r.path().startsWith("/tmp/"))
                .allMatch(r -> r.header("Authorization") == null));
    }

    // ------------------------------------------------------------------ health

    @Test
    void anAccessCheckIsOneFreeRequestNeverRetried() {
        assertFalse(join(client.checkAccess(Duration.ofSeconds(5))).data().isEmpty(), "Claid's storage types");
        server().faults().next(1).status(503).onAny();
        ClaidException e = assertThrows(ClaidException.class, () -> join(client.checkAccess(Duration.ofSeconds(5))));
        assertEquals(503, e.getStatusCode());
        assertEquals(2, server().requestCount("GET", "/v1/storage/storage-types"));
        assertEquals(0, server().paidSubmissionCount());
        assertNotNull(client.lastSuccessAt(), "the first check succeeded");
    }

    @Test
    void theAccountIdIsAHashOfKeyAndBaseUrlNotTheKey() {
        try (ClaidClient same = newClient(KEY, RetryPolicy.NONE);
                ClaidClient otherKey = newClient("another-key", RetryPolicy.NONE)) {
            assertEquals(client.accountId(), same.accountId());
            assertFalse(client.accountId().equals(otherKey.accountId()));
            assertTrue(client.accountId().matches("[0-9a-f]{12}"), client.accountId());
            assertFalse(KEY.contains(client.accountId()) || client.accountId().contains(KEY));
        }
    }
}
