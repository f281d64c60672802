package io.github.camelclaid.component;

import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.ledger.TaskLedger;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options of the {@code claid:} component and its endpoints; the component's values are copied into each endpoint. */
@UriParams
public class ClaidConfiguration implements Cloneable {

    @UriParam(label = "security", secret = true)
    @Metadata(secret = true)
    private String apiKey;
    @UriParam(defaultValue = ClaidClient.DEFAULT_BASE_URL)
    private String baseUrl = ClaidClient.DEFAULT_BASE_URL;
    @UriParam(label = "producer")
    private Object operations;
    @UriParam(label = "producer")
    private Object output;
    @UriParam(label = "producer")
    private Object options;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean waitForCompletion;
    @UriParam(label = "producer")
    private Boolean downloadOutput;
    @UriParam(label = "producer", defaultValue = "10m", javaType = "java.time.Duration")
    private long maxWait = 600_000;
    @UriParam(defaultValue = "2s", javaType = "java.time.Duration")
    private long taskPollInterval = 2_000;
    @UriParam(defaultValue = "30s", javaType = "java.time.Duration")
    private long taskPollMaxInterval = 30_000;
    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration")
    private long unconfirmedSubmissionWait;
    @UriParam(label = "producer", enums = "editAsync,editBatch,aiEdit,fashionModels,generateVideo")
    private String taskKind;
    @UriParam(label = "producer", defaultValue = "false")
    private boolean recursive;
    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "180s", javaType = "java.time.Duration")
    private long responseTimeout = 180_000;
    @UriParam(label = "advanced", defaultValue = "4")
    private int maxAttempts = 4;
    @UriParam(label = "advanced", defaultValue = "500ms", javaType = "java.time.Duration")
    private long retryInitialDelay = 500;
    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long retryMaxDelay = 30_000;
    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration")
    private long maxRateLimitWait = 60_000;
    @UriParam(label = "advanced", defaultValue = "104857600")
    private long maxDownloadBytes = 100L * 1024 * 1024;
    @UriParam(label = "advanced", defaultValue = "true")
    private boolean validateRequests = true;
    @UriParam(label = "advanced", defaultValue = "true")
    private boolean rateLimitShaping = true;
    @UriParam(label = "advanced")
    private ClaidClient client;
    @UriParam(label = "advanced")
    private TaskLedger taskLedger;
    @UriParam(label = "producer")
    private String correlationHeaders;
    @UriParam(label = "producer,advanced", defaultValue = "false")
    private boolean continueOnIoThread;
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean splitOutputs;
    @UriParam(defaultValue = "true")
    private boolean adaptivePolling = true;
    @UriParam(defaultValue = "4")
    private int adaptivePollCount = 4;
    @UriParam(defaultValue = "0", javaType = "java.time.Duration")
    private long webhookGracePeriod;
    @UriParam(label = "consumer", defaultValue = "10")
    private int rateLimitReserve = 10;
    @UriParam(label = "consumer", defaultValue = "50")
    private int maxMessagesPerPoll = 50;
    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long taskLease = 30_000;
    @UriParam(label = "consumer,advanced", defaultValue = "24h", javaType = "java.time.Duration")
    private long finishedRetention = 86_400_000;
    @UriParam(label = "consumer", defaultValue = "/claid/webhook")
    private String webhookPath = "/claid/webhook";
    @UriParam(label = "consumer,advanced")
    private String webhookComponentName;
    @UriParam(label = "consumer,security", secret = true)
    @Metadata(secret = true)
    private String webhookSecret;
    @UriParam(label = "consumer,security", defaultValue = "false")
    private boolean allowUnsignedWebhooks;
    @UriParam(label = "consumer,advanced", defaultValue = "1048576")
    private int maxWebhookBodySize = 1024 * 1024;
    @UriParam(label = "consumer,advanced", defaultValue = "10s", javaType = "java.time.Duration")
    private long webhookBodyTimeout = 10_000;

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The Claid API key, sent as a bearer token. When unset, the component reads the environment variable
     * CLAID_API_KEY itself, which keeps the key out of Camel's logs (Camel prints configured properties and resolved
     * placeholders in clear at DEBUG). The connector never logs the key nor puts it in exception messages.
     */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /** Where Claid's API is. Point it at a local Claid-compatible server for tests and offline demos. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Object getOperations() {
        return operations;
    }

    /**
     * The edit operations (Claid's ImageOperations) for edit, editAsync and editBatch: JSON text, a JSON file as
     * resource:file:ops.json or resource:classpath:ops.json, or a #bean reference to a typed ImageOperations or a Map.
     * Checked against Claid's schema when the endpoint starts.
     */
    public void setOperations(Object operations) {
        this.operations = operations;
    }

    public Object getOutput() {
        return output;
    }

    /**
     * The output options: JSON text (e.g. {"format":"png"}), a JSON file (resource:file:...), a #bean reference, or a
     * destination URI such as storage://my-storage/results/.
     */
    public void setOutput(Object output) {
        this.output = output;
    }

    public Object getOptions() {
        return options;
    }

    /**
     * The options object of aiEdit, fashionModels, generate and generateVideo (for createScene: the scene object), as
     * JSON text, a JSON file (resource:file:...) or a #bean reference.
     */
    public void setOptions(Object options) {
        this.options = options;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    /**
     * For async operations: keep the exchange until the task reaches a terminal status, re-polling its result_url with
     * backoff on a shared scheduler, so no thread is held while waiting. DONE continues the route; ERROR, CANCELLED,
     * PAUSED and the maxWait deadline fail the exchange with a ClaidException that carries the task id.
     */
    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public Boolean getDownloadOutput() {
        return downloadOutput;
    }

    /**
     * When the result carries a tmp_url, put the (first) output's bytes in the body with Content-Type set, and the
     * typed answer in the CamelClaidResponse header. Default: true for edit, false for the other operations.
     */
    public void setDownloadOutput(Boolean downloadOutput) {
        this.downloadOutput = downloadOutput;
    }

    public long getMaxWait() {
        return maxWait;
    }

    /** With waitForCompletion: how long to wait for the task before failing with a timeout that names the task. */
    public void setMaxWait(long maxWait) {
        this.maxWait = maxWait;
    }

    public long getUnconfirmedSubmissionWait() {
        return unconfirmedSubmissionWait;
    }

    /**
     * For async submissions with the webhook on: when a submission's answer is lost after Claid may have acted on it
     * (no answer, a 502/503/504, an unreadable answer), it is not sent again (that could pay twice); with a wait set,
     * the exchange goes on with the status UNCONFIRMED, and the task Claid's webhook then notifies for the same input
     * is reported by the consumers with this exchange's correlation headers. If none comes within the wait, claid:tasks
     * reports the work with the status UNCONFIRMED. 0 (the default) fails the exchange at once instead.
     */
    public void setUnconfirmedSubmissionWait(long unconfirmedSubmissionWait) {
        this.unconfirmedSubmissionWait = unconfirmedSubmissionWait;
    }

    public long getTaskPollInterval() {
        return taskPollInterval;
    }

    /**
     * With waitForCompletion, and for the tasks consumer: the first wait before asking for a task's status; later
     * waits grow by half, until adaptivePolling knows the kind of task. A quarter of it is also the shortest gap
     * between two planned polls.
     */
    public void setTaskPollInterval(long taskPollInterval) {
        this.taskPollInterval = taskPollInterval;
    }

    public long getTaskPollMaxInterval() {
        return taskPollMaxInterval;
    }

    /** With waitForCompletion, and for the tasks consumer: the longest wait between two status requests. */
    public void setTaskPollMaxInterval(long taskPollMaxInterval) {
        this.taskPollMaxInterval = taskPollMaxInterval;
    }

    public String getTaskKind() {
        return taskKind;
    }

    /**
     * For getTask with a task id and no result URL: which kind of task it is (the operation that submitted it).
     */
    public void setTaskKind(String taskKind) {
        this.taskKind = taskKind;
    }

    public boolean isRecursive() {
        return recursive;
    }

    /** For editBatch with a storage folder as input: also process the images in its sub-folders. */
    public void setRecursive(boolean recursive) {
        this.recursive = recursive;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a connection to Claid. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /** How long to wait for Claid's answer; synchronous edits of large images take minutes. */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    /**
     * Attempts per call, the first included, for transient failures (502/503/504, connection failures). A POST is
     * repeated only when Claid surely did not act on it (connection refused), so nothing is paid twice. A 429 uses no
     * attempt: it is waited out within maxRateLimitWait.
     */
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    /** The wait before the first retry; it doubles per attempt, with jitter. */
    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    /** The longest wait between two attempts computed by backoff. */
    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    /**
     * How long a call refused with 429 keeps waiting for the account's window (as RateLimit-Reset or Retry-After
     * names it) and asking again, counted from its first 429; then it fails with ClaidRateLimitException rather than
     * hold the message longer. Claid did nothing for a refused call, so it is asked again however often it was refused.
     * A call held back because another call of the account was refused fails at once, unsent, if that refusal's own wait
     * is longer than that allows.
     */
    public void setMaxRateLimitWait(long maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }

    public long getMaxDownloadBytes() {
        return maxDownloadBytes;
    }

    /**
     * The largest output downloadOutput accepts; a larger one fails the exchange as soon as it passes this. Outputs
     * are streamed to a temporary file, so this bounds disk use, not the heap.
     */
    public void setMaxDownloadBytes(long maxDownloadBytes) {
        this.maxDownloadBytes = maxDownloadBytes;
    }

    public boolean isValidateRequests() {
        return validateRequests;
    }

    /**
     * Check every request against Claid's schemas before sending it, so an invalid one fails naming the field and
     * spends no credit. Turn off only to use a field Claid added after this version.
     */
    public void setValidateRequests(boolean validateRequests) {
        this.validateRequests = validateRequests;
    }

    public boolean isRateLimitShaping() {
        return rateLimitShaping;
    }

    /**
     * Hold requests back before Claid would refuse them: a request waits (on a timer, holding no thread) while the
     * account's rate-limit window is spent or its per-second pace is reached, as Claid's RateLimit headers describe
     * them. Shared by every endpoint using the same API key and base URL in this JVM, so several routes together
     * stay within the account's limit and get few 429s.
     */
    public void setRateLimitShaping(boolean rateLimitShaping) {
        this.rateLimitShaping = rateLimitShaping;
    }

    public ClaidClient getClient() {
        return client;
    }

    /** A ClaidClient to use instead of one built from these options; it is not closed by the endpoint. */
    public void setClient(ClaidClient client) {
        this.client = client;
    }

    public TaskLedger getTaskLedger() {
        return taskLedger;
    }

    /**
     * Where async tasks are recorded from submission until a route has processed their result: a #bean reference to
     * an InMemoryTaskLedger (the default, shared by the component's endpoints), a FileTaskLedger (survives restarts of
     * one instance) or a JdbcTaskLedger (several instances). Set it on the component, so that producers and the
     * tasks/webhook consumers share it.
     */
    public void setTaskLedger(TaskLedger taskLedger) {
        this.taskLedger = taskLedger;
    }

    public String getCorrelationHeaders() {
        return correlationHeaders;
    }

    /**
     * For async operations: the message headers to keep with the task, as comma-separated names; a name ending in an
     * asterisk matches every header it starts (Order plus asterisk: OrderId, OrderLine...). The tasks and webhook
     * consumers put them back on the exchange that reports the task.
     */
    public void setCorrelationHeaders(String correlationHeaders) {
        this.correlationHeaders = correlationHeaders;
    }

    public boolean isContinueOnIoThread() {
        return continueOnIoThread;
    }

    /**
     * After a synchronous call (edit, generate, createScene, getTask, the storage operations), go on with the route on
     * the HTTP client's I/O thread that received Claid's answer, instead of handing the exchange to the component's
     * completion pool: one thread hand-off less per call, which counts at thousands of calls a second. Only for routes
     * whose steps after the Claid call never block (no file, database or blocking HTTP writes): the client has two
     * I/O threads for every call of the JVM, and a step that blocks one stalls them all. Hand blocking work on with
     * seda: or threads(). Async submissions always hand off.
     */
    public void setContinueOnIoThread(boolean continueOnIoThread) {
        this.continueOnIoThread = continueOnIoThread;
    }

    public boolean isSplitOutputs() {
        return splitOutputs;
    }

    /**
     * For the tasks and webhook consumers: one exchange per output of a task (batch, AI edit and fashion models make
     * several) instead of one per task. A task is finished when all its outputs were processed; a retry after a
     * failure emits only the outputs not processed yet.
     */
    public void setSplitOutputs(boolean splitOutputs) {
        this.splitOutputs = splitOutputs;
    }

    public boolean isAdaptivePolling() {
        return adaptivePolling;
    }

    /**
     * With waitForCompletion, and for the tasks consumer: learn how long each kind of task takes (from the tasks seen
     * to end, shared by the component's endpoints) and ask for a task's status where such tasks really end, at the
     * points set by adaptivePollCount, instead of at intervals growing from taskPollInterval only. Fewer requests,
     * and a finish noticed sooner; the growing intervals remain until five tasks of a kind were seen.
     */
    public void setAdaptivePolling(boolean adaptivePolling) {
        this.adaptivePolling = adaptivePolling;
    }

    public int getAdaptivePollCount() {
        return adaptivePollCount;
    }

    /**
     * With adaptivePolling, once a kind of task is known: how many status polls are spread over the durations seen,
     * at their 1/n, 2/n ... quantiles and the 99th percentile. A task is then asked about (n+1)/2 times on average,
     * and its end noticed at most one such step late. 1 asks once, when 99% of such tasks have ended: the fewest
     * requests (at most 1.5 per task), the latest notice. Default 4.
     */
    public void setAdaptivePollCount(int adaptivePollCount) {
        this.adaptivePollCount = adaptivePollCount;
    }

    public long getWebhookGracePeriod() {
        return webhookGracePeriod;
    }

    /**
     * How long after submission a task is left to its webhook before polling starts, as the fallback for a
     * notification that never came: for the tasks consumer next to a webhook consumer, and with waitForCompletion while
     * a webhook consumer of the same account runs in this CamelContext (the notification then ends the wait, without a
     * status request). Set it on the component to cover both.
     */
    public void setWebhookGracePeriod(long webhookGracePeriod) {
        this.webhookGracePeriod = webhookGracePeriod;
    }

    public int getRateLimitReserve() {
        return rateLimitReserve;
    }

    /**
     * For the tasks consumer: the requests of the current rate-limit window (RateLimit-Remaining) that status polls
     * leave to submissions; when fewer remain, polls wait for the window to reset.
     */
    public void setRateLimitReserve(int rateLimitReserve) {
        this.rateLimitReserve = rateLimitReserve;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * For the tasks consumer: the most tasks whose status one run asks for (and so the most it emits). A run that
     * took this many with rate budget to spare and emitted any is followed at once, as with greedy; otherwise the
     * tasks not taken wait for the next run. 0 for no limit.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public long getTaskLease() {
        return taskLease;
    }

    /**
     * How long an instance holds a task in the ledger before another may take it over: a request key's claim while its
     * submission goes out, a task an exchange waits for, a task the tasks or webhook consumer asks about or whose
     * result its route processes. Each holder renews the leases of what it works on every third of this, in one ledger
     * write, for as long as it lives and works; so the lease only bounds how long a dead instance's tasks wait for
     * another (this long at most), and needs to outlast a pause of the JVM or the database, not the work.
     */
    public void setTaskLease(long taskLease) {
        this.taskLease = taskLease;
    }

    public long getFinishedRetention() {
        return finishedRetention;
    }

    /** For the tasks consumer: how long finished tasks stay in the ledger, so late or repeated webhooks are spotted. */
    public void setFinishedRetention(long finishedRetention) {
        this.finishedRetention = finishedRetention;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    /** For the webhook consumer: the HTTP path, served by Camel's platform-http, that Claid posts notifications to. */
    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getWebhookComponentName() {
        return webhookComponentName;
    }

    /**
     * For the webhook consumer: the Camel component whose HTTP server serves webhookPath, by name; any component that
     * serves the REST DSL will do (platform-http, netty-http, jetty, undertow, servlet). Default: the REST
     * configuration's component, else platform-http when it is on the classpath, else the one such component in the
     * registry.
     */
    public void setWebhookComponentName(String webhookComponentName) {
        this.webhookComponentName = webhookComponentName;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /**
     * For the webhook consumer: the shared secret set in Claid's webhook settings, checked against each delivery's
     * X-Claid-Hmac-SHA256 signature. Several secrets, separated by commas, are all accepted while a secret is being
     * rotated. When unset, the component reads the environment variable CLAID_WEBHOOK_SECRET itself.
     */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public boolean isAllowUnsignedWebhooks() {
        return allowUnsignedWebhooks;
    }

    /**
     * For the webhook consumer without a webhookSecret: accept deliveries without a signature. Anyone who can reach
     * the endpoint can then report a task; meant for trusted networks and tests.
     */
    public void setAllowUnsignedWebhooks(boolean allowUnsignedWebhooks) {
        this.allowUnsignedWebhooks = allowUnsignedWebhooks;
    }

    public int getMaxWebhookBodySize() {
        return maxWebhookBodySize;
    }

    /** For the webhook consumer: the largest delivery accepted, in bytes; larger ones get 413 before any parsing. */
    public void setMaxWebhookBodySize(int maxWebhookBodySize) {
        this.maxWebhookBodySize = maxWebhookBodySize;
    }

    public long getWebhookBodyTimeout() {
        return webhookBodyTimeout;
    }

    /**
     * For the webhook consumer on Vert.x platform-http: how long a delivery's body may take to arrive, from its headers;
     * a connection still sending after that is answered 408 and closed. Claid's notifications are a few kilobytes.
     */
    public void setWebhookBodyTimeout(long webhookBodyTimeout) {
        this.webhookBodyTimeout = webhookBodyTimeout;
    }

    public ClaidConfiguration copy() {
        try {
            return (ClaidConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
