package io.github.camelclaid.component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.ClaidResponse;
import io.github.camelclaid.client.RateLimitInfo;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedger;
import io.github.camelclaid.ledger.TrackedTask;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelclaid.client.AsyncFailures.unwrap;

/**
 * The {@code claid:tasks} consumer: on each scheduled run it takes the ledger's open tasks whose next poll is due,
 * asks Claid for their status (all at once, without a thread per request), puts the running ones back with their next
 * poll time, and emits the ones that reached a terminal status. A task is finished in the ledger only after its
 * exchange was processed successfully; a failed exchange puts it back to be reported again.
 */
public class ClaidTasksConsumer extends ScheduledBatchPollingConsumer {

    /** How often finished tasks are purged from the ledger: every minute, or every finishedRetention if shorter. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    /** The purge reads every task the ledger holds: never more often than this, however short the retention. */
    private static final Duration PURGE_AT_MOST_EVERY = Duration.ofSeconds(1);
    /** How many 404s in a row end a task as no longer known to Claid. */
    static final int NOT_FOUND_TRIES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ClaidTasksConsumer.class);
    private final ClaidEndpoint endpoint;
    private final String owner;
    private final Map<TaskKey, Instant> lastPolled = new ConcurrentHashMap<>();
    /** Tasks Claid answered 404 for, with how many times in a row. */
    private final Map<TaskKey, Integer> notFound = new ConcurrentHashMap<>();
    private final AtomicLong statusRequests = new AtomicLong();
    private final AtomicLong reported = new AtomicLong();
    private TaskLedger ledger;
    private TaskPollPlanner planner;
    private TaskReporter reporter;
    private LeaseKeeper leases;
    private Instant nextPurge = Instant.EPOCH;
    /** The last run took {@code maxMessagesPerPoll} due tasks with rate budget to spare, so more may be due. */
    private volatile boolean lastRunFull;
    /**
     * Reports a run stopped waiting for (an output's download outlasting the run's wait), their tasks still held: their
     * exchanges go to the route in the first run after they are ready.
     */
    private final Queue<PendingReport> lateReports = new ConcurrentLinkedQueue<>();

    /** The report of a task that ended, under way. */
    private record PendingReport(TaskKey task, CompletableFuture<TaskReporter.Report> report) {
    }

    public ClaidTasksConsumer(ClaidEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.owner = LeaseKeeper.ownerName("tasks", endpoint);
    }

    @Override
    public ClaidEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        ClaidConfiguration config = endpoint.getConfiguration();
        ledger = endpoint.ledger();
        planner = endpoint.pollPlanner(config.getWebhookGracePeriod());
        reporter = new TaskReporter(endpoint, this, owner, planner);
        leases = reporter.leases();
        setMaxMessagesPerPoll(config.getMaxMessagesPerPoll());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        for (PendingReport late; (late = lateReports.poll()) != null; ) {
            giveBackWhenReady(late);
        }
        if (reporter != null) {
            reporter.close();
        }
    }

    /** The name this consumer holds tasks under in the ledger. */
    String owner() {
        return owner;
    }

    /** Tasks whose last poll time this consumer keeps, to learn how long they took once they end. */
    int pollTimesKept() {
        return lastPolled.size();
    }

    /** Status requests made by this consumer so far. */
    public long statusRequests() {
        return statusRequests.get();
    }

    /** Tasks this consumer has emitted (each counted once, however many outputs). */
    public long tasksReported() {
        return reported.get();
    }

    /**
     * Ended tasks whose report outlasted the run that found them (a large or slow output download): each is held by
     * this consumer and goes to the route in a later run, once its report is ready.
     */
    public int reportsAwaitingOutput() {
        return lateReports.size();
    }

    /**
     * Camel's greedy polling, also when the last run stopped at {@code maxMessagesPerPoll} with due tasks left: a
     * burst of thousands of ended tasks is then asked about as fast as Claid answers, not one batch per delay. A run
     * the rate budget cut short is not followed at once; it waits for the window as before.
     */
    @Override
    public boolean isGreedy() {
        return super.isGreedy() || lastRunFull;
    }

    @Override
    protected int poll() throws Exception {
        Instant now = Instant.now();
        lastRunFull = false;
        purgeFinished(now);
        List<PendingReport> reports = readyLateReports();
        int perRun = getMaxMessagesPerPoll() > 0 ? getMaxMessagesPerPoll() : Integer.MAX_VALUE;
        int budget = requestBudget(now, perRun);
        if (budget > 0) {
            reports.addAll(checkDueTasks(now, perRun, budget));
        }
        return emit(reports);
    }

    /** Asks Claid about the due tasks, within the budget: the reports of the ones that ended. */
    private List<PendingReport> checkDueTasks(Instant now, int perRun, int budget) {
        // all status requests go out at once; the answers are then handled here, on the poll thread, so that ledger
        // writes (a database round trip, an fsync) never run on the HTTP client's few I/O threads
        Map<TrackedTask, CompletableFuture<ClaidResponse<TaskResult>>> checks = new LinkedHashMap<>();
        List<PendingReport> placeholderReports = new ArrayList<>();
        List<TrackedTask> dueTasks = ledger.due(now, budget);
        lastRunFull = budget == perRun && dueTasks.size() >= perRun;
        for (TrackedTask due : dueTasks) {
            TrackedTask task = ledger.claim(due.key(), owner, now, now.plusMillis(endpoint.getConfiguration()
                    .getTaskLease())).orElse(null);
            if (task == null) {
                continue; // another consumer took it in the meantime
            }
            if (UnconfirmedSubmissions.isPlaceholder(task)) {
                // its wait is over: nothing to ask Claid, the work is reported as unconfirmed
                CompletableFuture<TaskReporter.Report> report = unconfirmed(task, now);
                if (report != null) {
                    placeholderReports.add(new PendingReport(task.key(), report));
                }
                continue;
            }
            Instant earliest = planner.earliestPoll(task);
            if (earliest.isAfter(now)) {
                ledger.reschedule(task.key(), owner, null, false, earliest);
                continue;
            }
            statusRequests.incrementAndGet();
            // held however long the answer takes (retries, the rate budget): its report holds it from then on
            leases.hold(task.key());
            checks.put(task, endpoint.client().getTask(task.resultUrl()));
        }
        List<PendingReport> reports = new ArrayList<>(placeholderReports);
        checks.forEach((task, answer) -> {
            try {
                CompletableFuture<TaskReporter.Report> report = handle(task, answer, now);
                if (report != null) {
                    reports.add(new PendingReport(task.key(), report));
                }
            } finally {
                leases.release(task.key());
            }
        });
        return reports;
    }

    /** The late reports that are ready by now, taken off the queue; the others stay for a later run. */
    private List<PendingReport> readyLateReports() {
        List<PendingReport> ready = new ArrayList<>();
        lateReports.removeIf(late -> late.report().isDone() && ready.add(late));
        return ready;
    }

    /**
     * Hands the reports' exchanges to the route. A report not ready within the wait (a large or slow download) is
     * kept for a later run, its task still held by it: dropping it would leave the task held for as long as this
     * consumer lives, reported by nobody.
     */
    private int emit(List<PendingReport> reports) throws Exception {
        Queue<Object> exchanges = new ArrayDeque<>();
        for (PendingReport pending : reports) {
            TaskReporter.Report done;
            try {
                done = await(pending.report());
            } catch (RuntimeException e) {
                // the task was given back to the ledger when its report failed: it is tried again later
                LOG.warn("Claid task {} ended but could not be reported this time: {}", pending.task(),
                        unwrap(e).getMessage());
                continue;
            }
            if (done == null) {
                LOG.debug("The report of Claid task {} (its output's download) is not ready yet: it goes to the"
                        + " route in a later run", pending.task());
                if (isRunAllowed()) {
                    lateReports.add(pending);
                } else {
                    giveBackWhenReady(pending);
                }
                continue;
            }
            exchanges.addAll(done.exchanges());
            reported.incrementAndGet();
        }
        return exchanges.isEmpty() ? 0 : processBatch(exchanges);
    }

    /** No run will take this report: its task goes back to the ledger once it is ready. */
    private static void giveBackWhenReady(PendingReport late) {
        late.report().thenAccept(report -> report.giveBack(stoppedBeforeProcessing()));
    }

    /** What one status answer means: the task is put back to be polled later, or its report is under way. */
    private CompletableFuture<TaskReporter.Report> handle(TrackedTask task,
            CompletableFuture<ClaidResponse<TaskResult>> answer, Instant askedAt) {
        ClaidResponse<TaskResult> response;
        try {
            response = await(answer);
        } catch (RuntimeException e) {
            return unreadable(task, unwrap(e), Instant.now());
        }
        Instant seenAt = Instant.now();
        if (response == null) {
            return unreadable(task, new IllegalStateException("no answer in time"), seenAt);
        }
        notFound.remove(task.key());
        TaskResult result = response.data();
        if (!result.status().isTerminal()) {
            // the answer tells the task's state when the request was sent, not when the answer came back
            lastPolled.put(task.key(), askedAt);
            ledger.reschedule(task.key(), owner, result.status(), true,
                    planner.nextPoll(task, task.polls() + 1, seenAt));
            return null;
        }
        learnDuration(task, askedAt);
        return reporter.report(task, result, response);
    }

    /**
     * A placeholder for a submission whose answer was lost, whose wait ended without Claid naming a task for it:
     * reported as UNCONFIRMED, unless a consumer adopted it under a task and stopped before finishing it.
     */
    private CompletableFuture<TaskReporter.Report> unconfirmed(TrackedTask placeholder, Instant now) {
        if (UnconfirmedSubmissions.adoptedAlready(ledger, placeholder)) {
            ledger.finish(placeholder.key(), TaskStatus.DONE, now);
            return null;
        }
        return reporter.report(placeholder, UnconfirmedSubmissions.unconfirmed(placeholder, now), null);
    }

    private void learnDuration(TrackedTask task, Instant askedAt) {
        Instant before = lastPolled.remove(task.key());
        Instant lower = before != null ? before : task.submittedAt();
        endpoint.getComponent().taskDurations().observe(task.key().kind(),
                Duration.between(task.submittedAt(), lower), Duration.between(task.submittedAt(), askedAt));
    }

    /**
     * A status request failed: a passing failure is retried soon, anything else after the longest interval. A task
     * Claid answers 404 for {@value #NOT_FOUND_TRIES} times in a row is one Claid no longer knows (restarted without
     * its state, or expired): it is reported as failed, with the reason, instead of being asked about forever.
     */
    private CompletableFuture<TaskReporter.Report> unreadable(TrackedTask task, Throwable cause, Instant now) {
        if (cause instanceof ClaidException && ((ClaidException) cause).getStatusCode() == 404) {
            int tries = notFound.merge(task.key(), 1, Integer::sum);
            if (tries >= NOT_FOUND_TRIES) {
                notFound.remove(task.key());
                LOG.warn("Claid no longer knows task {}: {} answers in a row were 404. Reporting it as failed",
                        task.key(), tries);
                return reporter.report(task, forgotten(task, tries, now), null);
            }
            ledger.reschedule(task.key(), owner, null, true, planner.retry(now));
            return null;
        }
        boolean passing = cause instanceof ClaidException && ((ClaidException) cause).isTransient();
        if (passing) {
            LOG.debug("Status of Claid task {} not read this time: {}", task.key(), cause.getMessage());
            ledger.reschedule(task.key(), owner, null, true, planner.retry(now));
        } else {
            LOG.warn("Status of Claid task {} cannot be read: {}. Asking again in {} ms", task.key(),
                    cause.getMessage(), endpoint.getConfiguration().getTaskPollMaxInterval());
            ledger.reschedule(task.key(), owner, null, true,
                    now.plusMillis(endpoint.getConfiguration().getTaskPollMaxInterval()));
        }
        return null;
    }

    /** What a task Claid no longer knows is reported as: ERROR, no output, and why. */
    private static TaskResult forgotten(TrackedTask task, int tries, Instant now) {
        String why = "Claid no longer knows this task: its result URL " + task.resultUrl() + " answered 404 " + tries
                + " times in a row (last at " + now + "). Claid may have lost or expired it; whether it was processed"
                + " cannot be told. Submit the work again if its result is still needed";
        return TaskReporter.endedUnknown(task, why, now);
    }

    /**
     * Waits for an answer on the poll thread, which belongs to this consumer and does nothing else; bounded by the
     * client's own timeouts and retries. Null when it does not come in time; a failure is thrown.
     */
    private <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(endpoint.getConfiguration().getResponseTimeout() * 2, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new CompletionException(e.getCause());
        }
    }

    /**
     * How many status requests this run may make: the batch size, less what the rate-limit window has left beyond
     * the reserve for submissions. When the window is spent, wait for it to reset rather than collect 429s; once the
     * reset time has passed, the last headers say nothing any more and a full run goes ahead.
     */
    private int requestBudget(Instant now, int perRun) {
        RateLimitInfo rateLimit = endpoint.client().lastRateLimit();
        if (rateLimit == null || rateLimit.remaining() == null || rateLimit.hasResetBy(now)) {
            return perRun;
        }
        int spare = rateLimit.remaining() - endpoint.getConfiguration().getRateLimitReserve();
        return Math.max(0, Math.min(perRun, spare));
    }

    private void purgeFinished(Instant now) {
        if (now.isBefore(nextPurge)) {
            return;
        }
        long retention = endpoint.getConfiguration().getFinishedRetention();
        long every = Math.min(PURGE_EVERY.toMillis(), retention);
        nextPurge = now.plusMillis(Math.max(PURGE_AT_MOST_EVERY.toMillis(), every));
        Instant cutoff = now.minusMillis(retention);
        int purged = ledger.purgeFinished(cutoff);
        // a task this consumer asked about and someone else reported (a webhook, another instance on the ledger)
        // leaves its last poll time here: no use once tasks finished as long ago are forgotten, and without this they
        // would pile up for as long as the JVM runs
        lastPolled.values().removeIf(polledAt -> polledAt.isBefore(cutoff));
        if (purged > 0) {
            LOG.debug("Forgot {} Claid tasks finished more than {} ms ago", purged,
                    endpoint.getConfiguration().getFinishedRetention());
        }
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        for (int index = 0; index < total; index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            if (!isBatchAllowed()) {
                // stopping: what was not handed over is given back to the ledger, not lost
                skip(exchange);
                continue;
            }
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            getAsyncProcessor().process(exchange, doneSync -> afterProcessing(exchange));
        }
        return total;
    }

    /**
     * A route failure goes to the consumer's exception handler, as in Camel's other polling consumers; the task itself
     * was already given back to the ledger by the exchange's completion hooks.
     */
    private void afterProcessing(Exchange exchange) {
        try {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing exchange", exchange, exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private static IllegalStateException stoppedBeforeProcessing() {
        return new IllegalStateException("claid:tasks stopped before this task was processed");
    }

    private static void skip(Exchange exchange) {
        // the exchange's completion hooks settle the task as not processed
        exchange.setException(stoppedBeforeProcessing());
        exchange.getExchangeExtension().handoverCompletions().forEach(s -> s.onFailure(exchange));
    }
}
