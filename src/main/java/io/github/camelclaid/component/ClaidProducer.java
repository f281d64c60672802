package io.github.camelclaid.component;

import java.io.File;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.ClaidResponse;
import io.github.camelclaid.client.RateLimitInfo;
import io.github.camelclaid.client.model.EditResponse;
import io.github.camelclaid.client.model.HasOutputs;
import io.github.camelclaid.client.model.ImageObject;
import io.github.camelclaid.client.model.MultiOutputResponse;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends each exchange to the Claid operation named in the URI (or in the {@code CamelClaidOperation} header). It is
 * asynchronous end to end: the calling thread returns as soon as the request is handed to the HTTP client, and the
 * exchange continues when Claid's answer (and, with waitForCompletion, the task's end) arrives.
 */
public class ClaidProducer extends DefaultAsyncProducer {

    private final ClaidEndpoint endpoint;

    public ClaidProducer(ClaidEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> work;
        try {
            work = dispatch(operation(exchange), exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        work.whenComplete((ignored, failure) -> continueExchange(() -> {
            if (failure != null) {
                exchange.setException(unwrap(failure));
            }
            callback.done(false);
        }));
        return false;
    }

    /** Continues the exchange off the HTTP I/O thread; if the pool refuses (shutting down, full), right here. */
    private void continueExchange(Runnable continuation) {
        try {
            endpoint.getComponent().completionExecutor().execute(continuation);
        } catch (RejectedExecutionException e) {
            continuation.run();
        }
    }

    private ClaidOperations operation(Exchange exchange) {
        String override = exchange.getMessage().getHeader(ClaidConstants.OPERATION, String.class);
        return override == null ? endpoint.getOperation() : ClaidOperations.parse(override);
    }

    private CompletableFuture<?> dispatch(ClaidOperations op, Exchange exchange) throws Exception {
        switch (op) {
            case edit:
                return edit(exchange);
            case editAsync:
                return submit(exchange, op, imageEditRequest(exchange, op));
            case editBatch:
                return submit(exchange, op, batchRequest(exchange));
            case aiEdit:
            case generateVideo:
                return submit(exchange, op, optionsRequest(exchange, () -> inputUrl(exchange, op)));
            case fashionModels:
                return submit(exchange, op, fashionModelsRequest(exchange));
            case generate:
                return synchronous(exchange, op, ApiOperation.GENERATE,
                        optionsRequest(exchange, () -> inputText(exchange, op)));
            case createScene:
                return synchronous(exchange, op, ApiOperation.CREATE_SCENE, sceneRequest(exchange));
            case getTask:
                return getTask(exchange);
            case listStorageTypes:
                return storage(exchange, endpoint.client().listStorageTypes());
            case listStorages:
                return storage(exchange, endpoint.client().listStorages());
            case getStorage:
                return storage(exchange, endpoint.client().getStorage(storageId(exchange, op)));
            case createStorage:
                return storage(exchange, endpoint.client().createStorage(wholeRequest(exchange, op)));
            case updateStorage:
                return storage(exchange, endpoint.client().updateStorage(storageId(exchange, op),
                        wholeRequest(exchange, op)));
            case deleteStorage:
                return storage(exchange, endpoint.client().deleteStorage(storageId(exchange, op)));
            default:
                throw new IllegalArgumentException("Unsupported Claid operation " + op);
        }
    }

    // ---------------------------------------------------------------- operations

    /** A URL or storage input goes to /image/edit; image bytes go to /image/edit/upload. */
    private CompletableFuture<?> edit(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        if (in.getHeader(ClaidConstants.INPUT) == null && isBinary(in.getBody())) {
            ObjectNode data = client().mapper().createObjectNode();
            putIfPresent(data, "operations", operationsFor(exchange));
            putIfPresent(data, "output", outputFor(exchange));
            byte[] image = in.getMandatoryBody(byte[].class);
            return handle(exchange, ClaidOperations.edit,
                    client().editUpload(image, uploadFileName(in), uploadContentType(in, image), data));
        }
        return synchronous(exchange, ClaidOperations.edit, ApiOperation.EDIT,
                imageEditRequest(exchange, ClaidOperations.edit));
    }

    private CompletableFuture<?> synchronous(Exchange exchange, ClaidOperations op, ApiOperation api, Object request) {
        return handle(exchange, op, client().call(api, null, request, responseType(api)));
    }

    private static Class<?> responseType(ApiOperation api) {
        return api == ApiOperation.EDIT ? EditResponse.class : MultiOutputResponse.class;
    }

    /** Sends a sync answer on: headers, then the typed answer or the downloaded output as body. */
    private CompletableFuture<?> handle(Exchange exchange, ClaidOperations op,
            CompletableFuture<? extends ClaidResponse<?>> call) {
        return call.thenCompose(response -> {
            Message out = exchange.getMessage();
            setResponseHeaders(out, response);
            return deliver(exchange, op, response.data());
        });
    }

    /**
     * Submits an async task. The task's id and result URL are on the message as soon as Claid accepts it, so even
     * when the wait fails the route still knows the task and can ask for it later.
     */
    private CompletableFuture<?> submit(Exchange exchange, ClaidOperations op, Object request) {
        ApiOperation api = op.submits().submitOperation();
        return client().call(api, null, request, TaskAccepted.class).thenCompose(response -> {
            TaskAccepted accepted = response.data();
            Message out = exchange.getMessage();
            setResponseHeaders(out, response);
            out.setHeader(ClaidConstants.TASK_ID, accepted.id());
            out.setHeader(ClaidConstants.TASK_STATUS, String.valueOf(accepted.status()));
            out.setHeader(ClaidConstants.RESULT_URL, accepted.resultUrl());
            if (!endpoint.getConfiguration().isWaitForCompletion()) {
                out.setBody(accepted);
                return CompletableFuture.completedFuture(null);
            }
            return awaitAndDeliver(exchange, op, accepted.id(), accepted.resultUrl(), accepted.status());
        });
    }

    private CompletableFuture<Void> awaitAndDeliver(Exchange exchange, ClaidOperations op, long taskId, String resultUrl,
            TaskStatus lastKnown) {
        return endpoint.taskWaiter().await(client(), taskId, resultUrl, lastKnown).thenCompose(done -> {
            setTaskHeaders(exchange.getMessage(), done);
            return deliver(exchange, op, done.data());
        });
    }

    /** The state of a task named by result URL, by a TaskAccepted body, or by id plus kind. */
    private CompletableFuture<?> getTask(Exchange exchange) {
        Message in = exchange.getMessage();
        String resultUrl = in.getHeader(ClaidConstants.RESULT_URL, String.class);
        Object body = in.getBody();
        if (resultUrl == null && body instanceof TaskAccepted) {
            resultUrl = ((TaskAccepted) body).resultUrl();
        }
        if (resultUrl == null) {
            Long id = in.getHeader(ClaidConstants.TASK_ID, Long.class);
            String kind = in.getHeader(ClaidConstants.TASK_KIND, endpoint.getConfiguration().getTaskKind(),
                    String.class);
            if (id == null || kind == null) {
                throw new IllegalArgumentException("claid:getTask needs the header " + ClaidConstants.RESULT_URL
                        + ", or " + ClaidConstants.TASK_ID + " with " + ClaidConstants.TASK_KIND
                        + " (or the taskKind option), or a TaskAccepted body");
            }
            resultUrl = client().baseUri() + TaskKind.parse(kind).statusOperation().path(id);
        }
        String url = resultUrl;
        return client().getTask(url).thenCompose(response -> {
            TaskResult task = response.data();
            Message out = exchange.getMessage();
            setResponseHeaders(out, response);
            setTaskHeaders(out, response);
            out.setHeader(ClaidConstants.RESULT_URL, url);
            if (endpoint.getConfiguration().isWaitForCompletion()) {
                // the same outcome as a wait that saw the task end: DONE continues, ERROR/CANCELLED/PAUSED fail
                if (!task.status().isTerminal()) {
                    return awaitAndDeliver(exchange, ClaidOperations.getTask, task.id(), url, task.status());
                }
                if (task.status() != TaskStatus.DONE) {
                    throw ClaidException.taskFailed("task " + task.id(), task.id(), task.status(), url, task.errors());
                }
            }
            return deliver(exchange, ClaidOperations.getTask, task);
        });
    }

    private CompletableFuture<?> storage(Exchange exchange, CompletableFuture<? extends ClaidResponse<?>> call) {
        return call.thenAccept(response -> {
            Message out = exchange.getMessage();
            setResponseHeaders(out, response);
            out.setBody(response.data());
        });
    }

    // ---------------------------------------------------------------- results

    /**
     * Puts the outputs' locations and the first output's metadata in headers; then either the typed answer becomes the
     * body, or, with downloadOutput and a temporary URL, the first output's bytes do.
     */
    private CompletableFuture<Void> deliver(Exchange exchange, ClaidOperations op, Object data) {
        Message out = exchange.getMessage();
        if (!(data instanceof HasOutputs)) {
            out.setBody(data);
            return CompletableFuture.completedFuture(null);
        }
        HasOutputs result = (HasOutputs) data;
        List<String> locations = result.outputLocations();
        out.setHeader(ClaidConstants.OUTPUT_URLS, locations);
        out.setHeader(ClaidConstants.OUTPUT_URL, locations.isEmpty() ? null : locations.get(0));
        ImageObject first = result.outputs().isEmpty() ? null : result.outputs().get(0);
        if (first != null) {
            out.setHeader(ClaidConstants.OUTPUT_FORMAT, first.format());
            out.setHeader(ClaidConstants.OUTPUT_WIDTH, first.width());
            out.setHeader(ClaidConstants.OUTPUT_HEIGHT, first.height());
        }
        if (!downloadOutput(op) || first == null || first.tmpUrl() == null || first.tmpUrl().isEmpty()) {
            out.setBody(data);
            return CompletableFuture.completedFuture(null);
        }
        return client().download(first.tmpUrl()).thenAccept(download -> {
            out.setHeader(ClaidConstants.RESPONSE, data);
            out.setHeader(Exchange.CONTENT_TYPE, download.contentType() != null ? download.contentType() : first.mime());
            out.setBody(download.bytes());
        });
    }

    private boolean downloadOutput(ClaidOperations op) {
        Boolean configured = endpoint.getConfiguration().getDownloadOutput();
        return configured != null ? configured : op == ClaidOperations.edit;
    }

    private static void setResponseHeaders(Message out, ClaidResponse<?> response) {
        if (response.requestId() != null) {
            out.setHeader(ClaidConstants.REQUEST_ID, response.requestId());
        }
        RateLimitInfo rateLimit = response.rateLimit();
        if (rateLimit != null) {
            out.setHeader(ClaidConstants.RATE_LIMIT_REMAINING, rateLimit.remaining());
            out.setHeader(ClaidConstants.RATE_LIMIT_RESET, rateLimit.resetSeconds());
            out.setHeader(ClaidConstants.RATE_LIMIT_LIMIT, rateLimit.limit());
        }
    }

    private static void setTaskHeaders(Message out, ClaidResponse<TaskResult> response) {
        out.setHeader(ClaidConstants.TASK_ID, response.data().id());
        out.setHeader(ClaidConstants.TASK_STATUS, String.valueOf(response.data().status()));
    }

    // ---------------------------------------------------------------- requests

    /**
     * The body of an edit: a structured body (typed request, Map, JSON object text) is the whole request, sent as
     * given; otherwise the input (header or URL body) is combined with the operations and output from headers or
     * options.
     */
    private Object imageEditRequest(Exchange exchange, ClaidOperations op) {
        Object whole = structuredBody(exchange);
        if (whole != null) {
            return whole;
        }
        ObjectNode request = client().mapper().createObjectNode();
        request.put("input", inputUrl(exchange, op));
        putIfPresent(request, "operations", operationsFor(exchange));
        putIfPresent(request, "output", outputFor(exchange));
        return request;
    }

    /** A batch input is a storage folder (optionally recursive), or a list of image URLs. */
    private Object batchRequest(Exchange exchange) {
        Message in = exchange.getMessage();
        ObjectNode request = client().mapper().createObjectNode();
        Object body = in.getBody();
        if (in.getHeader(ClaidConstants.INPUT) == null && body instanceof Collection) {
            request.set("input", client().mapper().valueToTree(body));
        } else {
            Object whole = structuredBody(exchange);
            if (whole != null) {
                return whole;
            }
            String source = inputUrl(exchange, ClaidOperations.editBatch);
            if (endpoint.getConfiguration().isRecursive()) {
                request.putObject("input").put("source", source).put("recursive", true);
            } else {
                request.put("input", source);
            }
        }
        putIfPresent(request, "operations", operationsFor(exchange));
        putIfPresent(request, "output", outputFor(exchange));
        return request;
    }

    /** aiEdit, generateVideo and generate: an input (image URL or prompt) with the options object and output. */
    private Object optionsRequest(Exchange exchange, Supplier<String> input) {
        Object whole = structuredBody(exchange);
        if (whole != null) {
            return whole;
        }
        ObjectNode request = client().mapper().createObjectNode();
        request.put("input", input.get());
        putIfPresent(request, "options", optionsFor(exchange));
        putIfPresent(request, "output", outputFor(exchange));
        return request;
    }

    /** Fashion models take clothing images: one URL, or a list of them. */
    private Object fashionModelsRequest(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        ObjectNode request = client().mapper().createObjectNode();
        if (in.getHeader(ClaidConstants.INPUT) == null && body instanceof Collection) {
            request.putObject("input").set("clothing", client().mapper().valueToTree(body));
        } else {
            Object whole = structuredBody(exchange);
            if (whole != null) {
                return whole;
            }
            request.putObject("input").putArray("clothing").add(inputUrl(exchange, ClaidOperations.fashionModels));
        }
        putIfPresent(request, "options", optionsFor(exchange));
        putIfPresent(request, "output", outputFor(exchange));
        return request;
    }

    /** A scene for the product image in the body; the scene object comes from the options option or header. */
    private Object sceneRequest(Exchange exchange) {
        Object whole = structuredBody(exchange);
        if (whole != null) {
            return whole;
        }
        ObjectNode request = client().mapper().createObjectNode();
        request.putObject("object").put("image_url", inputUrl(exchange, ClaidOperations.createScene));
        putIfPresent(request, "scene", optionsFor(exchange));
        putIfPresent(request, "output", outputFor(exchange));
        return request;
    }

    private Object wholeRequest(Exchange exchange, ClaidOperations op) {
        Object whole = structuredBody(exchange);
        if (whole == null) {
            throw new IllegalArgumentException("claid:" + op + " needs the request as body: a typed request, a Map"
                    + " or JSON object text");
        }
        return whole;
    }

    /** The body when it is the whole request: anything but plain text (other than JSON object text) or bytes. */
    private static Object structuredBody(Exchange exchange) {
        Message in = exchange.getMessage();
        if (in.getHeader(ClaidConstants.INPUT) != null) {
            return null;
        }
        Object body = in.getBody();
        if (body == null || isBinary(body)) {
            return null;
        }
        if (body instanceof CharSequence) {
            return body.toString().trim().startsWith("{") ? body.toString() : null;
        }
        return body;
    }

    /** The input image: header CamelClaidInput, else the body as an http(s) or storage:// URL. */
    private static String inputUrl(Exchange exchange, ClaidOperations op) {
        String input = inputText(exchange, op);
        String lower = input.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("storage://"))) {
            throw new IllegalArgumentException("claid:" + op + " needs an image URL (http://, https:// or"
                    + " storage://name/path) as body or in the " + ClaidConstants.INPUT + " header, but got '"
                    + abbreviate(input) + "'" + (op == ClaidOperations.edit ? "; send bytes to upload a file" : ""));
        }
        return input;
    }

