package io.github.camelclaid.component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedger;
import io.github.camelclaid.ledger.TrackedTask;
import io.github.camelclaid.support.LoopbackPlatformHttp;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.TaskTimeline;
import io.github.camelclaid.testserver.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exchanges waiting for their task ({@code waitForCompletion}) next to a {@code claid:webhook} consumer of the same
 * account: the local Claid server's signed notifications, over real HTTP on 127.0.0.1, end the waits without status
 * requests, and polling starts only after {@code webhookGracePeriod}, for a notification that never came.
 */
class WebhookWaitIT {

    static final String KEY = "webhook-wait-key-5c7d";
    static final String SECRET = "whsec-wait-81b2";
    static final String PATH = "/claid/notifications";
    static final String STATUS_PATH = "/v1/image/edit/async/";

    @RegisterExtension
    LoopbackPlatformHttp http = LoopbackPlatformHttp.create();

    LocalClaidServer server;
    CamelContext context;
    ProducerTemplate template;
    final List<Message> emitted = Collections.synchronizedList(new ArrayList<>());

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

    String common() {
        return "apiKey=" + KEY + "&baseUrl=" + server.baseUrl();
    }

    /**
     * A waiting producer polling every 20 ms once its grace is over, the webhook consumer, and, when asked, a tasks
     * consumer; both consumers' routes record what they emit.
     */
    void routes(String grace, boolean withTasksConsumer) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("claid:editAsync?" + common() + "&operations=RAW({})"
                        + "&waitForCompletion=true&maxWait=60000&taskPollInterval=20&webhookGracePeriod=" + grace);
                from("claid:webhook?" + common() + "&webhookPath=" + PATH + "&webhookSecret=" + SECRET)
                        .process(e -> emitted.add(e.getMessage().copy()));
                if (withTasksConsumer) {
                    from("claid:tasks?" + common() + "&delay=20&taskPollInterval=20&webhookGracePeriod=" + grace)
                            .process(e -> emitted.add(e.getMessage().copy()));
                }
            }
        });
    }

    /** Submits the inputs all at once and waits for every exchange to come back. */
    List<Exchange> submitAll(List<String> inputs) {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (String input : inputs) {
            sent.add(template.asyncSend("direct:submit", e -> e.getMessage().setBody(input)));
        }
        return sent.stream().map(CompletableFuture::join).toList();
    }

    static List<String> images(int count) {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add("https://images.example/" + i + ".jpg");
        }
        return inputs;
    }

    int openTasks() {
        return context.getComponent("claid", ClaidComponent.class).taskLedger(new ClaidConfiguration()).openCount();
    }

    Map<Long, TaskTimeline> timelines() {
        return server.taskTimelines().stream().collect(Collectors.toMap(TaskTimeline::id, Function.identity()));
    }

    static long taskId(Exchange exchange) {
        return exchange.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class);
    }

    /**
     * A getTask wait for a task submitted elsewhere: after the one status request that finds it running, its
     * notification ends the wait (the kind comes from the result URL).
     */
    @Test
    void aGetTaskWaitIsCompletedByTheNotificationAfterItsFirstLook() throws Exception {
        // a task that runs long enough for getTask's first look to find it running, whatever the machine's load
        server.close();
        server = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(20))
                .processingFor(Duration.ofMillis(1500)).webhookTimeScale(0.02).build().start();
        server.webhook(http.uri(PATH), SECRET);
        routes("10m", false);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submitOnly").to("claid:editAsync?" + common() + "&operations=RAW({})");
                from("direct:getTask").to("claid:getTask?" + common()
                        + "&waitForCompletion=true&maxWait=60000&taskPollInterval=20&webhookGracePeriod=10m");
            }
        });
        Exchange submitted = template.request("direct:submitOnly", e -> e.getMessage().setBody("https://images.example/g.jpg"));
        String resultUrl = submitted.getMessage().getHeader(ClaidConstants.RESULT_URL, String.class);

        Exchange done = template.request("direct:getTask", e -> e.getMessage().setHeader(ClaidConstants.RESULT_URL,
                resultUrl));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("DONE");
        assertThat(timelines().get(taskId(submitted)).statusRequests()).as("getTask's own look, then no poll")
                .isEqualTo(1);
    }

    @Test
    void waitedTasksAreCompletedByTheirNotificationsWithoutAStatusRequest() throws Exception {
        // the grace outlasts the test: any status request would be a poll that the webhook should have made needless
        routes("10m", false);

        List<Exchange> done = submitAll(images(8));

        assertThat(done).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("DONE");
            assertThat(exchange.getMessage().getBody(TaskResult.class).outputs()).as("the outputs, from the"
                    + " notification").hasSize(1);
        });
        assertThat(server.requestCount("GET", STATUS_PATH)).as("status requests").isZero();
        assertThat(timelines().values()).hasSize(8).allSatisfy(t -> assertThat(t.statusRequests()).isZero());
        // a delivery is recorded once its answer is read, after it has handed the task over
        await().atMost(Duration.ofSeconds(10)).until(() -> openTasks() == 0
                && server.webhookDeliveries().size() == 8);
        assertThat(server.webhookDeliveries()).allSatisfy(d -> assertThat(d.statusCode()).isEqualTo(200));
        assertThat(emitted).as("reported by the waiting exchanges only").isEmpty();
    }

    @Test
    void aWaitWhoseNotificationIsLostIsCompletedByPollingAfterTheGracePeriod() throws Exception {
        // tasks take 80 ms and are notified soon after; polling starts 2 s after submission, so its first request
        // finds a task whose notification was dropped ended
        routes("2s", false);
        server.faults().nextWebhooks(2).dropped();

        List<Exchange> done = submitAll(images(6));

        assertThat(done).allSatisfy(exchange -> {
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("DONE");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> server.webhookDeliveries().size() == 4);
        List<Long> notified = server.webhookDeliveries().stream().map(WebhookDelivery::taskId).toList();
        Map<Long, TaskTimeline> timelines = timelines();
        assertThat(notified).hasSize(4);
        for (Exchange exchange : done) {
            long id = taskId(exchange);
            int expected = notified.contains(id) ? 0 : 1;
            assertThat(timelines.get(id).statusRequests()).as("status requests for task %d", id).isEqualTo(expected);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> openTasks() == 0);
        assertThat(emitted).isEmpty();
    }

    @Test
    void eachWaitedTaskIsDeliveredOnceToItsExchangeAndNeverByTheConsumersRoutes() throws Exception {
        routes("10m", true);
        // a repeated notification, and one Claid sends again, find the task reported already
        server.faults().nextWebhooks(3).duplicated();

        List<Exchange> done = submitAll(images(6));

        assertThat(done).extracting(WebhookWaitIT::taskId).doesNotHaveDuplicates().hasSize(6);
        assertThat(done).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        await().atMost(Duration.ofSeconds(10)).until(() -> openTasks() == 0
                && server.webhookDeliveries().stream().filter(d -> d.statusCode() == 200).count() >= 9);
        assertThat(server.requestCount("GET", STATUS_PATH)).as("status requests").isZero();
        assertThat(emitted).as("emitted by claid:webhook or claid:tasks").isEmpty();
    }

    @Test
    void aNotificationThatOvertookItsWaitingProducersRecordGoesToTheWaitOnly() throws Exception {
        routes("10m", false);
        // the task the producer is about to submit was heard of first, as when a delivery overtakes the handling of
        // its submission's answer: the local server numbers tasks from 1
        TaskLedger ledger = context.getComponent("claid", ClaidComponent.class).taskLedger(new ClaidConfiguration());
        ledger.record(TrackedTask.submitted(new TaskKey(TaskKind.EDIT_ASYNC, 1), server.baseUrl() + STATUS_PATH + 1,
                Instant.now(), TaskStatus.DONE, null, Instant.now().plusSeconds(60)));

        Exchange done = submitAll(images(1)).get(0);

        assertThat(done.getException()).isNull();
        assertThat(taskId(done)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> openTasks() == 0
                && server.webhookDeliveries().stream().anyMatch(d -> d.statusCode() == 200));
        assertThat(server.requestCount("GET", STATUS_PATH)).as("status requests").isZero();
        assertThat(emitted).as("emitted by claid:webhook").isEmpty();
    }
}
