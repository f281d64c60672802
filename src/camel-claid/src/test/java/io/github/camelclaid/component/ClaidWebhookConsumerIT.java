package io.github.camelclaid.component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedger;
import io.github.camelclaid.ledger.TrackedTask;
import io.github.camelclaid.support.LoopbackPlatformHttp;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.WebhookDelivery;
import io.github.camelclaid.testserver.WebhookSigner;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The claid:webhook consumer receiving the local Claid server's signed notifications over real HTTP on 127.0.0.1,
 * through Camel's platform-http (the Vert.x server Camel Main uses).
 */
class ClaidWebhookConsumerIT {

    static final String KEY = "webhook-key-8e21";
    static final String SECRET = "whsec-3f9a1c";
    static final String PATH = "/claid/notifications";

    @RegisterExtension
    LoopbackPlatformHttp http = LoopbackPlatformHttp.create();

    LocalClaidServer server;
    CamelContext context;
    ProducerTemplate template;
    final List<Message> seen = Collections.synchronizedList(new ArrayList<>());
    final Set<Long> failOnce = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startServer() {
        context = http.context();
        server = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(20))
                .processingFor(Duration.ofMillis(60)).webhookTimeScale(0.02).build().start();
        server.webhook(http.uri(PATH), SECRET);
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /**
     * A task submitted straight to Claid, not through a claid: producer (so that the ledger does not know it when Claid
     * notifies it), each of whose notifications is delivered twice, at Claid's own pace (the next attempt 3 s after).
     */
    long taskUnknownHereNotifiedTwice() throws Exception {
        replaceServer(1.0);
        routes("&webhookSecret=" + SECRET, null);
        server.faults().nextWebhooks(1).duplicated();
        return submitOutsideCamel();
    }

