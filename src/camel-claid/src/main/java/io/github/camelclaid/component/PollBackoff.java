package io.github.camelclaid.component;

/**
 * Intervals between status polls of a running task while nothing is known of its kind: they start at
 * {@code initial} and grow by half up to {@code max}, since most tasks finish in seconds and some take minutes.
 */
final class PollBackoff {

    private static final double GROWTH = 1.5;

    private final long initialMillis;
    private final long maxMillis;

    PollBackoff(long initialMillis, long maxMillis) {
        this.initialMillis = Math.max(1, initialMillis);
        this.maxMillis = Math.max(this.initialMillis, maxMillis);
    }

    long initialMillis() {
        return initialMillis;
    }

    long maxMillis() {
        return maxMillis;
    }

    /** The interval to wait after {@code polls} polls that found the task running (0: the wait before the first). */
    long afterPolls(int polls) {
        double interval = initialMillis * Math.pow(GROWTH, Math.max(0, polls));
        return (long) Math.min(interval, maxMillis);
    }
}
