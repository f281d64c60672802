package io.github.camelclaid.component;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.ClaidHttpClients;
import io.github.camelclaid.ledger.InMemoryTaskLedger;
import io.github.camelclaid.ledger.TaskLedger;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * The {@code claid:} component. It owns what its endpoints share: one pooled, non-blocking HTTP client, one
 * scheduler for retry waits and task polling, and a small pool on which exchanges continue, so ten thousand waiting
 * exchanges cost timers and memory, not threads.
 */
@Component("claid")
public class ClaidComponent extends HealthCheckComponent {

    /** The environment variable the API key is read from when no apiKey is configured. */
    public static final String API_KEY_VARIABLE = "CLAID_API_KEY";
    /** The environment variable the webhook secret(s) are read from when no webhookSecret is configured. */
    public static final String WEBHOOK_SECRET_VARIABLE = "CLAID_WEBHOOK_SECRET";

    @Metadata
    private ClaidConfiguration configuration = new ClaidConfiguration();
    @Metadata(label = "producer,advanced", defaultValue = "5m", javaType = "java.time.Duration")
    private long creditCircuitCooldown = 300_000;
    @Metadata(label = "producer,advanced", defaultValue = "5")
    private int outageCircuitThreshold = 5;
    @Metadata(label = "producer,advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long outageCircuitCooldown = 30_000;
    @Metadata(label = "health", defaultValue = "30s", javaType = "java.time.Duration")
    private long healthCheckProbeInterval = 30_000;
    @Metadata(label = "advanced", defaultValue = "128")
    private int maxConnections = 128;
    @Metadata(label = "advanced", defaultValue = "4")
    private int completionThreads = 4;

    /** One pool per connect timeout, as the timeout is a property of the pool's connections. */
    private final Map<Long, CloseableHttpAsyncClient> httpClients = new HashMap<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService completionExecutor;
    private volatile java.util.concurrent.Executor continuation;
    /** The ledger used when none is configured; made on first use and closed with the component. */
    private TaskLedger defaultLedger;
    private final TaskDurations taskDurations = new TaskDurations();
    /** Per account (hashed key and base URL): the circuit of its paid submissions and its health check. */
    private final Map<String, ClaidAccount> accounts = new HashMap<>();

    private java.util.function.UnaryOperator<String> environment = System::getenv;

    public ClaidComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("A Claid endpoint needs an operation, e.g. claid:edit. Use one of: "
                    + java.util.Arrays.toString(ClaidOperations.values()));
        }
        ClaidEndpoint endpoint = new ClaidEndpoint(uri, this, configuration.copy());
        endpoint.setOperation(ClaidOperations.parse(remaining));
        setProperties(endpoint, parameters);
        fromEnvironment(endpoint.getConfiguration());
        return endpoint;
    }

    /**
     * Secrets not set on the endpoint or the component come from the environment, read here rather than through a
     * {{env:...}} placeholder: Camel logs resolved placeholders and configured properties in clear at DEBUG, so a
     * secret read by the component itself is the one way to keep it out of every log.
     */
    private void fromEnvironment(ClaidConfiguration config) {
        if (isBlank(config.getApiKey()) && config.getClient() == null) {
            config.setApiKey(environment.apply(API_KEY_VARIABLE));
        }
        if (isBlank(config.getWebhookSecret())) {
            config.setWebhookSecret(environment.apply(WEBHOOK_SECRET_VARIABLE));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Where environment variables are read; tests put a lookup of their own here instead of the process environment. */
    void setEnvironment(java.util.function.UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public ClaidConfiguration getConfiguration() {
        return configuration;
    }

    /** Options shared by every claid endpoint of this component (API key, base URL, timeouts...). */
    public void setConfiguration(ClaidConfiguration configuration) {
        this.configuration = configuration;
    }

    public long getCreditCircuitCooldown() {
        return creditCircuitCooldown;
    }

    /**
     * After Claid answers 402 (no API calls left), how long paid submissions (edits, uploads, async submits,
     * generation, scenes, video) of that API key are refused without calling Claid. Then one trial submission is let
     * through: success closes the circuit, another 402 opens it again. Status requests, downloads and storage calls
     * are never refused.
     */
    public void setCreditCircuitCooldown(long creditCircuitCooldown) {
        this.creditCircuitCooldown = creditCircuitCooldown;
    }

    public int getOutageCircuitThreshold() {
        return outageCircuitThreshold;
    }

    /**
     * How many paid submissions of one API key in a row, failing with no answer or a 502/503/504 after the retries,
     * open its circuit for outageCircuitCooldown, so that queued messages fail at once instead of each waiting for a
     * Claid that is down. 0 turns this off (a 402 still opens the circuit).
     */
    public void setOutageCircuitThreshold(int outageCircuitThreshold) {
        this.outageCircuitThreshold = outageCircuitThreshold;
    }

    public long getOutageCircuitCooldown() {
        return outageCircuitCooldown;
    }

    /** How long an outage (see outageCircuitThreshold) keeps the circuit open before one trial submission. */
    public void setOutageCircuitCooldown(long outageCircuitCooldown) {
        this.outageCircuitCooldown = outageCircuitCooldown;
    }

    public long getHealthCheckProbeInterval() {
        return healthCheckProbeInterval;
    }

    /**
     * The producer health check's longest reliance on what it last saw: a success from Claid within this interval
     * is taken as proof of reach and key, and otherwise at most one request that costs no credit (GET
     * /v1/storage/storage-types) is sent per interval, however often the health endpoint is polled.
     */
    public void setHealthCheckProbeInterval(long healthCheckProbeInterval) {
        this.healthCheckProbeInterval = healthCheckProbeInterval;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * The most HTTP connections to Claid open at once, for all of this component's endpoints together. Connections
     * are opened as requests need them and closed when idle, so a high limit costs nothing while the load is low;
     * requests beyond it wait for a free connection, holding no thread.
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getCompletionThreads() {
        return completionThreads;
    }

    /**
     * The threads on which exchanges continue after Claid answers (and after a task they waited for ended): what the
     * route does next runs there. Exchanges beyond these wait in an unbounded queue, so any number of waiting exchanges
     * costs this many threads at most; raise it when the routes block (file writes, uploads) and should run side by
     * side.
     */
    public void setCompletionThreads(int completionThreads) {
        this.completionThreads = completionThreads;
    }

    /**
     * What the endpoints using this client's account (API key and base URL) share: the circuit in front of its paid
     * submissions and its health check. Made on first use and kept until the component stops, so the circuit
     * outlives a route restart.
     */
    synchronized ClaidAccount account(ClaidClient client) {
        return accounts.computeIfAbsent(client.accountId(), id -> {
            String baseUrl = client.baseUri().toString();
            SubmissionCircuit circuit = new SubmissionCircuit(id, baseUrl, Duration.ofMillis(creditCircuitCooldown),
                    outageCircuitThreshold, Duration.ofMillis(outageCircuitCooldown), Clock.systemUTC());
            return new ClaidAccount(id, baseUrl, circuit, Duration.ofMillis(healthCheckProbeInterval));
        });
    }

    /** The accounts this component's endpoints have used, for the dev console. */
    synchronized java.util.List<ClaidAccount> accounts() {
        return java.util.List.copyOf(accounts.values());
    }

    /** The HTTP client shared by this component's endpoints with that connect timeout; created on first use. */
    synchronized CloseableHttpAsyncClient httpClient(long connectTimeoutMillis) {
        return httpClients.computeIfAbsent(connectTimeoutMillis, timeout -> {
            CloseableHttpAsyncClient client = ClaidHttpClients.create(Duration.ofMillis(timeout), maxConnections);
            client.start();
            return client;
        });
    }

    /**
     * The threads on which exchanges continue after Claid answers. HTTP answers arrive on the HTTP client's few I/O
     * threads; a route continuing there (writing a file, uploading to S3) would stall every other call, so each
     * exchange is handed over to this pool first. Its own profile, not Camel's default one: that one's queue holds
     * 1000, and a burst of finishing tasks must queue, not be refused.
     */
    synchronized ExecutorService completionExecutor() {
        if (completionExecutor == null) {
            ThreadPoolProfile profile = ownProfile("ClaidCompletion", completionThreads);
            // a ThreadPoolExecutor takes a queue size of 0 or less as no queue at all
            profile.setMaxQueueSize(Integer.MAX_VALUE);
            profile.setAllowCoreThreadTimeOut(true);
            completionExecutor = getCamelContext().getExecutorServiceManager()
                    .newThreadPool(this, "ClaidCompletion", profile);
        }
        return completionExecutor;
    }

    /**
     * Runs work on the {@link #completionExecutor()}, or right here when the pool refuses it (shutting down, full):
     * what is handed over, such as recording a task Claid accepted, must happen either way. Every answer passes
     * through here, so it is made once rather than per call under the component's lock.
     */
    java.util.concurrent.Executor continuation() {
        java.util.concurrent.Executor made = continuation;
        return made != null ? made : newContinuation();
    }

    private synchronized java.util.concurrent.Executor newContinuation() {
        if (continuation == null) {
            ExecutorService pool = completionExecutor();
            continuation = work -> {
                try {
                    pool.execute(work);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    work.run();
                }
            };
        }
        return continuation;
    }

    /**
     * The scheduler for retry waits and task polls, from Camel's thread pool manager so it is named and managed. One
     * thread, as its timers only send non-blocking requests; each waiting exchange is one queued timer, so its queue
     * is unbounded (Camel's {@code SizedScheduledExecutorService} reads a size of 0 or less so) rather than the
     * default profile's 1000.
     */
    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            ThreadPoolProfile profile = ownProfile("ClaidScheduler", 1);
            profile.setMaxQueueSize(-1);
            scheduler = getCamelContext().getExecutorServiceManager()
                    .newScheduledThreadPool(this, "ClaidScheduler", profile);
        }
        return scheduler;
    }

    /**
     * A fixed-size profile that refuses work it cannot take rather than running it on the caller: Camel's default
     * (CallerRuns) silently drops work once the pool is shut down, and the callers here must hear of it.
     */
    private static ThreadPoolProfile ownProfile(String name, int threads) {
        ThreadPoolProfile profile = new ThreadPoolProfile(name);
        profile.setPoolSize(threads);
        profile.setMaxPoolSize(threads);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    /**
     * The ledger of an endpoint with this configuration: the configured one, or else one in-memory ledger shared by
     * all of this component's endpoints, so that a producer's tasks reach the tasks consumer of another route.
     */
    synchronized TaskLedger taskLedger(ClaidConfiguration endpointConfiguration) {
        if (endpointConfiguration.getTaskLedger() != null) {
            return endpointConfiguration.getTaskLedger();
        }
        if (defaultLedger == null) {
            defaultLedger = new InMemoryTaskLedger();
        }
        return defaultLedger;
    }

    /** How long tasks of each kind took, learned by this component's tasks consumers. */
    TaskDurations taskDurations() {
        return taskDurations;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (maxConnections < 1) {
            throw new IllegalArgumentException("The maxConnections option of the claid component must be at least 1,"
                    + " was " + maxConnections + ": it is how many connections to Claid may be open at once");
        }
        if (completionThreads < 1) {
            throw new IllegalArgumentException("The completionThreads option of the claid component must be at least"
                    + " 1, was " + completionThreads + ": exchanges continue on these threads after Claid answers");
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        for (CloseableHttpAsyncClient client : httpClients.values()) {
            client.close(CloseMode.GRACEFUL);
        }
        httpClients.clear();
        if (completionExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(completionExecutor);
            completionExecutor = null;
        }
        continuation = null;
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        if (defaultLedger != null) {
            defaultLedger.close();
            defaultLedger = null;
        }
        accounts.clear();
        super.doStop();
    }
}
