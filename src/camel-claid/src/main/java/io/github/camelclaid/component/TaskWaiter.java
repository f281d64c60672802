package io.github.camelclaid.component;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.ClaidResponse;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelclaid.client.AsyncFailures.unwrap;

/**
 * Waits for async tasks without holding a thread: each wait is a chain of timers on a shared scheduler, each timer
 * firing one non-blocking status request. Intervals follow {@link PollBackoff}, and the last poll happens at the
 * deadline so a task finishing just in time is seen.
 */
final class TaskWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(TaskWaiter.class);

    private final ScheduledExecutorService scheduler;
    private final PollBackoff backoff;
    private final long maxWaitMillis;

    private final Set<Wait> pending = ConcurrentHashMap.newKeySet();

    TaskWaiter(ScheduledExecutorService scheduler, long initialIntervalMillis, long maxIntervalMillis,
               long maxWaitMillis) {
        this.scheduler = scheduler;
        this.backoff = new PollBackoff(initialIntervalMillis, maxIntervalMillis);
        this.maxWaitMillis = maxWaitMillis;
    }

    /**
     * Completes with the task's final answer when it is DONE; fails with a {@link ClaidException} of reason
     * TASK_FAILED (ERROR, CANCELLED, PAUSED, with Claid's errors) or TASK_TIMEOUT (still running at the deadline), both
     * naming the task. A status request that fails for a passing reason does not end the wait.
     */
    CompletableFuture<ClaidResponse<TaskResult>> await(ClaidClient client, long taskId, String resultUrl,
            TaskStatus lastKnown) {
        Wait wait = new Wait(client, taskId, resultUrl, System.nanoTime(), new CompletableFuture<>());
        wait.lastStatus = lastKnown;
        pending.add(wait);
        wait.result.whenComplete((r, e) -> pending.remove(wait));
        schedule(wait, backoff.initialMillis());
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

    private void schedule(Wait wait, long intervalMillis) {
        long left = wait.millisLeft(maxWaitMillis);
        long delay = Math.max(0, Math.min(intervalMillis, left));
        wait.nextInterval = backoff.after(intervalMillis);
        try {
            scheduler.schedule(() -> poll(wait), delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // the scheduler is shut down: the context is stopping
            wait.result.completeExceptionally(ClaidException.stoppedWaiting("wait for task " + wait.taskId,
                    wait.taskId, wait.lastStatus, wait.resultUrl, "when Camel stopped"));
        }
    }

    private void poll(Wait wait) {
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
            wait.lastStatus = task.status();
            if (task.status() == TaskStatus.DONE) {
                wait.result.complete(response);
            } else if (task.status().isTerminal()) {
                wait.result.completeExceptionally(ClaidException.taskFailed("task " + wait.taskId, wait.taskId,
                        task.status(), wait.resultUrl, task.errors()));
            } else {
                next(wait);
            }
        });
    }

    private void next(Wait wait) {
        if (wait.millisLeft(maxWaitMillis) <= 0) {
            wait.result.completeExceptionally(timeout(wait));
        } else {
            schedule(wait, wait.nextInterval);
        }
    }

    private ClaidException timeout(Wait wait) {
        return ClaidException.taskTimeout("wait for task " + wait.taskId, wait.taskId, wait.lastStatus,
                wait.resultUrl, (System.nanoTime() - wait.startNanos) / 1_000_000);
    }

    /** One exchange's wait; touched by one timer or callback at a time. */
    private static final class Wait {
        final ClaidClient client;
        final long taskId;
        final String resultUrl;
        final long startNanos;
        final CompletableFuture<ClaidResponse<TaskResult>> result;
        volatile TaskStatus lastStatus;
        volatile long nextInterval;

        Wait(ClaidClient client, long taskId, String resultUrl, long startNanos,
             CompletableFuture<ClaidResponse<TaskResult>> result) {
            this.client = client;
            this.taskId = taskId;
            this.resultUrl = resultUrl;
            this.startNanos = startNanos;
            this.result = result;
        }

        long millisLeft(long maxWaitMillis) {
            return maxWaitMillis - (System.nanoTime() - startNanos) / 1_000_000;
        }
    }
}
