package io.github.camelclaid.component.dsl;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.ledger.TaskLedger;
import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.EndpointConsumerBuilder;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.builder.endpoint.AbstractEndpointBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * Endpoint DSL for the {@code claid:} component, written as Camel generates it for its own components (Camel's
 * generator only runs inside Camel's source tree). Use it from an {@code EndpointRouteBuilder} or any
 * {@code RouteBuilder}:
 *
 * <pre>{@code
 * from(direct("photos"))
 *     .to(claid("editAsync").apiKey("{{claid.api-key}}").operations("{\"resizing\":{\"width\":800} }"));
 * from(claid("tasks").apiKey("{{claid.api-key}}").delay(1000))
 *     .to(file("out"));
 * }</pre>
 *
 * As in Camel's generated builders, {@code claid(...)} returns a {@link ClaidEndpointBuilder} with the options
 * consumers and producers share; the first consumer option (such as {@code delay}) narrows it to a
 * {@link ClaidEndpointConsumerBuilder} for {@code from(...)}, the first producer option (such as {@code operations}) to
 * a {@link ClaidEndpointProducerBuilder} for {@code to(...)}. {@code advanced()} and {@code basic()} switch between the
 * basic and advanced options of each.
 *
 * Needs {@code camel-endpointdsl} on the classpath, which Endpoint DSL routes have anyway. Every endpoint option of
 * the component has a method here, on the builders of the kind of endpoint it applies to;
 * {@code ClaidEndpointBuilderFactoryIT} keeps it so.
 */
public interface ClaidEndpointBuilderFactory {

    /**
     * Options of a {@code claid:} consumer endpoint, {@code claid:tasks} or {@code claid:webhook}, for use in
     * {@code from(...)}.
     */
    interface ClaidEndpointConsumerBuilder extends EndpointConsumerBuilder {

        /** The advanced options (leases, error handling, timeouts, retries, a client or ledger of your own). */
        default AdvancedClaidEndpointConsumerBuilder advanced() {
            return (AdvancedClaidEndpointConsumerBuilder) this;
        }

        /**
         * Where Claid's API is. Point it at a local Claid-compatible server for tests and offline demos.
         * <p>Default: https://api.claid.ai
         */
        default ClaidEndpointConsumerBuilder baseUrl(String baseUrl) {
            doSetProperty("baseUrl", baseUrl);
            return this;
        }

        /**
         * With waitForCompletion, and for the tasks consumer: the first wait before asking for a task's status; later
         * waits grow by half.
         * <p>Default: 2s
         */
        default ClaidEndpointConsumerBuilder taskPollInterval(long taskPollInterval) {
            doSetProperty("taskPollInterval", taskPollInterval);
            return this;
        }

        /** The taskPollInterval option as a duration such as {@code 30s} or a number of milliseconds. */
        default ClaidEndpointConsumerBuilder taskPollInterval(String taskPollInterval) {
            doSetProperty("taskPollInterval", taskPollInterval);
            return this;
        }

        /**
         * With waitForCompletion, and for the tasks consumer: the longest wait between two status requests.
         * <p>Default: 30s
         */
        default ClaidEndpointConsumerBuilder taskPollMaxInterval(long taskPollMaxInterval) {
            doSetProperty("taskPollMaxInterval", taskPollMaxInterval);
            return this;
        }

        /** The taskPollMaxInterval option as a duration such as {@code 30s} or a number of milliseconds. */
        default ClaidEndpointConsumerBuilder taskPollMaxInterval(String taskPollMaxInterval) {
            doSetProperty("taskPollMaxInterval", taskPollMaxInterval);
            return this;
        }

        /**
         * With waitForCompletion, and for the tasks consumer: learn how long each kind of task takes (from the tasks
         * seen to end, shared by the component's endpoints) and ask for a task's status where such tasks really end,
         * at the points set by adaptivePollCount, instead of at intervals growing from taskPollInterval only.
         * <p>Default: true
         */
        default ClaidEndpointConsumerBuilder adaptivePolling(boolean adaptivePolling) {
            doSetProperty("adaptivePolling", adaptivePolling);
            return this;
        }

        /** The adaptivePolling option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder adaptivePolling(String adaptivePolling) {
            doSetProperty("adaptivePolling", adaptivePolling);
            return this;
        }

        /**
         * With adaptivePolling, once a kind of task is known: how many status polls are spread over the durations
         * seen, at their 1/n, 2/n ... quantiles and the 99th percentile; a task is asked about (n+1)/2 times on
         * average. 1 asks once, when 99% of such tasks have ended: the fewest requests, the latest notice.
         * <p>Default: 4
         */
        default ClaidEndpointConsumerBuilder adaptivePollCount(int adaptivePollCount) {
            doSetProperty("adaptivePollCount", adaptivePollCount);
            return this;
        }

        /** The adaptivePollCount option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder adaptivePollCount(String adaptivePollCount) {
            doSetProperty("adaptivePollCount", adaptivePollCount);
            return this;
        }

        /**
         * How long after submission a task is left to its webhook before polling starts, as the fallback for a
         * notification that never came: for the tasks consumer next to a webhook consumer, and with waitForCompletion
         * while a webhook consumer of the same account runs in this CamelContext (the notification then ends the wait,
         * without a status request). Set it on the component to cover both.
         * <p>Default: 0
         */
        default ClaidEndpointConsumerBuilder webhookGracePeriod(long webhookGracePeriod) {
            doSetProperty("webhookGracePeriod", webhookGracePeriod);
            return this;
        }

        /** The webhookGracePeriod option as a duration such as {@code 30s} or a number of milliseconds. */
        default ClaidEndpointConsumerBuilder webhookGracePeriod(String webhookGracePeriod) {
            doSetProperty("webhookGracePeriod", webhookGracePeriod);
            return this;
        }

        /**
         * For the tasks consumer: the most tasks whose status one run asks for (and so the most it emits). A run that
         * took this many with rate budget to spare and emitted any is followed at once, as with greedy; otherwise the
         * tasks not taken wait for the next run. 0 for no limit.
         * <p>Default: 50
         */
        default ClaidEndpointConsumerBuilder maxMessagesPerPoll(int maxMessagesPerPoll) {
            doSetProperty("maxMessagesPerPoll", maxMessagesPerPoll);
            return this;
        }

        /** The maxMessagesPerPoll option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder maxMessagesPerPoll(String maxMessagesPerPoll) {
            doSetProperty("maxMessagesPerPoll", maxMessagesPerPoll);
            return this;
        }

        /**
         * For the tasks consumer: the requests of the current rate-limit window (RateLimit-Remaining) that status polls
         * leave to submissions; when fewer remain, polls wait for the window to reset.
         * <p>Default: 10
         */
        default ClaidEndpointConsumerBuilder rateLimitReserve(int rateLimitReserve) {
            doSetProperty("rateLimitReserve", rateLimitReserve);
            return this;
        }

        /** The rateLimitReserve option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder rateLimitReserve(String rateLimitReserve) {
            doSetProperty("rateLimitReserve", rateLimitReserve);
            return this;
        }

        /**
         * If the polling consumer did not poll any files, you can enable this option to send an empty message (no body)
         * instead.
         * <p>Default: false
         */
        default ClaidEndpointConsumerBuilder sendEmptyMessageWhenIdle(boolean sendEmptyMessageWhenIdle) {
            doSetProperty("sendEmptyMessageWhenIdle", sendEmptyMessageWhenIdle);
            return this;
        }

        /** The sendEmptyMessageWhenIdle option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder sendEmptyMessageWhenIdle(String sendEmptyMessageWhenIdle) {
            doSetProperty("sendEmptyMessageWhenIdle", sendEmptyMessageWhenIdle);
            return this;
        }

        /**
         * For the tasks and webhook consumers: one exchange per output of a task (batch, AI edit and fashion models
         * make several) instead of one per task. A task is finished when all its outputs were processed; a retry after
         * a failure emits only the outputs not processed yet.
         * <p>Default: false
         */
        default ClaidEndpointConsumerBuilder splitOutputs(boolean splitOutputs) {
            doSetProperty("splitOutputs", splitOutputs);
            return this;
        }

        /** The splitOutputs option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder splitOutputs(String splitOutputs) {
            doSetProperty("splitOutputs", splitOutputs);
            return this;
        }

        /**
         * For the webhook consumer: the HTTP path, served by Camel's platform-http, that Claid posts notifications to.
         * <p>Default: /claid/webhook
         */
        default ClaidEndpointConsumerBuilder webhookPath(String webhookPath) {
            doSetProperty("webhookPath", webhookPath);
            return this;
        }

        /**
         * The number of subsequent error polls (failed due some error) that should happen before the backoffMultipler
         * should kick-in.
         */
        default ClaidEndpointConsumerBuilder backoffErrorThreshold(int backoffErrorThreshold) {
            doSetProperty("backoffErrorThreshold", backoffErrorThreshold);
            return this;
        }

        /** The backoffErrorThreshold option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder backoffErrorThreshold(String backoffErrorThreshold) {
            doSetProperty("backoffErrorThreshold", backoffErrorThreshold);
            return this;
        }

        /** The number of subsequent idle polls that should happen before the backoffMultipler should kick-in. */
        default ClaidEndpointConsumerBuilder backoffIdleThreshold(int backoffIdleThreshold) {
            doSetProperty("backoffIdleThreshold", backoffIdleThreshold);
            return this;
        }

        /** The backoffIdleThreshold option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder backoffIdleThreshold(String backoffIdleThreshold) {
            doSetProperty("backoffIdleThreshold", backoffIdleThreshold);
            return this;
        }

        /**
         * To let the scheduled polling consumer backoff if there has been a number of subsequent idles/errors in a row.
         * The multiplier is then the number of polls that will be skipped before the next actual attempt is happening
         * again. When this option is in use then backoffIdleThreshold and/or backoffErrorThreshold must also be
         * configured.
         */
        default ClaidEndpointConsumerBuilder backoffMultiplier(int backoffMultiplier) {
            doSetProperty("backoffMultiplier", backoffMultiplier);
            return this;
        }

        /** The backoffMultiplier option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder backoffMultiplier(String backoffMultiplier) {
            doSetProperty("backoffMultiplier", backoffMultiplier);
            return this;
        }

        /**
         * Milliseconds before the next poll.
         * <p>Default: 500
         */
        default ClaidEndpointConsumerBuilder delay(long delay) {
            doSetProperty("delay", delay);
            return this;
        }

        /** The delay option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder delay(String delay) {
            doSetProperty("delay", delay);
            return this;
        }

        /**
         * If greedy is enabled, then the ScheduledPollConsumer will run immediately again, if the previous run polled 1
         * or more messages.
         * <p>Default: false
         */
        default ClaidEndpointConsumerBuilder greedy(boolean greedy) {
            doSetProperty("greedy", greedy);
            return this;
        }

        /** The greedy option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder greedy(String greedy) {
            doSetProperty("greedy", greedy);
            return this;
        }

        /**
         * Milliseconds before the first poll starts.
         * <p>Default: 1000
         */
        default ClaidEndpointConsumerBuilder initialDelay(long initialDelay) {
            doSetProperty("initialDelay", initialDelay);
            return this;
        }

        /** The initialDelay option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder initialDelay(String initialDelay) {
            doSetProperty("initialDelay", initialDelay);
            return this;
        }

        /**
         * Specifies a maximum limit of number of fires. So if you set it to 1, the scheduler will only fire once. If
         * you set it to 5, it will only fire five times. A value of zero or negative means fire forever.
         * <p>Default: 0
         */
        default ClaidEndpointConsumerBuilder repeatCount(long repeatCount) {
            doSetProperty("repeatCount", repeatCount);
            return this;
        }

        /** The repeatCount option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder repeatCount(String repeatCount) {
            doSetProperty("repeatCount", repeatCount);
            return this;
        }

        /**
         * The consumer logs a start/complete log line when it polls. This option allows you to configure the logging
         * level for that.
         * <p>Default: TRACE
         */
        default ClaidEndpointConsumerBuilder runLoggingLevel(LoggingLevel runLoggingLevel) {
            doSetProperty("runLoggingLevel", runLoggingLevel);
            return this;
        }

        /** The runLoggingLevel option by name, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder runLoggingLevel(String runLoggingLevel) {
            doSetProperty("runLoggingLevel", runLoggingLevel);
            return this;
        }

        /**
         * Allows for configuring a custom/shared thread pool to use for the consumer. By default each consumer has its
         * own single threaded thread pool.
         */
        default ClaidEndpointConsumerBuilder scheduledExecutorService(
                ScheduledExecutorService scheduledExecutorService) {
            doSetProperty("scheduledExecutorService", scheduledExecutorService);
            return this;
        }

        /** The scheduledExecutorService option as a #bean reference. */
        default ClaidEndpointConsumerBuilder scheduledExecutorService(String scheduledExecutorService) {
            doSetProperty("scheduledExecutorService", scheduledExecutorService);
            return this;
        }

        /**
         * To use a cron scheduler from either camel-spring or camel-quartz component. Use value spring or quartz for
         * built in scheduler
         * <p>Default: none
         */
        default ClaidEndpointConsumerBuilder scheduler(Object scheduler) {
            doSetProperty("scheduler", scheduler);
            return this;
        }

        /** The scheduler option as text or a #bean reference. */
        default ClaidEndpointConsumerBuilder scheduler(String scheduler) {
            doSetProperty("scheduler", scheduler);
            return this;
        }

        /**
         * To configure additional properties when using a custom scheduler or any of the Quartz, Spring based
         * scheduler. This is a multi-value option with prefix: scheduler.
         * <p>Sets one entry: {@code key} is its name without the {@code scheduler.} prefix.
         */
        default ClaidEndpointConsumerBuilder schedulerProperties(String key, Object value) {
            doSetMultiValueProperty("schedulerProperties", "scheduler." + key, value);
            return this;
        }

        /**
         * The schedulerProperties option, several entries at once, keyed by option name without the {@code scheduler.}
         * prefix.
         */
        default ClaidEndpointConsumerBuilder schedulerProperties(Map<String, Object> values) {
            doSetMultiValueProperties("schedulerProperties", "scheduler.", values);
            return this;
        }

        /**
         * Whether the scheduler should be auto started.
         * <p>Default: true
         */
        default ClaidEndpointConsumerBuilder startScheduler(boolean startScheduler) {
            doSetProperty("startScheduler", startScheduler);
            return this;
        }

        /** The startScheduler option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder startScheduler(String startScheduler) {
            doSetProperty("startScheduler", startScheduler);
            return this;
        }

        /**
         * Time unit for initialDelay and delay options.
         * <p>Default: MILLISECONDS
         */
        default ClaidEndpointConsumerBuilder timeUnit(TimeUnit timeUnit) {
            doSetProperty("timeUnit", timeUnit);
            return this;
        }

        /** The timeUnit option by name, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder timeUnit(String timeUnit) {
            doSetProperty("timeUnit", timeUnit);
            return this;
        }

        /**
         * Controls if fixed delay or fixed rate is used. See ScheduledExecutorService in JDK for details.
         * <p>Default: true
         */
        default ClaidEndpointConsumerBuilder useFixedDelay(boolean useFixedDelay) {
            doSetProperty("useFixedDelay", useFixedDelay);
            return this;
        }

        /** The useFixedDelay option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder useFixedDelay(String useFixedDelay) {
            doSetProperty("useFixedDelay", useFixedDelay);
            return this;
        }

        /**
         * For the webhook consumer without a webhookSecret: accept deliveries without a signature. Anyone who can reach
         * the endpoint can then report a task; meant for trusted networks and tests.
         * <p>Default: false
         */
        default ClaidEndpointConsumerBuilder allowUnsignedWebhooks(boolean allowUnsignedWebhooks) {
            doSetProperty("allowUnsignedWebhooks", allowUnsignedWebhooks);
            return this;
        }

        /** The allowUnsignedWebhooks option as text, e.g. from a property placeholder. */
        default ClaidEndpointConsumerBuilder allowUnsignedWebhooks(String allowUnsignedWebhooks) {
            doSetProperty("allowUnsignedWebhooks", allowUnsignedWebhooks);
            return this;
        }

        /**
         * The Claid API key, sent as a bearer token. Prefer a property placeholder such as {{claid.api-key}}; the key
         * is never logged nor put in exception messages.
         * <p>This option is secret: Camel masks its value wherever it shows the endpoint.
         */
        default ClaidEndpointConsumerBuilder apiKey(String apiKey) {
            doSetProperty("apiKey", apiKey);
            return this;
        }

        /**
         * For the webhook consumer: the shared secret set in Claid's webhook settings, checked against each delivery's
         * X-Claid-Hmac-SHA256 signature. Several secrets, separated by commas, are all accepted while a secret is being
         * rotated.
         * <p>This option is secret: Camel masks its value wherever it shows the endpoint.
         */
        default ClaidEndpointConsumerBuilder webhookSecret(String webhookSecret) {
            doSetProperty("webhookSecret", webhookSecret);
            return this;
        }
    }

    /** Advanced options of a {@code claid:} consumer endpoint. */
    interface AdvancedClaidEndpointConsumerBuilder extends EndpointConsumerBuilder {

        /** Back to the basic options. */
        default ClaidEndpointConsumerBuilder basic() {
            return (ClaidEndpointConsumerBuilder) this;
        }

        /**
         * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
         * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
         * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
         * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
         * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
         * hook into the 3rd party component and make this possible for future releases. By default the consumer will
         * use the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR
         * level and ignored.
         * <p>Default: false
         */
        default AdvancedClaidEndpointConsumerBuilder bridgeErrorHandler(boolean bridgeErrorHandler) {
            doSetProperty("bridgeErrorHandler", bridgeErrorHandler);
            return this;
        }

        /** The bridgeErrorHandler option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointConsumerBuilder bridgeErrorHandler(String bridgeErrorHandler) {
            doSetProperty("bridgeErrorHandler", bridgeErrorHandler);
            return this;
        }

        /**
         * To let the consumer use a custom ExceptionHandler. Notice if the option bridgeErrorHandler is enabled then
         * this option is not in use. By default the consumer will deal with exceptions, that will be logged at WARN or
         * ERROR level and ignored.
         */
        default AdvancedClaidEndpointConsumerBuilder exceptionHandler(ExceptionHandler exceptionHandler) {
            doSetProperty("exceptionHandler", exceptionHandler);
            return this;
        }

        /** The exceptionHandler option as a #bean reference. */
        default AdvancedClaidEndpointConsumerBuilder exceptionHandler(String exceptionHandler) {
            doSetProperty("exceptionHandler", exceptionHandler);
            return this;
        }

        /** Sets the exchange pattern when the consumer creates an exchange. */
        default AdvancedClaidEndpointConsumerBuilder exchangePattern(ExchangePattern exchangePattern) {
            doSetProperty("exchangePattern", exchangePattern);
            return this;
        }

        /** The exchangePattern option by name, e.g. from a property placeholder. */
        default AdvancedClaidEndpointConsumerBuilder exchangePattern(String exchangePattern) {
            doSetProperty("exchangePattern", exchangePattern);
            return this;
        }

        /**
         * For the tasks consumer: how long finished tasks stay in the ledger, so late or repeated webhooks are spotted.
         * <p>Default: 24h
         */
        default AdvancedClaidEndpointConsumerBuilder finishedRetention(long finishedRetention) {
            doSetProperty("finishedRetention", finishedRetention);
            return this;
        }

        /** The finishedRetention option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointConsumerBuilder finishedRetention(String finishedRetention) {
            doSetProperty("finishedRetention", finishedRetention);
            return this;
        }

        /**
         * For the webhook consumer: the largest delivery accepted, in bytes; larger ones get 413 before any parsing.
         * <p>Default: 1048576
         */
        default AdvancedClaidEndpointConsumerBuilder maxWebhookBodySize(int maxWebhookBodySize) {
            doSetProperty("maxWebhookBodySize", maxWebhookBodySize);
            return this;
        }

        /** The maxWebhookBodySize option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointConsumerBuilder maxWebhookBodySize(String maxWebhookBodySize) {
            doSetProperty("maxWebhookBodySize", maxWebhookBodySize);
            return this;
        }

        /**
         * A pluggable org.apache.camel.PollingConsumerPollingStrategy allowing you to provide your custom
         * implementation to control error handling usually occurred during the poll operation before an Exchange have
         * been created and being routed in Camel.
         */
        default AdvancedClaidEndpointConsumerBuilder pollStrategy(PollingConsumerPollStrategy pollStrategy) {
            doSetProperty("pollStrategy", pollStrategy);
            return this;
        }

        /** The pollStrategy option as a #bean reference. */
        default AdvancedClaidEndpointConsumerBuilder pollStrategy(String pollStrategy) {
            doSetProperty("pollStrategy", pollStrategy);
            return this;
        }

        /**
         * How long an instance holds a task in the ledger before another may take it over: a request key's claim while
         * its submission goes out, a task an exchange waits for, a task the tasks or webhook consumer asks about or
         * whose result its route processes. Each holder renews the leases of what it works on every third of this, in
         * one ledger write, for as long as it lives and works; so the lease only bounds how long a dead instance's
         * tasks wait for another (this long at most), and needs to outlast a pause of the JVM or the database, not the
         * work.
         * <p>Default: 30s
         */
        default AdvancedClaidEndpointConsumerBuilder taskLease(long taskLease) {
            doSetProperty("taskLease", taskLease);
            return this;
        }

        /** The taskLease option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointConsumerBuilder taskLease(String taskLease) {
            doSetProperty("taskLease", taskLease);
            return this;
        }

        /**
         * For the webhook consumer on Vert.x platform-http: how long a delivery's body may take to arrive, from its
         * headers; a connection still sending after that is answered 408 and closed. Claid's notifications are a few
         * kilobytes.
         * <p>Default: 10s
         */
        default AdvancedClaidEndpointConsumerBuilder webhookBodyTimeout(long webhookBodyTimeout) {
            doSetProperty("webhookBodyTimeout", webhookBodyTimeout);
            return this;
        }

        /** The webhookBodyTimeout option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointConsumerBuilder webhookBodyTimeout(String webhookBodyTimeout) {
            doSetProperty("webhookBodyTimeout", webhookBodyTimeout);
            return this;
        }

        /**
         * For the webhook consumer: the Camel component whose HTTP server serves webhookPath, by name; any component
         * that serves the REST DSL will do (platform-http, netty-http, jetty, undertow, servlet). Default: the REST
         * configuration's component, else platform-http when it is on the classpath, else the one such component in
         * the registry.
         */
        default AdvancedClaidEndpointConsumerBuilder webhookComponentName(String webhookComponentName) {
            doSetProperty("webhookComponentName", webhookComponentName);
            return this;
        }

        /** A ClaidClient to use instead of one built from these options; it is not closed by the endpoint. */
        default AdvancedClaidEndpointConsumerBuilder client(ClaidClient client) {
            doSetProperty("client", client);
            return this;
        }

        /** The client option as a #bean reference. */
        default AdvancedClaidEndpointConsumerBuilder client(String client) {
            doSetProperty("client", client);
            return this;
        }

        /**
         * How long to wait for a connection to Claid.
         * <p>Default: 10s
         */
        default AdvancedClaidEndpointConsumerBuilder connectTimeout(long connectTimeout) {
            doSetProperty("connectTimeout", connectTimeout);
            return this;
        }

        /** The connectTimeout option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointConsumerBuilder connectTimeout(String connectTimeout) {
            doSetProperty("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * Attempts per call, the first included, for transient failures (502/503/504, connection failures). A POST is
         * repeated only when Claid surely did not act on it (connection refused), so nothing is paid twice. A 429 uses no
         * attempt: it is waited out within maxRateLimitWait.
         * <p>Default: 4
         */
        default AdvancedClaidEndpointConsumerBuilder maxAttempts(int maxAttempts) {
            doSetProperty("maxAttempts", maxAttempts);
            return this;
        }

        /** The maxAttempts option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointConsumerBuilder maxAttempts(String maxAttempts) {
            doSetProperty("maxAttempts", maxAttempts);
            return this;
        }

        /**
         * The largest output downloadOutput accepts; a larger one fails the
         * exchange as soon as it passes this. Outputs are streamed to a
         * temporary file, so this bounds disk use, not the heap.
         * <p>Default: 104857600
         */
        default AdvancedClaidEndpointConsumerBuilder maxDownloadBytes(long maxDownloadBytes) {
            doSetProperty("maxDownloadBytes", maxDownloadBytes);
            return this;
        }

        /** The maxDownloadBytes option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointConsumerBuilder maxDownloadBytes(String maxDownloadBytes) {
            doSetProperty("maxDownloadBytes", maxDownloadBytes);
            return this;
        }

        /**
         * How long a call refused with 429 keeps waiting for the account's window (as RateLimit-Reset or Retry-After
         * names it) and asking again, counted from its first 429; then it fails with ClaidRateLimitException rather than
         * hold the message longer. Claid did nothing for a refused call, so it is asked again however often it was refused.
         * A call held back because another call of the account was refused fails at once, unsent, if that refusal's own wait
         * is longer than that allows.
         * <p>Default: 60s
         */
        default AdvancedClaidEndpointConsumerBuilder maxRateLimitWait(long maxRateLimitWait) {
            doSetProperty("maxRateLimitWait", maxRateLimitWait);
            return this;
        }

        /** The maxRateLimitWait option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointConsumerBuilder maxRateLimitWait(String maxRateLimitWait) {
            doSetProperty("maxRateLimitWait", maxRateLimitWait);
            return this;
        }

        /**
         * How long to wait for Claid's answer; synchronous edits of large images take minutes.
         * <p>Default: 180s
         */
        default AdvancedClaidEndpointConsumerBuilder responseTimeout(long responseTimeout) {
            doSetProperty("responseTimeout", responseTimeout);
            return this;
        }

        /** The responseTimeout option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointConsumerBuilder responseTimeout(String responseTimeout) {
            doSetProperty("responseTimeout", responseTimeout);
            return this;
        }

        /**
         * The wait before the first retry; it doubles per attempt, with jitter.
         * <p>Default: 500ms
         */
        default AdvancedClaidEndpointConsumerBuilder retryInitialDelay(long retryInitialDelay) {
            doSetProperty("retryInitialDelay", retryInitialDelay);
            return this;
        }

        /** The retryInitialDelay option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointConsumerBuilder retryInitialDelay(String retryInitialDelay) {
            doSetProperty("retryInitialDelay", retryInitialDelay);
            return this;
        }

        /**
         * The longest wait between two attempts computed by backoff.
         * <p>Default: 30s
         */
        default AdvancedClaidEndpointConsumerBuilder retryMaxDelay(long retryMaxDelay) {
            doSetProperty("retryMaxDelay", retryMaxDelay);
            return this;
        }

        /** The retryMaxDelay option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointConsumerBuilder retryMaxDelay(String retryMaxDelay) {
            doSetProperty("retryMaxDelay", retryMaxDelay);
            return this;
        }

        /**
         * Where async tasks are recorded from submission until a route has processed their result: a #bean reference to
         * an InMemoryTaskLedger (the default, shared by the component's endpoints), a FileTaskLedger (survives restarts
         * of one instance) or a JdbcTaskLedger (several instances). Set it on the component, so that producers and the
         * tasks/webhook consumers share it.
         */
        default AdvancedClaidEndpointConsumerBuilder taskLedger(TaskLedger taskLedger) {
            doSetProperty("taskLedger", taskLedger);
            return this;
        }

        /** The taskLedger option as a #bean reference. */
        default AdvancedClaidEndpointConsumerBuilder taskLedger(String taskLedger) {
            doSetProperty("taskLedger", taskLedger);
            return this;
        }

        /**
         * Hold requests back before Claid would refuse them: a request waits (on a timer, holding no thread) while the
         * account's rate-limit window is spent or its per-second pace is reached, as Claid's RateLimit headers
         * describe them. Shared by every endpoint using the same API key and base URL in this JVM.
         * <p>Default: true
         */
        default AdvancedClaidEndpointConsumerBuilder rateLimitShaping(boolean rateLimitShaping) {
            doSetProperty("rateLimitShaping", rateLimitShaping);
            return this;
        }

        /** The rateLimitShaping option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointConsumerBuilder rateLimitShaping(String rateLimitShaping) {
            doSetProperty("rateLimitShaping", rateLimitShaping);
            return this;
        }

        /**
         * Check every request against Claid's schemas before sending it, so an invalid one fails naming the field and
         * spends no credit. Turn off only to use a field Claid added after this version.
         * <p>Default: true
         */
        default AdvancedClaidEndpointConsumerBuilder validateRequests(boolean validateRequests) {
            doSetProperty("validateRequests", validateRequests);
            return this;
        }

        /** The validateRequests option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointConsumerBuilder validateRequests(String validateRequests) {
            doSetProperty("validateRequests", validateRequests);
            return this;
        }
    }

    /**
     * Options of a {@code claid:} producer endpoint, one of the operations that call Claid (all but {@code tasks} and
     * {@code webhook}), for use in {@code to(...)}.
     */
    interface ClaidEndpointProducerBuilder extends EndpointProducerBuilder {

        /** The advanced options (timeouts, retries, download cap, validation, a client or ledger of your own). */
        default AdvancedClaidEndpointProducerBuilder advanced() {
            return (AdvancedClaidEndpointProducerBuilder) this;
        }

        /**
         * Where Claid's API is. Point it at a local Claid-compatible server for tests and offline demos.
         * <p>Default: https://api.claid.ai
         */
        default ClaidEndpointProducerBuilder baseUrl(String baseUrl) {
            doSetProperty("baseUrl", baseUrl);
            return this;
        }

        /**
         * With waitForCompletion, and for the tasks consumer: the first wait before asking for a task's status; later
         * waits grow by half.
         * <p>Default: 2s
         */
        default ClaidEndpointProducerBuilder taskPollInterval(long taskPollInterval) {
            doSetProperty("taskPollInterval", taskPollInterval);
            return this;
        }

        /** The taskPollInterval option as a duration such as {@code 30s} or a number of milliseconds. */
        default ClaidEndpointProducerBuilder taskPollInterval(String taskPollInterval) {
            doSetProperty("taskPollInterval", taskPollInterval);
            return this;
        }

        /**
         * With waitForCompletion, and for the tasks consumer: the longest wait between two status requests.
         * <p>Default: 30s
         */
        default ClaidEndpointProducerBuilder taskPollMaxInterval(long taskPollMaxInterval) {
            doSetProperty("taskPollMaxInterval", taskPollMaxInterval);
            return this;
        }

        /** The taskPollMaxInterval option as a duration such as {@code 30s} or a number of milliseconds. */
        default ClaidEndpointProducerBuilder taskPollMaxInterval(String taskPollMaxInterval) {
            doSetProperty("taskPollMaxInterval", taskPollMaxInterval);
            return this;
        }

        /**
         * With waitForCompletion, and for the tasks consumer: learn how long each kind of task takes (from the tasks
         * seen to end, shared by the component's endpoints) and ask for a task's status where such tasks really end,
         * at the points set by adaptivePollCount, instead of at intervals growing from taskPollInterval only.
         * <p>Default: true
         */
        default ClaidEndpointProducerBuilder adaptivePolling(boolean adaptivePolling) {
            doSetProperty("adaptivePolling", adaptivePolling);
            return this;
        }

        /** The adaptivePolling option as text, e.g. from a property placeholder. */
        default ClaidEndpointProducerBuilder adaptivePolling(String adaptivePolling) {
            doSetProperty("adaptivePolling", adaptivePolling);
            return this;
        }

        /**
         * With adaptivePolling, once a kind of task is known: how many status polls are spread over the durations
         * seen, at their 1/n, 2/n ... quantiles and the 99th percentile; a task is asked about (n+1)/2 times on
         * average. 1 asks once, when 99% of such tasks have ended: the fewest requests, the latest notice.
         * <p>Default: 4
         */
        default ClaidEndpointProducerBuilder adaptivePollCount(int adaptivePollCount) {
            doSetProperty("adaptivePollCount", adaptivePollCount);
            return this;
        }

        /** The adaptivePollCount option as text, e.g. from a property placeholder. */
        default ClaidEndpointProducerBuilder adaptivePollCount(String adaptivePollCount) {
            doSetProperty("adaptivePollCount", adaptivePollCount);
            return this;
        }

        /**
         * How long after submission a task is left to its webhook before polling starts, as the fallback for a
         * notification that never came: for the tasks consumer next to a webhook consumer, and with waitForCompletion
         * while a webhook consumer of the same account runs in this CamelContext (the notification then ends the wait,
         * without a status request). Set it on the component to cover both.
         * <p>Default: 0
         */
        default ClaidEndpointProducerBuilder webhookGracePeriod(long webhookGracePeriod) {
            doSetProperty("webhookGracePeriod", webhookGracePeriod);
            return this;
        }

        /** The webhookGracePeriod option as a duration such as {@code 30s} or a number of milliseconds. */
        default ClaidEndpointProducerBuilder webhookGracePeriod(String webhookGracePeriod) {
            doSetProperty("webhookGracePeriod", webhookGracePeriod);
            return this;
        }

        /**
         * For async operations: the message headers to keep with the task (comma-separated names; a trailing * matches
         * a prefix, e.g. Order*). The tasks and webhook consumers put them back on the exchange that reports the task.
         */
        default ClaidEndpointProducerBuilder correlationHeaders(String correlationHeaders) {
            doSetProperty("correlationHeaders", correlationHeaders);
            return this;
        }

        /**
         * When the result carries a tmp_url, put the (first) output's bytes in the body with Content-Type set, and the
         * typed answer in the CamelClaidResponse header. Default: true for edit, false for the other operations.
         */
        default ClaidEndpointProducerBuilder downloadOutput(Boolean downloadOutput) {
            doSetProperty("downloadOutput", downloadOutput);
            return this;
        }

        /** The downloadOutput option as text, e.g. from a property placeholder. */
        default ClaidEndpointProducerBuilder downloadOutput(String downloadOutput) {
            doSetProperty("downloadOutput", downloadOutput);
            return this;
        }

        /**
         * With waitForCompletion: how long to wait for the task before failing with a timeout that names the task.
         * <p>Default: 10m
         */
        default ClaidEndpointProducerBuilder maxWait(long maxWait) {
            doSetProperty("maxWait", maxWait);
            return this;
        }

        /** The maxWait option as a duration such as {@code 30s} or a number of milliseconds. */
        default ClaidEndpointProducerBuilder maxWait(String maxWait) {
            doSetProperty("maxWait", maxWait);
            return this;
        }

        /**
         * The edit operations (Claid's ImageOperations) for edit, editAsync and editBatch: JSON text, a JSON file as
         * resource:file:ops.json or resource:classpath:ops.json, or a #bean reference to a typed ImageOperations or a
         * Map. Checked against Claid's schema when the endpoint starts.
         */
        default ClaidEndpointProducerBuilder operations(Object operations) {
            doSetProperty("operations", operations);
            return this;
        }

        /** The operations option as text or a #bean reference. */
        default ClaidEndpointProducerBuilder operations(String operations) {
            doSetProperty("operations", operations);
            return this;
        }

        /**
         * The options object of aiEdit, fashionModels, generate and generateVideo (for createScene: the scene object),
         * as JSON text, a JSON file (resource:file:...) or a #bean reference.
         */
        default ClaidEndpointProducerBuilder options(Object options) {
            doSetProperty("options", options);
            return this;
        }

        /** The options option as text or a #bean reference. */
        default ClaidEndpointProducerBuilder options(String options) {
            doSetProperty("options", options);
            return this;
        }

        /**
         * The output options: JSON text (e.g. {"format":"png"}), a JSON file (resource:file:...), a #bean reference, or
         * a destination URI such as storage://my-storage/results/.
         */
        default ClaidEndpointProducerBuilder output(Object output) {
            doSetProperty("output", output);
            return this;
        }

        /** The output option as text or a #bean reference. */
        default ClaidEndpointProducerBuilder output(String output) {
            doSetProperty("output", output);
            return this;
        }

        /**
         * For editBatch with a storage folder as input: also process the images in its sub-folders.
         * <p>Default: false
         */
        default ClaidEndpointProducerBuilder recursive(boolean recursive) {
            doSetProperty("recursive", recursive);
            return this;
        }

        /** The recursive option as text, e.g. from a property placeholder. */
        default ClaidEndpointProducerBuilder recursive(String recursive) {
            doSetProperty("recursive", recursive);
            return this;
        }

        /** For getTask with a task id and no result URL: which kind of task it is (the operation that submitted it). */
        default ClaidEndpointProducerBuilder taskKind(String taskKind) {
            doSetProperty("taskKind", taskKind);
            return this;
        }

        /**
         * For async submissions with the webhook on: when a submission's answer is lost after Claid may have acted on
         * it, the exchange goes on with the status UNCONFIRMED instead of failing, and the task Claid notifies for the
         * same input is reported by the consumers with this exchange's correlation headers; if none comes within this
         * wait, claid:tasks reports the work as UNCONFIRMED. 0 fails the exchange at once.
         * <p>Default: 0
         */
        default ClaidEndpointProducerBuilder unconfirmedSubmissionWait(long unconfirmedSubmissionWait) {
            doSetProperty("unconfirmedSubmissionWait", unconfirmedSubmissionWait);
            return this;
        }

        /** The unconfirmedSubmissionWait option as a duration such as {@code 10m} or a number of milliseconds. */
        default ClaidEndpointProducerBuilder unconfirmedSubmissionWait(String unconfirmedSubmissionWait) {
            doSetProperty("unconfirmedSubmissionWait", unconfirmedSubmissionWait);
            return this;
        }

        /**
         * For async operations: keep the exchange until the task reaches a terminal status, re-polling its result_url
         * with backoff on a shared scheduler, so no thread is held while waiting. DONE continues the route; ERROR,
         * CANCELLED, PAUSED and the maxWait deadline fail the exchange with a ClaidException that carries the task id.
         * <p>Default: false
         */
        default ClaidEndpointProducerBuilder waitForCompletion(boolean waitForCompletion) {
            doSetProperty("waitForCompletion", waitForCompletion);
            return this;
        }

        /** The waitForCompletion option as text, e.g. from a property placeholder. */
        default ClaidEndpointProducerBuilder waitForCompletion(String waitForCompletion) {
            doSetProperty("waitForCompletion", waitForCompletion);
            return this;
        }

        /**
         * The Claid API key, sent as a bearer token. Prefer a property placeholder such as {{claid.api-key}}; the key
         * is never logged nor put in exception messages.
         * <p>This option is secret: Camel masks its value wherever it shows the endpoint.
         */
        default ClaidEndpointProducerBuilder apiKey(String apiKey) {
            doSetProperty("apiKey", apiKey);
            return this;
        }
    }

    /** Advanced options of a {@code claid:} producer endpoint. */
    interface AdvancedClaidEndpointProducerBuilder extends EndpointProducerBuilder {

        /** Back to the basic options. */
        default ClaidEndpointProducerBuilder basic() {
            return (ClaidEndpointProducerBuilder) this;
        }

        /**
         * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to
         * allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting
         * and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can
         * be handled during routing messages via Camel's routing error handlers. Beware that when the first message is
         * processed then creating and starting the producer may take a little time and prolong the total processing
         * time of the processing.
         * <p>Default: false
         */
        default AdvancedClaidEndpointProducerBuilder lazyStartProducer(boolean lazyStartProducer) {
            doSetProperty("lazyStartProducer", lazyStartProducer);
            return this;
        }

        /** The lazyStartProducer option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointProducerBuilder lazyStartProducer(String lazyStartProducer) {
            doSetProperty("lazyStartProducer", lazyStartProducer);
            return this;
        }

        /**
         * After a synchronous call (edit, generate, createScene, getTask, the storage operations), go on with the route on
         * the HTTP client's I/O thread that received Claid's answer, instead of handing the exchange to the component's
         * completion pool: one thread hand-off less per call, which counts at thousands of calls a second. Only for
         * routes whose steps after the Claid call never block (no file, database or blocking HTTP writes): the client
         * has two I/O threads for every call of the JVM, and a step that blocks one stalls them all. Hand blocking work
         * on with seda: or threads(). Async submissions always hand off.
         * <p>Default: false
         */
        default AdvancedClaidEndpointProducerBuilder continueOnIoThread(boolean continueOnIoThread) {
            doSetProperty("continueOnIoThread", continueOnIoThread);
            return this;
        }

        /** The continueOnIoThread option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointProducerBuilder continueOnIoThread(String continueOnIoThread) {
            doSetProperty("continueOnIoThread", continueOnIoThread);
            return this;
        }

        /** A ClaidClient to use instead of one built from these options; it is not closed by the endpoint. */
        default AdvancedClaidEndpointProducerBuilder client(ClaidClient client) {
            doSetProperty("client", client);
            return this;
        }

        /** The client option as a #bean reference. */
        default AdvancedClaidEndpointProducerBuilder client(String client) {
            doSetProperty("client", client);
            return this;
        }

        /**
         * How long to wait for a connection to Claid.
         * <p>Default: 10s
         */
        default AdvancedClaidEndpointProducerBuilder connectTimeout(long connectTimeout) {
            doSetProperty("connectTimeout", connectTimeout);
            return this;
        }

        /** The connectTimeout option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointProducerBuilder connectTimeout(String connectTimeout) {
            doSetProperty("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * How long an instance holds a task in the ledger before another may take it over: a request key's claim while
         * its submission goes out, a task an exchange waits for, a task the tasks or webhook consumer asks about or
         * whose result its route processes. Each holder renews the leases of what it works on every third of this, in
         * one ledger write, for as long as it lives and works; so the lease only bounds how long a dead instance's
         * tasks wait for another (this long at most), and needs to outlast a pause of the JVM or the database, not the
         * work.
         * <p>Default: 30s
         */
        default AdvancedClaidEndpointProducerBuilder taskLease(long taskLease) {
            doSetProperty("taskLease", taskLease);
            return this;
        }

        /** The taskLease option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointProducerBuilder taskLease(String taskLease) {
            doSetProperty("taskLease", taskLease);
            return this;
        }

        /**
         * Attempts per call, the first included, for transient failures (502/503/504, connection failures). A POST is
         * repeated only when Claid surely did not act on it (connection refused), so nothing is paid twice. A 429 uses no
         * attempt: it is waited out within maxRateLimitWait.
         * <p>Default: 4
         */
        default AdvancedClaidEndpointProducerBuilder maxAttempts(int maxAttempts) {
            doSetProperty("maxAttempts", maxAttempts);
            return this;
        }

        /** The maxAttempts option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointProducerBuilder maxAttempts(String maxAttempts) {
            doSetProperty("maxAttempts", maxAttempts);
            return this;
        }

        /**
         * The largest output downloadOutput accepts; a larger one fails the
         * exchange as soon as it passes this. Outputs are streamed to a
         * temporary file, so this bounds disk use, not the heap.
         * <p>Default: 104857600
         */
        default AdvancedClaidEndpointProducerBuilder maxDownloadBytes(long maxDownloadBytes) {
            doSetProperty("maxDownloadBytes", maxDownloadBytes);
            return this;
        }

        /** The maxDownloadBytes option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointProducerBuilder maxDownloadBytes(String maxDownloadBytes) {
            doSetProperty("maxDownloadBytes", maxDownloadBytes);
            return this;
        }

        /**
         * How long a call refused with 429 keeps waiting for the account's window (as RateLimit-Reset or Retry-After
         * names it) and asking again, counted from its first 429; then it fails with ClaidRateLimitException rather than
         * hold the message longer. Claid did nothing for a refused call, so it is asked again however often it was refused.
         * A call held back because another call of the account was refused fails at once, unsent, if that refusal's own wait
         * is longer than that allows.
         * <p>Default: 60s
         */
        default AdvancedClaidEndpointProducerBuilder maxRateLimitWait(long maxRateLimitWait) {
            doSetProperty("maxRateLimitWait", maxRateLimitWait);
            return this;
        }

        /** The maxRateLimitWait option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointProducerBuilder maxRateLimitWait(String maxRateLimitWait) {
            doSetProperty("maxRateLimitWait", maxRateLimitWait);
            return this;
        }

        /**
         * How long to wait for Claid's answer; synchronous edits of large images take minutes.
         * <p>Default: 180s
         */
        default AdvancedClaidEndpointProducerBuilder responseTimeout(long responseTimeout) {
            doSetProperty("responseTimeout", responseTimeout);
            return this;
        }

        /** The responseTimeout option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointProducerBuilder responseTimeout(String responseTimeout) {
            doSetProperty("responseTimeout", responseTimeout);
            return this;
        }

        /**
         * The wait before the first retry; it doubles per attempt, with jitter.
         * <p>Default: 500ms
         */
        default AdvancedClaidEndpointProducerBuilder retryInitialDelay(long retryInitialDelay) {
            doSetProperty("retryInitialDelay", retryInitialDelay);
            return this;
        }

        /** The retryInitialDelay option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointProducerBuilder retryInitialDelay(String retryInitialDelay) {
            doSetProperty("retryInitialDelay", retryInitialDelay);
            return this;
        }

        /**
         * The longest wait between two attempts computed by backoff.
         * <p>Default: 30s
         */
        default AdvancedClaidEndpointProducerBuilder retryMaxDelay(long retryMaxDelay) {
            doSetProperty("retryMaxDelay", retryMaxDelay);
            return this;
        }

        /** The retryMaxDelay option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointProducerBuilder retryMaxDelay(String retryMaxDelay) {
            doSetProperty("retryMaxDelay", retryMaxDelay);
            return this;
        }

        /**
         * Where async tasks are recorded from submission until a route has processed their result: a #bean reference to
         * an InMemoryTaskLedger (the default, shared by the component's endpoints), a FileTaskLedger (survives restarts
         * of one instance) or a JdbcTaskLedger (several instances). Set it on the component, so that producers and the
         * tasks/webhook consumers share it.
         */
        default AdvancedClaidEndpointProducerBuilder taskLedger(TaskLedger taskLedger) {
            doSetProperty("taskLedger", taskLedger);
            return this;
        }

        /** The taskLedger option as a #bean reference. */
        default AdvancedClaidEndpointProducerBuilder taskLedger(String taskLedger) {
            doSetProperty("taskLedger", taskLedger);
            return this;
        }

        /**
         * Hold requests back before Claid would refuse them: a request waits (on a timer, holding no thread) while the
         * account's rate-limit window is spent or its per-second pace is reached, as Claid's RateLimit headers
         * describe them. Shared by every endpoint using the same API key and base URL in this JVM.
         * <p>Default: true
         */
        default AdvancedClaidEndpointProducerBuilder rateLimitShaping(boolean rateLimitShaping) {
            doSetProperty("rateLimitShaping", rateLimitShaping);
            return this;
        }

        /** The rateLimitShaping option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointProducerBuilder rateLimitShaping(String rateLimitShaping) {
            doSetProperty("rateLimitShaping", rateLimitShaping);
            return this;
        }

        /**
         * Check every request against Claid's schemas before sending it, so an invalid one fails naming the field and
         * spends no credit. Turn off only to use a field Claid added after this version.
         * <p>Default: true
         */
        default AdvancedClaidEndpointProducerBuilder validateRequests(boolean validateRequests) {
            doSetProperty("validateRequests", validateRequests);
            return this;
        }

        /** The validateRequests option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointProducerBuilder validateRequests(String validateRequests) {
            doSetProperty("validateRequests", validateRequests);
            return this;
        }
    }

    /**
     * Options of a {@code claid:} endpoint before it is used as a consumer or a producer: the options both have.
     * Setting a consumer or producer option narrows it to that kind.
     */
    interface ClaidEndpointBuilder extends ClaidEndpointConsumerBuilder, ClaidEndpointProducerBuilder {

        /** The advanced options. */
        default AdvancedClaidEndpointBuilder advanced() {
            return (AdvancedClaidEndpointBuilder) this;
        }

        /**
         * Where Claid's API is. Point it at a local Claid-compatible server for tests and offline demos.
         * <p>Default: https://api.claid.ai
         */
        default ClaidEndpointBuilder baseUrl(String baseUrl) {
            doSetProperty("baseUrl", baseUrl);
            return this;
        }

        /**
         * With waitForCompletion, and for the tasks consumer: the first wait before asking for a task's status; later
         * waits grow by half.
         * <p>Default: 2s
         */
        default ClaidEndpointBuilder taskPollInterval(long taskPollInterval) {
            doSetProperty("taskPollInterval", taskPollInterval);
            return this;
        }

        /** The taskPollInterval option as a duration such as {@code 30s} or a number of milliseconds. */
        default ClaidEndpointBuilder taskPollInterval(String taskPollInterval) {
            doSetProperty("taskPollInterval", taskPollInterval);
            return this;
        }

        /**
         * With waitForCompletion, and for the tasks consumer: the longest wait between two status requests.
         * <p>Default: 30s
         */
        default ClaidEndpointBuilder taskPollMaxInterval(long taskPollMaxInterval) {
            doSetProperty("taskPollMaxInterval", taskPollMaxInterval);
            return this;
        }

        /** The taskPollMaxInterval option as a duration such as {@code 30s} or a number of milliseconds. */
        default ClaidEndpointBuilder taskPollMaxInterval(String taskPollMaxInterval) {
            doSetProperty("taskPollMaxInterval", taskPollMaxInterval);
            return this;
        }

        /**
         * With waitForCompletion, and for the tasks consumer: learn how long each kind of task takes (from the tasks
         * seen to end, shared by the component's endpoints) and ask for a task's status where such tasks really end,
         * at the points set by adaptivePollCount, instead of at intervals growing from taskPollInterval only.
         * <p>Default: true
         */
        default ClaidEndpointBuilder adaptivePolling(boolean adaptivePolling) {
            doSetProperty("adaptivePolling", adaptivePolling);
            return this;
        }

        /** The adaptivePolling option as text, e.g. from a property placeholder. */
        default ClaidEndpointBuilder adaptivePolling(String adaptivePolling) {
            doSetProperty("adaptivePolling", adaptivePolling);
            return this;
        }

        /**
         * With adaptivePolling, once a kind of task is known: how many status polls are spread over the durations
         * seen, at their 1/n, 2/n ... quantiles and the 99th percentile; a task is asked about (n+1)/2 times on
         * average. 1 asks once, when 99% of such tasks have ended: the fewest requests, the latest notice.
         * <p>Default: 4
         */
        default ClaidEndpointBuilder adaptivePollCount(int adaptivePollCount) {
            doSetProperty("adaptivePollCount", adaptivePollCount);
            return this;
        }

        /** The adaptivePollCount option as text, e.g. from a property placeholder. */
        default ClaidEndpointBuilder adaptivePollCount(String adaptivePollCount) {
            doSetProperty("adaptivePollCount", adaptivePollCount);
            return this;
        }

        /**
         * How long after submission a task is left to its webhook before polling starts, as the fallback for a
         * notification that never came: for the tasks consumer next to a webhook consumer, and with waitForCompletion
         * while a webhook consumer of the same account runs in this CamelContext (the notification then ends the wait,
         * without a status request). Set it on the component to cover both.
         * <p>Default: 0
         */
        default ClaidEndpointBuilder webhookGracePeriod(long webhookGracePeriod) {
            doSetProperty("webhookGracePeriod", webhookGracePeriod);
            return this;
        }

        /** The webhookGracePeriod option as a duration such as {@code 30s} or a number of milliseconds. */
        default ClaidEndpointBuilder webhookGracePeriod(String webhookGracePeriod) {
            doSetProperty("webhookGracePeriod", webhookGracePeriod);
            return this;
        }

        /**
         * The Claid API key, sent as a bearer token. Prefer a property placeholder such as {{claid.api-key}}; the key
         * is never logged nor put in exception messages.
         * <p>This option is secret: Camel masks its value wherever it shows the endpoint.
         */
        default ClaidEndpointBuilder apiKey(String apiKey) {
            doSetProperty("apiKey", apiKey);
            return this;
        }
    }

    /** Advanced options of a {@code claid:} endpoint before it is used as a consumer or a producer. */
    interface AdvancedClaidEndpointBuilder
            extends AdvancedClaidEndpointConsumerBuilder, AdvancedClaidEndpointProducerBuilder {

        /** Back to the basic options. */
        default ClaidEndpointBuilder basic() {
            return (ClaidEndpointBuilder) this;
        }

        /** A ClaidClient to use instead of one built from these options; it is not closed by the endpoint. */
        default AdvancedClaidEndpointBuilder client(ClaidClient client) {
            doSetProperty("client", client);
            return this;
        }

        /** The client option as a #bean reference. */
        default AdvancedClaidEndpointBuilder client(String client) {
            doSetProperty("client", client);
            return this;
        }

        /**
         * How long to wait for a connection to Claid.
         * <p>Default: 10s
         */
        default AdvancedClaidEndpointBuilder connectTimeout(long connectTimeout) {
            doSetProperty("connectTimeout", connectTimeout);
            return this;
        }

        /** The connectTimeout option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointBuilder connectTimeout(String connectTimeout) {
            doSetProperty("connectTimeout", connectTimeout);
            return this;
        }

        /**
         * How long an instance holds a task in the ledger before another may take it over: a request key's claim while
         * its submission goes out, a task an exchange waits for, a task the tasks or webhook consumer asks about or
         * whose result its route processes. Each holder renews the leases of what it works on every third of this, in
         * one ledger write, for as long as it lives and works; so the lease only bounds how long a dead instance's
         * tasks wait for another (this long at most), and needs to outlast a pause of the JVM or the database, not the
         * work.
         * <p>Default: 30s
         */
        default AdvancedClaidEndpointBuilder taskLease(long taskLease) {
            doSetProperty("taskLease", taskLease);
            return this;
        }

        /** The taskLease option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointBuilder taskLease(String taskLease) {
            doSetProperty("taskLease", taskLease);
            return this;
        }

        /**
         * Attempts per call, the first included, for transient failures (502/503/504, connection failures). A POST is
         * repeated only when Claid surely did not act on it (connection refused), so nothing is paid twice. A 429 uses no
         * attempt: it is waited out within maxRateLimitWait.
         * <p>Default: 4
         */
        default AdvancedClaidEndpointBuilder maxAttempts(int maxAttempts) {
            doSetProperty("maxAttempts", maxAttempts);
            return this;
        }

        /** The maxAttempts option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointBuilder maxAttempts(String maxAttempts) {
            doSetProperty("maxAttempts", maxAttempts);
            return this;
        }

        /**
         * The largest output downloadOutput accepts; a larger one fails the
         * exchange as soon as it passes this. Outputs are streamed to a
         * temporary file, so this bounds disk use, not the heap.
         * <p>Default: 104857600
         */
        default AdvancedClaidEndpointBuilder maxDownloadBytes(long maxDownloadBytes) {
            doSetProperty("maxDownloadBytes", maxDownloadBytes);
            return this;
        }

        /** The maxDownloadBytes option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointBuilder maxDownloadBytes(String maxDownloadBytes) {
            doSetProperty("maxDownloadBytes", maxDownloadBytes);
            return this;
        }

        /**
         * How long a call refused with 429 keeps waiting for the account's window (as RateLimit-Reset or Retry-After
         * names it) and asking again, counted from its first 429; then it fails with ClaidRateLimitException rather than
         * hold the message longer. Claid did nothing for a refused call, so it is asked again however often it was refused.
         * A call held back because another call of the account was refused fails at once, unsent, if that refusal's own wait
         * is longer than that allows.
         * <p>Default: 60s
         */
        default AdvancedClaidEndpointBuilder maxRateLimitWait(long maxRateLimitWait) {
            doSetProperty("maxRateLimitWait", maxRateLimitWait);
            return this;
        }

        /** The maxRateLimitWait option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointBuilder maxRateLimitWait(String maxRateLimitWait) {
            doSetProperty("maxRateLimitWait", maxRateLimitWait);
            return this;
        }

        /**
         * How long to wait for Claid's answer; synchronous edits of large images take minutes.
         * <p>Default: 180s
         */
        default AdvancedClaidEndpointBuilder responseTimeout(long responseTimeout) {
            doSetProperty("responseTimeout", responseTimeout);
            return this;
        }

        /** The responseTimeout option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointBuilder responseTimeout(String responseTimeout) {
            doSetProperty("responseTimeout", responseTimeout);
            return this;
        }

        /**
         * The wait before the first retry; it doubles per attempt, with jitter.
         * <p>Default: 500ms
         */
        default AdvancedClaidEndpointBuilder retryInitialDelay(long retryInitialDelay) {
            doSetProperty("retryInitialDelay", retryInitialDelay);
            return this;
        }

        /** The retryInitialDelay option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointBuilder retryInitialDelay(String retryInitialDelay) {
            doSetProperty("retryInitialDelay", retryInitialDelay);
            return this;
        }

        /**
         * The longest wait between two attempts computed by backoff.
         * <p>Default: 30s
         */
        default AdvancedClaidEndpointBuilder retryMaxDelay(long retryMaxDelay) {
            doSetProperty("retryMaxDelay", retryMaxDelay);
            return this;
        }

        /** The retryMaxDelay option as a duration such as {@code 30s} or a number of milliseconds. */
        default AdvancedClaidEndpointBuilder retryMaxDelay(String retryMaxDelay) {
            doSetProperty("retryMaxDelay", retryMaxDelay);
            return this;
        }

        /**
         * Where async tasks are recorded from submission until a route has processed their result: a #bean reference to
         * an InMemoryTaskLedger (the default, shared by the component's endpoints), a FileTaskLedger (survives restarts
         * of one instance) or a JdbcTaskLedger (several instances). Set it on the component, so that producers and the
         * tasks/webhook consumers share it.
         */
        default AdvancedClaidEndpointBuilder taskLedger(TaskLedger taskLedger) {
            doSetProperty("taskLedger", taskLedger);
            return this;
        }

        /** The taskLedger option as a #bean reference. */
        default AdvancedClaidEndpointBuilder taskLedger(String taskLedger) {
            doSetProperty("taskLedger", taskLedger);
            return this;
        }

        /**
         * Hold requests back before Claid would refuse them: a request waits (on a timer, holding no thread) while the
         * account's rate-limit window is spent or its per-second pace is reached, as Claid's RateLimit headers
         * describe them. Shared by every endpoint using the same API key and base URL in this JVM.
         * <p>Default: true
         */
        default AdvancedClaidEndpointBuilder rateLimitShaping(boolean rateLimitShaping) {
            doSetProperty("rateLimitShaping", rateLimitShaping);
            return this;
        }

        /** The rateLimitShaping option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointBuilder rateLimitShaping(String rateLimitShaping) {
            doSetProperty("rateLimitShaping", rateLimitShaping);
            return this;
        }

        /**
         * Check every request against Claid's schemas before sending it, so an invalid one fails naming the field and
         * spends no credit. Turn off only to use a field Claid added after this version.
         * <p>Default: true
         */
        default AdvancedClaidEndpointBuilder validateRequests(boolean validateRequests) {
            doSetProperty("validateRequests", validateRequests);
            return this;
        }

        /** The validateRequests option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointBuilder validateRequests(String validateRequests) {
            doSetProperty("validateRequests", validateRequests);
            return this;
        }
    }

    /** Mix into an {@code EndpointRouteBuilder} to write {@code claid("edit")} without a static import. */
    interface ClaidBuilders {

        /**
         * A {@code claid:} endpoint for an operation: edit, editAsync, editBatch, aiEdit, fashionModels, generate,
         * createScene, generateVideo, getTask, listStorageTypes, listStorages, getStorage, createStorage,
         * updateStorage or deleteStorage in {@code to(...)}; tasks or webhook in {@code from(...)}.
         */
        default ClaidEndpointBuilder claid(String operation) {
            return ClaidEndpointBuilderFactory.claid(operation);
        }
    }

    /** A {@code claid:} endpoint for an operation (see {@link ClaidBuilders#claid(String)}). */
    static ClaidEndpointBuilder claid(String operation) {
        return endpointBuilder("claid", operation);
    }

    /** The same, for a component registered under another name. */
    static ClaidEndpointBuilder endpointBuilder(String componentName, String operation) {
        class ClaidEndpointBuilderImpl extends AbstractEndpointBuilder
                implements ClaidEndpointBuilder, AdvancedClaidEndpointBuilder {
            ClaidEndpointBuilderImpl(String path) {
                super(componentName, path);
            }
        }
        return new ClaidEndpointBuilderImpl(operation);
    }
}
