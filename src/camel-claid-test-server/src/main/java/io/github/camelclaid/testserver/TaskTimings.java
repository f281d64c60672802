package io.github.camelclaid.testserver;

import java.time.Duration;
import java.util.Random;

/**
 * How long tasks stay ACCEPTED and PROCESSING. A spread adds a random extra to each task's processing time, so that
 * tasks submitted together finish in an unpredictable order, as on the real service; a seed makes it repeatable.
 */
final class TaskTimings {

    private final Duration acceptedFor;
    private final Duration processingFor;
    private final Duration spread;
    private final Random random;

    TaskTimings(Duration acceptedFor, Duration processingFor, Duration spread, long seed) {
        this.acceptedFor = acceptedFor;
        this.processingFor = processingFor;
        this.spread = spread;
        this.random = new Random(seed);
    }

    long acceptedNanos() {
        return acceptedFor.toNanos();
    }

    synchronized long processingNanos() {
        long extra = spread.isZero() ? 0 : (long) (random.nextDouble() * spread.toNanos());
        return processingFor.toNanos() + extra;
    }
}
