package io.github.camelclaid.component;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import io.github.camelclaid.client.model.TaskKind;

/**
 * How long recent tasks of each kind took, for polling when a task is likely done rather than on a fixed rhythm.
 *
 * <p>
 * A poll only tells that a task finished somewhere between the previous poll and this one, so each sample is the
 * middle of that window. Keeps the latest {@value #SAMPLES} samples per kind: Claid's speed changes with its load, and
 * old samples should not outvote new ones.
 */
final class TaskDurations {

    static final int SAMPLES = 64;
    /** Below this many samples the percentiles say little, and polling falls back to growing intervals. */
    static final int MIN_SAMPLES = 5;

    private final Map<TaskKind, long[]> samples = new EnumMap<>(TaskKind.class);
    private final Map<TaskKind, Integer> counts = new EnumMap<>(TaskKind.class);

    /** Notes that a task of this kind finished after at least {@code lower} and at most {@code upper}. */
    synchronized void observe(TaskKind kind, Duration lower, Duration upper) {
        long sample = (Math.max(0, lower.toMillis()) + Math.max(0, upper.toMillis())) / 2;
        long[] ring = samples.computeIfAbsent(kind, k -> new long[SAMPLES]);
        int count = counts.getOrDefault(kind, 0);
        ring[count % SAMPLES] = sample;
        counts.put(kind, count + 1);
    }

    /**
     * The given percentiles (0..1, ascending) of the durations seen for this kind, in milliseconds; null while fewer
     * than {@value #MIN_SAMPLES} were seen.
     */
    synchronized long[] percentiles(TaskKind kind, double... quantiles) {
        int count = counts.getOrDefault(kind, 0);
        if (count < MIN_SAMPLES) {
            return null;
        }
        long[] sorted = Arrays.copyOf(samples.get(kind), Math.min(count, SAMPLES));
        Arrays.sort(sorted);
        long[] out = new long[quantiles.length];
        for (int i = 0; i < quantiles.length; i++) {
            int index = (int) Math.min(sorted.length - 1, Math.ceil(quantiles[i] * sorted.length) - 1);
            out[i] = sorted[Math.max(0, index)];
        }
        return out;
    }
}
