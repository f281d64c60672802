package io.github.camelclaid.component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.ClaidResponse;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.TaskKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelclaid.client.AsyncFailures.unwrap;

/**
 * Waits for async tasks without holding a thread: each wait is a chain of timers on a shared scheduler, each timer
 * firing one non-blocking status request. Poll times follow the {@link TaskPollPlanner} shared with the tasks consumer,
 * and what a wait sees of its task's duration teaches it; the last poll happens at the deadline so a task finishing
 * just in time is seen.
 *
 * <p>
 * A wait for a task of a known kind is also listed in the account's {@link AwaitedTasks}, so that a webhook consumer
 * hands it the notification of its task's end, which ends the wait without a status request. While a webhook consumer
 * of the account listens, polling is the fallback for a notification that never came: it starts after
 * {@code webhookGracePeriod}, by the same rule as the tasks consumer's.
 */
final class TaskWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(TaskWaiter.class);

    private final ScheduledExecutorService scheduler;
    private final TaskPollPlanner planner;
    private final TaskDurations durations;
    private final long maxWaitMillis;
    private final AwaitedTasks awaited;

    private final Set<Wait> pending = ConcurrentHashMap.newKeySet();

    /**
     * @param durations where finished waits record how long their task took, or null to learn nothing
     * @param awaited   where waits are listed for the account's webhook consumers, or null to rely on polling only
     */
    TaskWaiter(ScheduledExecutorService scheduler, TaskPollPlanner planner, TaskDurations durations,
               long maxWaitMillis, AwaitedTasks awaited) {
        this.scheduler = scheduler;
        this.planner = planner;
        this.durations = durations;
        this.maxWaitMillis = maxWaitMillis;
        this.awaited = awaited;
    }

    /**
     * Completes with the task's final answer when it is DONE; fails with a {@link ClaidException} of reason
     * TASK_FAILED (ERROR, CANCELLED, PAUSED, with Claid's errors) or TASK_TIMEOUT (still running at the deadline, or
     * the wait could not go on), both naming the task. A status request that fails for a passing reason does not end
     * the wait.
     *
     * @param kind        the task's kind, or null when unknown (then nothing is learned, the plan is the growing
     *                    intervals, and no notification can be matched to the wait)
     * @param submittedAt when Claid accepted the task; the plan counts from then
     */
    CompletableFuture<ClaidResponse<TaskResult>> await(ClaidClient client, TaskKind kind, long taskId,
            String resultUrl, TaskStatus lastKnown, Instant submittedAt) {
        Wait wait = new Wait(client, kind, taskId, resultUrl, submittedAt.toEpochMilli(), System.nanoTime(),
                new CompletableFuture<>());
        wait.lastStatus = lastKnown;
        pending.add(wait);
        Runnable unlist = awaited == null || kind == null ? () -> {
        } : awaited.await(new TaskKey(kind, taskId), result -> notified(wait, result));
        wait.result.whenComplete((r, e) -> {
            pending.remove(wait);
            unlist.run();
            ScheduledFuture<?> timer = wait.timer;
            if (timer != null) {
                timer.cancel(false);
            }
        });
        scheduleNext(wait);
        return wait.result;
    }

    /** How many exchanges are waiting for their task right now. */
    int waiting() {
        return pending.size();
    }

    /**
     * Ends every wait in progress, each with an error naming its task, so that no exchange is left without an answer
     * when its endpoint stops (the scheduled polls it was waiting on will not run).
     */
    void stopWaiting() {
        for (Wait wait : List.copyOf(pending)) {
            wait.result.completeExceptionally(ClaidException.stoppedWaiting("wait for task " + wait.taskId,
                    wait.taskId, wait.lastStatus, wait.resultUrl, "when the endpoint stopped"));
        }
    }

    private void scheduleNext(Wait wait) {
        if (wait.result.isDone()) {
            return;
        }
        long left = wait.millisLeft(maxWaitMillis);
        long age = System.currentTimeMillis() - wait.submittedAtMillis;
        long plannedAge = planner.nextPollAge(wait.kind, age, wait.polls);
        if (expectsNotification(wait)) {
            plannedAge = planner.leftToWebhook(wait.kind, plannedAge);
        }
        long delay = Math.max(0, Math.min(plannedAge - age, left));
        try {
            wait.timer = scheduler.schedule(() -> poll(wait), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            wait.result.completeExceptionally(unscheduled(wait, e));
        }
    }

    /** Whether a webhook consumer may notify this wait's task: it is listed, and one listens now. */
    private boolean expectsNotification(Wait wait) {
        return wait.kind != null && awaited != null && awaited.webhookListening();
    }

    /**
     * The webhook notified the task's end: the wait ends as a status answer saying so would end it. Claid's
     * notification is the task's status answer, outputs included, so no request is needed; only the HTTP details of an
     * answer (request id, rate-limit headers) are missing. Claid sends it as the task ends, so its arrival tells the
     * task's duration more closely than a poll, which only brackets it.
     */
    private void notified(Wait wait, TaskResult task) {
        if (task.status().isTerminal()) {
            long now = System.currentTimeMillis();
            ended(wait, new ClaidResponse<>(task, 200, null, null, 0), now, now);
        }
    }

    /**
     * Only a scheduler that is shut down means Camel is stopping. Any other refusal ends this wait with its own
     * reason; the task is not dropped: it stays in the task ledger, and claid:tasks reports it.
     */
    private ClaidException unscheduled(Wait wait, RejectedExecutionException e) {
        String why = scheduler.isShutdown() ? "when Camel stopped"
                : "because its next status poll could not be scheduled (" + e.getMessage()
                        + "); it stays in the task ledger, where claid:tasks reports it";
        return ClaidException.stoppedWaiting("wait for task " + wait.taskId, wait.taskId, wait.lastStatus,
                wait.resultUrl, why);
    }

    private void poll(Wait wait) {
        if (wait.result.isDone()) {
            return;
        }
        // the answer tells the task's state when the request was sent: learning from when it came back would count
        // the time the answer took, and under load push every later poll further out
        long askedAt = System.currentTimeMillis();
        wait.client.getTask(wait.resultUrl).whenComplete((response, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof ClaidException && ((ClaidException) cause).isTransient()) {
                    LOG.debug("Status of Claid task {} not read this time ({}); still waiting", wait.taskId,
                            cause.getMessage());
                    next(wait);
                } else {
                    wait.result.completeExceptionally(cause);
                }
                return;
            }
            TaskResult task = response.data();
            if (task.status().isTerminal()) {
                long lastRunning = wait.lastRunningAtMillis;
                ended(wait, response, lastRunning == 0 ? wait.submittedAtMillis : lastRunning, askedAt);
            } else {
                wait.lastStatus = task.status();
                wait.polls++;
                wait.lastRunningAtMillis = askedAt;
                next(wait);
            }
        });
    }

    /**
     * The task ended, as a status answer or a notification told: DONE completes the wait, any other end fails it with
     * Claid's errors. Only the first of the two to come counts, and teaches the durations.
     *
     * @param runningAtMillis when the task was last known running (at the latest its submission)
     * @param endedAtMillis   when it was known ended
     */
    private void ended(Wait wait, ClaidResponse<TaskResult> response, long runningAtMillis, long endedAtMillis) {
        if (!wait.ended.compareAndSet(false, true)) {
            return;
        }
        TaskResult task = response.data();
        wait.lastStatus = task.status();
        learn(wait, runningAtMillis, endedAtMillis);
        if (task.status() == TaskStatus.DONE) {
            wait.result.complete(response);
        } else {
            wait.result.completeExceptionally(ClaidException.taskFailed("task " + wait.taskId, wait.taskId,
                    task.status(), wait.resultUrl, task.errors()));
        }
    }

    private void learn(Wait wait, long runningAtMillis, long endedAtMillis) {
        if (durations != null && wait.kind != null) {
            durations.observe(wait.kind, Duration.ofMillis(runningAtMillis - wait.submittedAtMillis),
                    Duration.ofMillis(endedAtMillis - wait.submittedAtMillis));
        }
    }

    private void next(Wait wait) {
        if (wait.millisLeft(maxWaitMillis) <= 0) {
            wait.result.completeExceptionally(timeout(wait));
        } else {
            scheduleNext(wait);
        }
    }

    private ClaidException timeout(Wait wait) {
        return ClaidException.taskTimeout("wait for task " + wait.taskId, wait.taskId, wait.lastStatus,
                wait.resultUrl, (System.nanoTime() - wait.startNanos) / 1_000_000);
    }

    /** One exchange's wait; touched by one timer or callback at a time, and by the notification of its task. */
    private static final class Wait {
        final ClaidClient client;
        final TaskKind kind;
        final long taskId;
        final String resultUrl;
        final long submittedAtMillis;
        final long startNanos;
        final CompletableFuture<ClaidResponse<TaskResult>> result;
        /** Set by whichever of a status answer and a notification first tells the task ended. */
        final AtomicBoolean ended = new AtomicBoolean();
        volatile ScheduledFuture<?> timer;
        volatile TaskStatus lastStatus;
        /** Polls that found the task running, and when the last of them did (0: none yet). */
        volatile int polls;
        volatile long lastRunningAtMillis;

        Wait(ClaidClient client, TaskKind kind, long taskId, String resultUrl, long submittedAtMillis,
             long startNanos, CompletableFuture<ClaidResponse<TaskResult>> result) {
            this.client = client;
            this.kind = kind;
            this.taskId = taskId;
            this.resultUrl = resultUrl;
            this.submittedAtMillis = submittedAtMillis;
            this.startNanos = startNanos;
            this.result = result;
        }

        long millisLeft(long maxWaitMillis) {
            return maxWaitMillis - (System.nanoTime() - startNanos) / 1_000_000;
        }
    }
}
