package io.github.camelclaid.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.ledger.InMemoryTaskLedger;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedgerException;
import io.github.camelclaid.ledger.TrackedTask;
import io.github.camelclaid.support.LoopbackPlatformHttp;
import io.github.camelclaid.testserver.FaultTarget;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.PaidSubmission;
import io.github.camelclaid.testserver.RequestFault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Submissions whose answer is lost after Claid may have acted (unconfirmedSubmissionWait): against the local Claid
 * server, which really creates the task, pays for it and notifies it by signed webhook over real HTTP on 127.0.0.1,
 * while the client sees a dropped connection, a timeout, a gateway error or half a JSON answer.
 */
class UnconfirmedSubmissionIT {

    static final String KEY = "unconfirmed-key-5c1e";
    static final String SECRET = "whsec-unconfirmed-77a0";
    static final String PATH = "/claid/notifications";
    static final String SUBMIT = "/v1/image/edit/async";

    @RegisterExtension
    LoopbackPlatformHttp http = LoopbackPlatformHttp.create();

    LocalClaidServer server;
    CamelContext context;
    ProducerTemplate template;
    final List<Message> reported = Collections.synchronizedList(new ArrayList<>());

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

    void routes(String wait) throws Exception {
        routes(wait, "");
    }

    /** The routes, with {@code options} added to every endpoint (a ledger of the test's, a lease). */
    void routes(String wait, String options) throws Exception {
        String common = "apiKey=" + KEY + "&baseUrl=" + server.baseUrl() + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("claid:editAsync?" + common + "&responseTimeout=400&operations=RAW({})"
                        + "&correlationHeaders=OrderId&unconfirmedSubmissionWait=" + wait);
                from("claid:webhook?" + common + "&webhookPath=" + PATH + "&webhookSecret=" + SECRET)
                        .process(e -> reported.add(e.getMessage().copy()));
                // polling only as the fallback: what reports a placeholder whose wait ended
                from("claid:tasks?" + common + "&delay=20&webhookGracePeriod=1m")
                        .process(e -> reported.add(e.getMessage().copy()));
            }
        });
    }

    Exchange submit(String input, String orderId) {
        return template.request("direct:submit", e -> {
            e.getMessage().setBody(input);
            e.getMessage().setHeader("OrderId", orderId);
        });
    }

    int openTasks() {
        return context.getComponent("claid", ClaidComponent.class).taskLedger(new ClaidConfiguration()).openCount();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dropped after acting", "answered after the timeout", "502 after acting",
            "half a JSON answer"})
    void theTaskOfASubmissionWhoseAnswerWasLostIsReportedWithItsCorrelationHeaders(String fault) throws Exception {
        routes("30s");
        RequestFault next = server.faults().next(1);
        FaultTarget target = switch (fault) {
            case "dropped after acting" -> next.afterProcessing().dropConnection();
            case "answered after the timeout" -> next.delay(Duration.ofMillis(1200));
            case "502 after acting" -> next.afterProcessing().status(502);
            default -> next.malformedJson();
        };
        target.on("POST", SUBMIT);

        Exchange submitted = submit("https://images.example/lost.jpg", "order-lost");

        assertThat(submitted.getException()).as("the exchange goes on").isNull();
        assertThat(submitted.getMessage().getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("UNCONFIRMED");
        assertThat(submitted.getMessage().getHeader(ClaidConstants.TASK_ID)).isNull();
        await().atMost(Duration.ofSeconds(15)).until(() -> !reported.isEmpty() && openTasks() == 0);
        assertThat(server.paidSubmissions()).hasSize(1);
        long paidTask = server.paidSubmissions().get(0).taskId();
        assertThat(reported).singleElement().satisfies(m -> {
            assertThat(m.getHeader(ClaidConstants.TASK_ID)).isEqualTo(paidTask);
            assertThat(m.getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("DONE");
            assertThat(m.getHeader("OrderId")).as("the submitter's correlation header").isEqualTo("order-lost");
            assertThat(m.getBody(TaskResult.class).outputs()).hasSize(1);
        });
        assertThat(server.requestCount("POST", SUBMIT)).as("never sent again").isEqualTo(1);
    }

    @Test
    void workWhoseSubmitterDiedBeforeRecordingClaidsAnswerIsReportedUnderTheTaskClaidsWebhookNames() throws Exception {
        // the submitter dies between Claid accepting its task and recording it: here the ledger refuses that one
        // record (the producer's, which carries the request key), and the submitter's claim lapses unrenewed. Claid's
        // webhook then names the task, and its report carries the dead submitter's correlation headers and request key
        InMemoryTaskLedger ledger = new InMemoryTaskLedger() {
            @Override
            public synchronized boolean record(TrackedTask task) {
                if (task.key().id() > 0 && task.requestKey() != null) {
                    throw new TaskLedgerException("the submitting JVM died here");
                }
                return super.record(task);
            }
        };
        context.getRegistry().bind("dyingLedger", ledger);
        routes("600ms", "&taskLedger=#dyingLedger&taskLease=500");

        Exchange submitted = template.request("direct:submit", e -> {
            e.getMessage().setBody("https://images.example/orphan.jpg");
            e.getMessage().setHeader("OrderId", "order-orphan");
            e.getMessage().setHeader(ClaidConstants.REQUEST_KEY, "photos/orphan.jpg/etag-1");
        });
        assertThat(submitted.getException()).hasMessageContaining("could not record it");

        await().atMost(Duration.ofSeconds(15)).until(() -> !reported.isEmpty() && ledger.openCount() == 0);
        assertThat(server.paidSubmissions()).hasSize(1);
        long paidTask = server.paidSubmissions().get(0).taskId();
        assertThat(reported).as("the task, not an UNCONFIRMED claim").singleElement().satisfies(m -> {
            assertThat(m.getHeader(ClaidConstants.TASK_ID)).isEqualTo(paidTask);
            assertThat(m.getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("DONE");
            assertThat(m.getHeader("OrderId")).isEqualTo("order-orphan");
        });
        assertThat(ledger.findByRequestKey("photos/orphan.jpg/etag-1"))
                .hasValueSatisfying(t -> assertThat(t.key().id()).isEqualTo(paidTask));
        assertThat(server.requestCount("POST", SUBMIT)).as("never sent again").isEqualTo(1);
    }

    @ParameterizedTest(name = "under a request key: {0}")
    @ValueSource(booleans = {false, true})
    void aSubmissionClaidNeverActedOnIsReportedUnconfirmedWhenTheWaitEnds(boolean keyed) throws Exception {
        routes("600ms");
        server.faults().next(1).dropConnection().on("POST", SUBMIT);

        // under a request key, the claim's placeholder is what stands for the work: reported once, not finished
        // silently beside the settled claim
        Exchange submitted = template.request("direct:submit", e -> {
            e.getMessage().setBody("https://images.example/never.jpg");
            e.getMessage().setHeader("OrderId", "order-never");
            if (keyed) {
                e.getMessage().setHeader(ClaidConstants.REQUEST_KEY, "photos/never.jpg/etag-1");
            }
        });

        assertThat(submitted.getException()).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> !reported.isEmpty() && openTasks() == 0);
        assertThat(reported).singleElement().satisfies(m -> {
            assertThat(m.getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("UNCONFIRMED");
            assertThat(m.getHeader(ClaidConstants.TASK_ID)).isNull();
            assertThat(m.getHeader(ClaidConstants.TASK_KIND)).isEqualTo("editAsync");
            assertThat(m.getHeader("OrderId")).isEqualTo("order-never");
            assertThat(m.getHeader(ClaidConstants.TASK_ERRORS, List.class)).singleElement().asString()
                    .contains("Claid named no task for its input").contains("not sent again");
        });
        assertThat(server.paidSubmissions()).isEmpty();
        assertThat(server.requestCount("POST", SUBMIT)).isEqualTo(1);
    }

    @Test
    void otherSubmissionsAreUntouchedAndEachTaskIsReportedOnce() throws Exception {
        routes("30s");
        server.faults().next(1).afterProcessing().dropConnection().on("POST", SUBMIT);
        for (int i = 0; i < 6; i++) {
            assertThat(submit("https://images.example/" + i + ".jpg", "order-" + i).getException()).isNull();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> reported.size() >= 6 && openTasks() == 0);
        assertThat(reported).extracting(m -> m.getHeader("OrderId"))
                .containsExactlyInAnyOrder("order-0", "order-1", "order-2", "order-3", "order-4", "order-5");
        assertThat(reported).extracting(m -> m.getHeader(ClaidConstants.TASK_ID))
                .containsExactlyInAnyOrderElementsOf(server.paidSubmissions().stream().map(PaidSubmission::taskId)
                        .map(Object.class::cast).toList());
    }

    @Test
    void theSameWorkSubmittedAgainWaitsOnItsPlaceholderInsteadOfPayingAgain() throws Exception {
        routes("30s");
        server.faults().next(1).afterProcessing().dropConnection().on("POST", SUBMIT);
        for (int attempt = 0; attempt < 2; attempt++) {
            Exchange submitted = template.request("direct:submit", e -> {
                e.getMessage().setBody("https://images.example/again.jpg");
                e.getMessage().setHeader("OrderId", "order-again");
                e.getMessage().setHeader(ClaidConstants.REQUEST_KEY, "images/again.jpg/etag-1");
            });
            assertThat(submitted.getException()).isNull();
            // the second finds the placeholder, or the task Claid has notified for it by then
            assertThat(submitted.getMessage().getHeader(ClaidConstants.TASK_REUSED)).isEqualTo(attempt == 1 ? true
                    : null);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> !reported.isEmpty() && openTasks() == 0);
        assertThat(reported).singleElement().satisfies(m -> assertThat(m.getHeader("OrderId")).isEqualTo("order-again"));
        assertThat(server.requestCount("POST", SUBMIT)).isEqualTo(1);
        assertThat(server.paidSubmissions()).hasSize(1);
    }

    @Test
    void aPlaceholderIsKeyedByTheInputWhateverTheOrderOfItsMembers() throws Exception {
        ObjectMapper json = new ObjectMapper();
        TaskKey sent = UnconfirmedSubmissions.placeholderKey(
                TaskKind.FASHION_MODELS,
                json.readTree("{\"input\":{\"clothing\":[\"a.jpg\"],\"model\":\"m\"},\"options\":{}}"));
        TaskKey echoed = UnconfirmedSubmissions.placeholderKey(
                TaskKind.FASHION_MODELS,
                json.readTree("{\"options\":{\"pose\":\"x\"},\"input\":{\"model\":\"m\",\"clothing\":[\"a.jpg\"]}}"));
        assertThat(sent).isEqualTo(echoed);
        assertThat(sent.id()).isNegative();
        assertThat(UnconfirmedSubmissions.placeholderKey(TaskKind.EDIT_ASYNC,
                json.readTree("{\"input\":\"https://images.example/a.jpg\"}")))
                .isNotEqualTo(UnconfirmedSubmissions.placeholderKey(
                        TaskKind.EDIT_ASYNC,
                        json.readTree("{\"input\":\"https://images.example/b.jpg\"}")));
        assertThat(UnconfirmedSubmissions.placeholderKey(TaskKind.EDIT_ASYNC,
                json.readTree("{\"operations\":{}}"))).as("no input, no placeholder").isNull();
    }

    @Test
    void aRefusedSubmissionStillFailsAtOnce() throws Exception {
        routes("30s");
        server.faults().next(1).status(422).on("POST", SUBMIT);
        Exchange submitted = submit("https://images.example/refused.jpg", "order-refused");
        assertThat(submitted.getException()).isInstanceOf(ClaidException.class);
        assertThat(((ClaidException) submitted.getException()).mayHaveActed()).isFalse();
        assertThat(openTasks()).as("no placeholder").isZero();
    }

    @Test
    void withoutAWaitALostAnswerFailsTheExchangeAsBefore() throws Exception {
        routes("0");
        server.faults().next(1).afterProcessing().dropConnection().on("POST", SUBMIT);
        Exchange submitted = submit("https://images.example/plain.jpg", "order-plain");
        assertThat(submitted.getException()).isInstanceOf(ClaidException.class);
        ClaidException failure = (ClaidException) submitted.getException();
        assertThat(failure.getReason()).isEqualTo(ClaidException.Reason.NETWORK);
        assertThat(failure.mayHaveActed()).isTrue();
    }
}
