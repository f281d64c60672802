package io.github.camelclaid.client;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelclaid.client.model.request.AiEditOptions;
import io.github.camelclaid.client.model.request.AiEditRequest;
import io.github.camelclaid.client.model.request.BatchEditRequest;
import io.github.camelclaid.client.model.request.ClaidRequest;
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
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import io.github.camelclaid.testserver.RecordedRequest;
import io.github.camelclaid.testserver.SampleImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each typed method of {@link ClaidClient} (one per request model of {@code model.request}) over real HTTP: the
 * request reaches its operation's endpoint, carries the model's JSON, and the server takes it.
 */
class TypedRequestsIT {

    static final String KEY = "typed-requests-key";
    static final String IMAGE = "https://example.com/shoe.jpg";

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY).acceptedFor(Duration.ofMillis(10)).processingFor(Duration.ofMillis(20)));

    ClaidClient client;

    @BeforeEach
    void setUp() {
        client = ClaidClient.builder().apiKey(KEY).baseUrl(claid.server().baseUrl()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    /**
     * One call of a typed method.
     *
     * @param signature the method, as {@code name(RequestType)}
     * @param op        the operation it must reach
     * @param request   the model sent
     * @param send      sends it with the typed method
     */
    record TypedCall(String signature, ApiOperation op, ClaidRequest request,
            Function<Context, CompletableFuture<? extends ClaidResponse<?>>> send) {

        @Override
        public String toString() {
            return signature;
        }
    }

    /** What a call needs besides its request. */
    record Context(ClaidClient client, Long storageId) {
    }

    static final EditRequest EDIT = EditRequest.builder().input(IMAGE)
            .operations(ImageOperations.builder().resizing(ResizingOptions.builder().width(64).build()).build())
            .build();

    static Stream<TypedCall> typedCalls() {
        BatchEditRequest batch = BatchEditRequest.builder().input(List.of(IMAGE, "https://example.com/bag.jpg"))
                .operations(ImageOperations.builder().build()).build();
        AiEditRequest aiEdit = AiEditRequest.builder().input(IMAGE)
                .options(AiEditOptions.builder().prompt("make the background light grey").build()).build();
        FashionModelsRequest fashion = FashionModelsRequest.builder()
                .input(FashionModelsInput.builder().clothing(List.of("https://example.com/shirt.png")).build())
                .options(FashionModelsOptions.builder().pose("full body, front view").build()).build();
        GenerateRequest generate = GenerateRequest.builder().input("a red sneaker on sand")
                .options(ImageGenerateOptions.builder().numberOfImages(1).build()).build();
        SceneCreateRequest scene = SceneCreateRequest.builder().object(SceneObjectOriginal.of(IMAGE))
                .scene(SceneEffectOptions.shadows().build()).build();
        VideoRequest video = VideoRequest.builder().input(IMAGE)
                .options(VideoOptions.builder().prompt("a slow pan around the shoe").build()).build();
        StorageRequest storage = StorageRequest.builder().name("typed-" + System.nanoTime())
                .parameters(S3Parameters.builder().bucket("photos").path("in/")
                        .credentials(StorageCredentials.of("AKIAEXAMPLE", "secret-part")).build())
                .build();
        StorageUpdateRequest update = StorageUpdateRequest.builder().name("renamed").build();
        byte[] image = SampleImages.jpeg(40, 30, 1);
        return Stream.of(
                new TypedCall("edit(EditRequest)", ApiOperation.EDIT, EDIT, c -> c.client().edit(EDIT)),
                new TypedCall("editUpload(byte[],String,String,UploadEditData)", ApiOperation.EDIT_UPLOAD,
                        EDIT.withoutInput(),
                        c -> c.client().editUpload(image, "shoe.jpg", "image/jpeg", EDIT.withoutInput())),
                new TypedCall("editAsync(EditRequest)", ApiOperation.EDIT_ASYNC, EDIT,
                        c -> c.client().editAsync(EDIT)),
                new TypedCall("editBatch(BatchEditRequest)", ApiOperation.EDIT_BATCH, batch,
                        c -> c.client().editBatch(batch)),
                new TypedCall("aiEdit(AiEditRequest)", ApiOperation.AI_EDIT, aiEdit, c -> c.client().aiEdit(aiEdit)),
                new TypedCall("fashionModels(FashionModelsRequest)", ApiOperation.FASHION_MODELS, fashion,
                        c -> c.client().fashionModels(fashion)),
                new TypedCall("generate(GenerateRequest)", ApiOperation.GENERATE, generate,
                        c -> c.client().generate(generate)),
                new TypedCall("createScene(SceneCreateRequest)", ApiOperation.CREATE_SCENE, scene,
                        c -> c.client().createScene(scene)),
                new TypedCall("generateVideo(VideoRequest)", ApiOperation.GENERATE_VIDEO, video,
                        c -> c.client().generateVideo(video)),
                new TypedCall("createStorage(StorageRequest)", ApiOperation.CREATE_STORAGE, storage,
                        c -> c.client().createStorage(storage)),
                new TypedCall("updateStorage(long,StorageUpdateRequest)", ApiOperation.UPDATE_STORAGE, update,
                        c -> c.client().updateStorage(c.storageId(), update)));
    }

    @ParameterizedTest
    @MethodSource("typedCalls")
    void reachesItsEndpointAndIsAccepted(TypedCall call) {
        Long storageId = call.op().hasIdParameter() ? createStorage() : null;
        String path = call.op().path(storageId);
        long before = claid.server().requestCount(call.op().method(), path);

        ClaidResponse<?> response = EveryOperationIT.join(call.send().apply(new Context(client, storageId)));

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
        Map<String, Method> typed = new LinkedHashMap<>();
        for (Method m : ClaidClient.class.getMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && m.getDeclaringClass() == ClaidClient.class
                    && Arrays.stream(m.getParameterTypes()).anyMatch(ClaidRequest.class::isAssignableFrom)) {
                typed.put(m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(",")) + ")", m);
            }
        }
        assertThat(typed.keySet()).containsExactlyInAnyOrderElementsOf(
                typedCalls().map(TypedCall::signature).toList());
    }

    private Long createStorage() {
        StorageRequest storage = StorageRequest.builder().name("for-update-" + System.nanoTime())
                .parameters(S3Parameters.builder().bucket("photos")
                        .credentials(StorageCredentials.of("AKIAEXAMPLE", "secret-part")).build())
                .build();
        return EveryOperationIT.join(client.createStorage(storage)).data().id();
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
}
