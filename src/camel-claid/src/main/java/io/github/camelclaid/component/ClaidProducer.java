package io.github.camelclaid.component;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.ClaidResponse;
import io.github.camelclaid.client.ImageUpload;
import io.github.camelclaid.client.model.EditResponse;
import io.github.camelclaid.client.model.MultiOutputResponse;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

import static io.github.camelclaid.client.AsyncFailures.unwrap;

/**
 * Sends each exchange to the Claid operation named in the URI (or in the {@code CamelClaidOperation} header). It is
 * asynchronous end to end: the calling thread returns as soon as the request is handed to the HTTP client, and the
 * exchange continues when Claid's answer (and, with waitForCompletion, the task's end) arrives.
 */
public class ClaidProducer extends DefaultAsyncProducer {

    private final ClaidEndpoint endpoint;
    private final TaskSubmissions submissions;
    private RequestMapper requests;
    private ResultWriter results;
    private ClaidAccount account;

    public ClaidProducer(ClaidEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.submissions = new TaskSubmissions(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the endpoint has built its client by now
        requests = new RequestMapper(endpoint);
        results = new ResultWriter(endpoint);
        account = endpoint.account();
        account.producerStarted(endpoint.getCamelContext(), endpoint.getComponent().isHealthCheckProducerEnabled());
    }

    @Override
    protected void doStop() throws Exception {
        submissions.close();
        if (account != null) {
            account.producerStopped();
            account = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        ClaidOperations op;
        CompletableFuture<?> work;
        try {
            op = operation(exchange);
            work = dispatch(op, exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        boolean onIoThread = continuesOnIoThread(op);
        if (onIoThread && work.isDone()) {
            // settled before any answer was awaited (an open circuit refuses at once): the caller's thread goes on
            settle(exchange, work.handle((ignored, failure) -> failure).join());
            callback.done(true);
            return true;
        }
        Executor next = onIoThread ? Runnable::run : endpoint.getComponent().continuation();
        work.whenComplete((ignored, failure) -> next.execute(() -> {
            settle(exchange, failure);
            callback.done(false);
        }));
        return false;
    }

    /**
     * Whether the route goes on where Claid's answer arrived ({@code continueOnIoThread}): only after a synchronous
     * call, whose last step is that answer. An async submission ends on the completion pool (recording the task) or
     * in a wait, whose threads serve every wait.
     */
    private boolean continuesOnIoThread(ClaidOperations op) {
        return endpoint.getConfiguration().isContinueOnIoThread() && op.submits() == null;
    }

    private static void settle(Exchange exchange, Throwable failure) {
        if (failure != null) {
            exchange.setException(unwrap(failure));
        }
    }

    private ClaidOperations operation(Exchange exchange) {
        String override = exchange.getMessage().getHeader(ClaidConstants.OPERATION, String.class);
        ClaidOperations op = override == null ? endpoint.getOperation() : ClaidOperations.parse(override);
        if (op.isConsumer()) {
            throw new IllegalArgumentException("The " + ClaidConstants.OPERATION + " header names " + op
                    + ", which is a consumer (from(\"claid:" + op + "\")), not an operation to send to");
        }
        return op;
    }

    private CompletableFuture<?> dispatch(ClaidOperations op, Exchange exchange) throws Exception {
        switch (op) {
            case edit:
                return edit(exchange);
            case editAsync:
                return submit(exchange, op, requests.imageEditRequest(exchange, op));
            case editBatch:
                return submit(exchange, op, requests.batchRequest(exchange));
            case aiEdit:
            case generateVideo:
                return submit(exchange, op, requests.imageOptionsRequest(exchange, op));
            case fashionModels:
                return submit(exchange, op, requests.fashionModelsRequest(exchange));
            case generate:
                return synchronous(exchange, op, ApiOperation.GENERATE, requests.generateRequest(exchange));
            case createScene:
                return synchronous(exchange, op, ApiOperation.CREATE_SCENE, requests.sceneRequest(exchange));
            case getTask:
                return getTask(exchange);
            case listStorageTypes:
                return storage(exchange, client().listStorageTypes());
            case listStorages:
                return storage(exchange, client().listStorages());
            case getStorage:
                return storage(exchange, client().getStorage(RequestMapper.storageId(exchange, op)));
            case createStorage:
                return storage(exchange, client().createStorage(requests.wholeRequest(exchange, op)));
            case updateStorage:
                return storage(exchange, client().updateStorage(RequestMapper.storageId(exchange, op),
                        requests.wholeRequest(exchange, op)));
            case deleteStorage:
                return storage(exchange, client().deleteStorage(RequestMapper.storageId(exchange, op)));
            default:
                throw new IllegalArgumentException("Unsupported Claid operation " + op);
        }
    }

    // ---------------------------------------------------------------- operations

    /** A URL or storage input goes to /image/edit; image bytes go to /image/edit/upload. */
    private CompletableFuture<?> edit(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        if (in.getHeader(ClaidConstants.INPUT) == null && RequestMapper.isBinary(in.getBody())) {
            ImageUpload image = RequestMapper.uploadImage(in);
            String fileName = RequestMapper.uploadFileName(in);
            String contentType = RequestMapper.uploadContentType(in, image.head(16));
            Object data = requests.uploadData(exchange);
            return handle(exchange, ClaidOperations.edit, paid(ApiOperation.EDIT_UPLOAD,
                    () -> client().editUpload(image, fileName, contentType, data)));
        }
        return synchronous(exchange, ClaidOperations.edit, ApiOperation.EDIT,
                requests.imageEditRequest(exchange, ClaidOperations.edit));
    }

    private CompletableFuture<?> synchronous(Exchange exchange, ClaidOperations op, ApiOperation api, Object request) {
        return handle(exchange, op, paid(api, () -> client().call(api, null, request, responseType(api))));
    }

    private static Class<?> responseType(ApiOperation api) {
        return api == ApiOperation.EDIT ? EditResponse.class : MultiOutputResponse.class;
    }

    /** Sends a sync answer on: headers, then the typed answer or the downloaded output as body. */
    private CompletableFuture<?> handle(Exchange exchange, ClaidOperations op,
            CompletableFuture<? extends ClaidResponse<?>> call) {
        return call.thenCompose(response -> {
            Message out = exchange.getMessage();
            ResultWriter.setResponseHeaders(out, response);
            return results.deliver(exchange, op, response.data());
        });
    }

    /** Submits an async task, recorded in the ledger whatever happens to the answer; waits for it if configured. */
    private CompletableFuture<?> submit(Exchange exchange, ClaidOperations op, Object request) {
        return submissions.submit(exchange, op, request,
                (taskId, resultUrl, lastKnown, submittedAt) -> awaitAndDeliver(exchange, op, op.submits(), taskId,
                        resultUrl, lastKnown, submittedAt));
    }

    /** A paid call goes through the account's circuit, which refuses it without a call while open. */
    private <T> CompletableFuture<T> paid(ApiOperation api, Supplier<CompletableFuture<T>> call) {
        return account.circuit().send(api, call);
    }

    /**
     * Waits for the task and delivers its result. A wait whose task kind is known is ended by the account's webhook
     * consumer, when one listens, without polling.
     */
    private CompletableFuture<Void> awaitAndDeliver(Exchange exchange, ClaidOperations op, TaskKind kind, long taskId,
            String resultUrl, TaskStatus lastKnown, Instant submittedAt) {
        return endpoint.taskWaiter().await(client(), kind, taskId, resultUrl, lastKnown, submittedAt)
                .thenCompose(done -> {
                    ResultWriter.setTaskHeaders(exchange.getMessage(), done);
                    return results.deliver(exchange, op, done.data());
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
            ResultWriter.setResponseHeaders(out, response);
            ResultWriter.setTaskHeaders(out, response);
            out.setHeader(ClaidConstants.RESULT_URL, url);
            if (endpoint.getConfiguration().isWaitForCompletion()) {
                // the same outcome as a wait that saw the task end: DONE continues, ERROR/CANCELLED/PAUSED fail
                if (!task.status().isTerminal()) {
                    // the kind, read from the URL, lets a webhook notification end this wait as it ends a submitter's
                    return awaitAndDeliver(exchange, ClaidOperations.getTask, TaskKind.fromResultUrl(url), task.id(),
                            url, task.status(), Instant.now());
                }
                if (task.status() != TaskStatus.DONE) {
                    throw ClaidException.taskFailed("task " + task.id(), task.id(), task.status(), url, task.errors());
                }
            }
            return results.deliver(exchange, ClaidOperations.getTask, task);
        });
    }

    private CompletableFuture<?> storage(Exchange exchange, CompletableFuture<? extends ClaidResponse<?>> call) {
        return call.thenAccept(response -> {
            Message out = exchange.getMessage();
            ResultWriter.setResponseHeaders(out, response);
            out.setBody(response.data());
        });
    }

    private ClaidClient client() {
        return endpoint.client();
    }
}
