package io.github.camelclaid.component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.ClaidOutcomeUnknownException;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.InMemoryTaskLedger;
import io.github.camelclaid.ledger.JdbcTaskLedger;
import io.github.camelclaid.ledger.LedgerEntryState;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedgerException;
import io.github.camelclaid.ledger.TrackedTask;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import io.github.camelclaid.testserver.RateLimitBudget;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Paid async submissions recorded once whatever happens to the answer, driven directly on an endpoint that calls the
 * local Claid server; the wait for a task is the test's own, so that each of its outcomes can be given.
 */
class TaskSubmissionsIT {

    static final String KEY = "submissions-key-31d0";
    static final Map<String, Object> REQUEST = Map.of("input", "https://images.example/cat.jpg", "operations", Map.of());

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder().apiKey(KEY));

    CamelContext context;
    final InMemoryTaskLedger ledger = new InMemoryTaskLedger();

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        context.getRegistry().bind("ledger", ledger);
        context.start();
    }

    @AfterEach
    void stopContext() {
        context.stop();
    }

    TaskSubmissions submissions(String options) {
        return submissions("ledger", options);
    }

    TaskSubmissions submissions(String ledgerName, String options) {
        return submissions(claid.server(), ledgerName, options);
    }

    TaskSubmissions submissions(LocalClaidServer server, String ledgerName, String options) {
        ClaidEndpoint endpoint = context.getEndpoint("claid:editAsync?apiKey=" + KEY + "&baseUrl="
                + server.baseUrl() + "&maxAttempts=1&taskLedger=#" + ledgerName
                + "&correlationHeaders=OrderId" + options, ClaidEndpoint.class);
        return new TaskSubmissions(endpoint);
    }

    Exchange exchange(String requestKey) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader("OrderId", "order-17");
        exchange.getMessage().setHeader(ClaidConstants.REQUEST_KEY, requestKey);
        return exchange;
    }

    static final TaskSubmissions.Wait NO_WAIT = (id, url, status, submittedAt) -> {
        throw new AssertionError("waited for task " + id + " without waitForCompletion");
    };

    @Test
    void anAcceptedTaskIsRecordedWithItsCorrelationHeadersAndTheSameWorkAgainReusesIt() {
        TaskSubmissions submissions = submissions("");
        long paidBefore = claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC);

        Exchange first = exchange("photos/cat.jpg/etag-1");
        submissions.submit(first, ClaidOperations.editAsync, REQUEST, NO_WAIT).join();
        long id = first.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class);
        assertThat(first.getMessage().getBody(TaskAccepted.class).id()).isEqualTo(id);
        TrackedTask recorded = ledger.find(new TaskKey(TaskKind.EDIT_ASYNC, id)).orElseThrow();
        assertThat(recorded.correlation()).isEqualTo(Map.of("OrderId", "order-17"));
        assertThat(recorded.requestKey()).isEqualTo("photos/cat.jpg/etag-1");
        assertThat(recorded.owner()).isNull();

        Exchange again = exchange("photos/cat.jpg/etag-1");
        submissions.submit(again, ClaidOperations.editAsync, REQUEST, NO_WAIT).join();
        assertThat(again.getMessage().getHeader(ClaidConstants.TASK_ID)).isEqualTo(id);
        assertThat(again.getMessage().getHeader(ClaidConstants.TASK_REUSED)).isEqualTo(true);
        assertThat(again.getMessage().getBody(TaskAccepted.class).resultUrl()).isEqualTo(recorded.resultUrl());
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paidBefore + 1);
    }

    @Test
    void aTaskWaitedForIsHeldByItsSubmitterAndSettledByTheWaitsOutcome() {
        TaskSubmissions submissions = submissions("&waitForCompletion=true");

        TrackedTask done = submitAndWait(submissions, CompletableFuture.completedFuture(null));
        assertThat(done.state()).isEqualTo(LedgerEntryState.FINISHED);
        assertThat(done.lastStatus()).isEqualTo(TaskStatus.DONE);

        TrackedTask failed = submitAndWait(submissions, CompletableFuture.failedFuture(
                ClaidException.taskFailed("task", 1, TaskStatus.CANCELLED, "http://claid/task/1", null)));
        assertThat(failed.state()).isEqualTo(LedgerEntryState.FINISHED);
        assertThat(failed.lastStatus()).isEqualTo(TaskStatus.CANCELLED);

        // a wait without an outcome hands the task to the consumers at once
        TrackedTask timedOut = submitAndWait(submissions, CompletableFuture.failedFuture(
                ClaidException.taskTimeout("task", 1, TaskStatus.PROCESSING, "http://claid/task/1",
                        1000)));
        assertThat(timedOut.state()).isEqualTo(LedgerEntryState.OPEN);
        assertThat(timedOut.owner()).isNull();
    }

    @Test
    void aWaitLongerThanTheLeaseKeepsItsTaskAndAStoppedSubmittersTaskIsFreeWithinOneLease() {
        TaskSubmissions submissions = submissions("&waitForCompletion=true&taskLease=300");
        CompletableFuture<Void> never = new CompletableFuture<>();
        AtomicReference<TaskKey> waitedFor = new AtomicReference<>();
        submissions.submit(exchange(null), ClaidOperations.editAsync, REQUEST, (id, url, status, submittedAt) -> {
            waitedFor.set(new TaskKey(TaskKind.EDIT_ASYNC, id));
            return never;
        });
        await().until(() -> waitedFor.get() != null);
        TaskKey key = waitedFor.get();
        Instant firstLeaseEnd = ledger.find(key).orElseThrow().leaseUntil();
        await().until(() -> Instant.now().isAfter(firstLeaseEnd.plusMillis(300)));
        assertThat(ledger.claim(key, "another-instance", Instant.now(), Instant.now().plusSeconds(1))).isEmpty();

        // the submitter stops renewing, as a dead JVM does: within a lease the task is another's to take
        submissions.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> ledger
                .claim(key, "another-instance", Instant.now(), Instant.now().plusSeconds(1)).isPresent());
    }

    /** Submits, checks the task is held while the wait runs, ends the wait with {@code outcome}; the task as settled. */
    private TrackedTask submitAndWait(TaskSubmissions submissions, CompletableFuture<Void> outcome) {
        AtomicReference<TrackedTask> whileWaiting = new AtomicReference<>();
        Exchange exchange = exchange(null);
        CompletableFuture<?> submitted = submissions.submit(exchange, ClaidOperations.editAsync, REQUEST,
                (id, url, status, submittedAt) -> {
                    whileWaiting.set(ledger.find(new TaskKey(TaskKind.EDIT_ASYNC, id)).orElseThrow());
                    return outcome;
                });
        try {
            submitted.join();
        } catch (CompletionException expected) {
            assertThat(outcome).isCompletedExceptionally();
        }
        assertThat(whileWaiting.get().owner()).startsWith(TaskSubmissions.OWNER_PREFIX);
        return ledger.find(whileWaiting.get().key()).orElseThrow();
    }

    @Test
    void aLedgerThatCannotRecordFailsTheExchangeNamingTheTaskAndHowToAskForIt() {
        context.getRegistry().bind("brokenLedger", new InMemoryTaskLedger() {
            @Override
            public synchronized boolean record(TrackedTask task) {
                throw new IllegalStateException("disk full");
            }
        });
        TaskSubmissions submissions = submissions("brokenLedger", "");
        Exchange exchange = exchange(null);

        assertThatThrownBy(() -> submissions.submit(exchange, ClaidOperations.editAsync, REQUEST, NO_WAIT).join())
                .hasRootCauseMessage("disk full").cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("but the task ledger could not record it: disk full")
                .hasMessageContaining("Ask for it with claid:getTask");
        assertThat(exchange.getMessage().getHeader(ClaidConstants.TASK_ID)).isNotNull();
    }

    @Test
    void exchangesOfferingTheSameWorkAtOnceArePaidOnceAndAllGoOnWithThatTask() throws Exception {
        TaskSubmissions submissions = submissions("");
        long paidBefore = claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC);
        int offers = 16;
        ExecutorService callers = Executors.newFixedThreadPool(offers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Exchange>> done = new ArrayList<>();
            for (int i = 0; i < offers; i++) {
                done.add(callers.submit(() -> {
                    Exchange exchange = exchange("photos/same.jpg/etag-1");
                    start.await();
                    submissions.submit(exchange, ClaidOperations.editAsync, REQUEST, NO_WAIT).join();
                    return exchange;
                }));
            }
            start.countDown();
            Set<Object> taskIds = new HashSet<>();
            int reused = 0;
            for (Future<Exchange> each : done) {
                Message message = each.get(60, TimeUnit.SECONDS).getMessage();
                taskIds.add(message.getHeader(ClaidConstants.TASK_ID));
                reused += Boolean.TRUE.equals(message.getHeader(ClaidConstants.TASK_REUSED)) ? 1 : 0;
            }
            assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paidBefore + 1);
            assertThat(taskIds).hasSize(1).doesNotContainNull();
            assertThat(reused).isEqualTo(offers - 1);
            // the winner's claim is settled by its task: nothing of the claim is left open to report
            assertThat(ledger.find(RequestClaims.key(TaskKind.EDIT_ASYNC, "photos/same.jpg/etag-1")))
                    .hasValueSatisfying(claim -> assertThat(claim.isOpen()).isFalse());
            assertThat(ledger.openCount()).isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aSubmissionWaitingForTheRateBudgetLeavesNothingInTheLedgerUntilItIsSent() {
        // one request per 5 s: the first submission spends the window, and the second waits at the client's gate. A
        // claim recorded while it waits would outlive a crash as work whose answer was lost (reported UNCONFIRMED by
        // the next instance) although nothing was sent
        try (LocalClaidServer tight = LocalClaidServer.builder().apiKey(KEY)
                .rateLimit(new RateLimitBudget(1, Duration.ofSeconds(5), 1, Duration.ofSeconds(5))).build().start()) {
            TaskSubmissions submissions = submissions(tight, "ledger", "&unconfirmedSubmissionWait=60000");
            try {
                submissions.submit(exchange("photos/first.jpg/etag-1"), ClaidOperations.editAsync, REQUEST, NO_WAIT)
                        .join();

                Exchange waiting = exchange("photos/second.jpg/etag-1");
                CompletableFuture<?> sent = submissions.submit(waiting, ClaidOperations.editAsync,
                        Map.of("input", "https://images.example/second.jpg", "operations", Map.of()), NO_WAIT);
                Optional<TrackedTask> whileWaiting = ledger.findByRequestKey("photos/second.jpg/etag-1");
                assertThat(tight.requests()).as("the second submission is still held at the gate").hasSize(1);
                assertThat(whileWaiting).isEmpty();

                sent.join();
                assertThat(tight.paidSubmissionCount()).isEqualTo(2);
                long id = waiting.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class);
                assertThat(ledger.findByRequestKey("photos/second.jpg/etag-1")).hasValueSatisfying(
                        task -> assertThat(task.key()).isEqualTo(new TaskKey(TaskKind.EDIT_ASYNC, id)));
            } finally {
                submissions.close();
            }
        }
    }

    @Test
    void aSubmissionClaidRefusedWith429LeavesNothingInTheLedgerUntilItIsSentAgain() {
        // Claid did not act on a refused submission: a claim kept while it waits to be sent again would outlive a
        // crash as work whose answer was lost (reported UNCONFIRMED by the next instance) although nothing was paid
        String requestKey = "photos/refused.jpg/etag-1";
        long paidBefore = claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC);
        int openBefore = ledger.openCount();
        claid.server().faults().next(1).rateLimited(Duration.ofSeconds(2)).on(ApiOperation.EDIT_ASYNC);
        TaskSubmissions submissions = submissions("&unconfirmedSubmissionWait=60000");
        try {
            Exchange refused = exchange(requestKey);
            CompletableFuture<?> sent = submissions.submit(refused, ClaidOperations.editAsync,
                    Map.of("input", "https://images.example/refused.jpg", "operations", Map.of()), NO_WAIT);
            // the claim and the input placeholder were written as it went, and the 429 came back
            await().until(() -> claid.server().faults().armed() == 0);
            await().until(() -> ledger.findByRequestKey(requestKey).isEmpty());
            assertThat(ledger.openCount()).as("nor its input placeholder").isEqualTo(openBefore);
            assertThat(sent).as("sent again once the 429's wait is over").isNotDone();

            sent.join();
            assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paidBefore + 1);
            long id = refused.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class);
            assertThat(ledger.findByRequestKey(requestKey)).hasValueSatisfying(
                    task -> assertThat(task.key()).isEqualTo(new TaskKey(TaskKind.EDIT_ASYNC, id)));
            assertThat(ledger.openCount()).as("the task alone: claim and placeholder settled").isEqualTo(openBefore + 1);
        } finally {
            submissions.close();
        }
    }

    @Test
    void aClaimOutlivesItsLeaseWhileItsSubmissionIsStillOutSoAnotherInstanceWaitsInsteadOfPayingAgain() {
        // a submission whose answer is slower than the lease: its claim is renewed,
        // so a second instance offering the same work meanwhile does not take the claim for a dead one's
        String requestKey = "photos/yak.jpg/etag-1";
        TaskKey claimKey = RequestClaims.key(TaskKind.EDIT_ASYNC, requestKey);
        long paidBefore = claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC);
        claid.server().faults().next(1).delay(Duration.ofMillis(1_500)).onAny();
        TaskSubmissions first = submissions("&taskLease=300");
        TaskSubmissions second = submissions("&taskLease=300");
        try {
            Exchange slow = exchange(requestKey);
            CompletableFuture<?> slowDone = first.submit(slow, ClaidOperations.editAsync, REQUEST, NO_WAIT);
            Instant firstLeaseEnd = await().until(() -> ledger.find(claimKey),
                    Optional::isPresent).orElseThrow().leaseUntil();
            await().until(() -> Instant.now().isAfter(firstLeaseEnd.plusMillis(300)));
            assertThat(slowDone).isNotDone();

            Exchange meanwhile = exchange(requestKey);
            second.submit(meanwhile, ClaidOperations.editAsync, REQUEST, NO_WAIT).join();
            slowDone.join();
            assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paidBefore + 1);
            assertThat(meanwhile.getMessage().getHeader(ClaidConstants.TASK_REUSED)).isEqualTo(true);
            assertThat(meanwhile.getMessage().getHeader(ClaidConstants.TASK_ID))
                    .isEqualTo(slow.getMessage().getHeader(ClaidConstants.TASK_ID));
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void aSubmissionClaidRefusedGivesUpItsClaimSoTheWorkCanBeSubmittedAgain() {
        TaskSubmissions submissions = submissions("");
        long paidBefore = claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC);
        claid.server().faults().next(1).status(400).onAny();
        assertThatThrownBy(() -> submissions.submit(exchange("photos/owl.jpg/etag-1"), ClaidOperations.editAsync,
                REQUEST, NO_WAIT).join()).cause().isInstanceOf(ClaidException.class);
        assertThat(ledger.find(RequestClaims.key(TaskKind.EDIT_ASYNC, "photos/owl.jpg/etag-1"))).isEmpty();

        Exchange retry = exchange("photos/owl.jpg/etag-1");
        submissions.submit(retry, ClaidOperations.editAsync, REQUEST, NO_WAIT).join();
        assertThat(retry.getMessage().getHeader(ClaidConstants.TASK_REUSED)).isNull();
        assertThat(retry.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class)).isPositive();
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paidBefore + 1);
    }

    @Test
    void workWhoseSubmitterDiedAfterClaimingItIsNotPaidAgainWhenUnconfirmedSubmissionsAreWaitedFor() {
        // a claim nobody holds any more (its submitter died between claim and record): with a wait for unconfirmed
        // submissions the work is not submitted blindly again; the exchange goes on as unconfirmed, and claid:tasks
        // reports the claim once its wait ends
        TaskKey claimKey = RequestClaims.key(TaskKind.EDIT_ASYNC, "photos/fox.jpg/etag-1");
        Instant then = Instant.now().minusSeconds(600);
        ledger.record(RequestClaims.claim(claimKey, "photos/fox.jpg/etag-1", Map.of("OrderId", "order-3"),
                "producer-dead", then, then.plusSeconds(300), 0));
        long paidBefore = claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC);

        Exchange again = exchange("photos/fox.jpg/etag-1");
        submissions("&unconfirmedSubmissionWait=60000").submit(again, ClaidOperations.editAsync, REQUEST, NO_WAIT)
                .join();
        assertThat(again.getMessage().getHeader(ClaidConstants.TASK_STATUS))
                .isEqualTo(ClaidConstants.TaskStatuses.UNCONFIRMED);
        assertThat(again.getMessage().getHeader(ClaidConstants.TASK_REUSED)).isEqualTo(true);
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paidBefore);
        assertThat(ledger.due(Instant.now(), 10)).extracting(TrackedTask::key).contains(claimKey);
    }

    @Test
    void workWhoseSubmitterDiedAfterClaimingItIsSubmittedAgainByDefaultAsAFailedSubmissionsRetryWouldBe() {
        TaskKey claimKey = RequestClaims.key(TaskKind.EDIT_ASYNC, "photos/elk.jpg/etag-1");
        Instant then = Instant.now().minusSeconds(600);
        ledger.record(RequestClaims.claim(claimKey, "photos/elk.jpg/etag-1", Map.of("OrderId", "order-4"),
                "producer-dead", then, then.plusSeconds(300), 0));
        long paidBefore = claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC);

        Exchange again = exchange("photos/elk.jpg/etag-1");
        submissions("").submit(again, ClaidOperations.editAsync, REQUEST, NO_WAIT).join();
        assertThat(again.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class)).isPositive();
        assertThat(again.getMessage().getHeader(ClaidConstants.TASK_REUSED)).isNull();
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paidBefore + 1);
        // the claim taken over is settled by the task
        assertThat(ledger.find(claimKey)).hasValueSatisfying(claim -> assertThat(claim.isOpen()).isFalse());
    }

    @Test
    void whileTheLedgersDatabaseIsUnreachableSubmissionsStopBeforeAnyCreditIsSpentAndResumeWhenItIsBack()
            throws Exception {
        String name = "unreachable-" + java.util.UUID.randomUUID();
        String embedded = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        try (java.sql.Connection keepAlive = java.sql.DriverManager.getConnection(embedded, "sa", "")) {
            Server tcp = Server.createTcpServer("-tcpPort", "0").start();
            int port = tcp.getPort();
            JdbcDataSource remote = new JdbcDataSource();
            remote.setURL("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + name);
            remote.setUser("sa");
            context.getRegistry().bind("remoteLedger", new JdbcTaskLedger(remote));
            TaskSubmissions submissions = submissions("remoteLedger", "");
            long paidBefore = claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC);

            submissions.submit(exchange("photos/a.jpg/etag-1"), ClaidOperations.editAsync, REQUEST, NO_WAIT).join();
            assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paidBefore + 1);

            tcp.stop(); // the database is unreachable: nothing may be sent that the ledger could not record
            assertThatThrownBy(() -> submissions.submit(exchange("photos/b.jpg/etag-1"), ClaidOperations.editAsync,
                    REQUEST, NO_WAIT)).isInstanceOf(TaskLedgerException.class).hasMessageContaining("CLAID_TASK");
            // without a request key nothing is written before the HTTP call: the ledger is asked again instead
            assertThatThrownBy(() -> submissions.submit(exchange(null), ClaidOperations.editAsync, REQUEST, NO_WAIT)
                    .join()).cause().isInstanceOf(TaskLedgerException.class)
                    .hasMessageContaining("not submitting it");
            assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paidBefore + 1);

            tcp = Server.createTcpServer("-tcpPort", String.valueOf(port)).start();
            try {
                Exchange resumed = exchange("photos/b.jpg/etag-1");
                submissions.submit(resumed, ClaidOperations.editAsync, REQUEST, NO_WAIT).join();
                assertThat(resumed.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class)).isPositive();
                assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paidBefore + 2);
                submissions.submit(exchange(null), ClaidOperations.editAsync, REQUEST, NO_WAIT).join();
                assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(paidBefore + 3);
            } finally {
                tcp.stop();
            }
        }
    }

    @Test
    void aLostAnswerLeavesOnePlaceholderPerInputAndIsNotSentAgain() {
        TaskSubmissions submissions = submissions("&unconfirmedSubmissionWait=60000");
        TaskKey placeholder = UnconfirmedSubmissions.placeholderKey(TaskKind.EDIT_ASYNC,
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(REQUEST));

        claid.server().faults().next(1).status(503).onAny();
        Exchange lost = exchange("photos/dog.jpg/etag-1");
        submissions.submit(lost, ClaidOperations.editAsync, REQUEST, NO_WAIT).join();
        assertThat(lost.getMessage().getHeader(ClaidConstants.TASK_STATUS)).isEqualTo(ClaidConstants.TaskStatuses.UNCONFIRMED);
        assertThat(lost.getMessage().getBody()).isNull();
        TrackedTask left = ledger.find(placeholder).orElseThrow();
        assertThat(left.correlation()).isEqualTo(Map.of("OrderId", "order-17"));
        assertThat(left.requestKey()).isEqualTo("photos/dog.jpg/etag-1");

        // the same work again is not sent: it goes on with the placeholder
        Exchange again = exchange("photos/dog.jpg/etag-1");
        submissions.submit(again, ClaidOperations.editAsync, REQUEST, NO_WAIT).join();
        assertThat(again.getMessage().getHeader(ClaidConstants.TASK_STATUS)).isEqualTo(ClaidConstants.TaskStatuses.UNCONFIRMED);
        assertThat(again.getMessage().getHeader(ClaidConstants.TASK_REUSED)).isEqualTo(true);

        // a second lost answer for the same input could not be told apart from the first: it fails
        claid.server().faults().next(1).status(503).onAny();
        assertThatThrownBy(() -> submissions.submit(exchange("photos/dog.jpg/etag-2"), ClaidOperations.editAsync,
                REQUEST, NO_WAIT).join()).cause().isInstanceOf(ClaidOutcomeUnknownException.class);

        // and an exchange that would wait for the lost work is told where it is reported instead
        TaskSubmissions waiting = submissions("&waitForCompletion=true");
        assertThatThrownBy(() -> waiting.submit(exchange("photos/dog.jpg/etag-1"), ClaidOperations.editAsync, REQUEST,
                NO_WAIT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answer was lost: it is reported by claid:tasks");
    }
}
