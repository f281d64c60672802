package io.github.camelclaid.component;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.ledger.TaskLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heartbeat of one holder of tasks in the ledger (a producer's submissions and waits, a consumer's polls and
 * routes): every third of {@code taskLease} it extends every lease the holder has, in one ledger write however many
 * tasks that is ({@link TaskLedger#renewLeases}). So a holder keeps what it works on for as long as it lives and
 * works (a claim queued behind the rate budget, a long wait, a slow route), and a dead one's tasks are free for the
 * others within one lease; which is what lets the lease be short.
 */
final class LeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final TaskLedger ledger;
    private final String owner;
    private final long leaseMillis;
    private final Executor completion;
    private final ScheduledFuture<?> beat;

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

    /** When a lease taken or renewed at {@code now} lapses. */
    Instant leaseUntil(Instant now) {
        return now.plusMillis(leaseMillis);
    }

    /** Stops renewing: the holder stops, and what it still holds lapses for the others to take. */
    void close() {
        beat.cancel(false);
    }

    private void renewSoon() {
        try {
            completion.execute(this::renew);
        } catch (RejectedExecutionException e) {
            // Camel is stopping: the leases lapse, and the tasks are taken up again by whoever runs next
        }
    }

    private void renew() {
        try {
            int renewed = ledger.renewLeases(owner, leaseUntil(Instant.now()));
            LOG.trace("{} renewed {} leases", owner, renewed);
        } catch (RuntimeException e) {
            // the next beat tries again; a lease lapsing meanwhile only lets another instance take a task over
            LOG.warn("Could not renew the leases of {} in the task ledger: {}", owner, e.getMessage());
        }
    }
}
