package io.github.camelclaid.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import io.github.camelclaid.client.model.TaskStatus;

/**
 * A ledger in this JVM's memory: the default. It keeps tasks across route restarts but not across a JVM restart; use
 * {@link FileTaskLedger} for that, and {@link JdbcTaskLedger} for several instances.
 *
 * <p>
 * One lock guards the map and its indexes. No operation on a task costs more as more tasks are held (only the purge
 * of finished ones, once a minute, reads them all): the open tasks are kept in the order they fall due, so that a
 * consumer's run reads the few due ones instead of sorting a day of retained tasks under the lock, and the records are
 * indexed by id (a webhook) and by request key (a submission). Subclasses persist each change through
 * {@link #stored}.
 */
public class InMemoryTaskLedger implements TaskLedger {

    private final Map<TaskKey, TrackedTask> tasks = new HashMap<>();
    /** Every record by task id: ids repeat only across kinds. */
    private final Map<Long, List<TaskKey>> byId = new HashMap<>();
    /** Every record made under each request key: a few (a placeholder, a claim, the task). */
    private final Map<String, List<TaskKey>> byRequestKey = new HashMap<>();
    /** The open tasks by next poll time, then key: the order of {@link #due}, and of the database ledger's index. */
    private final NavigableSet<DueEntry> byNextPoll = new TreeSet<>();

    /** An open task's place in {@link #byNextPoll}. */
    private record DueEntry(Instant nextPollAt, TaskKey key) implements Comparable<DueEntry> {
        @Override
        public int compareTo(DueEntry other) {
            int byTime = nextPollAt.compareTo(other.nextPollAt);
            if (byTime != 0) {
                return byTime;
            }
            int byKind = key.kind().compareTo(other.key.kind());
            return byKind != 0 ? byKind : Long.compare(key.id(), other.key.id());
        }

        static DueEntry of(TrackedTask task) {
            return new DueEntry(task.nextPollAt(), task.key());
        }
    }

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
        return byId.getOrDefault(id, List.of()).stream().map(tasks::get).toList();
    }

    @Override
    public synchronized Optional<TrackedTask> findByRequestKey(String requestKey) {
        return byRequestKey.getOrDefault(requestKey, List.of()).stream().map(tasks::get)
                .max(Comparator.comparing(TrackedTask::submittedAt).thenComparingLong(t -> t.key().id()));
    }

    @Override
    public synchronized List<TrackedTask> due(Instant now, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        List<TrackedTask> due = new ArrayList<>(Math.min(limit, 64));
        for (DueEntry entry : byNextPoll) {
            if (due.size() >= limit || entry.nextPollAt().isAfter(now)) {
                break;
            }
            TrackedTask task = tasks.get(entry.key());
            if (task.claimableBy(null, now)) {
                due.add(task);
            }
        }
        return due;
    }

    @Override
    public synchronized int openCount() {
        return byNextPoll.size();
    }

    @Override
    public synchronized Optional<TrackedTask> claim(TaskKey key, String owner, Instant now, Instant until) {
        TrackedTask task = tasks.get(key);
        if (task == null || !task.claimableBy(owner, now)) {
            return Optional.empty();
        }
        TrackedTask claimed = task.claimed(owner, until);
        // a claim is not persisted: a restarted JVM holds nothing, so its old leases mean nothing either
        keep(claimed);
        return Optional.of(claimed);
    }

    @Override
    public synchronized int renewLeases(String owner, Collection<TaskKey> keys, Instant until) {
        int renewed = 0;
        for (TaskKey key : keys) {
            TrackedTask task = heldBy(key, owner);
            if (task != null) {
                // like a claim, not persisted
                keep(task.claimed(owner, until));
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
        TrackedTask gone = drop(key);
        if (gone != null) {
            purgedOrRestored(List.of(gone));
        }
    }

    @Override
    public synchronized int purgeFinished(Instant before) {
        List<TaskKey> old = tasks.values().stream()
                .filter(t -> !t.isOpen() && t.finishedAt() != null && t.finishedAt().isBefore(before))
                .map(TrackedTask::key)
                .toList();
        List<TrackedTask> gone = new ArrayList<>();
        for (TaskKey key : old) {
            gone.add(drop(key));
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
        keep(task);
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

    private TrackedTask heldBy(TaskKey key, String owner) {
        TrackedTask task = tasks.get(key);
        return task != null && task.isOpen() && owner != null && owner.equals(task.owner()) ? task : null;
    }

    /**
     * Makes a change and has the store keep it; if the store refuses it (a full disk), memory goes back to what the
     * store holds and the caller gets the store's error, so that the two never part.
     */
    private void put(TrackedTask task, boolean durable) {
        TrackedTask previous = keep(task);
        try {
            stored(task, durable);
        } catch (RuntimeException e) {
            if (previous == null) {
                drop(task.key());
            } else {
                keep(previous);
            }
            throw e;
        }
    }

    /** Puts a task in the map and its indexes; returns what it replaced. The one way a task comes in or changes. */
    private TrackedTask keep(TrackedTask task) {
        TrackedTask previous = tasks.put(task.key(), task);
        if (previous == null) {
            byId.computeIfAbsent(task.key().id(), id -> new ArrayList<>(1)).add(task.key());
        }
        Instant wasDue = previous != null && previous.isOpen() ? previous.nextPollAt() : null;
        Instant isDue = task.isOpen() ? task.nextPollAt() : null;
        if (!Objects.equals(wasDue, isDue)) {
            // a claim or a renewal changes neither: only a new poll time, a finish or a new task moves it
            if (wasDue != null) {
                byNextPoll.remove(new DueEntry(wasDue, task.key()));
            }
            if (isDue != null) {
                byNextPoll.add(new DueEntry(isDue, task.key()));
            }
        }
        String wasUnder = previous == null ? null : previous.requestKey();
        if (!Objects.equals(wasUnder, task.requestKey())) {
            if (wasUnder != null) {
                unlist(byRequestKey, wasUnder, task.key());
            }
            if (task.requestKey() != null) {
                byRequestKey.computeIfAbsent(task.requestKey(), k -> new ArrayList<>(2)).add(task.key());
            }
        }
        return previous;
    }

    /** Takes a task out of the map and its indexes; returns it, or null. The one way a task goes. */
    private TrackedTask drop(TaskKey key) {
        TrackedTask gone = tasks.remove(key);
        if (gone != null) {
            if (gone.isOpen()) {
                byNextPoll.remove(DueEntry.of(gone));
            }
            unlist(byId, key.id(), key);
            if (gone.requestKey() != null) {
                unlist(byRequestKey, gone.requestKey(), key);
            }
        }
        return gone;
    }

    private static <K> void unlist(Map<K, List<TaskKey>> index, K under, TaskKey key) {
        List<TaskKey> keys = index.get(under);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            index.remove(under);
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
}
