package io.github.camelclaid.component.dsl;

import io.github.camelclaid.client.ClaidClient;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.builder.endpoint.AbstractEndpointBuilder;

/**
 * Endpoint DSL for the {@code claid:} component, written as Camel generates it for its own components (Camel's
 * generator only runs inside Camel's source tree). Use it from an {@code EndpointRouteBuilder} or any
 * {@code RouteBuilder}:
 *
 * <pre>{@code
 * from(direct("photos"))
 *     .to(claid("edit").apiKey("{{claid.api-key}}").operations("{\"resizing\":{\"width\":800} }"));
 * }</pre>
 *
 * Needs {@code camel-endpointdsl} on the classpath, which Endpoint DSL routes have anyway. Every endpoint option of
 * the component has a method here; {@code ClaidEndpointBuilderFactoryTest} keeps it so.
 */
public interface ClaidEndpointBuilderFactory {

    /** Options of a {@code claid:} producer endpoint. */
    interface ClaidEndpointBuilder extends EndpointProducerBuilder {

        /** The advanced options (timeouts, retries, download cap, validation, a client of your own). */
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
         * When the result carries a tmp_url, put the (first) output's bytes in the body with Content-Type set, and
         * the typed answer in the CamelClaidResponse header. Default: true for edit, false for the other
         * operations.
         */
        default ClaidEndpointBuilder downloadOutput(Boolean downloadOutput) {
            doSetProperty("downloadOutput", downloadOutput);
            return this;
        }

        /** The downloadOutput option as text, e.g. from a property placeholder. */
        default ClaidEndpointBuilder downloadOutput(String downloadOutput) {
            doSetProperty("downloadOutput", downloadOutput);
            return this;
        }

        /**
         * With waitForCompletion: how long to wait for the task before failing with a timeout that names the task.
         * <p>Default: 10m
         */
        default ClaidEndpointBuilder maxWait(long maxWait) {
            doSetProperty("maxWait", maxWait);
            return this;
        }

        /** The maxWait option as a duration such as {@code 30s} or a number of milliseconds. */
        default ClaidEndpointBuilder maxWait(String maxWait) {
            doSetProperty("maxWait", maxWait);
            return this;
        }

        /**
         * The edit operations (Claid's ImageOperations) for edit, editAsync and editBatch: JSON text, a JSON file
         * as resource:file:ops.json or resource:classpath:ops.json, or a #bean reference to a typed ImageOperations
         * or a Map. Checked against Claid's schema when the endpoint starts.
         */
        default ClaidEndpointBuilder operations(Object operations) {
            doSetProperty("operations", operations);
            return this;
        }

        /** The operations option as a #bean reference. */
        default ClaidEndpointBuilder operations(String operations) {
            doSetProperty("operations", operations);
            return this;
        }

        /**
         * The options object of aiEdit, fashionModels, generate and generateVideo (for createScene: the scene
         * object), as JSON text, a JSON file (resource:file:...) or a #bean reference.
         */
        default ClaidEndpointBuilder options(Object options) {
            doSetProperty("options", options);
            return this;
        }

        /** The options option as a #bean reference. */
        default ClaidEndpointBuilder options(String options) {
            doSetProperty("options", options);
            return this;
        }

        /**
         * The output options: JSON text (e.g. {format:png}), a JSON file (resource:file:...), a #bean reference, or
         * a destination URI such as storage://my-storage/results/.
         */
        default ClaidEndpointBuilder output(Object output) {
            doSetProperty("output", output);
            return this;
        }

        /** The output option as a #bean reference. */
        default ClaidEndpointBuilder output(String output) {
            doSetProperty("output", output);
            return this;
        }

        /**
         * For editBatch with a storage folder as input: also process the images in its sub-folders.
         * <p>Default: false
         */
        default ClaidEndpointBuilder recursive(boolean recursive) {
            doSetProperty("recursive", recursive);
            return this;
        }

        /** The recursive option as text, e.g. from a property placeholder. */
        default ClaidEndpointBuilder recursive(String recursive) {
            doSetProperty("recursive", recursive);
            return this;
        }

        /**
         * For getTask with a task id and no result URL: which kind of task it is (the operation that submitted it).
         */
        default ClaidEndpointBuilder taskKind(String taskKind) {
            doSetProperty("taskKind", taskKind);
            return this;
        }

        /**
         * With waitForCompletion: the first wait before asking for the task's status; later waits grow by half.
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
         * With waitForCompletion: the longest wait between two status requests.
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
         * For async operations: keep the exchange until the task reaches a terminal status, re-polling its
         * result_url with backoff on a shared scheduler, so no thread is held while waiting. DONE continues the
         * route; ERROR, CANCELLED, PAUSED and the maxWait deadline fail the exchange with a ClaidException that
         * carries the task id.
         * <p>Default: false
         */
        default ClaidEndpointBuilder waitForCompletion(boolean waitForCompletion) {
            doSetProperty("waitForCompletion", waitForCompletion);
            return this;
        }

        /** The waitForCompletion option as text, e.g. from a property placeholder. */
        default ClaidEndpointBuilder waitForCompletion(String waitForCompletion) {
            doSetProperty("waitForCompletion", waitForCompletion);
            return this;
        }

        /**
         * The Claid API key, sent as a bearer token. Prefer a property placeholder such as {{claid.api-key}}; the
         * key is never logged nor put in exception messages.
         */
        default ClaidEndpointBuilder apiKey(String apiKey) {
            doSetProperty("apiKey", apiKey);
            return this;
        }
    }

    /** Advanced options of a {@code claid:} producer endpoint. */
    interface AdvancedClaidEndpointBuilder extends EndpointProducerBuilder {

        /** Back to the common options. */
        default ClaidEndpointBuilder basic() {
            return (ClaidEndpointBuilder) this;
        }

        /**
         * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to
         * allow CamelContext and routes to startup in situations where a producer may otherwise fail during
         * starting and cause the route to fail being started. By deferring this startup to be lazy then the startup
         * failure can be handled during routing messages via Camel's routing error handlers. Beware that when the
         * first message is processed then creating and starting the producer may take a little time and prolong the
         * total processing time of the processing.
         * <p>Default: false
         */
        default AdvancedClaidEndpointBuilder lazyStartProducer(boolean lazyStartProducer) {
            doSetProperty("lazyStartProducer", lazyStartProducer);
            return this;
        }

        /** The lazyStartProducer option as text, e.g. from a property placeholder. */
        default AdvancedClaidEndpointBuilder lazyStartProducer(String lazyStartProducer) {
            doSetProperty("lazyStartProducer", lazyStartProducer);
            return this;
        }

        /**
         * A ClaidClient to use instead of one built from these options; it is not closed by the endpoint.
         */
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
         * Attempts per call, the first included, for transient failures (429, 502/503/504, connection failures). A
         * POST is repeated only when Claid surely did not act on it (429, connection refused), so nothing is paid
         * twice.
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
         * The largest output downloadOutput will read into memory; a larger one fails the exchange.
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
         * The longest wait a 429's RateLimit-Reset (or Retry-After) may ask for and still be waited out; a longer
         * one fails the call at once rather than hold the message.
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
         * Check every request against Claid's schemas before sending it, so an invalid one fails naming the field
         * and spends no credit. Turn off only to use a field Claid added after this version.
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
         * updateStorage or deleteStorage.
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
