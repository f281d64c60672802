package io.github.camelclaid.component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat of one holder of tasks in the ledger (a producer's claims and waits, a consumer's routes): every third
 * of {@code taskLease} it extends the leases of the tasks the holder works on, in one ledger write however many
 * ({@link TaskLedger#renewLeases}). So a holder keeps what it works on for as long as it lives and works (a claim
 * whose submission's answer is slow, a long wait, a slow route), and a dead one's tasks are free for the others within
 * one lease; which is what lets the lease be short. The holder says what it works on: {@link #hold} once it has a task,
 * {@link #release} before it gives the task back, so that a task whose giving back failed (a database out of reach)
 * still lapses for the others to take.
 */
final class LeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final TaskLedger ledger;
    private final String owner;
    private final long leaseMillis;
    private final Executor completion;
    private final ScheduledFuture<?> beat;
    /** The tasks worked on, each with how many parts of the holder hold it (a poll, then the report it leads to). */
    private final Map<TaskKey, Integer> held = new ConcurrentHashMap<>();

    LeaseKeeper(ClaidEndpoint endpoint, String owner) {
        this.ledger = endpoint.ledger();
        this.owner = owner;
        this.leaseMillis = endpoint.getConfiguration().getTaskLease();
        this.completion = endpoint.getComponent().continuation();
        long every = Math.max(50, leaseMillis / 3);
        // the renewal is a ledger write: it runs on the completion pool, not on the scheduler's one thread, which times
        // every wait's next poll
        this.beat = endpoint.getComponent().scheduler().scheduleWithFixedDelay(this::renewSoon, every, every,
                TimeUnit.MILLISECONDS);
    }

    /**
     * A new holder's name in the ledger: its role ({@code producer}, {@code tasks}, {@code webhook}), its CamelContext's
     * name (so that whoever reads the table sees which instance holds what: name the contexts of a fleet apart), and a
     * random part, unique to this holder.
     */
    static String ownerName(String role, ClaidEndpoint endpoint) {
        String context = endpoint.getCamelContext().getName();
        if (context.length() > 64) {
            context = context.substring(0, 64);
        }
        return role + "-" + context + "-" + UUID.randomUUID();
    }

    /** When a lease taken or renewed at {@code now} lapses. */
    Instant leaseUntil(Instant now) {
        return now.plusMillis(leaseMillis);
    }

    /**
     * The holder works on this task, held by it in the ledger: renew its lease until as many {@link #release}s as
     * holds.
     */
    void hold(TaskKey key) {
        held.merge(key, 1, Integer::sum);
    }

    /** One part of the holder is done with this task (it finished it, gave it back or handed it on). */
    void release(TaskKey key) {
        held.computeIfPresent(key, (k, holds) -> holds > 1 ? holds - 1 : null);
    }

    /** Stops renewing: the holder stops, and what it still holds lapses for the others to take. */
    void close() {
        beat.cancel(false);
    }

    private void renewSoon() {
        if (held.isEmpty()) {
            return;
        }
        try {
            completion.execute(this::renew);
        } catch (RejectedExecutionException e) {
            // Camel is stopping: the leases lapse, and the tasks are taken up again by whoever runs next
        }
    }

    private void renew() {
        try {
            int renewed = ledger.renewLeases(owner, List.copyOf(held.keySet()), leaseUntil(Instant.now()));
            LOG.trace("{} renewed {} leases", owner, renewed);
        } catch (RuntimeException e) {
            // the next beat tries again; a lease lapsing meanwhile only lets another instance take a task over
            LOG.warn("Could not renew the leases of {} in the task ledger: {}", owner, e.getMessage());
        }
    }
}
