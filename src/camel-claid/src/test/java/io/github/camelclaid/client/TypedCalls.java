package io.github.camelclaid.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;

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
import io.github.camelclaid.testserver.SampleImages;

/** A call of each typed method of {@link ClaidClient}, with a valid request model, for {@link EveryOperationIT}. */
final class TypedCalls {

    private static final String IMAGE = "https://example.com/shoe.jpg";

    private static final EditRequest EDIT = EditRequest.builder().input(IMAGE)
            .operations(ImageOperations.builder().resizing(ResizingOptions.builder().width(64).build()).build())
            .build();

    private TypedCalls() {
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

    static Stream<TypedCall> all() {
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
}