    /** A server of the test's own whose webhook retries come at {@code scale} times Claid's pace (3, 6, 12 s). */
    void replaceServer(double scale) {
        server.close();
        server = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(20))
                .processingFor(Duration.ofMillis(60)).webhookTimeScale(scale).build().start();
        server.webhook(http.uri(PATH), SECRET);
    }

    String common() {
        return "apiKey=" + KEY + "&baseUrl=" + server.baseUrl();
    }

    void routes(String webhookOptions, String tasksOptions) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("claid:editAsync?" + common()
                        + "&correlationHeaders=OrderId&operations=RAW({})");
                from("claid:webhook?" + common() + "&webhookPath=" + PATH + webhookOptions).routeId("webhook")
                        .process(e -> record(e, "webhook"));
                if (tasksOptions != null) {
                    from("claid:tasks?" + common() + "&delay=20&taskPollInterval=20" + tasksOptions)
                            .routeId("tasks").process(e -> record(e, "tasks"));
                }
            }
        });
    }

    private void record(Exchange e, String via) {
        Message m = e.getMessage().copy();
        m.setHeader("via", via);
        seen.add(m);
        if (failOnce.remove(m.getHeader(ClaidConstants.TASK_ID, Long.class))) {
            throw new IllegalStateException("the route fails once");
        }
    }

    long submit(String input, String orderId) {
        Exchange out = template.request("direct:submit", e -> {
            e.getMessage().setBody(input);
            e.getMessage().setHeader("OrderId", orderId);
        });
        assertThat(out.getException()).isNull();
        return out.getMessage().getBody(TaskAccepted.class).id();
    }

    int openTasks() {
        return context.getComponent("claid", ClaidComponent.class).taskLedger(new ClaidConfiguration()).openCount();
    }

    List<WebhookDelivery> deliveries(long task) {
        return server.webhookDeliveries().stream().filter(d -> d.taskId() == task).toList();
    }

    @Test
    void aSignedNotificationIsEmittedOnceWithTheTaskAndItsCorrelationHeaders() throws Exception {
        routes("&webhookSecret=" + SECRET, null);
        long id = submit("https://images.example/a.jpg", "order-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> openTasks() == 0);
        assertThat(seen).singleElement().satisfies(m -> {
            assertThat(m.getHeader(ClaidConstants.TASK_ID)).isEqualTo(id);
            assertThat(m.getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("DONE");
            assertThat(m.getHeader(ClaidConstants.TASK_KIND)).isEqualTo("editAsync");
            assertThat(m.getHeader("OrderId")).isEqualTo("order-1");
            assertThat(m.getBody(TaskResult.class).outputs()).hasSize(1);
            assertThat(m.getHeader(WebhookSigner.HEADER)).as("no HTTP header reaches the route").isNull();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> !deliveries(id).isEmpty());
        assertThat(deliveries(id)).singleElement().extracting(WebhookDelivery::statusCode).isEqualTo(200);
        assertThat(server.requestCount("GET", "/v1/image/edit/async/")).as("no polling was needed").isZero();
    }

    /**
     * Claid retries a delivery that did not answer within its timeout while the first is still in the route. Every
     * delivery of one consumer claims the task as the same owner and the ledger's claim is re-entrant for its owner, so
     * the second must be told to deliver again rather than emitted; its next attempt finds the task reported.
     */
    @Test
    void aRetriedDeliveryArrivingWhileTheFirstIsInTheRouteIsNotEmittedTwice() throws Exception {
        server.close();
        server = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(20))
                .processingFor(Duration.ofMillis(60)).webhookTimeScale(0.02).webhookTimeout(Duration.ofMillis(300))
                .build().start();
        server.webhook(http.uri(PATH), SECRET);
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("claid:editAsync?" + common()
                        + "&correlationHeaders=OrderId&operations=RAW({})");
                from("claid:webhook?" + common() + "&webhookPath=" + PATH + "&webhookSecret=" + SECRET)
                        .routeId("webhook").process(e -> {
                            record(e, "webhook");
                            long task = e.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class);
                            if (first.getAndSet(false)) {
                                // the first delivery stays in the route until Claid gave up on it and tried again
                                await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(task).size() >= 2);
                            }
                        });
            }
        });
        long id = submit("https://images.example/a.jpg", "order-1");

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(id).stream().anyMatch(d -> d.statusCode() == 200));
        assertThat(seen).as("emitted").hasSize(1);
        assertThat(deliveries(id)).extracting(WebhookDelivery::statusCode).as("timed out, refused, acknowledged")
                .contains(503).last().isEqualTo(200);
        assertThat(openTasks()).isZero();
    }

    /**
     * Claid does not deliver again after a 4xx, and Camel's HTTP server answers 404 for a path nobody serves: a
     * notification that comes while the webhook's route is stopped is answered 503 instead, and Claid's next attempt
     * reaches the route once it runs again.
     */
    @Test
    void aDeliveryWhileTheWebhookRouteIsStoppedIsAnswered503AndItsRetryIsEmitted() throws Exception {
        // Claid's schedule at half pace: the next attempt 1.5 s after the first, time to start the route again
        replaceServer(0.5);
        routes("&webhookSecret=" + SECRET, null);
        long running = submit("https://images.example/a.jpg", "order-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(running).size() == 1);

        context.getRouteController().stopRoute("webhook");
        long whileStopped = submit("https://images.example/b.jpg", "order-2");
        await().atMost(Duration.ofSeconds(10)).until(() -> !deliveries(whileStopped).isEmpty());
        context.getRouteController().startRoute("webhook");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(whileStopped).size() == 2);

        assertThat(deliveries(whileStopped)).extracting(WebhookDelivery::statusCode).containsExactly(503, 200);
        assertThat(seen).extracting(m -> m.getHeader("OrderId")).containsExactly("order-1", "order-2");
        assertThat(openTasks()).isZero();
    }

    /**
     * As a JVM starts, Camel's HTTP server listens before the routes start, and routes start one after another: until
     * the webhook's route runs, its path answers 503 (deliver again), not the 404 that would lose the notification.
     */
    @Test
    void whileCamelStartsItsRoutesTheWebhookPathAnswers503() throws Exception {
        CountDownLatch firstRouteStarting = new CountDownLatch(1);
        CountDownLatch letItStart = new CountDownLatch(1);
        assertAnswered503WhileStarting(new RouteBuilder() {
            @Override
            public void configure() {
                // a route that starts first and slowly, as a consumer connecting to a broker or a bucket does
                from("direct:first").routeId("first").startupOrder(1)
                        .routePolicy(new RoutePolicySupport() {
                            @Override
                            public void onStart(Route route) {
                                firstRouteStarting.countDown();
                                awaitQuietly(letItStart);
                            }
                        }).log("first");
            }
        }, firstRouteStarting, letItStart);
    }

    /**
     * Camel Main's HTTP server starts just before Camel warms the routes up, and the warm-up starts every route's
     * processors and producers (an S3 client, a connection pool): the path answers 503 from when the server listens,
     * not only once every route is warmed up.
     */
    @Test
    void whileCamelWarmsTheRoutesUpTheWebhookPathAnswers503() throws Exception {
        assertAnswered503WhileWarmingUp(false);
    }

    /** With a supervising route controller, which warms the routes up and starts them after Camel has started. */
    @Test
    void whileASupervisingRouteControllerWarmsTheRoutesUpTheWebhookPathAnswers503() throws Exception {
        assertAnswered503WhileWarmingUp(true);
    }

    private void assertAnswered503WhileWarmingUp(boolean supervising) throws Exception {
        CountDownLatch warmingUp = new CountDownLatch(1);
        CountDownLatch letItWarmUp = new CountDownLatch(1);
        Processor slowToStart = new SlowToStart(warmingUp, letItWarmUp);
        assertAnswered503WhileStarting(new RouteBuilder() {
            @Override
            public void configure() {
                if (supervising) {
                    getCamelContext().getRouteController().supervising();
                }
                from("direct:first").routeId("first").startupOrder(1).process(slowToStart);
            }
        }, warmingUp, letItWarmUp);
    }

    /**
     * Starts a context with Camel Main's HTTP server, {@code slowPart} and a webhook route, asserts that a delivery made
     * once the start has {@code reached} the slow part is answered 503, lets the start go on, and asserts that the
     * route then serves the path.
     */
    private void assertAnswered503WhileStarting(RouteBuilder slowPart, CountDownLatch reached, CountDownLatch letGo)
            throws Exception {
        CamelContext starting = new DefaultCamelContext();
        MainHttpServer startingServer = LoopbackPlatformHttp.install(starting, null);
        starting.addRoutes(slowPart);
        starting.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("claid:webhook?" + common() + "&webhookPath=" + PATH + "&webhookSecret=" + SECRET)
                        .routeId("webhook").startupOrder(2).process(e -> record(e, "webhook"));
            }
        });
        Thread start = new Thread(starting::start, "starting-camel");
        start.start();
        try {
            assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();
            HttpRequest delivery = HttpRequest.newBuilder(URI.create("http://" + LoopbackPlatformHttp.HOST + ":"
                    + LoopbackPlatformHttp.port(startingServer) + PATH)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(delivery,
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            letGo.countDown();
            start.join(30_000);
            assertThat(starting.isStarted()).isTrue();
            // a supervising route controller starts the routes after Camel has started
            await("the route answers once it runs: an unsigned delivery is refused").atMost(Duration.ofSeconds(30))
                    .until(() -> HttpClient.newHttpClient().send(delivery, HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 401);
        } finally {
            letGo.countDown();
            start.join(30_000);
            starting.stop();
        }
    }

    /** A processor whose start waits: what a producer connecting somewhere does while Camel warms its route up. */
    private static final class SlowToStart extends ServiceSupport implements Processor {

        private final CountDownLatch starting;
        private final CountDownLatch letGo;

        SlowToStart(CountDownLatch starting, CountDownLatch letGo) {
            this.starting = starting;
            this.letGo = letGo;
        }

        @Override
        protected void doStart() {
            starting.countDown();
            awaitQuietly(letGo);
        }

        @Override
        public void process(Exchange exchange) {
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A notification that comes before its producer recorded the task is recorded and answered 503, so that Claid's
     * next attempt carries the producer's headers. Its duplicate, arriving in the same moment, is told the same rather
     * than reported without them (the image behind it would then get neither an output nor a report).
     */
    @Test
    void aDuplicateOfANotificationThatOvertookItsProducerIsToldToDeliverAgainToo() throws Exception {
        long id = taskUnknownHereNotifiedTwice();
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(id).size() >= 2);
        assertThat(deliveries(id)).extracting(WebhookDelivery::statusCode).as("the notification and its duplicate")
                .containsExactly(503, 503);
        assertThat(seen).isEmpty();

        // the producer's record, late
        TaskLedger ledger = context.getComponent("claid", ClaidComponent.class).taskLedger(new ClaidConfiguration());
        assertThat(ledger.adopt(new TaskKey(TaskKind.EDIT_ASYNC, id),
                Map.of("OrderId", "order-9"), null)).isTrue();
        await().atMost(Duration.ofSeconds(15)).until(() -> seen.size() == 1);
        assertThat(seen.get(0).getHeader("OrderId")).isEqualTo("order-9");
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsEmitted() throws Exception {
        routes("&webhookSecret=" + SECRET, null);
        server.faults().nextWebhooks(1).withForgedSignature();
        long id = submit("https://images.example/a.jpg", "order-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> !deliveries(id).isEmpty());
        assertThat(deliveries(id)).singleElement().extracting(WebhookDelivery::statusCode).isEqualTo(401);
        assertThat(seen).isEmpty();
        assertThat(openTasks()).as("the task stays open for polling or a genuine delivery").isEqualTo(1);
    }

    @Test
    void aRepeatedDeliveryIsAcknowledgedButEmittedOnce() throws Exception {
        routes("&webhookSecret=" + SECRET, null);
        server.faults().nextWebhooks(1).duplicated();
        long id = submit("https://images.example/a.jpg", "order-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(id).size() == 2);
        assertThat(deliveries(id)).extracting(WebhookDelivery::statusCode).containsExactly(200, 200);
        assertThat(seen).hasSize(1);
    }

    @Test
    void aRouteFailureAnswers500AndClaidsRetryIsEmittedSuccessfully() throws Exception {
        routes("&webhookSecret=" + SECRET, null);
        // the id is not known before submitting, so the route fails on whichever task comes first
        failOnce.add(1L + server.paidSubmissionCount());
        long id = submit("https://images.example/a.jpg", "order-1");
        assertThat(id).isEqualTo(1L);
        await().atMost(Duration.ofSeconds(10)).until(() -> openTasks() == 0);
        // a delivery that overtakes the producer's record is asked again (503) before any route sees it
        assertThat(deliveries(id)).extracting(WebhookDelivery::statusCode).filteredOn(status -> status != 503)
                .containsExactly(500, 200);
        assertThat(seen).hasSize(2).allSatisfy(m -> assertThat(m.getHeader(ClaidConstants.TASK_ID)).isEqualTo(id));
    }

    @Test
    void theHttpServerComponentCanBeNamed() throws Exception {
        routes("&webhookSecret=" + SECRET + "&webhookComponentName=platform-http", null);
        long id = submit("https://images.example/a.jpg", "order-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> openTasks() == 0);
        assertThat(seen).singleElement().satisfies(m -> assertThat(m.getHeader(ClaidConstants.TASK_ID)).isEqualTo(id));
    }

    @Test
    void aComponentThatServesNoHttpIsRefusedByName() {
        assertThatThrownBy(() -> routes("&webhookSecret=" + SECRET + "&webhookComponentName=direct", null))
                .hasStackTraceContaining("webhookComponentName=direct names a component that serves no HTTP");
    }

    @Test
    void anUnknownComponentNameFailsNamingTheOptionAndTheServersThereAre() {
        assertThatThrownBy(() -> routes("&webhookSecret=" + SECRET + "&webhookComponentName=jetty-server", null))
                .hasStackTraceContaining("webhookComponentName=jetty-server names neither a bean nor a component")
                .hasStackTraceContaining("HTTP server components found in the registry and on the classpath: "
                        + "platform-http. Name the one to use with the option webhookComponentName");
    }

    @Test
    void withPollingAsTheFallbackEveryTaskIsEmittedExactlyOnceWhicheverComesFirst() throws Exception {
        // polling starts 300 ms after submission; notifications take 0-60 ms, and a third are forged away
        routes("&webhookSecret=" + SECRET, "&webhookGracePeriod=300");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            if (i % 3 == 0) {
                server.faults().nextWebhooks(1).withForgedSignature();
            }
            ids.add(submit("https://images.example/" + i + ".jpg", "order-" + i));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> openTasks() == 0);
        assertThat(seen).extracting(m -> m.getHeader(ClaidConstants.TASK_ID, Long.class))
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(seen).filteredOn(m -> "tasks".equals(m.getHeader("via"))).hasSizeGreaterThanOrEqualTo(1);
        assertThat(seen).filteredOn(m -> "webhook".equals(m.getHeader("via"))).hasSizeGreaterThanOrEqualTo(1);
        assertThat(server.paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(12);
    }

    @Test
    void racingWithPollingFromTheStartStillEmitsEachTaskOnce() throws Exception {
        routes("&webhookSecret=" + SECRET, "");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ids.add(submit("https://images.example/" + i + ".jpg", "order-" + i));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> openTasks() == 0
                && server.webhookDeliveries().size() >= ids.size());
        assertThat(seen).extracting(m -> m.getHeader(ClaidConstants.TASK_ID, Long.class))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aNotificationForATaskTheLedgerDoesNotKnowIsEmittedAndItsRepeatSpotted() throws Exception {
        long id = taskUnknownHereNotifiedTwice();
        // the first delivery and its duplicate are asked to come again (its producer might not have recorded it
        // yet); Claid's next attempts of both come in the same moment: one reports the task, and the other finds it
        // reported, or, while that report is still under way, is asked to come again once more
        await().atMost(Duration.ofSeconds(15))
                .until(() -> deliveries(id).stream().filter(d -> d.statusCode() == 200).count() == 2);
        assertThat(deliveries(id)).extracting(WebhookDelivery::statusCode).startsWith(503, 503)
                .containsOnly(503, 200);
        assertThat(seen).singleElement().satisfies(m -> {
            assertThat(m.getHeader(ClaidConstants.TASK_ID)).isEqualTo(id);
            assertThat(m.getHeader(ClaidConstants.TASK_KIND)).isEqualTo("editAsync");
            assertThat(m.getHeader(ClaidConstants.RESULT_URL, String.class)).endsWith("/v1/image/edit/async/" + id);
        });
    }

    @Test
    void aNotificationThatOvertakesItsProducersRecordStillCarriesTheCorrelationHeaders() throws Exception {
        routes("&webhookSecret=" + SECRET, null);
        // the task the producer is about to submit is heard of first, as when Claid's notification overtakes the
        // handling of its submission's answer: the local server numbers tasks from 1
        TaskLedger ledger = context.getComponent("claid", ClaidComponent.class).taskLedger(new ClaidConfiguration());
        TaskKey next = new TaskKey(TaskKind.EDIT_ASYNC, 1);
        ledger.record(TrackedTask.submitted(next, server.baseUrl() + "/v1/image/edit/async/1", Instant.now(),
                TaskStatus.DONE, null, Instant.now().plusSeconds(60)));
        long id = submit("https://images.example/a.jpg", "order-7");
        assertThat(id).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> openTasks() == 0);
        assertThat(seen).singleElement().satisfies(m -> assertThat(m.getHeader("OrderId")).isEqualTo("order-7"));
    }

    private long submitOutsideCamel() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/v1/image/edit/async"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"input\":\"https://images.example/x.jpg\",\"operations\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return Long.parseLong(answer.body().replaceAll("(?s).*\"id\"\\s*:\\s*(\\d+).*", "$1"));
    }

    @Test
    void malformedOversizedAndUnsignedDeliveriesGetTheirOwnAnswers() throws Exception {
        routes("&webhookSecret=" + SECRET + "&maxWebhookBodySize=2048", null);
        byte[] body = "{\"data\":{\"id\":77,\"status\":\"DONE\"}}".getBytes(StandardCharsets.UTF_8);
        assertThat(post(body, null)).isEqualTo(401);
        assertThat(post(body, "sha1=abc")).isEqualTo(400);
        assertThat(post(body, WebhookSigner.headerValue("not-the-secret", body,
                io.github.camelclaid.testserver.WebhookSignatureStyle.PREFIXED))).isEqualTo(401);
        byte[] big = new byte[4096];
        assertThat(post(big, "sha256=" + "0".repeat(64))).isEqualTo(413);
        byte[] notJson = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(post(notJson, WebhookSigner.headerValue(SECRET, notJson,
                io.github.camelclaid.testserver.WebhookSignatureStyle.PREFIXED))).isEqualTo(400);
        assertThat(seen).isEmpty();
    }

    private int post(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WebhookSigner.HEADER, signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aWebhookWithoutASecretFailsToStartNamingTheOption() {
        context.getComponent("claid", ClaidComponent.class).setEnvironment(name -> null);
        assertThatThrownBy(() -> routes("", null))
                .hasStackTraceContaining("claid:webhook needs the webhookSecret")
                .hasStackTraceContaining("CLAID_WEBHOOK_SECRET")
                .hasStackTraceContaining("allowUnsignedWebhooks=true");
    }
}
