package io.github.camelclaid.component;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.webhook.WebhookVerifier;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedger;
import io.github.camelclaid.ledger.TrackedTask;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code claid:webhook} consumer: receives Claid's task notifications on a path served by Camel's platform-http
 * (so it runs alike on Camel Main, Quarkus and Spring Boot), and emits the same exchange as {@code claid:tasks}.
 *
 * <p>
 * Each delivery is size-checked, then its {@code X-Claid-Hmac-SHA256} signature is verified over the raw bytes,
 * before anything is parsed. The task is claimed in the shared ledger, so a repeated delivery, or a task the tasks
 * consumer reports at the same moment, is emitted once. The answer is 2xx only once the route has processed the
 * exchange; a route failure answers 500, so Claid delivers again, and the task is released for that retry.
 *
 * <p>
 * A task an exchange of this JVM waits for ({@code waitForCompletion}) is handed to that wait through the account's
 * {@link AwaitedTasks}: the exchange reports it, without a status request, and the route here does not.
 */
public class ClaidWebhookConsumer extends DefaultConsumer {

    /**
     * What a delivery to the path is answered while no consumer serves it: 503, with this body and {@code Retry-After}
     * of {@link #NOT_SERVED_RETRY_AFTER} seconds, by each runtime's guard of the path (Vert.x here, the Spring Boot
     * starter's filter), so that Claid delivers again.
     */
    public static final String NOT_SERVED_ANSWER = "claid:webhook is not started: deliver again";
    /** The {@code Retry-After} of {@link #NOT_SERVED_ANSWER}, in seconds. */
    public static final String NOT_SERVED_RETRY_AFTER = "1";

    private static final Logger LOG = LoggerFactory.getLogger(ClaidWebhookConsumer.class);
    /** Who holds a task a notification named before its producer recorded it, and for how long: under Claid's 3 s. */
    static final String UNRECORDED = "webhook-unrecorded";
    static final Duration UNRECORDED_HOLD = Duration.ofSeconds(2);

    private final ClaidEndpoint endpoint;
    private final String owner;
    /**
     * The tasks a delivery of this consumer is reporting right now. The ledger's claim is re-entrant for its owner, and
     * every delivery of this consumer claims as the same owner, so two deliveries of one task at once (a duplicated
     * notification, or Claid's retry of a delivery still being processed) would both be reported: the second is told to
     * deliver again instead, and by then the task is reported.
     */
    private final Set<TaskKey> reporting = ConcurrentHashMap.newKeySet();
    private WebhookVerifier verifier;
    private TaskLedger ledger;
    private TaskReporter reporter;
    private AwaitedTasks awaited;
    private Consumer http;
    private AutoCloseable guard;

