package io.github.camelclaid.component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.ledger.TaskKey;

/**
 * The tasks that exchanges of this JVM wait for ({@code waitForCompletion}), per account, so that a verified webhook
 * notification of a task's end completes its wait without a status request; and whether a webhook consumer of the
 * account is listening, which is when a wait leaves its task to the webhook for {@code webhookGracePeriod} before
 * polling it.
 */
final class AwaitedTasks {

    private final ConcurrentHashMap<TaskKey, Set<Consumer<TaskResult>>> waits = new ConcurrentHashMap<>();
    private final AtomicInteger listeners = new AtomicInteger();

    /**
     * Tells {@code onEnd} of the notification of the task's end, until the returned action is run. Several exchanges
     * may wait for one task (work submitted again under the same request key).
     */
    Runnable await(TaskKey task, Consumer<TaskResult> onEnd) {
        // added inside compute, so a removal emptying the same task's set cannot drop it from the map in between
        waits.compute(task, (k, set) -> {
            Set<Consumer<TaskResult>> waiting = set != null ? set : new CopyOnWriteArraySet<>();
            waiting.add(onEnd);
            return waiting;
        });
        return () -> waits.computeIfPresent(task, (k, set) -> {
            set.remove(onEnd);
            return set.isEmpty() ? null : set;
        });
    }

    /** Hands a notified task's end to the exchanges waiting for it; false when none here does. */
    boolean ended(TaskKey task, TaskResult result) {
        Set<Consumer<TaskResult>> waiting = waits.get(task);
        if (waiting == null || waiting.isEmpty()) {
            return false;
        }
        waiting.forEach(wait -> wait.accept(result));
        return true;
    }

    /** How many exchanges wait for a task right now. */
    int waiting() {
        return waits.values().stream().mapToInt(Set::size).sum();
    }

    void webhookStarted() {
        listeners.incrementAndGet();
    }

    void webhookStopped() {
        listeners.decrementAndGet();
    }

    /** Whether a webhook consumer of this account runs here, so that waits may expect notifications. */
    boolean webhookListening() {
        return listeners.get() > 0;
    }
}
