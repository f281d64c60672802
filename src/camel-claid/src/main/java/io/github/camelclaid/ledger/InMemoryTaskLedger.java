package io.github.camelclaid.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelclaid.client.model.TaskStatus;

/**
 * A ledger in this JVM's memory: the default. It keeps tasks across route restarts but not across a JVM restart; use
 * {@link FileTaskLedger} for that, and {@link JdbcTaskLedger} for several instances.
 *
 * <p>
 * One lock guards the map: every operation is a few map lookups, far cheaper than the HTTP calls around it.
 * Subclasses persist each change through {@link #stored}.
 */
public class InMemoryTaskLedger implements TaskLedger {

    private final Map<TaskKey, TrackedTask> tasks = new HashMap<>();
    /** The latest task recorded under each request key. */
    private final Map<String, TaskKey> byRequestKey = new HashMap<>();

    @Override
    public synchronized boolean record(TrackedTask task) {
        if (tasks.containsKey(task.key())) {
            return false;
        }
        put(task, true);
        return true;
    }

    @Override
    public synchronized boolean adopt(TaskKey key, Map<String, String> correlation, String requestKey) {
        TrackedTask task = tasks.get(key);
        if (task == null || !task.isOpen() || !task.isUnadopted()) {
            return false;
        }
        put(task.adopted(correlation, requestKey), true);
        return true;
    }

    @Override
    public synchronized Optional<TrackedTask> find(TaskKey key) {
        return Optional.ofNullable(tasks.get(key));
    }

    @Override
    public synchronized List<TrackedTask> findById(long id) {
        List<TrackedTask> found = new ArrayList<>();
        for (TrackedTask task : tasks.values()) {
            if (task.key().id() == id) {
                found.add(task);
            }
        }
        return found;
    }

    @Override
    public synchronized Optional<TrackedTask> findByRequestKey(String requestKey) {
        TaskKey key = byRequestKey.get(requestKey);
        return key == null ? Optional.empty() : Optional.ofNullable(tasks.get(key));
    }

    @Override
    public synchronized List<TrackedTask> due(Instant now, int limit) {
        return tasks.values().stream()
                .filter(t -> t.isOpen() && !t.nextPollAt().isAfter(now) && t.claimableBy(null, now))
                .sorted(Comparator.comparing(TrackedTask::nextPollAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int openCount() {
        return (int) tasks.values().stream().filter(TrackedTask::isOpen).count();
    }

    @Override
    public synchronized Optional<TrackedTask> claim(TaskKey key, String owner, Instant now, Instant until) {
        TrackedTask task = tasks.get(key);
        if (task == null || !task.claimableBy(owner, now)) {
            return Optional.empty();
        }
        TrackedTask claimed = task.claimed(owner, until);
        // a claim is not persisted: a restarted JVM holds nothing, so its old leases mean nothing either
        tasks.put(key, claimed);
        return Optional.of(claimed);
    }

    @Override
    public synchronized int renewLeases(String owner, Collection<TaskKey> keys, Instant until) {
        int renewed = 0;
        for (TaskKey key : keys) {
            TrackedTask task = heldBy(key, owner);
            if (task != null) {
                // like a claim, not persisted
                tasks.put(key, task.claimed(owner, until));
                renewed++;
            }
        }
        return renewed;
    }

    @Override
    public synchronized void reschedule(TaskKey key, String owner, TaskStatus seen, boolean polled, Instant nextPollAt) {
        TrackedTask task = heldBy(key, owner);
        if (task != null) {
            put(task.rescheduled(seen, polled, nextPollAt), false);
        }
    }

    @Override
    public synchronized void outputDelivered(TaskKey key, String owner, int outputIndex) {
        TrackedTask task = heldBy(key, owner);
        if (task != null) {
            put(task.withDelivered(outputIndex), true);
        }
    }

    @Override
    public synchronized void finish(TaskKey key, TaskStatus status, Instant at) {
        TrackedTask task = tasks.get(key);
        if (task != null && task.isOpen()) {
            put(task.finished(status, at), true);
        }
    }

    @Override
    public synchronized void forget(TaskKey key) {
        TrackedTask gone = tasks.remove(key);
        if (gone == null) {
            return;
        }
        // an older record under the same request key is the latest again
        reindex(gone.requestKey());
        purgedOrRestored(List.of(gone));
    }

    @Override
    public synchronized int purgeFinished(Instant before) {
        List<TaskKey> old = tasks.values().stream()
                .filter(t -> !t.isOpen() && t.finishedAt() != null && t.finishedAt().isBefore(before))
                .map(TrackedTask::key)
                .toList();
        List<TrackedTask> gone = new ArrayList<>();
        for (TaskKey key : old) {
            TrackedTask task = tasks.remove(key);
            gone.add(task);
            if (task.requestKey() != null) {
                byRequestKey.remove(task.requestKey(), key);
            }
        }
        if (!old.isEmpty()) {
            purgedOrRestored(gone);
        }
        return old.size();
    }

    @Override
    public void close() {
        // nothing held
    }

    /** A snapshot of every task, for subclasses that rewrite their store. */
    protected synchronized List<TrackedTask> snapshot() {
        return new ArrayList<>(tasks.values());
    }

    /** Loads a task read back from a store, replacing what was known under its key; not persisted again. */
    protected synchronized void load(TrackedTask task) {
        tasks.put(task.key(), task);
        index(task);
    }

    /**
     * Called, under the lock, after each change to a task; {@code durable} says the change must survive a crash
     * before the call returns. Does nothing here.
     */
    protected void stored(TrackedTask task, boolean durable) {
    }

    /** Called, under the lock, after tasks were forgotten. Does nothing here. */
    protected void purged(List<TaskKey> keys) {
    }

    private void index(TrackedTask task) {
        if (task.requestKey() != null) {
            TaskKey known = byRequestKey.get(task.requestKey());
            TrackedTask latest = known == null ? null : tasks.get(known);
            if (latest == null || latest.submittedAt().isBefore(task.submittedAt())
                    || latest.submittedAt().equals(task.submittedAt()) && latest.key().id() <= task.key().id()) {
                byRequestKey.put(task.requestKey(), task.key());
            }
        }
    }

    private TrackedTask heldBy(TaskKey key, String owner) {
        TrackedTask task = tasks.get(key);
        return task != null && task.isOpen() && owner != null && owner.equals(task.owner()) ? task : null;
    }

    /**
     * Makes a change and has the store keep it; if the store refuses it (a full disk), memory goes back to what the
     * store holds and the caller gets the store's error, so that the two never part.
     */
    private void put(TrackedTask task, boolean durable) {
        TrackedTask previous = tasks.put(task.key(), task);
        index(task);
        try {
            stored(task, durable);
        } catch (RuntimeException e) {
            if (previous == null) {
                tasks.remove(task.key());
            } else {
                tasks.put(previous.key(), previous);
            }
            reindex(task.requestKey());
            throw e;
        }
    }

    private void purgedOrRestored(List<TrackedTask> gone) {
        try {
            purged(gone.stream().map(TrackedTask::key).toList());
        } catch (RuntimeException e) {
            gone.forEach(this::load);
            throw e;
        }
    }

    /** Points the request key at its latest record again, after a record under it went or came back. */
    private void reindex(String requestKey) {
        if (requestKey != null) {
            byRequestKey.remove(requestKey);
            tasks.values().stream().filter(t -> requestKey.equals(t.requestKey())).forEach(this::index);
        }
    }
}
