package io.github.camelclaid.component.springboot;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.component.ClaidConfiguration;
import io.github.camelclaid.ledger.TaskLedger;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Calls Claid.ai's image API: edits (sync, upload, async, batch), AI edit, fashion models, generation, scenes,
 * video, task status and storage connectors. Every field is a component option of the claid component, its javadoc
 * copied from claid.json (the component's catalog): ClaidStarterMetadataTest fails when the two part. Durations
 * are java.time.Duration rather than the Long of Camel's own starters, so that 10s or 5m work as in the endpoint
 * URI; a bare number is milliseconds, as there. The options of type Object in the catalog (operations, options,
 * output) are Strings here, as they are written in properties (JSON text, a resource:, a #bean reference or a
 * URI): Spring Boot's metadata would take an Object for a group of nested properties.
 */
@ConfigurationProperties(prefix = "camel.component.claid")
public class ClaidComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the claid component. This is enabled by default.
     */
    @SuppressWarnings("unused") // only its javadoc, the description of camel.component.claid.enabled
    private Boolean enabled;
    /**
     * With adaptivePolling, once a kind of task is known: how many status polls are spread over the durations seen, at
     * their 1/n, 2/n ... quantiles and the 99th percentile. A task is then asked about (n1)/2 times on average, and
     * its end noticed at most one such step late. 1 asks once, when 99% of such tasks have ended: the fewest requests
     * (at most 1.5 per task), the latest notice. Default 4.
     */
    private Integer adaptivePollCount = 4;
    /**
     * With waitForCompletion, and for the tasks consumer: learn how long each kind of task takes (from the tasks seen
     * to end, shared by the component's endpoints) and ask for a task's status where such tasks really end, at the
     * points set by adaptivePollCount, instead of at intervals growing from taskPollInterval only. Fewer requests, and
     * a finish noticed sooner; the growing intervals remain until five tasks of a kind were seen.
     */
    private Boolean adaptivePolling = true;
    /**
     * Where Claid's API is. Point it at a local Claid-compatible server for tests and offline demos.
     */
    private String baseUrl = "https://api.claid.ai";
    /**
     * Options shared by every claid endpoint of this component (API key, base URL, timeouts...). The option is a
     * io.github.camelclaid.component.ClaidConfiguration type.
     */
    private ClaidConfiguration configuration;
    /**
     * With waitForCompletion, and for the tasks consumer: the first wait before asking for a task's status; later
     * waits grow by half, until adaptivePolling knows the kind of task. A quarter of it is also the shortest gap
     * between two planned polls.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration taskPollInterval = Duration.ofSeconds(2);
    /**
     * With waitForCompletion, and for the tasks consumer: the longest wait between two status requests.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration taskPollMaxInterval = Duration.ofSeconds(30);
    /**
     * How long after submission a task is left to its webhook before polling starts, as the fallback for a
     * notification that never came: for the tasks consumer next to a webhook consumer, and with waitForCompletion
     * while a webhook consumer of the same account runs in this CamelContext (the notification then ends the wait,
     * without a status request). Set it on the component to cover both.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration webhookGracePeriod = Duration.ofMillis(0);
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook
     * into the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * For the tasks consumer: the most tasks whose status one run asks for (and so the most it emits). A run that took
     * this many with rate budget to spare and emitted any is followed at once, as with greedy; otherwise the tasks not
     * taken wait for the next run. 0 for no limit.
     */
    private Integer maxMessagesPerPoll = 50;
    /**
     * For the tasks consumer: the requests of the current rate-limit window (RateLimit-Remaining) that status polls
     * leave to submissions; when fewer remain, polls wait for the window to reset.
     */
    private Integer rateLimitReserve = 10;
    /**
     * For the tasks and webhook consumers: one exchange per output of a task (batch, AI edit and fashion models make
     * several) instead of one per task. A task is finished when all its outputs were processed; a retry after a
     * failure emits only the outputs not processed yet.
     */
    private Boolean splitOutputs = false;
    /**
     * For the webhook consumer: the HTTP path, served by Camel's platform-http, that Claid posts notifications to.
     */
    private String webhookPath = "/claid/webhook";
    /**
     * For the tasks consumer: how long finished tasks stay in the ledger, so late or repeated webhooks are spotted.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration finishedRetention = Duration.ofHours(24);
    /**
     * For the webhook consumer: the largest delivery accepted, in bytes; larger ones get 413 before any parsing.
     */
    private Integer maxWebhookBodySize = 1048576;
    /**
     * How long an instance holds a task in the ledger before another may take it over: a request key's claim while its
     * submission goes out, a task an exchange waits for, a task the tasks or webhook consumer asks about or whose
     * result its route processes. Each holder renews the leases of what it works on every third of this, in one ledger
     * write, for as long as it lives and works; so the lease only bounds how long a dead instance's tasks wait for
     * another (this long at most), and needs to outlast a pause of the JVM or the database, not the work.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration taskLease = Duration.ofSeconds(30);
    /**
     * For the webhook consumer on Vert.x platform-http: how long a delivery's body may take to arrive, from its headers;
     * a connection still sending after that is answered 408 and closed. Claid's notifications are a few kilobytes.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration webhookBodyTimeout = Duration.ofSeconds(10);
    /**
     * For the webhook consumer: the Camel component whose HTTP server serves webhookPath, by name; any component that
     * serves the REST DSL will do (platform-http, netty-http, jetty, undertow, servlet). Default: the REST
     * configuration's component, else platform-http when it is on the classpath, else the one such component in the
     * registry.
     */
    private String webhookComponentName;
    /**
     * For async operations: the message headers to keep with the task, as comma-separated names; a name ending in an
     * asterisk matches every header it starts (Order plus asterisk: OrderId, OrderLine...). The tasks and webhook
     * consumers put them back on the exchange that reports the task.
     */
    private String correlationHeaders;
    /**
     * After a synchronous call (edit, generate, createScene, getTask, the storage operations), go on with the route on
     * the HTTP client's I/O thread that received Claid's answer, instead of handing the exchange to the component's
     * completion pool: one thread hand-off less per call, which counts at thousands of calls a second. Only for routes
     * whose steps after the Claid call never block (no file, database or blocking HTTP writes): the client has two
     * I/O threads for every call of the JVM, and a step that blocks one stalls them all. Hand blocking work on with
     * seda: or threads(). Async submissions always hand off.
     */
    private Boolean continueOnIoThread = false;
    /**
     * When the result carries a tmp_url, put the (first) output's bytes in the body with Content-Type set, and the
     * typed answer in the CamelClaidResponse header. Default: true for edit, false for the other operations.
     */
    private Boolean downloadOutput;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * With waitForCompletion: how long to wait for the task before failing with a timeout that names the task.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration maxWait = Duration.ofMinutes(10);
    /**
     * The edit operations (Claid's ImageOperations) for edit, editAsync and editBatch: JSON text, a JSON file as
     * resource:file:ops.json or resource:classpath:ops.json, or a #bean reference to a typed ImageOperations or a Map.
     * Checked against Claid's schema when the endpoint starts.
     */
    private String operations;
    /**
     * The options object of aiEdit, fashionModels, generate and generateVideo (for createScene: the scene object), as
     * JSON text, a JSON file (resource:file:...) or a #bean reference.
     */
    private String options;
    /**
     * The output options: JSON text (e.g. {format:png}), a JSON file (resource:file:...), a #bean reference, or a
     * destination URI such as storage://my-storage/results/.
     */
    private String output;
    /**
     * For editBatch with a storage folder as input: also process the images in its sub-folders.
     */
    private Boolean recursive = false;
    /**
     * For getTask with a task id and no result URL: which kind of task it is (the operation that submitted it).
     */
    private String taskKind;
    /**
     * For async submissions with the webhook on: when a submission's answer is lost after Claid may have acted on it
     * (no answer, a 502/503/504, an unreadable answer), it is not sent again (that could pay twice); with a wait set,
     * the exchange goes on with the status UNCONFIRMED, and the task Claid's webhook then notifies for the same input
     * is reported by the consumers with this exchange's correlation headers. If none comes within the wait,
     * claid:tasks reports the work with the status UNCONFIRMED. 0 (the default) fails the exchange at once instead.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration unconfirmedSubmissionWait = Duration.ofMillis(0);
    /**
     * For async operations: keep the exchange until the task reaches a terminal status, re-polling its result_url with
     * backoff on a shared scheduler, so no thread is held while waiting. DONE continues the route; ERROR, CANCELLED,
     * PAUSED and the maxWait deadline fail the exchange with a ClaidException that carries the task id.
     */
    private Boolean waitForCompletion = false;
    /**
     * After Claid answers 402 (no API calls left), how long paid submissions (edits, uploads, async submits,
     * generation, scenes, video) of that API key are refused without calling Claid. Then one trial submission is let
     * through: success closes the circuit, another 402 opens it again. Status requests, downloads and storage calls
     * are never refused.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration creditCircuitCooldown = Duration.ofMinutes(5);
    /**
     * How long an outage (see outageCircuitThreshold) keeps the circuit open before one trial submission.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration outageCircuitCooldown = Duration.ofSeconds(30);
    /**
     * How many paid submissions of one API key in a row, failing with no answer or a 502/503/504 after the retries,
     * open its circuit for outageCircuitCooldown, so that queued messages fail at once instead of each waiting for a
     * Claid that is down. 0 turns this off (a 402 still opens the circuit).
     */
    private Integer outageCircuitThreshold = 5;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * A ClaidClient to use instead of one built from these options; it is not closed by the endpoint. The option is a
     * io.github.camelclaid.client.ClaidClient type.
     */
    private ClaidClient client;
    /**
     * The threads on which exchanges continue after Claid answers (and after a task they waited for ended): what the
     * route does next runs there. Exchanges beyond these wait in an unbounded queue, so any number of waiting
     * exchanges costs this many threads at most; raise it when the routes block (file writes, uploads) and should run
     * side by side.
     */
    private Integer completionThreads = 4;
    /**
     * How long to wait for a connection to Claid.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration connectTimeout = Duration.ofSeconds(10);
    /**
     * Attempts per call, the first included, for transient failures (502/503/504, connection failures). A POST is
     * repeated only when Claid surely did not act on it (connection refused), so nothing is paid twice. A 429 uses no
     * attempt: it is waited out within maxRateLimitWait.
     */
    private Integer maxAttempts = 4;
    /**
     * The most HTTP connections to Claid open at once, for all of this component's endpoints together. Connections are
     * opened as requests need them and closed when idle, so a high limit costs nothing while the load is low; requests
     * beyond it wait for a free connection, holding no thread.
     */
    private Integer maxConnections = 128;
    /**
     * The largest output downloadOutput accepts; a larger one fails the exchange as soon as it passes this. Outputs
     * are streamed to a temporary file, so this bounds disk use, not the heap.
     */
    private Long maxDownloadBytes = 104857600L;
    /**
     * How long a call refused with 429 keeps waiting for the account's window (as RateLimit-Reset or Retry-After names
     * it) and asking again, counted from its first 429; then it fails with ClaidRateLimitException rather than hold
     * the message longer. Claid did nothing for a refused call, so it is asked again however often it was refused. A
     * call held back because another call of the account was refused fails at once, unsent, if that refusal's own wait
     * is longer than that allows.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration maxRateLimitWait = Duration.ofSeconds(60);
    /**
     * Hold requests back before Claid would refuse them: a request waits (on a timer, holding no thread) while the
     * account's rate-limit window is spent or its per-second pace is reached, as Claid's RateLimit headers describe
     * them. Shared by every endpoint using the same API key and base URL in this JVM, so several routes together stay
     * within the account's limit and get few 429s.
     */
    private Boolean rateLimitShaping = true;
    /**
     * How long to wait for Claid's answer; synchronous edits of large images take minutes.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration responseTimeout = Duration.ofSeconds(180);
    /**
     * The wait before the first retry; it doubles per attempt, with jitter.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration retryInitialDelay = Duration.ofMillis(500);
    /**
     * The longest wait between two attempts computed by backoff.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration retryMaxDelay = Duration.ofSeconds(30);
    /**
     * Where async tasks are recorded from submission until a route has processed their result: a #bean reference to an
     * InMemoryTaskLedger (the default, shared by the component's endpoints), a FileTaskLedger (survives restarts of
     * one instance) or a JdbcTaskLedger (several instances). Set it on the component, so that producers and the
     * tasks/webhook consumers share it. The option is a io.github.camelclaid.ledger.TaskLedger type.
     */
    private TaskLedger taskLedger;
    /**
     * Check every request against Claid's schemas before sending it, so an invalid one fails naming the field and
     * spends no credit. Turn off only to use a field Claid added after this version.
     */
    private Boolean validateRequests = true;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * The producer health check's longest reliance on what it last saw: a success from Claid within this interval is
     * taken as proof of reach and key, and otherwise at most one request that costs no credit (GET
     * /v1/storage/storage-types) is sent per interval, however often the health endpoint is polled.
     */
    @DurationUnit(ChronoUnit.MILLIS)
    private Duration healthCheckProbeInterval = Duration.ofSeconds(30);
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * For the webhook consumer without a webhookSecret: accept deliveries without a signature. Anyone who can reach
     * the endpoint can then report a task; meant for trusted networks and tests.
     */
    private Boolean allowUnsignedWebhooks = false;
    /**
     * The Claid API key, sent as a bearer token. When unset, the component reads the environment variable
     * CLAID_API_KEY itself, which keeps the key out of Camel's logs (Camel prints configured properties and resolved
     * placeholders in clear at DEBUG). The connector never logs the key nor puts it in exception messages.
     */
    private String apiKey;
    /**
     * For the webhook consumer: the shared secret set in Claid's webhook settings, checked against each delivery's
     * X-Claid-Hmac-SHA256 signature. Several secrets, separated by commas, are all accepted while a secret is being
     * rotated. When unset, the component reads the environment variable CLAID_WEBHOOK_SECRET itself.
     */
    private String webhookSecret;

    public Integer getAdaptivePollCount() {
        return adaptivePollCount;
    }

    public void setAdaptivePollCount(Integer adaptivePollCount) {
        this.adaptivePollCount = adaptivePollCount;
    }

    public Boolean getAdaptivePolling() {
        return adaptivePolling;
    }

    public void setAdaptivePolling(Boolean adaptivePolling) {
        this.adaptivePolling = adaptivePolling;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public ClaidConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ClaidConfiguration configuration) {
        this.configuration = configuration;
    }

    public Duration getTaskPollInterval() {
        return taskPollInterval;
    }

    public void setTaskPollInterval(Duration taskPollInterval) {
        this.taskPollInterval = taskPollInterval;
    }

    public Duration getTaskPollMaxInterval() {
        return taskPollMaxInterval;
    }

    public void setTaskPollMaxInterval(Duration taskPollMaxInterval) {
        this.taskPollMaxInterval = taskPollMaxInterval;
    }

    public Duration getWebhookGracePeriod() {
        return webhookGracePeriod;
    }

    public void setWebhookGracePeriod(Duration webhookGracePeriod) {
        this.webhookGracePeriod = webhookGracePeriod;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Integer getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(Integer maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public Integer getRateLimitReserve() {
        return rateLimitReserve;
    }

    public void setRateLimitReserve(Integer rateLimitReserve) {
        this.rateLimitReserve = rateLimitReserve;
    }

    public Boolean getSplitOutputs() {
        return splitOutputs;
    }

    public void setSplitOutputs(Boolean splitOutputs) {
        this.splitOutputs = splitOutputs;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public Duration getFinishedRetention() {
        return finishedRetention;
    }

    public void setFinishedRetention(Duration finishedRetention) {
        this.finishedRetention = finishedRetention;
    }

    public Integer getMaxWebhookBodySize() {
        return maxWebhookBodySize;
    }

    public void setMaxWebhookBodySize(Integer maxWebhookBodySize) {
        this.maxWebhookBodySize = maxWebhookBodySize;
    }

    public Duration getTaskLease() {
        return taskLease;
    }

    public void setTaskLease(Duration taskLease) {
        this.taskLease = taskLease;
    }

    public Duration getWebhookBodyTimeout() {
        return webhookBodyTimeout;
    }

    public void setWebhookBodyTimeout(Duration webhookBodyTimeout) {
        this.webhookBodyTimeout = webhookBodyTimeout;
    }

    public String getWebhookComponentName() {
        return webhookComponentName;
    }

    public void setWebhookComponentName(String webhookComponentName) {
        this.webhookComponentName = webhookComponentName;
    }

    public String getCorrelationHeaders() {
        return correlationHeaders;
    }

    public void setCorrelationHeaders(String correlationHeaders) {
        this.correlationHeaders = correlationHeaders;
    }

    public Boolean getContinueOnIoThread() {
        return continueOnIoThread;
    }

    public void setContinueOnIoThread(Boolean continueOnIoThread) {
        this.continueOnIoThread = continueOnIoThread;
    }

    public Boolean getDownloadOutput() {
        return downloadOutput;
    }

    public void setDownloadOutput(Boolean downloadOutput) {
        this.downloadOutput = downloadOutput;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Duration getMaxWait() {
        return maxWait;
    }

    public void setMaxWait(Duration maxWait) {
        this.maxWait = maxWait;
    }

    public String getOperations() {
        return operations;
    }

    public void setOperations(String operations) {
        this.operations = operations;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }

    public String getOutput() {
        return output;
    }

    public void setOutput(String output) {
        this.output = output;
    }

    public Boolean getRecursive() {
        return recursive;
    }

    public void setRecursive(Boolean recursive) {
        this.recursive = recursive;
    }

    public String getTaskKind() {
        return taskKind;
    }

    public void setTaskKind(String taskKind) {
        this.taskKind = taskKind;
    }

    public Duration getUnconfirmedSubmissionWait() {
        return unconfirmedSubmissionWait;
    }

    public void setUnconfirmedSubmissionWait(Duration unconfirmedSubmissionWait) {
        this.unconfirmedSubmissionWait = unconfirmedSubmissionWait;
    }

    public Boolean getWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(Boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public Duration getCreditCircuitCooldown() {
        return creditCircuitCooldown;
    }

    public void setCreditCircuitCooldown(Duration creditCircuitCooldown) {
        this.creditCircuitCooldown = creditCircuitCooldown;
    }

    public Duration getOutageCircuitCooldown() {
        return outageCircuitCooldown;
    }

    public void setOutageCircuitCooldown(Duration outageCircuitCooldown) {
        this.outageCircuitCooldown = outageCircuitCooldown;
    }

    public Integer getOutageCircuitThreshold() {
        return outageCircuitThreshold;
    }

    public void setOutageCircuitThreshold(Integer outageCircuitThreshold) {
        this.outageCircuitThreshold = outageCircuitThreshold;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public ClaidClient getClient() {
        return client;
    }

    public void setClient(ClaidClient client) {
        this.client = client;
    }

    public Integer getCompletionThreads() {
        return completionThreads;
    }

    public void setCompletionThreads(Integer completionThreads) {
        this.completionThreads = completionThreads;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Long getMaxDownloadBytes() {
        return maxDownloadBytes;
    }

    public void setMaxDownloadBytes(Long maxDownloadBytes) {
        this.maxDownloadBytes = maxDownloadBytes;
    }

    public Duration getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    public void setMaxRateLimitWait(Duration maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }

    public Boolean getRateLimitShaping() {
        return rateLimitShaping;
    }

    public void setRateLimitShaping(Boolean rateLimitShaping) {
        this.rateLimitShaping = rateLimitShaping;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Duration getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(Duration retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public TaskLedger getTaskLedger() {
        return taskLedger;
    }

    public void setTaskLedger(TaskLedger taskLedger) {
        this.taskLedger = taskLedger;
    }

    public Boolean getValidateRequests() {
        return validateRequests;
    }

    public void setValidateRequests(Boolean validateRequests) {
        this.validateRequests = validateRequests;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Duration getHealthCheckProbeInterval() {
        return healthCheckProbeInterval;
    }

    public void setHealthCheckProbeInterval(Duration healthCheckProbeInterval) {
        this.healthCheckProbeInterval = healthCheckProbeInterval;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Boolean getAllowUnsignedWebhooks() {
        return allowUnsignedWebhooks;
    }

    public void setAllowUnsignedWebhooks(Boolean allowUnsignedWebhooks) {
        this.allowUnsignedWebhooks = allowUnsignedWebhooks;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }
}
