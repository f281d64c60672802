package io.github.camelclaid.component;

import java.time.Duration;
import java.time.Instant;

import io.github.camelclaid.ledger.TrackedTask;

/**
 * Decides when to ask for a task's status next. Without knowledge, intervals follow {@link PollBackoff}. With
 * {@link TaskDurations} of the kind, polls go at the times by which half, three quarters, 90%... of such tasks were
 * done, so a task that usually takes 20 s is asked about once or twice, not every two seconds.
 */
final class TaskPollPlanner {

    /** The points of the duration distribution polled at, in turn, before growing intervals take over. */
    private static final double[] LADDER = { 0.5, 0.75, 0.9, 0.97, 0.99 };

    private final PollBackoff backoff;
    private final long graceMillis;
    private final TaskDurations durations;

    /**
     * @param durations what is known of task durations, or null to poll at growing intervals only
     * @param grace     how long after submission a task is left to its webhook before polling starts
     */
    TaskPollPlanner(long initialMillis, long maxMillis, long graceMillis, TaskDurations durations) {
        this.backoff = new PollBackoff(initialMillis, maxMillis);
        this.graceMillis = Math.max(0, graceMillis);
        this.durations = durations;
    }

    /**
     * The earliest time this task should be asked about, given what is known now; a task due earlier in the ledger (a
     * producer's default, a grace period not yet over) is put back until then rather than polled.
     */
    Instant earliestPoll(TrackedTask task) {
        Instant earliest = task.submittedAt().plusMillis(graceMillis);
        if (task.polls() == 0 && durations != null) {
            long[] median = durations.percentiles(task.key().kind(), LADDER[0]);
            if (median != null) {
                Instant likelyDone = task.submittedAt().plusMillis(median[0]);
                earliest = likelyDone.isAfter(earliest) ? likelyDone : earliest;
            }
        }
        return earliest;
    }

    /** When to poll again a task that was still running at {@code now}, after {@code polls} polls in all. */
    Instant nextPoll(TrackedTask task, int polls, Instant now) {
        long growing = backoff.afterPolls(polls);
        Instant fallback = now.plusMillis(growing);
        if (durations == null) {
            return fallback;
        }
        long[] ladder = durations.percentiles(task.key().kind(), LADDER);
        if (ladder == null) {
            return fallback;
        }
        long age = Duration.between(task.submittedAt(), now).toMillis();
        // at least half the first interval between two polls, so close percentiles do not mean a burst of requests
        long minGap = backoff.initialMillis() / 2;
        for (long point : ladder) {
            if (point >= age + minGap) {
                return task.submittedAt().plusMillis(point);
            }
        }
        return fallback;
    }

    /** When to try again a task whose status could not be read, or whose route failed. */
    Instant retry(Instant now) {
        return now.plusMillis(backoff.initialMillis());
    }
}
