package io.github.camelclaid.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelclaid.client.ApiOperation;

/**
 * The async operations: each submission plans the task's end (result, errors, storage outputs) at once and answers
 * with the accepted task; the status GETs answer with the task as it is now.
 */
final class AsyncOperations {

    private final TaskRegistry tasks;
    private final InputProbe probe;
    private final OutputWriter outputs;
    private final RequestJournal journal;
    private final int folderSize;

    /**
     * @param folderSize how many images a batch finds in an input folder ({@code storage://name/folder/})
     */
    AsyncOperations(TaskRegistry tasks, InputProbe probe, OutputWriter outputs, RequestJournal journal,
                    int folderSize) {
        this.tasks = tasks;
        this.probe = probe;
        this.outputs = outputs;
        this.journal = journal;
        this.folderSize = folderSize;
    }

    ApiResponse editAsync(ApiRequest request, JsonNode body) {
        String input = body.get("input").asText();
        TaskStatus outcome = OutcomeMarkers.outcome(List.of(input), request.forcedOutcome());
        JsonNode output = body.get("output");
        MediaInfo in = probe.probe(input);
        PlannedOutput planned = outputs.plan(ImageEdits.render(in, body.get("operations"), output),
                OutputWriter.destination(output, "output"), FileNames.stem(input, "image"), 0, 1, "output");
        ObjectNode result = Json.object();
        result.set("input_object", in.describe());
        result.set("output_object", planned.json());
        List<TaskPlan.TaskError> errors = List.of(
                new TaskPlan.TaskError(OutcomeMarkers.failureMessage(input), in.describe()));
        return submit(request, TaskKind.EDIT_ASYNC, ApiOperation.EDIT_ASYNC, body, List.of(input),
                new TaskPlan(outcome, result, errors, writes(planned)));
    }

    /**
     * One result per input: per URL of a list, the single image of a URL or storage file, or the configured number of
     * images of a storage folder. Outputs keep their input's name; an output destination is always a folder.
     */
    ApiResponse batch(ApiRequest request, JsonNode body) {
        List<String> inputs = batchInputs(body.get("input"));
        JsonNode output = body.get("output");
        StorageUri destination = OutputWriter.destination(output, "output");
        if (destination != null && !destination.isFolder()) {
            destination = new StorageUri(destination.storageName(), destination.path() + "/");
        }
        ArrayNode results = Json.array();
        List<TaskPlan.TaskError> errors = new ArrayList<>();
        List<WrittenObject> writes = new ArrayList<>();
        boolean allFail = request.forcedOutcome() == TaskStatus.ERROR;
        for (String input : inputs) {
            MediaInfo in = probe.probe(input);
            if (allFail || OutcomeMarkers.asksToFail(input)) {
                errors.add(new TaskPlan.TaskError(OutcomeMarkers.failureMessage(input), in.describe()));
                continue;
            }
            PlannedOutput planned = outputs.plan(ImageEdits.render(in, body.get("operations"), output), destination,
                    FileNames.stem(input, "image"), 0, 1, "output");
            ObjectNode item = results.addObject();
            item.set("input_object", in.describe());
            item.set("output_object", planned.json());
            writes.addAll(writes(planned));
        }
        TaskStatus outcome = OutcomeMarkers.outcome(inputs, request.forcedOutcome());
        return submit(request, TaskKind.BATCH, ApiOperation.EDIT_BATCH, body, inputs,
                new TaskPlan(outcome, results, errors, writes));
    }

    /** {@code output.number_of_images} images (1 by default), PNG unless asked otherwise, of the aspect ratio asked. */
    ApiResponse aiEdit(ApiRequest request, JsonNode body) {
        String input = body.get("input").asText();
        MediaInfo in = probe.probe(input);
        String ratio = Json.text(body.get("options"), "aspect_ratio");
        PixelSize size = ratio == null ? new PixelSize(in.width(), in.height())
                : PixelSize.forAspectRatio(ratio, SyncOperations.GENERATED_SIDE);
        ImageEdits.requireRenderable(size, "input");
        GeneratedImages generated = generate(body.get("output"), size, FileNames.stem(input, "image") + "-ai-edit");
        ObjectNode result = Json.object();
        result.set("input_object", in.describe());
        result.set("output_objects", generated.json);
        TaskStatus outcome = OutcomeMarkers.outcome(List.of(input), request.forcedOutcome());
        return submit(request, TaskKind.AI_EDIT, ApiOperation.AI_EDIT, body, List.of(input), new TaskPlan(outcome,
                result, List.of(new TaskPlan.TaskError(OutcomeMarkers.failureMessage(input), null)), generated.writes));
    }

