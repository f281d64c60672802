package io.github.camelclaid.component;

import java.time.Instant;

import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.ledger.TrackedTask;

/**
 * When to ask for a task's status next: the one plan of both {@code waitForCompletion} and {@code claid:tasks}.
 *
 * <p>
 * Once {@link TaskDurations} knows the kind, a task is polled at the 1/n, 2/n ... (n-1)/n quantiles of the durations
 * seen and at their 99th percentile, n being {@code adaptivePollCount}: polls go where tasks of that kind really end,
 * so a task is asked about about (n+1)/2 times, and its end is noticed at most one quantile step late. A task slower
 * than that is then polled at the plan's last step, at intervals growing with its time past the plan and at most
 * half its age, up to {@code taskPollMaxInterval}. Before the kind
 * is known (fewer than {@value TaskDurations#MIN_SAMPLES} finished tasks seen), and without adaptive polling,
 * intervals follow {@link PollBackoff}. Each call looks at what is known now, so a wait that began before anything
 * was learned moves to the learned plan at its next poll.
 */
final class TaskPollPlanner {

    /** The last planned poll: when nearly every task of the kind has ended. */
    private static final double LAST_QUANTILE = 0.99;

    private final PollBackoff backoff;
    private final long graceMillis;
    private final TaskDurations durations;
    private final double[] quantiles;
    /** Planned polls closer than this to the previous one are skipped, so close quantiles do not burst. */
    private final long minGapMillis;

    /**
     * @param durations what is known of task durations, or null to poll at growing intervals only
     * @param pollCount how many polls the learned plan spreads over the durations seen (adaptivePollCount)
     * @param grace     how long after submission a task is left to its webhook before polling starts
     */
    TaskPollPlanner(long initialMillis, long maxMillis, long graceMillis, TaskDurations durations, int pollCount) {
        if (pollCount < 1) {
            throw new IllegalArgumentException("adaptivePollCount must be at least 1, was " + pollCount
                    + ": it is how many status polls are spread over the usual duration of a task");
        }
        this.backoff = new PollBackoff(initialMillis, maxMillis);
        this.graceMillis = Math.max(0, graceMillis);
        this.durations = durations;
        this.quantiles = ladder(pollCount);
        this.minGapMillis = Math.max(1, backoff.initialMillis() / 4);
    }

    /** 1/n, 2/n ... (n-1)/n, then the 99th percentile. */
    static double[] ladder(int pollCount) {
        double[] ladder = new double[pollCount];
        for (int i = 1; i < pollCount; i++) {
            ladder[i - 1] = (double) i / pollCount;
        }
        ladder[pollCount - 1] = LAST_QUANTILE;
        return ladder;
    }

    /**
     * How long after its submission a task of that kind (null: unknown) should be asked about next, given its age now
     * and the polls that found it running so far.
     */
    long nextPollAge(TaskKind kind, long ageMillis, int polls) {
        long age = Math.max(0, ageMillis);
        long[] planned = kind == null || durations == null ? null : durations.percentiles(kind, quantiles);
        if (planned == null) {
            return age + backoff.afterPolls(polls);
        }
        for (long point : planned) {
            if (point >= age + minGapMillis) {
                return Math.min(point, age + backoff.maxMillis());
            }
        }
        return age + Math.max(minGapMillis, Math.min(tailInterval(planned, age), backoff.maxMillis()));
    }

    /**
     * The wait before the next poll of a task past the plan's last point. It starts at the plan's last step and grows
     * with the time spent past that point, never beyond half the task's age. The plan's last point is the 99th
     * percentile of the samples, and samples are the middles of poll windows, so it falls short of the slowest ends
     * and more than 1 % of tasks get here: polled at half their age, they would be noticed up to half a task late.
     */
    private static long tailInterval(long[] planned, long age) {
        long last = planned[planned.length - 1];
        long step = planned.length > 1 ? last - planned[planned.length - 2] : last;
        return Math.min(age / 2, Math.max(step, (age - last) / 2));
    }

    /**
     * The earliest time this task should be asked about, given what is known now; a task due earlier in the ledger (a
     * producer's default, a grace period not yet over) is put back until then rather than polled.
     */
    Instant earliestPoll(TrackedTask task) {
        TaskKind kind = task.key().kind();
        long planned = task.polls() > 0 ? 0 : nextPollAge(kind, 0, 0);
        return task.submittedAt().plusMillis(leftToWebhook(kind, planned));
    }

    /**
     * The rule of {@code webhookGracePeriod}, for the tasks consumer and waits alike: no status request until the
     * grace after submission is over, so that a task whose notification comes costs no poll. Kinds Claid sends no
     * notification for are not kept waiting. Given the age a poll is planned at, the age it may happen at.
     */
    long leftToWebhook(TaskKind kind, long plannedAgeMillis) {
        if (kind != null && !kind.notifiedByWebhook()) {
            return plannedAgeMillis;
        }
        return Math.max(plannedAgeMillis, graceMillis);
    }

    /** When to poll again a task that was still running at {@code now}, after {@code polls} polls in all. */
    Instant nextPoll(TrackedTask task, int polls, Instant now) {
        long age = now.toEpochMilli() - task.submittedAt().toEpochMilli();
        return task.submittedAt().plusMillis(nextPollAge(task.key().kind(), age, polls));
    }

    /** When to try again a task whose status could not be read, or whose route failed. */
    Instant retry(Instant now) {
        return now.plusMillis(backoff.initialMillis());
    }
}
