package io.github.camelclaid.testserver;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The async tasks, and what happens when one finishes: its storage outputs appear and, for the kinds Claid notifies
 * about, a webhook notification goes out. Finishing is triggered by a timer at the task's end, or by a poll that
 * arrives first, whichever comes first, so a client that sees DONE always finds the outputs in place.
 */
final class TaskRegistry {

    private final Map<Long, AsyncTask> tasks = new ConcurrentHashMap<>();
    /** Ids keep growing across {@link #clear()}, so an id from an earlier test never finds a later task. */
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService scheduler;
    private final TaskTimings timings;
    private final MediaStore store;
    private final WebhookDispatcher webhooks;
    private final String baseUrl;

    TaskRegistry(ScheduledExecutorService scheduler, TaskTimings timings, MediaStore store,
                 WebhookDispatcher webhooks, String baseUrl) {
        this.scheduler = scheduler;
        this.timings = timings;
        this.store = store;
        this.webhooks = webhooks;
        this.baseUrl = baseUrl;
    }

    /**
     * A new task; a held one ends only after {@link #releaseHeld()}. {@code settlement} turns the plan into the final
     * one when the task finishes (see {@link AsyncTask#finish()}).
     */
    AsyncTask submit(TaskKind kind, JsonNode request, TaskPlan plan, boolean held,
                     UnaryOperator<TaskPlan> settlement) {
        long id = ids.incrementAndGet();
        long now = System.nanoTime();
        long acceptedUntil = now + timings.acceptedNanos();
        long finishesAt = acceptedUntil + timings.processingNanos();
        AsyncTask task = new AsyncTask(id, kind, request, baseUrl + kind.statusOperation().path(id), now,
                acceptedUntil, finishesAt, plan, held, settlement);
        tasks.put(id, task);
        if (!held) {
            scheduleFinish(task, now);
        }
        return task;
    }

    /** Lets every held task end (see {@link AsyncTask#release}); returns how many were held. */
    int releaseHeld() {
        long now = System.nanoTime();
        int released = 0;
        for (AsyncTask task : tasks.values()) {
            if (task.release(now)) {
                released++;
                scheduleFinish(task, now);
            }
        }
        return released;
    }

    private void scheduleFinish(AsyncTask task, long now) {
        if (task.plan().outcome().isFinal()) {
            try {
                scheduler.schedule(() -> finish(task), task.finishesAt() - now, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // closing: a poll, if any comes, still finishes the task
            }
        }
    }

    Optional<AsyncTask> find(TaskKind kind, long id) {
        return Optional.ofNullable(tasks.get(id)).filter(t -> t.kind() == kind);
    }

    /** The task's status answer now. */
    ObjectNode statusOf(AsyncTask task) {
        long now = System.nanoTime();
        TaskStatus status = task.statusAt(now);
        if (status.isFinal()) {
            finish(task);
            // settling may have changed the outcome (an unreadable input ends the task in ERROR)
            status = task.statusAt(now);
        }
        task.noteStatusRequest(status, now);
        return task.statusJson(status);
    }

    /** Every task's timeline, by id. */
    java.util.List<TaskTimeline> timelines() {
        return tasks.values().stream().map(AsyncTask::timeline)
                .sorted(java.util.Comparator.comparingLong(TaskTimeline::id)).toList();
    }

    void clear() {
        tasks.clear();
    }

    /**
     * Settles a task that reached its end and publishes its outputs, once; held under the task's lock so polls wait
     * for it. Settling may read inputs and write to buckets, on this thread.
     */
    private void finish(AsyncTask task) {
        synchronized (task) {
            if (tasks.get(task.id()) != task || !task.finish()) {
                return;
            }
            TaskStatus outcome = task.plan().outcome();
            if (outcome == TaskStatus.DONE) {
                task.plan().writes().forEach(store::recordWritten);
            }
            if (task.kind().notifiesWebhook() && (outcome == TaskStatus.DONE || outcome == TaskStatus.ERROR)) {
                webhooks.notify(task.id(), Json.bytes(Json.data(task.statusJson(outcome))));
            }
        }
    }
}
