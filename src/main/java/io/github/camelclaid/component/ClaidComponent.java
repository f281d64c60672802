package io.github.camelclaid.component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.ledger.InMemoryTaskLedger;
import io.github.camelclaid.ledger.TaskLedger;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * The {@code claid:} component. It owns what its endpoints share: one pooled, non-blocking HTTP client and one
 * scheduler for retry waits and task polling, so a thousand waiting exchanges cost timers, not threads.
 */
@Component("claid")
public class ClaidComponent extends HealthCheckComponent {

    /** Connections per pool; Claid's default rate limit (4/s) keeps fewer than this busy. */
    private static final int MAX_CONNECTIONS = 32;

    @Metadata
    private ClaidConfiguration configuration = new ClaidConfiguration();

    /** One pool per connect timeout, as the timeout is a property of the pool's connections. */
    private final Map<Long, CloseableHttpAsyncClient> httpClients = new HashMap<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService completionExecutor;
    /** The ledger used when none is configured; made on first use and closed with the component. */
    private TaskLedger defaultLedger;
    private final TaskDurations taskDurations = new TaskDurations();

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
        return endpoint;
    }

    public ClaidConfiguration getConfiguration() {
        return configuration;
    }

    /** Options shared by every claid endpoint of this component (API key, base URL, timeouts...). */
    public void setConfiguration(ClaidConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The HTTP client shared by this component's endpoints with that connect timeout; created on first use. */
    synchronized CloseableHttpAsyncClient httpClient(long connectTimeoutMillis) {
        return httpClients.computeIfAbsent(connectTimeoutMillis, timeout -> {
            CloseableHttpAsyncClient client = ClaidClient.newHttpClient(Duration.ofMillis(timeout), MAX_CONNECTIONS);
            client.start();
            return client;
        });
    }

    /**
     * The threads on which exchanges continue after Claid answers. HTTP answers arrive on the HTTP client's few I/O
     * threads; a route continuing there (writing a file, uploading to S3) would stall every other call, so each
     * exchange is handed over to this pool first.
     */
    synchronized ExecutorService completionExecutor() {
        if (completionExecutor == null) {
            completionExecutor = getCamelContext().getExecutorServiceManager()
                    .newDefaultThreadPool(this, "ClaidCompletion");
        }
        return completionExecutor;
    }

    /**
     * Runs work on the {@link #completionExecutor()}, or right here when the pool refuses it (shutting down, full):
     * what is handed over, such as recording a task Claid accepted, must happen either way.
     */
    java.util.concurrent.Executor continuation() {
        ExecutorService pool = completionExecutor();
        return work -> {
            try {
                pool.execute(work);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                work.run();
            }
        };
    }

    /** The scheduler for retry waits and task polls, from Camel's thread pool manager so it is named and managed. */
    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = getCamelContext().getExecutorServiceManager()
                    .newScheduledThreadPool(this, "ClaidScheduler", 1);
        }
        return scheduler;
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
    protected synchronized void doStop() throws Exception {
        for (CloseableHttpAsyncClient client : httpClients.values()) {
            client.close(CloseMode.GRACEFUL);
        }
        httpClients.clear();
        if (completionExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(completionExecutor);
            completionExecutor = null;
        }
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        if (defaultLedger != null) {
            defaultLedger.close();
            defaultLedger = null;
        }
        super.doStop();
    }
}
