package io.github.camelclaid.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelclaid.client.TypedCalls.Context;
import io.github.camelclaid.client.TypedCalls.TypedCall;
import io.github.camelclaid.client.model.request.ClaidRequest;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import io.github.camelclaid.testserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.camelclaid.client.Futures.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All twenty operations of Claid's API, each over real HTTP: a success whose data matches Claid's response schema,
 * a refusal that is not retried, and a rate limit that is; and each typed method of the client, whose request model
 * reaches its operation's endpoint and is accepted.
 */
class EveryOperationIT {

    static final String KEY = "every-op-key";

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY).acceptedFor(Duration.ofMillis(10)).processingFor(Duration.ofMillis(20)));

    ClaidClient client;

    @BeforeEach
    void setUp() {
        client = ClaidClient.builder().apiKey(KEY).baseUrl(claid.server().baseUrl())
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), 2, 0.3, Duration.ofSeconds(2)))
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static Stream<ApiOperation> operations() {
        return Arrays.stream(ApiOperation.values());
    }

    @ParameterizedTest
    @MethodSource("operations")
    void succeedsInClaidsDocumentedShape(ApiOperation op) {
        Long id = prepare(op);
        JsonNode data = join(send(op, id)).data();
        if (op.responseDataSchema() != null) {
            assertEquals(List.of(), ClaidSchemas.get().validate(op.responseDataSchema(), data), op + " answered " + data);
        }
    }

    @ParameterizedTest
    @MethodSource("operations")
    void aRefusalIsNotRetried(ApiOperation op) {
        Long id = prepare(op);
        String path = op.path(id);
        long before = claid.server().requestCount(op.method(), path);
        claid.server().faults().next(1).status(403).on(op.method(), path);
        ClaidException e = assertThrows(ClaidException.class, () -> join(send(op, id)));
        assertEquals(403, e.getStatusCode());
        assertTrue(e.getMessage().contains("permission scope"), e.getMessage());
        assertEquals(before + 1, claid.server().requestCount(op.method(), path));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void aRateLimitIsWaitedOut(ApiOperation op) {
        Long id = prepare(op);
        String path = op.path(id);
        long before = claid.server().requestCount(op.method(), path);
        claid.server().faults().next(1).rateLimited().on(op.method(), path);
        assertEquals(2, join(send(op, id)).attempts());
        assertEquals(before + 2, claid.server().requestCount(op.method(), path));
    }

    @ParameterizedTest
    @MethodSource("io.github.camelclaid.client.TypedCalls#all")
    void aTypedRequestReachesItsEndpointAndIsAccepted(TypedCall call) {
        Long storageId = prepare(call.op());
        String path = call.op().path(storageId);
        long before = claid.server().requestCount(call.op().method(), path);

        ClaidResponse<?> response = join(call.send().apply(new Context(client, storageId)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.data()).isNotNull();
        assertThat(claid.server().requestCount(call.op().method(), path)).isEqualTo(before + 1);
        RecordedRequest sent = lastRequest(call.op().method(), path);
        if (call.op() == ApiOperation.EDIT_UPLOAD) {
            assertThat(sent.header("Content-Type")).startsWith("multipart/form-data");
            assertThat(sent.bodyAsString()).contains(client.mapper().valueToTree(call.request()).toString());
        } else {
            JsonNode body = readTree(sent.bodyAsString());
            assertThat(body).isEqualTo(client.mapper().valueToTree(call.request()));
        }
    }

    @Test
    void everyTypedMethodIsCalledAbove() {
        List<String> typed = Arrays.stream(ClaidClient.class.getMethods())
                .filter(m -> Arrays.stream(m.getParameterTypes()).anyMatch(ClaidRequest.class::isAssignableFrom))
                .map(m -> m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(",")) + ")")
                .toList();
        assertThat(typed).containsExactlyInAnyOrderElementsOf(TypedCalls.all().map(TypedCall::signature).toList());
    }

    /** Creates what the operation needs (a task, a storage) and returns its id; null when it needs none. */
    private Long prepare(ApiOperation op) {
        switch (op) {
            case EDIT_ASYNC_STATUS:
            case EDIT_BATCH_STATUS:
            case AI_EDIT_STATUS:
            case FASHION_MODELS_STATUS:
            case GENERATE_VIDEO_STATUS:
                ApiOperation submit = Arrays.stream(io.github.camelclaid.client.model.TaskKind.values())
                        .filter(k -> k.statusOperation() == op).findFirst().orElseThrow().submitOperation();
                return join(client.call(submit, null, body(submit), io.github.camelclaid.client.model.TaskAccepted.class))
                        .data().id();
            case GET_STORAGE:
            case UPDATE_STORAGE:
            case DELETE_STORAGE:
                return join(client.createStorage(body(ApiOperation.CREATE_STORAGE))).data().id();
            default:
                return null;
        }
    }

    private CompletableFuture<ClaidResponse<JsonNode>> send(ApiOperation op, Long id) {
        if (op == ApiOperation.EDIT_UPLOAD) {
            byte[] png = Base64Png.SMALL;
            return client.editUpload(png, "tiny", "image/png", body(op))
                    .thenApply(r -> new ClaidResponse<>(client.mapper().valueToTree(r.data()), r.statusCode(),
                            r.requestId(), r.rateLimit(), r.attempts()));
        }
        return client.call(op, id, op.requestSchema() == null ? null : body(op), JsonNode.class);
    }

    /** A small valid body for each operation that takes one. */
    static Object body(ApiOperation op) {
        Map<String, Object> resize = Map.of("resizing", Map.of("width", 64));
        switch (op) {
            case EDIT:
            case EDIT_ASYNC:
                return Map.of("input", "https://example.com/a.jpg", "operations", resize);
            case EDIT_UPLOAD:
                return Map.of("operations", resize);
            case EDIT_BATCH:
                return Map.of("input", List.of("https://example.com/a.jpg", "https://example.com/b.jpg"),
                        "operations", resize);
            case AI_EDIT:
                return Map.of("input", "https://example.com/a.jpg", "options", Map.of("prompt", "add a warm light"));
            case FASHION_MODELS:
                return Map.of("input", Map.of("clothing", List.of("https://example.com/shirt.png")),
                        "options", Map.of());
            case GENERATE:
                return Map.of("input", "a teapot on a table", "options", Map.of("number_of_images", 1));
            case CREATE_SCENE:
                return Map.of("object", Map.of("image_url", "https://example.com/p.png"),
                        "scene", Map.of("prompt", "on a marble counter"), "output", Map.of("number_of_images", 1));
            case GENERATE_VIDEO:
                return Map.of("input", "https://example.com/a.jpg", "options", Map.of("prompt", "pan left"));
            case CREATE_STORAGE:
                return Map.of("name", "s" + System.nanoTime(), "type", "s3", "parameters", Map.of("bucket", "b",
                        "credentials", Map.of("access_key", "AK", "secret_access_key", "SK")));
            case UPDATE_STORAGE:
                return Map.of("parameters", Map.of("path", "images/"));
            default:
                throw new IllegalArgumentException(op + " takes no body");
        }
    }

    private static RecordedRequest lastRequest(String method, String path) {
        List<RecordedRequest> matching = claid.server().requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
        assertThat(matching).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    private JsonNode readTree(String json) {
        try {
            return client.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** A 2x2 PNG, for uploads that need real image bytes. */
    static final class Base64Png {
        static final byte[] SMALL = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");
    }
}
