package io.github.camelclaid.component;

import io.github.camelclaid.client.ClaidClient;
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
    @UriParam(label = "producer", defaultValue = "2s", javaType = "java.time.Duration")
    private long taskPollInterval = 2_000;
    @UriParam(label = "producer", defaultValue = "30s", javaType = "java.time.Duration")
    private long taskPollMaxInterval = 30_000;
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
    @UriParam(label = "advanced")
    private ClaidClient client;

    public String getApiKey() {
        return apiKey;
    }

    /**
     * The Claid API key, sent as a bearer token. Prefer a property placeholder such as {{claid.api-key}}; the key is
     * never logged nor put in exception messages.
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

    public long getTaskPollInterval() {
        return taskPollInterval;
    }

    /** With waitForCompletion: the first wait before asking for the task's status; later waits grow by half. */
    public void setTaskPollInterval(long taskPollInterval) {
        this.taskPollInterval = taskPollInterval;
    }

    public long getTaskPollMaxInterval() {
        return taskPollMaxInterval;
    }

    /** With waitForCompletion: the longest wait between two status requests. */
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
     * Attempts per call, the first included, for transient failures (429, 502/503/504, connection failures). A POST
     * is repeated only when Claid surely did not act on it (429, connection refused), so nothing is paid twice.
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
     * The longest wait a 429's RateLimit-Reset (or Retry-After) may ask for and still be waited out; a longer one
     * fails the call at once rather than hold the message.
     */
    public void setMaxRateLimitWait(long maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }

    public long getMaxDownloadBytes() {
        return maxDownloadBytes;
    }

    /** The largest output downloadOutput will read into memory; a larger one fails the exchange. */
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

    public ClaidClient getClient() {
        return client;
    }

    /** A ClaidClient to use instead of one built from these options; it is not closed by the endpoint. */
    public void setClient(ClaidClient client) {
        this.client = client;
    }

    public ClaidConfiguration copy() {
        try {
            return (ClaidConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
