package io.github.camelclaid.component;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.ClaidOutcomeUnknownException;
import io.github.camelclaid.client.ClaidResponse;
import io.github.camelclaid.client.ImageUpload;
import io.github.camelclaid.client.model.EditResponse;
import io.github.camelclaid.client.model.MultiOutputResponse;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedger;
import io.github.camelclaid.ledger.TrackedTask;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelclaid.client.AsyncFailures.unwrap;

/**
 * Sends each exchange to the Claid operation named in the URI (or in the {@code CamelClaidOperation} header). It is
 * asynchronous end to end: the calling thread returns as soon as the request is handed to the HTTP client, and the
 * exchange continues when Claid's answer (and, with waitForCompletion, the task's end) arrives.
 */
public class ClaidProducer extends DefaultAsyncProducer {

    /** Starts the ledger owner name of every producer, so consumers can tell a waiting exchange holds a task. */
    static final String PRODUCER_OWNER_PREFIX = "producer-";

    private static final Logger LOG = LoggerFactory.getLogger(ClaidProducer.class);

    private final ClaidEndpoint endpoint;
    /** This producer's name when it holds a task in the ledger, while an exchange waits for it. */
    private final String owner = PRODUCER_OWNER_PREFIX + java.util.UUID.randomUUID();
    private RequestMapper requests;
    private ResultWriter results;
    private ClaidAccount account;