    /** The input as text (an image URL, or for generate a prompt): header CamelClaidInput, else the body. */
    private static String inputText(Exchange exchange, ClaidOperations op) {
        Message in = exchange.getMessage();
        String input = in.getHeader(ClaidConstants.INPUT, String.class);
        if (input == null && in.getBody() instanceof CharSequence) {
            input = in.getBody(String.class);
        }
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("claid:" + op + " needs an input: set the body to "
                    + (op == ClaidOperations.generate ? "the prompt" : "an image URL") + " or the header "
                    + ClaidConstants.INPUT);
        }
        return input.trim();
    }

    private JsonNode operationsFor(Exchange exchange) {
        return headerJson(exchange, ClaidConstants.OPERATIONS, endpoint.operationsJson());
    }

    private JsonNode optionsFor(Exchange exchange) {
        return headerJson(exchange, ClaidConstants.OPTIONS, endpoint.optionsJson());
    }

    private JsonNode outputFor(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(ClaidConstants.OUTPUT);
        if (header instanceof String && !((String) header).trim().startsWith("{")) {
            return client().mapper().getNodeFactory().textNode(((String) header).trim());
        }
        return headerJson(exchange, ClaidConstants.OUTPUT, endpoint.outputJson());
    }

    private JsonNode headerJson(Exchange exchange, String header, JsonNode fallback) {
        Object value = exchange.getMessage().getHeader(header);
        return value == null ? fallback : client().toJson(value, header + " header");
    }

    private static void putIfPresent(ObjectNode node, String field, JsonNode value) {
        if (value != null) {
            node.set(field, value);
        }
    }

    private static long storageId(Exchange exchange, ClaidOperations op) {
        Message in = exchange.getMessage();
        Long id = in.getHeader(ClaidConstants.STORAGE_ID, Long.class);
        if (id == null && in.getBody() instanceof Number) {
            id = ((Number) in.getBody()).longValue();
        }
        if (id == null) {
            throw new IllegalArgumentException("claid:" + op + " needs the storage id in the header "
                    + ClaidConstants.STORAGE_ID);
        }
        return id;
    }

    /**
     * Bytes to upload: arrays, streams (an aws2-s3 body is one), files, or the GenericFile of a file, ftp or sftp
     * consumer (recognised by name, as camel-file is not a dependency of this component).
     */
    private static boolean isBinary(Object body) {
        if (body instanceof byte[] || body instanceof InputStream || body instanceof File || body instanceof Path
                || body instanceof java.nio.ByteBuffer) {
            return true;
        }
        for (Class<?> c = body == null ? null : body.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.apache.camel.component.file.GenericFile")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name Claid gives the output: our header, else the file or S3 key name. The extension is left out, as Claid
     * advises, because the output format may change it.
     */
    private static String uploadFileName(Message in) {
        String name = in.getHeader(ClaidConstants.FILE_NAME, String.class);
        if (name == null) {
            name = in.getHeader(Exchange.FILE_NAME, String.class);
        }
        if (name == null) {
            name = in.getHeader("CamelAwsS3Key", String.class);
        }
        if (name == null || name.isBlank()) {
            return "image";
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    private static String uploadContentType(Message in, byte[] image) {
        String type = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (type == null) {
            type = in.getHeader("CamelAwsS3ContentType", String.class);
        }
        if (type == null || !type.startsWith("image/")) {
            try (InputStream probe = new java.io.ByteArrayInputStream(image)) {
                String guessed = URLConnection.guessContentTypeFromStream(probe);
                type = guessed != null ? guessed : "application/octet-stream";
            } catch (java.io.IOException e) {
                type = "application/octet-stream";
            }
        }
        return type;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private ClaidClient client() {
        return endpoint.client();
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
