package io.github.camelclaid.component;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.ClaidSchemas;
import io.github.camelclaid.client.ClaidRequestInvalidException;
import io.github.camelclaid.client.RetryPolicy;
import io.github.camelclaid.client.SchemaViolation;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.ledger.TaskLedger;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Calls Claid.ai's image API: edits (sync, upload, async, batch), AI edit, fashion models, generation, scenes, video,
 * task status and storage connectors.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "claid", title = "Claid.ai", syntax = "claid:operation",
             category = { Category.AI, Category.CLOUD }, headersClass = ClaidConstants.class)
// AsyncEndpoint: the producer never holds a Camel thread while Claid answers; the catalog says "async": true from it
public class ClaidEndpoint extends ScheduledPollEndpoint implements AsyncEndpoint {

    @UriPath
    @Metadata(required = true)
    private ClaidOperations operation;
    @UriParam
    private ClaidConfiguration configuration;

    /** Marks an option value that is the location of a JSON file rather than JSON itself. */
    static final String RESOURCE_PREFIX = "resource:";

    private ClaidClient client;
    private boolean ownsClient;
    private ClaidAccount account;
    private JsonNode operationsJson;
    private JsonNode outputJson;
    private JsonNode optionsJson;
    private TaskWaiter taskWaiter;
    private CorrelationHeaders correlationHeaders = CorrelationHeaders.NONE;
    /** claid:webhook only: what its path answers while no consumer serves it. */
    private WebhookAvailability webhookAvailability;