    public ClaidProducer(ClaidEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
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
        if (account != null) {
            account.producerStopped();
            account = null;
        }
        super.doStop();
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
        completion().execute(continuation);
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

    /**
     * Submits an async task. The task's id and result URL are on the message as soon as Claid accepts it, so even
     * when the wait fails the route still knows the task and can ask for it later. Before the exchange goes on, the
     * task is recorded in the ledger: from then on a crash cannot lose it.
     */
    private CompletableFuture<?> submit(Exchange exchange, ClaidOperations op, Object request) {
        String requestKey = exchange.getMessage().getHeader(ClaidConstants.REQUEST_KEY, String.class);
        if (requestKey != null) {
            Optional<TrackedTask> known = endpoint.ledger().findByRequestKey(requestKey);
            if (known.isPresent()) {
                return reuse(exchange, op, known.get());
            }
        }
        ApiOperation api = op.submits().submitOperation();
        Map<String, String> correlation = endpoint.correlationHeaders().capture(exchange.getMessage());
        // continued on the completion pool: recording the task is a ledger write (an fsync, a database insert),
        // which must not hold one of the HTTP client's few I/O threads
        CompletableFuture<ClaidResponse<TaskAccepted>> sent = paid(api,
                () -> client().call(api, null, request, TaskAccepted.class));
        return sent.handleAsync((response, failure) -> failure == null
                ? accepted(exchange, op, response, correlation, requestKey)
                : unanswered(exchange, op, request, unwrap(failure), correlation, requestKey), completion())
                .thenCompose(next -> next);
    }

    private CompletableFuture<?> accepted(Exchange exchange, ClaidOperations op, ClaidResponse<TaskAccepted> response,
            Map<String, String> correlation, String requestKey) {
        TaskAccepted accepted = response.data();
        Message out = exchange.getMessage();
        ResultWriter.setResponseHeaders(out, response);
        out.setHeader(ClaidConstants.TASK_ID, accepted.id());
        out.setHeader(ClaidConstants.TASK_STATUS, String.valueOf(accepted.status()));
        out.setHeader(ClaidConstants.RESULT_URL, accepted.resultUrl());
        TaskKey key = new TaskKey(op.submits(), accepted.id());
        record(key, accepted, correlation, requestKey);
        if (!endpoint.getConfiguration().isWaitForCompletion()) {
            out.setBody(accepted);
            return CompletableFuture.completedFuture(null);
        }
        return awaitAndDeliver(exchange, op, accepted.id(), accepted.resultUrl(), accepted.status())
                .whenCompleteAsync((done, failure) -> settle(key, failure), completion());
    }

    /**
     * A submission failed. When Claid may have acted on it (no answer, a gateway error, an unreadable answer) and the
     * endpoint waits for unconfirmed submissions, a placeholder is recorded under the request's input and the exchange
     * goes on with the status {@code UNCONFIRMED}: Claid's notification of the task, if it made one, is then reported
     * like any other task, and the placeholder is reported as UNCONFIRMED if none comes in time. Otherwise the
     * exchange fails with the submission's error.
     */
    private CompletableFuture<?> unanswered(Exchange exchange, ClaidOperations op, Object request, Throwable failure,
            Map<String, String> correlation, String requestKey) {
        ClaidConfiguration config = endpoint.getConfiguration();
        if (config.getUnconfirmedSubmissionWait() <= 0 || config.isWaitForCompletion()
                || !(failure instanceof ClaidOutcomeUnknownException)) {
            return CompletableFuture.failedFuture(failure);
        }
        TaskKey key = UnconfirmedSubmissions.placeholderKey(op.submits(), client().mapper().valueToTree(request));
        Instant now = Instant.now();
        if (key == null || !endpoint.ledger().record(UnconfirmedSubmissions.placeholder(key, now,
                now.plusMillis(config.getUnconfirmedSubmissionWait()), correlation, requestKey))) {
            // another submission of the same input is unconfirmed too: a notification could not tell them apart
            return CompletableFuture.failedFuture(failure);
        }
        LOG.warn("Claid {} got no usable answer ({}); not sent again. Waiting up to {} ms for Claid to name the task"
                + " for its input", op, failure.getMessage(), config.getUnconfirmedSubmissionWait());
        Message out = exchange.getMessage();
        out.setHeader(ClaidConstants.TASK_STATUS, UnconfirmedSubmissions.STATUS);
        out.setBody(null);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Sends a paid submission through the account's circuit: refused at once, with no HTTP call, while the circuit
     * is open; its outcome (a 402 above all) tells the circuit whether to open or close.
     */
    private <T> CompletableFuture<T> paid(ApiOperation api, Supplier<CompletableFuture<T>> call) {
        SubmissionCircuit.Permit permit;
        try {
            permit = account.circuit().acquire(api.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        } catch (ClaidCircuitOpenException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> sent;
        try {
            sent = call.get();
        } catch (RuntimeException e) {
            permit.done(e);
            throw e;
        }
        // the stage returned completes only after the circuit has heard the outcome, so an exchange that goes on after
        // a 402 finds the circuit open already (dependents of one future run in no guaranteed order)
        return sent.whenComplete((answer, failure) -> permit.done(failure));
    }

    private java.util.concurrent.Executor completion() {
        return endpoint.getComponent().continuation();
    }

    /**
     * The work named by the request key was submitted before (by this exchange's earlier attempt, or before a
     * restart): the exchange goes on with that task instead of paying for a new one. The task is reported as usual,
     * once, by whoever reports the ledger's tasks; with waitForCompletion this exchange waits for it.
     */
    private CompletableFuture<?> reuse(Exchange exchange, ClaidOperations op, TrackedTask known) {
        LOG.debug("Request {} was submitted before as Claid task {}; not submitting it again", known.requestKey(),
                known.key());
        Message out = exchange.getMessage();
        if (UnconfirmedSubmissions.isPlaceholder(known)) {
            if (endpoint.getConfiguration().isWaitForCompletion()) {
                throw new IllegalStateException("Request " + known.requestKey() + " was submitted before, and its"
                        + " answer was lost: it is reported by claid:tasks (status UNCONFIRMED, or as the task Claid"
                        + " names for it), and cannot be waited for here");
            }
            out.setHeader(ClaidConstants.TASK_STATUS, UnconfirmedSubmissions.STATUS);
            out.setHeader(ClaidConstants.TASK_REUSED, true);
            out.setBody(null);
            return CompletableFuture.completedFuture(null);
        }
        out.setHeader(ClaidConstants.TASK_ID, known.key().id());
        out.setHeader(ClaidConstants.TASK_STATUS, String.valueOf(known.lastStatus()));
        out.setHeader(ClaidConstants.RESULT_URL, known.resultUrl());
        out.setHeader(ClaidConstants.TASK_REUSED, true);
        if (!endpoint.getConfiguration().isWaitForCompletion()) {
            out.setBody(new TaskAccepted(known.key().id(), known.lastStatus(), known.submittedAt().toString(), null,
                    known.resultUrl()));
            return CompletableFuture.completedFuture(null);
        }
        return awaitAndDeliver(exchange, op, known.key().id(), known.resultUrl(), known.lastStatus())
                .whenCompleteAsync((done, failure) -> settle(known.key(), failure), completion());
    }

    /**
     * Records an accepted task. A task this exchange waits for is recorded as held by this producer until the wait's
     * deadline, so neither the tasks nor the webhook consumer reports it too; if this JVM dies meanwhile, the hold
     * lapses and a consumer reports it then.
     */
    private void record(TaskKey key, TaskAccepted accepted, Map<String, String> correlation, String requestKey) {
        Instant now = Instant.now();
        ClaidConfiguration config = endpoint.getConfiguration();
        TrackedTask task;
        if (config.isWaitForCompletion()) {
            Instant holdUntil = now.plusMillis(config.getMaxWait() + config.getTaskLease());
            task = TrackedTask.submitted(key, accepted.resultUrl(), now, accepted.status(), correlation, holdUntil)
                    .claimed(owner, holdUntil);
        } else {
            task = TrackedTask.submitted(key, accepted.resultUrl(), now, accepted.status(), correlation,
                    now.plusMillis(config.getTaskPollInterval()));
        }
        try {
            TaskLedger ledger = endpoint.ledger();
            if (!ledger.record(task.withRequestKey(requestKey)) && !ledger.adopt(key, correlation, requestKey)
                    && !correlation.isEmpty()) {
                // a webhook about the task came before this record and reported it already, without our headers
                LOG.warn("Claid task {} was reported before its submission was recorded; its correlation headers"
                        + " {} were not on that report", key, correlation.keySet());
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Claid accepted task " + key + " (" + accepted.resultUrl()
                    + ") but the task ledger could not record it: " + e.getMessage()
                    + ". Ask for it with claid:getTask, as no consumer will report it", e);
        }
    }

    /**
     * After a wait: a task this exchange reported (DONE, or failed with Claid's errors) is finished; a wait that
     * ended without an outcome (deadline, stop) hands the task to the consumers at once.
     */
    private void settle(TaskKey key, Throwable failure) {
        TaskLedger ledger = endpoint.ledger();
        Throwable cause = unwrap(failure);
        if (cause == null) {
            ledger.finish(key, TaskStatus.DONE, Instant.now());
        } else if (cause instanceof ClaidException
                && ((ClaidException) cause).getReason() == ClaidException.Reason.TASK_FAILED) {
            ledger.finish(key, ((ClaidException) cause).getTaskStatus(), Instant.now());
        } else {
            ledger.reschedule(key, owner, null, false, Instant.now());
        }
    }

    private CompletableFuture<Void> awaitAndDeliver(Exchange exchange, ClaidOperations op, long taskId, String resultUrl,
            TaskStatus lastKnown) {
        return endpoint.taskWaiter().await(client(), taskId, resultUrl, lastKnown).thenCompose(done -> {
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
                    return awaitAndDeliver(exchange, ClaidOperations.getTask, task.id(), url, task.status());
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
