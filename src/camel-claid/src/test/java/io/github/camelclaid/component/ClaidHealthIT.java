package io.github.camelclaid.component;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The producer health check and the circuit in front of paid submissions, over real HTTP against the local server:
 * what Camel's health API reports, what a queue of exchanges meets after a 402, and what reaches (and is billed by)
 * the server.
 */
class ClaidHealthIT {

    static final String KEY = "sk-health-Zq8+w/Key=77";
    static final String ASYNC_PATH = "/v1/image/edit/async";
    static final String PROBE_PATH = "/v1/storage/storage-types";

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY).acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(40)));

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    // ---------------------------------------------------------------- the health check

    @Test
    void upWithRateLimitHeadroomAfterAnAnswerAndNoProbeNeeded() throws Exception {
        start(DEFAULTS, base(KEY, claid.server().baseUrl()));
        assertThat(send("direct:submit", "https://example.com/a.jpg").getException()).isNull();

        HealthCheck.Result result = health();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails())
                .containsEntry("claid.baseUrl", claid.server().baseUrl())
                .containsEntry("circuit.state", "CLOSED")
                .containsEntry("claid.checkedBy", "answer")
                .containsKeys("claid.account", "rateLimit.limit", "rateLimit.resetSeconds", "rateLimit.receivedAt");
        assertThat((Integer) result.getDetails().get("rateLimit.remaining")).isPositive();
        assertThat(result.getDetails().get(HealthCheck.CHECK_KIND)).isEqualTo(HealthCheck.Kind.READINESS);
        assertThat(claid.server().requestCount("GET", PROBE_PATH)).as("a fresh answer spares the probe").isZero();
        assertNoKey(result);
        // it is among Camel's readiness checks, and not a liveness check
        assertThat(HealthCheckHelper.invoke(context, check -> Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS),
                check -> !check.isReadiness(), "full")).extracting(r -> r.getCheck().getId()).contains(checkId());
        assertThat(HealthCheckHelper.invoke(context, check -> Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.LIVENESS),
                check -> !check.isLiveness(), "full")).extracting(r -> r.getCheck().getId()).doesNotContain(checkId());
    }

    @Test
    void probesCostNoCreditAndAreSentAtMostOncePerInterval() throws Exception {
        start(DEFAULTS, base(KEY, claid.server().baseUrl()));

        for (int i = 0; i < 5; i++) {
            HealthCheck.Result result = health();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(result.getDetails()).containsEntry("claid.checkedBy", "probe");
            assertNoKey(result);
        }

        assertThat(claid.server().requestCount("GET", PROBE_PATH)).isEqualTo(1);
        assertThat(claid.server().requestCount(null, null)).isEqualTo(1);
        assertThat(claid.server().paidSubmissionCount()).isZero();
    }

    @Test
    void downWhenTheKeyIsRefused() throws Exception {
        String wrongKey = "sk-wrong-Key=0";
        start(DEFAULTS, base(wrongKey, claid.server().baseUrl()));

        HealthCheck.Result result = health();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get().asString().contains("Claid refused the API key (401)");
        assertThat(result.getDetails()).containsEntry(org.apache.camel.impl.health.AbstractHealthCheck.SERVICE_STATUS_CODE, 401);
        assertThat(result.getError()).get().isInstanceOf(ClaidException.class);
        assertThat(claid.server().paidSubmissionCount()).isZero();
        assertNoKey(result, wrongKey);
    }

    @Test
    void downWhenClaidIsUnreachable() throws Exception {
        String nowhere = "http://127.0.0.1:" + closedPort();
        start(DEFAULTS, base(KEY, nowhere));

        HealthCheck.Result result = health();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).get().asString().contains("Claid is unreachable at " + nowhere);
        assertThat(result.getDetails()).containsEntry("claid.baseUrl", nowhere);
        assertNoKey(result);
    }

    // ---------------------------------------------------------------- the credit circuit

    @Test
    void a402OpensTheCircuitSoTheQueueFailsWithoutCallsUntilOneTrialClosesIt() throws Exception {
        start(c -> c.setCreditCircuitCooldown(1500), base(KEY, claid.server().baseUrl()));
        Exchange first = send("direct:submit", "https://example.com/before.jpg");
        long taskId = first.getMessage().getBody(TaskAccepted.class).id();

        claid.server().faults().next(1).status(402).on(ApiOperation.EDIT_ASYNC);
        Exchange refusedByClaid = send("direct:submit", "https://example.com/402.jpg");
        assertThat(refusedByClaid.getException()).isInstanceOf(ClaidException.class)
                .isNotInstanceOf(ClaidCircuitOpenException.class);
        assertThat(((ClaidException) refusedByClaid.getException()).getStatusCode()).isEqualTo(402);

        List<Exchange> queue = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queue.add(send("direct:submit", "https://example.com/queued-" + i + ".jpg"));
        }
        for (Exchange exchange : queue) {
            assertThat(exchange.getException()).isInstanceOf(ClaidCircuitOpenException.class)
                    .hasMessageContaining("credits exhausted, Claid answered 402 (no API calls left) at ")
                    .hasMessageContaining("refused without calling Claid until ")
                    .hasMessageContaining("one trial submission is let through")
                    .hasMessageNotContaining(KEY);
            ClaidCircuitOpenException open = (ClaidCircuitOpenException) exchange.getException();
            assertThat(open.getReason()).isEqualTo(ClaidException.Reason.CIRCUIT_OPEN);
            assertThat(open.getTrip()).isEqualTo(SubmissionCircuit.Trip.CREDITS_EXHAUSTED);
            assertThat(open.getRetryAt()).isAfter(open.getOpenedAt());
            assertThat(open.isTransient()).isFalse();
            assertThat(open.getCause()).isSameAs(refusedByClaid.getException());
        }
        assertThat(claid.server().requestCount("POST", ASYNC_PATH)).as("only the 402 after the first task").isEqualTo(2);
        assertThat(claid.server().paidSubmissionCount()).isEqualTo(1);

        // status requests and storage calls do not pass through the circuit
        Exchange status = context.createProducerTemplate().request("direct:getTask",
                e -> e.getMessage().setHeader(ClaidConstants.RESULT_URL, first.getMessage().getHeader(ClaidConstants.RESULT_URL)));
        assertThat(status.getException()).isNull();
        assertThat(status.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class)).isEqualTo(taskId);
        assertThat(send("direct:storageTypes", null).getException()).isNull();
        long storageTypeRequests = claid.server().requestCount("GET", PROBE_PATH);

        HealthCheck.Result open = health();
        assertThat(open.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(open.getDetails()).containsEntry("circuit.state", "OPEN")
                .containsEntry("circuit.trip", "CREDITS_EXHAUSTED").containsKeys("circuit.openedAt", "circuit.until");
        assertThat(open.getMessage()).get().asString().contains("credits exhausted");
        assertNoKey(open);
        assertThat(devConsole()).contains("circuit OPEN").contains("CREDITS_EXHAUSTED");

        // after the cool-down the check is ready again, so that the trial can come
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(health()
                .getDetails()).containsEntry("circuit.state", "HALF_OPEN"));
        assertThat(health().getState()).isEqualTo(HealthCheck.State.UP);

        // one trial at a time: a second submission while it is out is refused without a call
        claid.server().faults().next(1).delay(Duration.ofMillis(400)).on(ApiOperation.EDIT_ASYNC);
        CompletableFuture<Exchange> trial = CompletableFuture.supplyAsync(
                () -> send("direct:submit", "https://example.com/trial.jpg"));
        await().atMost(Duration.ofSeconds(10)).until(() -> circuit().snapshot().trialInFlight());
        assertThat(send("direct:submit", "https://example.com/during-trial.jpg").getException())
                .isInstanceOf(ClaidCircuitOpenException.class).hasMessageContaining("a trial submission is out");
        assertThat(trial.get().getException()).isNull();

        HealthCheck.Result closed = health();
        assertThat(closed.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(closed.getDetails()).containsEntry("circuit.state", "CLOSED");
        assertThat(send("direct:submit", "https://example.com/after.jpg").getException()).isNull();
        assertThat(claid.server().requestCount("POST", ASYNC_PATH)).isEqualTo(4);
        assertThat(claid.server().paidSubmissionCount()).isEqualTo(3);
        assertThat(claid.server().requestCount("GET", PROBE_PATH)).as("answers stood in for probes")
                .isEqualTo(storageTypeRequests);
    }

    @Test
    void aTrialAnswered402OpensTheCircuitAgain() throws Exception {
        start(c -> c.setCreditCircuitCooldown(300), base(KEY, claid.server().baseUrl()));
        claid.server().faults().next(2).status(402).on(ApiOperation.EDIT_ASYNC);
        assertThat(((ClaidException) send("direct:submit", "https://example.com/1.jpg").getException())
                .getStatusCode()).isEqualTo(402);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> circuit().snapshot().state() == SubmissionCircuit.State.HALF_OPEN);

        Exchange trial = send("direct:submit", "https://example.com/trial.jpg");

        assertThat(((ClaidException) trial.getException()).getStatusCode()).isEqualTo(402);
        assertThat(circuit().snapshot().state()).isEqualTo(SubmissionCircuit.State.OPEN);
        assertThat(send("direct:submit", "https://example.com/3.jpg").getException())
                .isInstanceOf(ClaidCircuitOpenException.class);
        assertThat(claid.server().requestCount("POST", ASYNC_PATH)).isEqualTo(2);
    }

    @Test
    void everyPaidOperationSharesTheCircuitOfItsKey() throws Exception {
        start(DEFAULTS, base(KEY, claid.server().baseUrl()));
        claid.server().faults().next(1).status(402).on(ApiOperation.EDIT_ASYNC);
        send("direct:submit", "https://example.com/402.jpg");

        for (String paid : List.of("direct:edit", "direct:generate")) {
            assertThat(send(paid, "https://example.com/x.jpg").getException()).as(paid)
                    .isInstanceOf(ClaidCircuitOpenException.class);
        }
        Exchange upload = context.createProducerTemplate().request("direct:edit",
                e -> e.getMessage().setBody(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3 }));
        assertThat(upload.getException()).isInstanceOf(ClaidCircuitOpenException.class);
        assertThat(claid.server().requestCount("POST", "/v1/")).isEqualTo(1);
    }

    @Test
    void gatewayErrorsInARowOpenTheCircuitForTheOutageCooldown() throws Exception {
        start(c -> {
            c.setOutageCircuitThreshold(3);
            c.setOutageCircuitCooldown(60_000);
        }, base(KEY, claid.server().baseUrl()));
        claid.server().faults().next(3).status(503).on(ApiOperation.EDIT_ASYNC);
        for (int i = 0; i < 3; i++) {
            assertThat(((ClaidException) send("direct:submit", "https://example.com/" + i + ".jpg").getException())
                    .getStatusCode()).isEqualTo(503);
        }

        Exchange refused = send("direct:submit", "https://example.com/next.jpg");

        assertThat(refused.getException()).isInstanceOf(ClaidCircuitOpenException.class)
                .hasMessageContaining("Claid failing").hasMessageContaining("outageCircuitCooldown");
        assertThat(((ClaidException) refused.getException()).isTransient()).isTrue();
        assertThat(claid.server().requestCount("POST", ASYNC_PATH)).isEqualTo(3);
        HealthCheck.Result result = health();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("circuit.trip", "CLAID_FAILING");
    }

    // ---------------------------------------------------------------- helpers

    interface ComponentSettings {
        void apply(ClaidComponent component);
    }

    static final ComponentSettings DEFAULTS = component -> { };

    static String base(String key, String baseUrl) {
        return "apiKey=RAW(" + key + ")&baseUrl=" + baseUrl + "&taskPollInterval=20&retryInitialDelay=10";
    }

    private void start(ComponentSettings settings, String base) throws Exception {
        context = new DefaultCamelContext();
        settings.apply(context.getComponent("claid", ClaidComponent.class));
        // what camel.health.producersEnabled=true does: Camel 4 runs no producer health checks without it
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("claid:editAsync?" + base + "&operations=RAW({})");
                from("direct:edit").to("claid:edit?" + base + "&operations=RAW({})");
                from("direct:generate").to("claid:generate?" + base);
                from("direct:getTask").to("claid:getTask?" + base);
                from("direct:storageTypes").to("claid:listStorageTypes?" + base);
            }
        });
        context.start();
    }

    private Exchange send(String uri, Object body) {
        return context.createProducerTemplate().send(uri, e -> e.getMessage().setBody(body));
    }

    private ClaidAccount account() {
        return context.getEndpoints().stream().filter(ClaidEndpoint.class::isInstance).map(ClaidEndpoint.class::cast)
                .filter(e -> e.getOperation() == ClaidOperations.editAsync).findFirst().orElseThrow().account();
    }

    private SubmissionCircuit circuit() {
        return account().circuit();
    }

    private String checkId() {
        return "producer:claid-" + account().id();
    }

    private HealthCheck.Result health() {
        return HealthCheckHelper.invoke(context, checkId(), Map.of()).orElseThrow();
    }

    private String devConsole() {
        org.apache.camel.console.DevConsole console = org.apache.camel.support.PluginHelper
                .getDevConsoleResolver(context).resolveDevConsole("claid");
        String text = String.valueOf(console.call(org.apache.camel.console.DevConsole.MediaType.TEXT, Map.of()));
        String json = ((JsonObject) console.call(org.apache.camel.console.DevConsole.MediaType.JSON, Map.of())).toJson();
        assertThat(json).contains("\"circuit\"");
        return text + json;
    }

    private static void assertNoKey(HealthCheck.Result result) {
        assertNoKey(result, KEY);
    }

    private static void assertNoKey(HealthCheck.Result result, String key) {
        StringBuilder shown = new StringBuilder().append(result.getDetails()).append(result.getMessage());
        for (Throwable t = result.getError().orElse(null); t != null; t = t.getCause()) {
            shown.append(t);
        }
        assertThat(shown.toString()).doesNotContain(key);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