    public ClaidEndpoint(String uri, ClaidComponent component, ClaidConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public ClaidComponent getComponent() {
        return (ClaidComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (operation.isConsumer()) {
            throw new IllegalArgumentException("claid:" + operation + " reports tasks: use it in from(...)."
                    + " To submit tasks, use an operation such as claid:editAsync in to(...)");
        }
        return new ClaidProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer;
        if (operation == ClaidOperations.tasks) {
            consumer = new ClaidTasksConsumer(this, processor);
        } else if (operation == ClaidOperations.webhook) {
            consumer = new ClaidWebhookConsumer(this, processor);
        } else {
            throw new IllegalArgumentException("claid:" + operation + " is a producer: use it in to(...)."
                    + " The consumers are claid:tasks and claid:webhook");
        }
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (operation == ClaidOperations.webhook) {
            webhookAvailability().watch(getCamelContext());
        }
    }

    /**
     * Builds the client and checks the configured JSON options against Claid's schemas, so a typo in a route fails
     * when the route starts rather than on the first message.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getClient() != null) {
            client = configuration.getClient();
            ownsClient = false;
        } else {
            if (configuration.getApiKey() == null || configuration.getApiKey().isBlank()) {
                throw new IllegalArgumentException("claid:" + operation + " needs an API key: set the environment"
                        + " variable " + ClaidComponent.API_KEY_VARIABLE + " (read by the component, so the key never"
                        + " appears in Camel's logs), or apiKey on the component (camel.component.claid.api-key) or"
                        + " the endpoint");
            }
            client = ClaidClient.builder()
                    .apiKey(configuration.getApiKey())
                    .baseUrl(configuration.getBaseUrl())
                    .connectTimeout(Duration.ofMillis(configuration.getConnectTimeout()))
                    .responseTimeout(Duration.ofMillis(configuration.getResponseTimeout()))
                    .retryPolicy(new RetryPolicy(configuration.getMaxAttempts(),
                            Duration.ofMillis(configuration.getRetryInitialDelay()),
                            Duration.ofMillis(configuration.getRetryMaxDelay()), 2.0, 0.3,
                            Duration.ofMillis(configuration.getMaxRateLimitWait())))
                    .maxDownloadBytes(configuration.getMaxDownloadBytes())
                    .validateRequests(configuration.isValidateRequests())
                    .rateLimitShaping(configuration.isRateLimitShaping())
                    .httpClient(getComponent().httpClient(configuration.getConnectTimeout()))
                    .scheduler(getComponent().scheduler())
                    .build();
            ownsClient = true;
        }
        operationsJson = optionJson("operations", configuration.getOperations(), "ImageOperations");
        outputJson = outputOptionJson(configuration.getOutput());
        optionsJson = optionJson("options", configuration.getOptions(), null);
        if (configuration.getTaskKind() != null) {
            TaskKind.parse(configuration.getTaskKind());
        }
        correlationHeaders = CorrelationHeaders.parse(configuration.getCorrelationHeaders());
        TaskDurations durations = configuration.isAdaptivePolling() ? getComponent().taskDurations() : null;
        ClaidAccount started = getComponent().account(client);
        taskWaiter = new TaskWaiter(getComponent().scheduler(), pollPlanner(configuration.getWebhookGracePeriod()),
                durations, configuration.getMaxWait(), started.awaitedTasks());
        // last, so that an endpoint that failed to start leaves no client behind for the health check to probe with
        account = started;
        account.attach(client);
    }

    @Override
    protected void doShutdown() throws Exception {
        if (webhookAvailability != null) {
            webhookAvailability.unwatch(getCamelContext());
        }
        super.doShutdown();
    }

    @Override
    protected void doStop() throws Exception {
        if (webhookAvailability != null) {
            if (getCamelContext().isStopping()) {
                webhookAvailability.forget();
            } else {
                webhookAvailability.close();
            }
        }
        if (taskWaiter != null) {
            taskWaiter.stopWaiting();
        }
        if (account != null) {
            account.detach(client);
            account = null;
        }
        if (ownsClient && client != null) {
            client.close();
        }
        client = null;
        super.doStop();
    }

    private JsonNode optionJson(String name, Object value, String schema) {
        if (value == null) {
            return null;
        }
        if (value instanceof String && ((String) value).startsWith(RESOURCE_PREFIX)) {
            value = readResource(name, ((String) value).substring(RESOURCE_PREFIX.length()));
        }
        JsonNode json;
        try {
            json = client.toJson(value, name + " option of claid:" + operation);
        } catch (IllegalArgumentException e) {
            // the parser's reason only: toJson's own message would say "is not valid JSON" a second time
            String reason = e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException parse
                    ? parse.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("The " + name + " option of claid:" + operation + " is not valid JSON: "
                    + reason + ". Write it as RAW({...}) in a URI, or give a #bean reference.", e);
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException("The " + name + " option of claid:" + operation
                    + " must be a JSON object, was: " + json);
        }
        if (schema != null && configuration.isValidateRequests()) {
            java.util.List<SchemaViolation> violations = ClaidSchemas.get().validate(schema, json);
            if (!violations.isEmpty()) {
                throw new ClaidRequestInvalidException(name + " option of claid:" + operation, schema, violations);
            }
        }
        return json;
    }

    /**
     * Reads JSON kept in a file or on the classpath ({@code resource:file:ops.json}, {@code resource:classpath:ops.json}).
     * JSON written into a URI next to a property placeholder trips Camel's placeholder parser on {@code }}}, so YAML
     * routes are better off keeping it in a file.
     */
    private String readResource(String name, String location) {
        try (java.io.InputStream in = org.apache.camel.support.ResourceHelper
                .resolveMandatoryResourceAsInputStream(getCamelContext(), location)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The " + name + " option of claid:" + operation + " names "
                    + RESOURCE_PREFIX + location + ", which cannot be read: " + e.getMessage(), e);
        }
    }

    /** The output option is either a destination URI or an options object. */
    private JsonNode outputOptionJson(Object value) {
        if (value instanceof String && !((String) value).trim().startsWith("{")
                && !((String) value).startsWith(RESOURCE_PREFIX)) {
            return client.mapper().getNodeFactory().textNode(((String) value).trim());
        }
        return optionJson("output", value, null);
    }

    synchronized WebhookAvailability webhookAvailability() {
        if (webhookAvailability == null) {
            webhookAvailability = new WebhookAvailability(this);
        }
        return webhookAvailability;
    }

    public ClaidOperations getOperation() {
        return operation;
    }

    /** The Claid operation to perform. */
    public void setOperation(ClaidOperations operation) {
        this.operation = operation;
    }

    public ClaidConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ClaidConfiguration configuration) {
        this.configuration = configuration;
    }

    ClaidClient client() {
        return client;
    }

    /** The account this endpoint calls Claid as: its circuit and health check; null while stopped. */
    ClaidAccount account() {
        return account;
    }

    /** The ledger this endpoint records tasks in or reports them from. */
    TaskLedger ledger() {
        return getComponent().taskLedger(configuration);
    }

    CorrelationHeaders correlationHeaders() {
        return correlationHeaders;
    }

    TaskWaiter taskWaiter() {
        return taskWaiter;
    }

    /**
     * The polling plan of this endpoint's options, for its waits and its tasks consumer alike.
     *
     * @param graceMillis how long after submission a task is left to its webhook before polling starts
     */
    TaskPollPlanner pollPlanner(long graceMillis) {
        return new TaskPollPlanner(configuration.getTaskPollInterval(), configuration.getTaskPollMaxInterval(),
                graceMillis, configuration.isAdaptivePolling() ? getComponent().taskDurations() : null,
                configuration.getAdaptivePollCount());
    }

    /** The operations option, parsed and checked at start; null when not set. */
    JsonNode operationsJson() {
        return operationsJson;
    }

    JsonNode outputJson() {
        return outputJson;
    }

    JsonNode optionsJson() {
        return optionsJson;
    }
}
