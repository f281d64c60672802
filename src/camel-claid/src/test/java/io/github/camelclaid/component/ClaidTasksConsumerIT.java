package io.github.camelclaid.component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.model.ImageObject;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedger;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import io.github.camelclaid.testserver.RateLimitBudget;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Submit in one route, report in another: the claid:tasks consumer against the local Claid server. */
class ClaidTasksConsumerIT extends CamelTestSupport {

    static final String KEY = "tasks-key-51d0";

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY)
            .acceptedFor(Duration.ofMillis(30))
            .processingFor(Duration.ofMillis(100))
            .processingSpread(Duration.ofMillis(200)));

    // copy-on-write lists: the assertions iterate them while the consumer may still be adding

    /** Every exchange the reporting route saw, in order, including the ones it failed on purpose. */
    final List<Message> seen = new CopyOnWriteArrayList<>();
    /** Task ids (or id/output) whose first report the route fails, to see them reported again. */
    final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    /** What the consumer's own exception handler was given, for the route that always fails. */
    final List<Throwable> handled = new CopyOnWriteArrayList<>();
    final List<Object> handledTaskIds = new CopyOnWriteArrayList<>();

    static String common() {
        return "baseUrl=" + claid.server().baseUrl() + "&taskPollInterval=20&taskPollMaxInterval=200";
    }

    /** The key is set on the component, as a user's CLAID_API_KEY would be, not written into the URIs. */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("claid", ClaidComponent.class).getConfiguration().setApiKey(KEY);
        context.getRegistry().bind("recordingHandler", new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handleException(null, null, exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handleException(message, null, exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                handled.add(exception);
                handledTaskIds.add(exchange == null ? null : exchange.getMessage().getHeader(ClaidConstants.TASK_ID));
            }
        });
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("claid:editAsync?" + common()
                        + "&correlationHeaders=OrderId,Shop*&operations=RAW({\"resizing\":{\"width\":64}})");
                from("direct:submitBatch").to("claid:editBatch?" + common() + "&operations=RAW({})");
                from("direct:submitAndWait").to("claid:editAsync?" + common() + "&waitForCompletion=true&operations=RAW({})");

                from("claid:tasks?" + common() + "&delay=20").routeId("report")
                        .process(e -> {
                            Message m = e.getMessage().copy();
                            seen.add(m);
                            String id = m.getHeader(ClaidConstants.TASK_ID, String.class);
                            Integer index = m.getHeader(ClaidConstants.OUTPUT_INDEX, Integer.class);
                            if (failOnce.remove(index == null ? id : id + "/" + index)) {
                                throw new IllegalStateException("the route fails on task " + id + " once");
                            }
                        });
                from("claid:tasks?" + common() + "&delay=20&exceptionHandler=#recordingHandler")
                        .routeId("alwaysFails").autoStartup(false)
                        .process(e -> {
                            throw new IllegalStateException("the route fails on task "
                                    + e.getMessage().getHeader(ClaidConstants.TASK_ID));
                        });
                from("claid:tasks?" + common() + "&delay=20&splitOutputs=true&downloadOutput=true").routeId("split")
                        .autoStartup(false)
                        .process(e -> {
                            Message m = e.getMessage().copy();
                            seen.add(m);
                            String key = m.getHeader(ClaidConstants.TASK_ID) + "/"
                                    + m.getHeader(ClaidConstants.OUTPUT_INDEX);
                            if (failOnce.remove(key)) {
                                throw new IllegalStateException("the route fails on output " + key + " once");
                            }
                        });
            }
        };
    }

    private static long taskId(Message m) {
        return m.getHeader(ClaidConstants.TASK_ID, Long.class);
    }

    @Test
    void everyTaskSubmittedInOneRouteIsReportedExactlyOnceInAnother() {
        int tasks = 25;
        List<Long> submitted = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            int n = i;
            Exchange out = template.request("direct:submit", e -> {
                e.getMessage().setBody("https://images.example/product-" + n + ".jpg");
                e.getMessage().setHeader("OrderId", "order-" + n);
                e.getMessage().setHeader("ShopRegion", "eu");
                e.getMessage().setHeader("Unrelated", "not kept");
            });
            assertThat(out.getException()).isNull();
            submitted.add(out.getMessage().getBody(TaskAccepted.class).id());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= tasks
                && endpointLedgerOpenCount() == 0);
        List<Long> reported = seen.stream().map(ClaidTasksConsumerIT::taskId).toList();
        assertThat(reported).containsExactlyInAnyOrderElementsOf(submitted);
        for (Message m : seen) {
            int n = submitted.indexOf(taskId(m));
            assertThat(m.getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("DONE");
            assertThat(m.getHeader(ClaidConstants.TASK_KIND)).isEqualTo("editAsync");
            assertThat(m.getHeader("OrderId")).isEqualTo("order-" + n);
            assertThat(m.getHeader("ShopRegion")).isEqualTo("eu");
            assertThat(m.getHeader("Unrelated")).isNull();
            assertThat(m.getHeader(ClaidConstants.RESULT_URL, String.class)).endsWith("/" + taskId(m));
            assertThat(m.getHeader(ClaidConstants.OUTPUT_URL, String.class)).startsWith("http://127.0.0.1");
            TaskResult result = m.getBody(TaskResult.class);
            assertThat(result.outputs()).singleElement().extracting(ImageObject::width).isEqualTo(64);
        }
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(tasks);
    }

    @Test
    void aTaskClaidNoLongerKnowsIsReportedAsFailedAfterAFewTriesInsteadOfBeingPolledForever() {
        long id = template.request("direct:submit", e -> e.getMessage().setBody("https://images.example/hold-lost.jpg"))
                .getMessage().getBody(TaskAccepted.class).id();
        String statusPath = "/v1/image/edit/async/" + id;
        TaskKey key = new TaskKey(TaskKind.EDIT_ASYNC, id);
        // an answer handled (counted in the ledger), so that no poll answered before the forgetting is in flight
        await().atMost(Duration.ofSeconds(20)).until(() -> endpointLedger().find(key).orElseThrow().polls() > 0
                && endpointLedger().find(key).orElseThrow().owner() == null);
        long pollsBefore = statusPolls(statusPath);
        claid.server().forgetTasks(); // as a Claid-compatible server restarted without its state

        await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty() && endpointLedgerOpenCount() == 0);
        Message reported = seen.get(0);
        assertThat(taskId(reported)).isEqualTo(id);
        assertThat(reported.getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("ERROR");
        assertThat(reported.getHeader(ClaidConstants.TASK_ERRORS, List.class)).singleElement().asString()
                .contains("Claid no longer knows this task", "answered 404 3 times in a row");
        // every poll after the forgetting was answered 404, and there were no more of them than the tries
        assertThat(statusPolls(statusPath) - pollsBefore).isEqualTo(ClaidTasksConsumer.NOT_FOUND_TRIES);
    }

    private static long statusPolls(String path) {
        return claid.server().requests().stream().filter(r -> r.path().equals(path)).count();
    }

    @Test
    void failedCancelledAndPausedTasksAreReportedWithTheirStatusNotDropped() {
        Map<String, String> expected = Map.of("fail", "ERROR", "cancel", "CANCELLED", "pause", "PAUSED");
        Map<Long, String> byTask = new ConcurrentHashMap<>();
        expected.forEach((marker, status) -> byTask.put(template.request("direct:submit",
                e -> e.getMessage().setBody("https://images.example/" + marker + ".jpg"))
                .getMessage().getBody(TaskAccepted.class).id(), status));
        await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= 3 && endpointLedgerOpenCount() == 0);
        assertThat(seen).hasSize(3);
        for (Message m : seen) {
            assertThat(m.getHeader(ClaidConstants.TASK_STATUS)).isEqualTo(byTask.get(taskId(m)));
        }
        Message error = seen.stream().filter(m -> "ERROR".equals(m.getHeader(ClaidConstants.TASK_STATUS)))
                .findFirst().orElseThrow();
        assertThat(error.getHeader(ClaidConstants.TASK_ERRORS, List.class)).isNotEmpty();
    }

    @Test
    void aTaskWhoseRouteFailsIsReportedAgainAndFinishedOnlyWhenTheRouteSucceeds() {
        long id = template.request("direct:submit", e -> e.getMessage().setBody("https://images.example/a.jpg"))
                .getMessage().getBody(TaskAccepted.class).id();
        failOnce.add(String.valueOf(id));
        // the id is known only after submission; the first report may not have come yet, which is what we need
        await().atMost(Duration.ofSeconds(20)).until(() -> endpointLedgerOpenCount() == 0);
        List<Long> reports = seen.stream().map(ClaidTasksConsumerIT::taskId).toList();
        assertThat(reports).containsOnly(id);
        assertThat(failOnce).isEmpty();
        assertThat(reports).hasSize(2);
    }

    @Test
    void aRouteFailureReachesTheConsumersExceptionHandlerAndTheTaskStaysOpen() throws Exception {
        context.getRouteController().stopRoute("report");
        context.getRouteController().startRoute("alwaysFails");
        long id = template.request("direct:submit", e -> e.getMessage().setBody("https://images.example/a.jpg"))
                .getMessage().getBody(TaskAccepted.class).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() >= 2);
        assertThat(handled).allSatisfy(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                .hasMessage("the route fails on task " + id));
        assertThat(handledTaskIds).allSatisfy(taskId -> assertThat(taskId).isEqualTo(id));
        assertThat(endpointLedgerOpenCount()).isEqualTo(1);
    }

    @Test
    void splitOutputsEmitsOneExchangePerOutputAndRetriesOnlyTheOneThatFailed() throws Exception {
        context.getRouteController().stopRoute("report");
        context.getRouteController().startRoute("split");
        Exchange submitted = template.request("direct:submitBatch", e -> e.getMessage().setBody(List.of(
                "https://images.example/1.jpg", "https://images.example/2.jpg", "https://images.example/3.jpg")));
        assertThat(submitted.getException()).isNull();
        long id = submitted.getMessage().getBody(TaskAccepted.class).id();
        failOnce.add(id + "/1");
        await().atMost(Duration.ofSeconds(20)).until(() -> endpointLedgerOpenCount() == 0);
        List<Integer> indexes = seen.stream().map(m -> m.getHeader(ClaidConstants.OUTPUT_INDEX, Integer.class))
                .toList();
        assertThat(indexes).containsExactlyInAnyOrder(0, 1, 1, 2);
        for (Message m : seen) {
            assertThat(m.getHeader(ClaidConstants.OUTPUT_COUNT)).isEqualTo(3);
            assertThat(m.getBody()).isInstanceOf(byte[].class);
            assertThat(m.getHeader(ClaidConstants.RESPONSE)).isInstanceOf(TaskResult.class);
            assertThat(m.getHeader(ClaidConstants.TASK_KIND)).isEqualTo("editBatch");
        }
    }

    @Test
    void aTaskTheProducerWaitedForIsNotReportedAgain() {
        Exchange out = template.request("direct:submitAndWait",
                e -> e.getMessage().setBody("https://images.example/a.jpg"));
        assertThat(out.getMessage().getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("DONE");
        assertThat(endpointLedgerOpenCount()).isZero();
        // a later task is reported, so the consumer is running and has had its chance at the first one
        long later = template.request("direct:submit", e -> e.getMessage().setBody("https://images.example/b.jpg"))
                .getMessage().getBody(TaskAccepted.class).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty() && endpointLedgerOpenCount() == 0);
        assertThat(seen).extracting(ClaidTasksConsumerIT::taskId).containsExactly(later);
    }

    @Test
    void workSubmittedAgainUnderTheSameRequestKeyReusesTheTaskAndIsPaidAndReportedOnce() {
        Exchange first = template.request("direct:submit", e -> {
            e.getMessage().setBody("https://images.example/cat.jpg");
            e.getMessage().setHeader(ClaidConstants.REQUEST_KEY, "photos/cat.jpg/etag-1");
        });
        Exchange again = template.request("direct:submit", e -> {
            e.getMessage().setBody("https://images.example/cat.jpg");
            e.getMessage().setHeader(ClaidConstants.REQUEST_KEY, "photos/cat.jpg/etag-1");
        });
        long id = first.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class);
        assertThat(first.getMessage().getHeader(ClaidConstants.TASK_REUSED)).isNull();
        assertThat(again.getMessage().getHeader(ClaidConstants.TASK_REUSED)).isEqualTo(true);
        assertThat(again.getMessage().getHeader(ClaidConstants.TASK_ID)).isEqualTo(id);
        assertThat(again.getMessage().getBody(TaskAccepted.class).resultUrl())
                .isEqualTo(first.getMessage().getHeader(ClaidConstants.RESULT_URL));
        await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty() && endpointLedgerOpenCount() == 0);

        // after it was reported, too; a changed image (new ETag) is new work
        Exchange afterwards = template.request("direct:submit", e -> {
            e.getMessage().setBody("https://images.example/cat.jpg");
            e.getMessage().setHeader(ClaidConstants.REQUEST_KEY, "photos/cat.jpg/etag-1");
        });
        assertThat(afterwards.getMessage().getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("DONE");
        Exchange changed = template.request("direct:submit", e -> {
            e.getMessage().setBody("https://images.example/cat.jpg");
            e.getMessage().setHeader(ClaidConstants.REQUEST_KEY, "photos/cat.jpg/etag-2");
        });
        assertThat(changed.getMessage().getHeader(ClaidConstants.TASK_ID)).isNotEqualTo(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= 2 && endpointLedgerOpenCount() == 0);
        assertThat(seen).extracting(ClaidTasksConsumerIT::taskId).containsExactly(id,
                changed.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class));
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(2);
    }

    @Test
    void aRunStoppedByMaxMessagesPerPollIsFollowedAtOnceNotAfterTheDelay() throws Exception {
        // tasks that end as they are accepted, so every run that asks reports; the delay is longer than the test
        try (LocalClaidServer quick = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ZERO)
                .processingFor(Duration.ZERO).processingSpread(Duration.ZERO).build().start()) {
            List<Long> ids = submitBeforeTheirTasksRoute(quick, "fiveAtATime",
                    "&maxMessagesPerPoll=5&initialDelay=0&delay=3600000", 12);
            await().atMost(Duration.ofSeconds(5)).until(() -> quick.taskTimelines().size() == ids.size());
            context.getRouteController().startRoute("fiveAtATime");
            // two full runs of five and the two left, all before the hour's delay would allow a second run
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= ids.size());
            assertThat(seen).extracting(ClaidTasksConsumerIT::taskId).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(quick.taskTimelines()).allSatisfy(t -> assertThat(t.statusRequests()).isEqualTo(1));
        }
    }

    @Test
    void pollingPausesWhenTheRateLimitWindowIsSpentAndResumesWhenItResets() throws Exception {
        // 40 requests per 2 s: 30 submissions leave 10, all of them the reserve left to submissions
        try (LocalClaidServer tight = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(10))
                .processingFor(Duration.ofMillis(50))
                .rateLimit(new RateLimitBudget(40, Duration.ofSeconds(2), 1000, Duration.ofSeconds(1)))
                .build().start()) {
            List<Long> ids = submitBeforeTheirTasksRoute(tight, "tight", "&delay=20&rateLimitReserve=10", 30);
            context.getRouteController().startRoute("tight");
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= ids.size());
            assertThat(seen).extracting(ClaidTasksConsumerIT::taskId).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    @Test
    void aReportWhoseDownloadOutlastsTheRunIsDeliveredInALaterRunNotLeftHeld() throws Exception {
        // the run waits twice the response timeout (400 ms) for a report; the output's download is told to come back
        // in a second, and then succeeds
        try (LocalClaidServer slowCdn = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ZERO)
                .processingFor(Duration.ZERO).processingSpread(Duration.ZERO).build().start()) {
            slowCdn.faults().next(1).rateLimited(Duration.ofSeconds(1)).onPath("/tmp/");
            List<Long> ids = submitBeforeTheirTasksRoute(slowCdn, "slowDownload",
                    "&delay=20&downloadOutput=true&responseTimeout=200", 1);
            context.getRouteController().startRoute("slowDownload");
            ClaidTasksConsumer consumer = (ClaidTasksConsumer) context.getRoute("slowDownload").getConsumer();
            // held by the consumer meanwhile, and shown as such
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                    .until(() -> consumer.reportsAwaitingOutput() == 1);
            assertThat(seen).isEmpty();
            assertThat(devConsoleText()).contains("reports awaiting their output: 1");
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() >= 1);
            assertThat(seen).extracting(ClaidTasksConsumerIT::taskId).containsExactlyElementsOf(ids);
            assertThat(seen.get(0).getBody()).isInstanceOf(byte[].class);
            assertThat(slowCdn.faults().armed()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> endpointLedgerOpenCount() == 0);
            assertThat(consumer.reportsAwaitingOutput()).isZero();
        }
    }

    @Test
    void whatTheConsumerKeptOfATaskAnotherInstanceReportedIsForgottenWithTheLedgersFinishedTasks() throws Exception {
        long id = submitBeforeTheirTasksRoute(claid.server(), "holdReportedElsewhere",
                "&delay=20&finishedRetention=300", 1).get(0);
        context.getRouteController().startRoute("holdReportedElsewhere");
        ClaidTasksConsumer consumer = (ClaidTasksConsumer) context.getRoute("holdReportedElsewhere").getConsumer();
        // polled while Claid still processes it
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                .until(() -> consumer.pollTimesKept() == 1);

        // another instance on the same ledger finds it done and reports it
        TaskKey key = new TaskKey(TaskKind.EDIT_ASYNC, id);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> endpointLedger()
                .claim(key, "another-instance", Instant.now(), Instant.now().plusSeconds(30))
                .isPresent());
        endpointLedger().finish(key, TaskStatus.DONE, Instant.now());

        await().atMost(Duration.ofSeconds(10)).until(() -> consumer.pollTimesKept() == 0);
        assertThat(seen).isEmpty();
        claid.server().releaseHeldTasks();
    }

    private String devConsoleText() {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("claid");
        return String.valueOf(console.call(DevConsole.MediaType.TEXT, Map.of()));
    }

    /**
     * For a test with a server of its own: stops the usual reporting route, adds a claid:tasks route for that server
     * (not started; {@code tasksOptions} appended to its URI) that records what it reports, and submits {@code count}
     * edits to the server. Returns their task ids.
     */
    private List<Long> submitBeforeTheirTasksRoute(LocalClaidServer server, String routeId, String tasksOptions,
            int count) throws Exception {
        String options = "baseUrl=" + server.baseUrl() + "&taskPollInterval=20";
        String submit = "direct:submit-" + routeId;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(submit).to("claid:editAsync?" + options + "&operations=RAW({})");
                from("claid:tasks?" + options + tasksOptions).routeId(routeId).autoStartup(false)
                        .process(e -> seen.add(e.getMessage().copy()));
            }
        });
        context.getRouteController().stopRoute("report");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(template.request(submit, e -> e.getMessage().setBody("https://images.example/" + routeId + ".jpg"))
                    .getMessage().getBody(TaskAccepted.class).id());
        }
        return ids;
    }

    private int endpointLedgerOpenCount() {
        return endpointLedger().openCount();
    }

    private TaskLedger endpointLedger() {
        return context.getComponent("claid", ClaidComponent.class).taskLedger(new ClaidConfiguration());
    }
}