    /** Inputs: the optional model image and the clothing images; outputs as for AI edit. */
    ApiResponse fashionModels(ApiRequest request, JsonNode body) {
        List<String> inputs = new ArrayList<>();
        JsonNode input = body.get("input");
        if (input.hasNonNull("model")) {
            inputs.add(input.get("model").asText());
        }
        input.get("clothing").forEach(url -> inputs.add(url.asText()));
        ArrayNode inputObjects = Json.array();
        inputs.forEach(url -> inputObjects.add(probe.probe(url).describe()));
        PixelSize size = PixelSize.forAspectRatio(Json.text(body.get("options"), "aspect_ratio"),
                SyncOperations.GENERATED_SIDE);
        GeneratedImages generated = generate(body.get("output"), size, "fashion-model-" + shortId());
        ObjectNode result = Json.object();
        result.set("input_objects", inputObjects);
        result.set("output_objects", generated.json);
        TaskStatus outcome = OutcomeMarkers.outcome(inputs, request.forcedOutcome());
        String failing = inputs.stream().filter(OutcomeMarkers::asksToFail).findFirst().orElse(inputs.get(0));
        return submit(request, TaskKind.FASHION_MODELS, ApiOperation.FASHION_MODELS, body, inputs, new TaskPlan(outcome,
                result, List.of(new TaskPlan.TaskError(OutcomeMarkers.failureMessage(failing), null)),
                generated.writes));
    }

    /** An MP4 (placeholder bytes); a folder output gets a unique file name, as Claid documents. */
    ApiResponse generateVideo(ApiRequest request, JsonNode body) {
        String input = body.get("input").asText();
        MediaInfo in = probe.probe(input);
        PlannedOutput planned = outputs.plan(GeneratedMedia.video(new PixelSize(in.width(), in.height())),
                OutputWriter.destination(body.get("output"), "output"), "video-" + UUID.randomUUID(), 0, 1, "output");
        ObjectNode inputObject = in.describe();
        JsonNode prompt = body.get("options").get("prompt");
        if (prompt.isObject() && prompt.path("generate").asBoolean(false)) {
            inputObject.put("generated_prompt", "A slow camera move around the subject of " + FileNames.stem(input,
                    "the image") + ", soft light.");
        }
        ObjectNode result = Json.object();
        result.set("input_object", inputObject);
        result.set("output_object", planned.json());
        TaskStatus outcome = OutcomeMarkers.outcome(List.of(input), request.forcedOutcome());
        return submit(request, TaskKind.VIDEO, ApiOperation.GENERATE_VIDEO, body, List.of(input), new TaskPlan(outcome,
                result, List.of(new TaskPlan.TaskError(OutcomeMarkers.failureMessage(input), null)), writes(planned)));
    }

    ApiResponse status(TaskKind kind, long id) {
        AsyncTask task = tasks.find(kind, id).orElseThrow(kind::notFound);
        return ApiResponse.data(tasks.statusOf(task));
    }

    private ApiResponse submit(ApiRequest request, TaskKind kind, ApiOperation operation, JsonNode body,
                               List<String> inputs, TaskPlan plan) {
        AsyncTask task = tasks.submit(kind, body, plan, OutcomeMarkers.asksToHold(inputs));
        journal.recordPaid(operation, task.id(), request.requestId());
        return ApiResponse.data(task.acceptedJson());
    }

    /** The input URLs of a batch: a list, one URL, or the images of a storage folder ({@code image-N.jpg}). */
    private List<String> batchInputs(JsonNode input) {
        List<String> urls = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(url -> urls.add(url.asText()));
            return urls;
        }
        String source = input.isTextual() ? input.asText() : input.get("source").asText();
        var folder = StorageUri.parse(source).filter(StorageUri::isFolder);
        if (folder.isEmpty()) {
            return List.of(source);
        }
        for (int i = 1; i <= folderSize; i++) {
            urls.add(folder.get().resolve("image-" + i + ".jpg").toString());
        }
        return urls;
    }

    /** Several generated images (AI edit, fashion models), as output objects and the storage objects they become. */
    private record GeneratedImages(ArrayNode json, List<WrittenObject> writes) {
    }

    private GeneratedImages generate(JsonNode output, PixelSize size, String baseName) {
        int count = output != null && output.isObject() ? Json.integer(output, "number_of_images", 1) : 1;
        MediaFormat format = ImageEdits.outputFormat(output, MediaFormat.PNG);
        StorageUri destination = OutputWriter.destination(output, "output");
        ArrayNode json = Json.array();
        List<WrittenObject> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PlannedOutput planned = outputs.plan(GeneratedMedia.image(size, format), destination, baseName, i, count,
                    "output");
            json.add(planned.json());
            writes.addAll(writes(planned));
        }
        return new GeneratedImages(json, writes);
    }

    private static List<WrittenObject> writes(PlannedOutput planned) {
        return planned.storageObject() == null ? List.of() : List.of(planned.storageObject());
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