    public ClaidWebhookConsumer(ClaidEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.owner = LeaseKeeper.ownerName("webhook", endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        ClaidConfiguration config = endpoint.getConfiguration();
        verifier = verifier(config);
        ledger = endpoint.ledger();
        reporter = new TaskReporter(endpoint, this, owner, endpoint.pollPlanner(0));
        awaited = endpoint.account().awaitedTasks();
        String path = path(config);
        try {
            RestConsumerFactory server = HttpServerLookup.find(getEndpoint().getCamelContext(),
                    config.getWebhookComponentName());
            http = server.createConsumer(getEndpoint().getCamelContext(), this::onDelivery, "POST", path, null, null,
                    null, null, Map.of());
            // before the server's consumer starts, so that the guard's route comes first
            guard = WebhookServerGuard.install(getEndpoint().getCamelContext(), server, path,
                    config.getMaxWebhookBodySize(), config.getWebhookBodyTimeout());
            if (guard == null) {
                LOG.debug("claid:webhook on {} relies on its HTTP server's own body limit and timeouts", path);
            }
            ServiceHelper.startService(http);
            endpoint.webhookAvailability().served();
            awaited.webhookStarted();
        } catch (RuntimeException e) {
            closeGuard();
            List<String> servers = HttpServerLookup.available(getEndpoint().getCamelContext());
            throw new IllegalStateException("claid:webhook could not listen on " + path + ": " + e.getMessage()
                    + ". HTTP server components found in the registry and on the classpath: "
                    + (servers.isEmpty() ? "none" : String.join(", ", servers))
                    + ". Name the one to use with the option webhookComponentName, or add Camel's platform-http,"
                    + " used when no name is given: camel-platform-http-main with camel.server.enabled=true"
                    + " (Camel Main), camel-quarkus-platform-http (Quarkus) or camel-platform-http-starter"
                    + " (Spring Boot)", e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (http != null) {
            awaited.webhookStopped();
        }
        ServiceHelper.stopAndShutdownService(http);
        if (http != null) {
            endpoint.webhookAvailability().unserved();
        }
        http = null;
        closeGuard();
        super.doStop();
        if (reporter != null) {
            reporter.close();
        }
    }

    static String path(ClaidConfiguration config) {
        return path(config.getWebhookPath());
    }

    /**
     * The path on the HTTP server a {@code webhookPath} option names (a leading slash added): for a runtime's own
     * guard of the path while the consumer does not serve it, such as the Spring Boot starter's.
     */
    public static String path(String webhookPath) {
        return webhookPath.startsWith("/") ? webhookPath : "/" + webhookPath;
    }

    private void closeGuard() throws Exception {
        if (guard != null) {
            guard.close();
            guard = null;
        }
    }

    private static WebhookVerifier verifier(ClaidConfiguration config) {
        String secrets = config.getWebhookSecret();
        if (secrets == null || secrets.isBlank()) {
            if (!config.isAllowUnsignedWebhooks()) {
                throw new IllegalArgumentException("claid:webhook needs the webhookSecret set in Claid's webhook"
                        + " settings: in the environment variable " + ClaidComponent.WEBHOOK_SECRET_VARIABLE
                        + " or the webhookSecret option; or allowUnsignedWebhooks=true to accept unsigned"
                        + " notifications from a trusted network");
            }
            return null;
        }
        return WebhookVerifier.of(Arrays.stream(secrets.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList());
    }

    /** Handles one HTTP delivery; every outcome is an explicit answer, never an exception for the HTTP engine. */
    private void onDelivery(Exchange http) {
        Message request = http.getMessage();
        Answer answer;
        try {
            answer = answer(request);
        } catch (RuntimeException e) {
            LOG.warn("A Claid webhook delivery could not be handled: {}", e.getMessage(), e);
            answer = new Answer(500, "not handled: " + e.getMessage());
        }
        reply(http, answer);
    }

    private Answer answer(Message request) {
        int cap = endpoint.getConfiguration().getMaxWebhookBodySize();
        Long declared = request.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > cap) {
            return new Answer(413, "larger than " + cap + " bytes");
        }
        byte[] raw = request.getBody(byte[].class);
        if (raw == null) {
            raw = new byte[0];
        }
        if (raw.length > cap) {
            return new Answer(413, "larger than " + cap + " bytes");
        }
        if (verifier != null) {
            switch (verifier.verify(raw, request.getHeader(WebhookVerifier.SIGNATURE_HEADER, String.class))) {
                case MISSING_SIGNATURE:
                    LOG.warn("A Claid webhook delivery without {} was refused", WebhookVerifier.SIGNATURE_HEADER);
                    return new Answer(401, "signature missing");
                case BAD_SIGNATURE:
                    LOG.warn("A Claid webhook delivery with a wrong signature was refused");
                    return new Answer(401, "signature does not match");
                case MALFORMED_SIGNATURE:
                    return new Answer(400, "signature is not a hex HMAC-SHA256");
                default:
                    break;
            }
        }
        TaskResult result;
        try {
            result = parse(raw);
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(400, "not a Claid task notification: " + e.getMessage());
        }
        if (!result.status().isTerminal()) {
            return new Answer(200, "task " + result.id() + " is " + result.status() + "; waiting for its end");
        }
        return report(result);
    }

    /** The task in a notification: Claid sends the status answer, {@code {"data": {...}}}. */
    private TaskResult parse(byte[] raw) throws IOException {
        JsonNode root = endpoint.client().mapper().readTree(raw);
        JsonNode task = root != null && root.has("data") ? root.get("data") : root;
        if (task == null || !task.isObject() || !task.hasNonNull("id") || !task.hasNonNull("status")) {
            throw new IllegalArgumentException("no task id and status");
        }
        return endpoint.client().mapper().treeToValue(task, TaskResult.class);
    }

    private Answer report(TaskResult result) {
        TrackedTask known = knownOrRecorded(result);
        if (known == null) {
            // perhaps a task whose producer has not recorded it yet (it finished before its submission's answer was
            // handled): Claid's next attempt, seconds later, finds it recorded with its correlation headers, or
            // reports a task of another system as it is
            return new Answer(503, "task " + result.id() + " is not known here yet; recorded, deliver again");
        }
        // an exchange waiting for the task reports it; the ledger's hold then keeps the route below from doing so too
        boolean waitedFor = awaited.ended(known.key(), result);
        if (!reporting.add(known.key())) {
            return new Answer(503, "task " + known.key() + " is being reported by another delivery; deliver again");
        }
        try {
            return reportClaimed(known, result, waitedFor);
        } finally {
            reporting.remove(known.key());
        }
    }

    private Answer reportClaimed(TrackedTask known, TaskResult result, boolean waitedFor) {
        Instant now = Instant.now();
        Optional<TrackedTask> claimed = ledger.claim(known.key(), owner, now,
                now.plusMillis(endpoint.getConfiguration().getTaskLease()));
        if (claimed.isEmpty()) {
            return notClaimed(known.key(), waitedFor);
        }
        TaskReporter.Report report;
        try {
            report = reporter.report(claimed.get(), result, null).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, "interrupted");
        } catch (ExecutionException e) {
            return new Answer(500, "task " + known.key() + " could not be reported: " + e.getCause().getMessage());
        }
        boolean failed = false;
        for (Exchange exchange : report.exchanges()) {
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            failed |= exchange.getException() != null;
            releaseExchange(exchange, false);
        }
        if (failed) {
            return new Answer(500, "the route failed on task " + known.key() + "; deliver again");
        }
        return new Answer(200, "task " + known.key() + " reported");
    }

    /**
     * Why a task could not be taken: reported already (a repeated delivery), held by an exchange waiting for it, or
     * being reported by another consumer right now, whose outcome is not known yet, so Claid should deliver again. A
     * task held by a waiting exchange that is not waiting here (another instance on a shared ledger, or one about to
     * list its wait) is asked for again too: the delivery may then reach it, and if none does, that exchange polls.
     */
    private Answer notClaimed(TaskKey key, boolean waitedFor) {
        if (waitedFor) {
            return new Answer(200, "task " + key + " is reported to the exchange waiting for it");
        }
        TrackedTask now = ledger.find(key).orElse(null);
        if (now == null || !now.isOpen()) {
            LOG.debug("Claid task {} was reported already; repeated notification acknowledged", key);
            return new Answer(200, "task " + key + " reported already");
        }
        if (now.owner() != null && now.owner().startsWith(TaskSubmissions.OWNER_PREFIX)) {
            return new Answer(503, "task " + key + " is held by an exchange waiting for it elsewhere; deliver again");
        }
        return new Answer(503, "task " + key + " is being reported by another consumer; deliver again");
    }

    /**
     * The ledger's record of the notified task. A notification names only the id, and ids repeat across kinds, so
     * several records may match: the open one wins. A task the ledger does not know is recorded now, so that its
     * repeated notifications are spotted too; it is returned at once when it is the task of a submission whose answer
     * was lost, and null otherwise (its producer may not have recorded it yet, or it is another system's task).
     */
    private TrackedTask knownOrRecorded(TaskResult result) {
        List<TrackedTask> candidates = ledger.findById(result.id());
        Optional<TrackedTask> open = candidates.stream().filter(TrackedTask::isOpen).findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        TaskKind kind = kindOf(result);
        Optional<TrackedTask> same = candidates.stream().filter(t -> t.key().kind() == kind).findFirst();
        if (same.isPresent()) {
            return same.get();
        }
        TaskKey key = new TaskKey(kind, result.id());
        String resultUrl = result.resultUrl() != null ? result.resultUrl()
                : endpoint.client().baseUri() + kind.statusOperation().path(result.id());
        Instant now = Instant.now();
        // the task of a submission whose answer was lost: its placeholder has the facts, report it now
        TaskKey placeholder = UnconfirmedSubmissions.placeholderKey(kind, result.request());
        boolean ofPlaceholder = placeholder != null && ledger.find(placeholder).filter(TrackedTask::isOpen).isPresent();
        // due for polling later too, in case no further delivery comes
        TrackedTask recorded = TrackedTask.submitted(key, resultUrl, now, result.status(), null,
                now.plusMillis(endpoint.getConfiguration().getTaskPollMaxInterval()));
        if (!ofPlaceholder) {
            // held a moment under a name no delivery claims as: a duplicate of this notification, arriving before the
            // producer's record gives the task its headers, is told to deliver again as this one is, rather than
            // reported without them; Claid's next attempt comes after the hold
            recorded = recorded.claimed(UNRECORDED, now.plus(UNRECORDED_HOLD));
        }
        ledger.record(recorded);
        return ofPlaceholder ? ledger.find(key).orElse(null) : null;
    }

    /**
     * Which kind a task is, from the shape of its answer: batch results are a list, fashion-model requests name the
     * clothing, edits carry operations; among prompt-driven tasks, AI edit returns a list of outputs and video one.
     */
    static TaskKind kindOf(TaskResult result) {
        JsonNode request = result.request();
        if (result.results() != null) {
            return TaskKind.EDIT_BATCH;
        }
        if (request != null && request.has("clothing")) {
            return TaskKind.FASHION_MODELS;
        }
        if (request != null && request.has("operations")) {
            return TaskKind.EDIT_ASYNC;
        }
        if (result.result() != null && result.result().has("output_object")) {
            return TaskKind.GENERATE_VIDEO;
        }
        return TaskKind.AI_EDIT;
    }

    private static void reply(Exchange http, Answer answer) {
        Message response = http.getMessage();
        // the reply is the request message: without this, every request header (the signature included) is echoed
        response.removeHeaders("*");
        response.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        response.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.setBody(answer.text());
    }

    private record Answer(int status, String text) {
    }
}
