package io.github.camelclaid.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelclaid.client.ApiOperation;

/**
 * The async operations: each submission plans the task's end (result, errors, storage outputs) at once, without
 * reading any input, and answers with the accepted task; the status GETs answer with the task as it is now.
 *
 * <p>
 * Like Claid, the server reads inputs while processing: when a task that is to end DONE reaches its end, inputs that
 * can be read offline (see {@link InputProbe#read}) are read and the plan made again with what they hold (real sizes,
 * the files of a storage folder), then outputs meant for a bucket are PUT there. An input that cannot be read, or an
 * output the bucket refuses, ends the task in ERROR with the reason as its error (in a batch an unreadable input is
 * one failed item, as with the {@code fail} marker).
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
        return submit(request, TaskKind.EDIT_ASYNC, ApiOperation.EDIT_ASYNC, body, List.of(input), inputs -> {
            TaskStatus outcome = OutcomeMarkers.outcome(List.of(input), request.forcedOutcome());
            JsonNode output = body.get("output");
            SourceImage in = inputs.image(input);
            PlannedOutput planned = outputs.plan(ImageEdits.render(in, body.get("operations"), output),
                    OutputWriter.destination(output, "output"), FileNames.stem(input, "image"), 0, 1, "output");
            ObjectNode result = Json.object();
            result.set("input_object", in.info().describe());
            result.set("output_object", planned.json());
            List<TaskPlan.TaskError> errors = List.of(
                    new TaskPlan.TaskError(OutcomeMarkers.failureMessage(input), in.info().describe()));
            return new TaskPlan(outcome, result, errors, writes(planned));
        });
    }

    /**
     * One result per input: per URL of a list, the single image of a URL or storage file, or the configured number of
     * images of a storage folder. Outputs keep their input's name; an output destination is always a folder.
     */
    ApiResponse batch(ApiRequest request, JsonNode body) {
        JsonNode output = body.get("output");
        StorageUri requested = OutputWriter.destination(output, "output");
        StorageUri destination = requested != null && !requested.isFolder()
                ? new StorageUri(requested.storageName(), requested.path() + "/") : requested;
        return submit(request, TaskKind.BATCH, ApiOperation.EDIT_BATCH, body, requestedInputs(body.get("input")),
                inputs -> {
                    List<String> urls = batchInputs(body.get("input"), inputs);
                    ArrayNode results = Json.array();
                    List<TaskPlan.TaskError> errors = new ArrayList<>();
                    List<WrittenObject> writes = new ArrayList<>();
                    boolean allFail = request.forcedOutcome() == TaskStatus.ERROR;
                    boolean unreadable = false;
                    for (String input : urls) {
                        if (allFail || OutcomeMarkers.asksToFail(input)) {
                            errors.add(new TaskPlan.TaskError(OutcomeMarkers.failureMessage(input),
                                    probe.probe(input).describe()));
                            continue;
                        }
                        SourceImage in;
                        try {
                            in = inputs.image(input);
                        } catch (ApiError e) {
                            errors.add(new TaskPlan.TaskError(e.getMessage(), null));
                            unreadable = true;
                            continue;
                        }
                        PlannedOutput planned = outputs.plan(ImageEdits.render(in, body.get("operations"), output),
                                destination, FileNames.stem(input, "image"), 0, 1, "output");
                        ObjectNode item = results.addObject();
                        item.set("input_object", in.info().describe());
                        item.set("output_object", planned.json());
                        writes.addAll(writes(planned));
                    }
                    TaskStatus outcome = OutcomeMarkers.outcome(urls, request.forcedOutcome());
                    if (unreadable && outcome == TaskStatus.DONE) {
                        outcome = TaskStatus.ERROR;
                    }
                    return new TaskPlan(outcome, results, errors, writes);
                });
    }

    /**
     * {@code output.number_of_images} images (1 by default), PNG unless asked otherwise, of the aspect ratio asked:
     * the input on a backdrop drawn from the prompt, the prompt written below ({@link StandInPictures#composed}).
     */
    ApiResponse aiEdit(ApiRequest request, JsonNode body) {
        String input = body.get("input").asText();
        return submit(request, TaskKind.AI_EDIT, ApiOperation.AI_EDIT, body, List.of(input), inputs -> {
            SourceImage in = inputs.image(input);
            String ratio = Json.text(body.get("options"), "aspect_ratio");
            PixelSize size = ratio == null ? in.size()
                    : PixelSize.forAspectRatio(ratio, SyncOperations.GENERATED_SIDE);
            ImageEdits.requireRenderable(size, "input");
            String prompt = Json.text(body.get("options"), "prompt");
            GeneratedImages generated = generate(body.get("output"), size,
                    FileNames.stem(input, "image") + "-ai-edit", List.of(in), prompt == null ? "AI edit" : prompt);
            ObjectNode result = Json.object();
            result.set("input_object", in.info().describe());
            result.set("output_objects", generated.json);
            TaskStatus outcome = OutcomeMarkers.outcome(List.of(input), request.forcedOutcome());
            return new TaskPlan(outcome, result,
                    List.of(new TaskPlan.TaskError(OutcomeMarkers.failureMessage(input), null)), generated.writes);
        });
    }

    /**
     * Inputs: the optional model image and the clothing images; outputs as for AI edit, showing the inputs side by side
     * with the pose and background prompts written below.
     */
    ApiResponse fashionModels(ApiRequest request, JsonNode body) {
        List<String> urls = new ArrayList<>();
        JsonNode input = body.get("input");
        if (input.hasNonNull("model")) {
            urls.add(input.get("model").asText());
        }
        input.get("clothing").forEach(url -> urls.add(url.asText()));
        return submit(request, TaskKind.FASHION_MODELS, ApiOperation.FASHION_MODELS, body, urls, inputs -> {
            ArrayNode inputObjects = Json.array();
            List<SourceImage> images = new ArrayList<>();
            urls.forEach(url -> images.add(inputs.image(url)));
            images.forEach(image -> inputObjects.add(image.info().describe()));
            JsonNode options = body.get("options");
            PixelSize size = PixelSize.forAspectRatio(Json.text(options, "aspect_ratio"),
                    SyncOperations.GENERATED_SIDE);
            String caption = String.join(", ", textOr(options, "pose", "full body, front view"),
                    textOr(options, "background", "studio background"));
            GeneratedImages generated = generate(body.get("output"), size, "fashion-model-" + shortId(), images,
                    caption);
            ObjectNode result = Json.object();
            result.set("input_objects", inputObjects);
            result.set("output_objects", generated.json);
            TaskStatus outcome = OutcomeMarkers.outcome(urls, request.forcedOutcome());
            String failing = urls.stream().filter(OutcomeMarkers::asksToFail).findFirst().orElse(urls.get(0));
            return new TaskPlan(outcome, result,
                    List.of(new TaskPlan.TaskError(OutcomeMarkers.failureMessage(failing), null)), generated.writes);
        });
    }

    /** An MP4 (placeholder bytes); a folder output gets a unique file name, as Claid documents. */
    ApiResponse generateVideo(ApiRequest request, JsonNode body) {
        String input = body.get("input").asText();
        return submit(request, TaskKind.VIDEO, ApiOperation.GENERATE_VIDEO, body, List.of(input), inputs -> {
            MediaInfo in = inputs.image(input).info();
            PlannedOutput planned = outputs.plan(GeneratedMedia.video(new PixelSize(in.width(), in.height())),
                    OutputWriter.destination(body.get("output"), "output"), "video-" + UUID.randomUUID(), 0, 1,
                    "output");
            ObjectNode inputObject = in.describe();
            JsonNode prompt = body.get("options").get("prompt");
            if (prompt.isObject() && prompt.path("generate").asBoolean(false)) {
                inputObject.put("generated_prompt", "A slow camera move around the subject of "
                        + FileNames.stem(input, "the image") + ", soft light.");
            }
            ObjectNode result = Json.object();
            result.set("input_object", inputObject);
            result.set("output_object", planned.json());
            TaskStatus outcome = OutcomeMarkers.outcome(List.of(input), request.forcedOutcome());
            return new TaskPlan(outcome, result,
                    List.of(new TaskPlan.TaskError(OutcomeMarkers.failureMessage(input), null)), writes(planned));
        });
    }

    ApiResponse status(TaskKind kind, long id) {
        AsyncTask task = tasks.find(kind, id).orElseThrow(kind::notFound);
        return ApiResponse.data(tasks.statusOf(task));
    }

    /**
     * Plans the task without reading its inputs (so a request the plan refuses is refused now, with nothing billed),
     * submits it, and leaves reading and writing to {@link #settle} at its end.
     *
     * @param inputs  the inputs as the request names them, for the outcome markers and to tell whether any is read
     * @param planner makes the plan from what the inputs hold: called once now, and again at the end when an input is
     *                read then
     */
    private ApiResponse submit(ApiRequest request, TaskKind kind, ApiOperation operation, JsonNode body,
                               List<String> inputs, Function<Inputs, TaskPlan> planner) {
        TaskPlan plan = planner.apply(probing);
        Function<Inputs, TaskPlan> replanner = inputs.stream().anyMatch(probe::fetches) ? planner : null;
        AsyncTask task = tasks.submit(kind, body, plan, OutcomeMarkers.asksToHold(inputs),
                planned -> settle(planned, replanner));
        journal.recordPaid(operation, task.id(), request.requestId());
        return ApiResponse.data(task.acceptedJson());
    }

    /**
     * At the end of a task that is to end DONE: reads its inputs and plans again when {@code replanner} is given, then
     * PUTs the outputs meant for a bucket; a failure of either ends the task in ERROR with the reason as its error.
     */
    private TaskPlan settle(TaskPlan planned, Function<Inputs, TaskPlan> replanner) {
        if (planned.outcome() != TaskStatus.DONE) {
            return planned;
        }
        try {
            TaskPlan plan = replanner == null ? planned : replanner.apply(reading);
            if (plan.outcome() == TaskStatus.DONE) {
                plan.writes().forEach(outputs::store);
            }
            return plan;
        } catch (ApiError e) {
            return TaskPlan.failed(e.getMessage());
        } catch (RuntimeException e) {
            return TaskPlan.failed("Processing failed: " + e + ".");
        }
    }

    /** What a plan learns about its inputs: without reading them at submission, by reading them at the end. */
    private interface Inputs {

        /** The input: its description now, its pixels when an output is rendered. */
        SourceImage image(String url);

        /** The files of a {@code storage://name/folder/} input. */
        List<String> folder(StorageUri folder);
    }

    private final Inputs probing = new Inputs() {
        @Override
        public SourceImage image(String url) {
            return probe.probeImage(url);
        }

        @Override
        public List<String> folder(StorageUri folder) {
            return imaginedFolder(folder);
        }
    };

    private final Inputs reading = new Inputs() {
        @Override
        public SourceImage image(String url) {
            return probe.read(url);
        }

        @Override
        public List<String> folder(StorageUri folder) {
            return probe.listFolder(folder).orElseGet(() -> imaginedFolder(folder));
        }
    };

    /** The input of a batch as the request names it: the URLs of a list, or the one URL or folder. */
    private static List<String> requestedInputs(JsonNode input) {
        List<String> urls = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(url -> urls.add(url.asText()));
            return urls;
        }
        return List.of(input.isTextual() ? input.asText() : input.get("source").asText());
    }

    /** The input URLs of a batch: a list, one URL, or the images of a storage folder. */
    private static List<String> batchInputs(JsonNode input, Inputs inputs) {
        List<String> urls = requestedInputs(input);
        if (urls.size() != 1 || input.isArray()) {
            return urls;
        }
        var folder = StorageUri.parse(urls.get(0)).filter(StorageUri::isFolder);
        return folder.isPresent() ? inputs.folder(folder.get()) : urls;
    }

    /** A folder whose contents cannot be listed: the configured number of images {@code image-N.jpg}. */
    private List<String> imaginedFolder(StorageUri folder) {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= folderSize; i++) {
            urls.add(folder.resolve("image-" + i + ".jpg").toString());
        }
        return urls;
    }

    /** Several generated images (AI edit, fashion models), as output objects and the storage objects they become. */
    private record GeneratedImages(ArrayNode json, List<WrittenObject> writes) {
    }

    /** Pictures of the inputs with a caption, one per {@code number_of_images}, each drawn on its own backdrop. */
    private GeneratedImages generate(JsonNode output, PixelSize size, String baseName, List<SourceImage> inputs,
                                     String caption) {
        int count = output != null && output.isObject() ? Json.integer(output, "number_of_images", 1) : 1;
        OutputEncoding encoding = OutputEncoding.from(output, MediaFormat.PNG);
        StorageUri destination = OutputWriter.destination(output, "output");
        ArrayNode json = Json.array();
        List<WrittenObject> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            GeneratedMedia media = GeneratedMedia.picture(size, encoding, () -> StandInPictures.composed(size,
                    inputs.stream().map(SourceImage::pixels).toList(), caption, index));
            PlannedOutput planned = outputs.plan(media, destination, baseName, i, count, "output");
            json.add(planned.json());
            writes.addAll(writes(planned));
        }
        return new GeneratedImages(json, writes);
    }

    private static List<WrittenObject> writes(PlannedOutput planned) {
        return planned.storageObject() == null ? List.of() : List.of(planned.storageObject());
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String text = Json.text(node, field);
        return text == null ? fallback : text;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
