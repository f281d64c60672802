package io.github.camelclaid.testserver;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelclaid.client.ApiOperation;

/**
 * The synchronous image operations: edit, edit by upload, text-to-image generation and AI background (scene). Inputs
 * are read ({@link InputProbe#read}) before anything is done, so an unreadable one is a 400 and nothing is billed.
 */
final class SyncOperations {

    /** Claid's generated images (generate, scene) are 1024 px on their long side. */
    static final int GENERATED_SIDE = 1024;

    private final InputProbe probe;
    private final OutputWriter outputs;
    private final StorageReferences references;
    private final RequestJournal journal;

    SyncOperations(InputProbe probe, OutputWriter outputs, StorageReferences references, RequestJournal journal) {
        this.probe = probe;
        this.outputs = outputs;
        this.references = references;
        this.journal = journal;
    }

    ApiResponse edit(ApiRequest request, JsonNode body) {
        String input = body.get("input").asText();
        ObjectNode data = editResult(probe.read(input), FileNames.stem(input, "image"), body);
        journal.recordPaid(ApiOperation.EDIT, null, request.requestId());
        return ApiResponse.data(data);
    }

    /**
     * Multipart with a {@code file} part (the image, with a file name) and a {@code data} part (the edit request
     * without {@code input}, as JSON text); both are required.
     */
    ApiResponse upload(ApiRequest request) {
        String contentType = request.header("Content-Type");
        if (!MultipartFormData.isMultipartFormData(contentType)) {
            throw ErrorBodies.validation(missing(true, true));
        }
        MultipartFormData form;
        try {
            form = request.bodyFile() == null ? MultipartFormData.parse(contentType, request.body())
                    : MultipartFormData.parse(contentType, request.bodyFile());
        } catch (MultipartFormData.MalformedException e) {
            throw ErrorBodies.badRequest("The multipart body cannot be read: " + e.getMessage() + ".");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the upload's temporary file cannot be read", e);
        }
        var file = form.part("file");
        var dataPart = form.part("data");
        if (file.isEmpty() || dataPart.isEmpty()) {
            throw ErrorBodies.validation(missing(file.isEmpty(), dataPart.isEmpty()));
        }
        if (file.get().fileName() == null) {
            throw ErrorBodies.validation("file", "expected an uploaded file: a part with a filename");
        }
        JsonNode data = RequestValidator.parse(dataPart.get().text().getBytes(StandardCharsets.UTF_8),
                "The data part");
        RequestValidator.requireValid("UploadEditData", data);
        references.requireConnected(data);
        SourceImage input = UploadedImages.upload(file.get(), probe.defaultSize());
        ObjectNode result = editResult(input, FileNames.stem(file.get().fileName(), "image"), data);
        journal.recordPaid(ApiOperation.EDIT_UPLOAD, null, request.requestId());
        return ApiResponse.data(result);
    }

    /**
     * Always PNG, 1024x1024; {@code output} is a folder (checked by {@link RequestRules}). Each image is a scene drawn
     * from the prompt and its number, with the prompt written on it ({@link StandInPictures#generated}).
     */
    ApiResponse generate(ApiRequest request, JsonNode body) {
        StorageUri destination = OutputWriter.destination(body.get("output"), "output");
        int count = Json.integer(body.get("options"), "number_of_images", 4);
        String baseName = "generated-" + shortId();
        ArrayNode images = Json.array();
        String prompt = body.get("input").asText();
        PixelSize size = new PixelSize(GENERATED_SIDE, GENERATED_SIDE);
        for (int i = 0; i < count; i++) {
            int index = i;
            GeneratedMedia media = GeneratedMedia.picture(size, OutputEncoding.of(MediaFormat.PNG),
                    () -> StandInPictures.generated(size, prompt, index));
            images.add(outputs.write(media, destination, baseName, i, count, "output"));
        }
        ObjectNode data = Json.object();
        data.putObject("input").put("text", body.get("input").asText());
        data.set("output", images);
        data.putObject("profiling");
        journal.recordPaid(ApiOperation.GENERATE, null, request.requestId());
        return ApiResponse.data(data);
    }

    /**
     * {@code output.number_of_images} images (4 by default) of the scene's aspect ratio, PNG unless asked otherwise:
     * the object's image placed on a backdrop drawn from the scene's prompt (or template), the prompt written below
     * ({@link StandInPictures#composed}).
     */
    ApiResponse scene(ApiRequest request, JsonNode body) {
        String imageUrl = body.get("object").get("image_url").asText();
        SourceImage input = probe.read(imageUrl);
        JsonNode output = body.get("output");
        StorageUri destination = OutputWriter.destination(output, "output");
        int count = output != null && output.isObject() ? Json.integer(output, "number_of_images", 4) : 4;
        OutputEncoding encoding = OutputEncoding.from(output, MediaFormat.PNG);
        PixelSize size = PixelSize.forAspectRatio(Json.text(body.get("scene"), "aspect_ratio"), GENERATED_SIDE);
        String caption = sceneCaption(body.get("scene"));
        String baseName = FileNames.stem(imageUrl, "scene") + "-" + shortId();
        ArrayNode images = Json.array();
        for (int i = 0; i < count; i++) {
            int index = i;
            GeneratedMedia media = GeneratedMedia.picture(size, encoding,
                    () -> StandInPictures.composed(size, List.of(input.pixels()), caption, index));
            images.add(outputs.write(media, destination, baseName, i, count, "output"));
        }
        ObjectNode data = Json.object();
        data.set("input", input.info().describe());
        data.set("output", images);
        data.putObject("profiling");
        journal.recordPaid(ApiOperation.CREATE_SCENE, null, request.requestId());
        return ApiResponse.data(data);
    }

    /** What the scene asks for in words: its prompt, else its template or effect name. */
    private static String sceneCaption(JsonNode scene) {
        for (String field : List.of("prompt", "template", "effect", "background_effect")) {
            String text = Json.text(scene, field);
            if (text != null) {
                return text;
            }
        }
        return "scene";
    }

    private ObjectNode editResult(SourceImage input, String baseName, JsonNode body) {
        JsonNode output = body.get("output");
        StorageUri destination = OutputWriter.destination(output, "output");
        GeneratedMedia media = ImageEdits.render(input, body.get("operations"), output);
        ObjectNode data = Json.object();
        data.set("input", input.info().describe());
        data.set("output", outputs.write(media, destination, baseName, 0, 1, "output"));
        data.putObject("profiling");
        return data;
    }

    private static Map<String, List<String>> missing(boolean file, boolean data) {
        Map<String, List<String>> details = new LinkedHashMap<>();
        if (file) {
            details.put("file", List.of("field required"));
        }
        if (data) {
            details.put("data", List.of("field required"));
        }
        return details;
    }

    /** Keeps file names of outputs from different requests apart when they go to the same folder. */
    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
