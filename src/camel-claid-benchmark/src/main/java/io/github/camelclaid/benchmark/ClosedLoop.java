package io.github.camelclaid.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps {@code inFlight} calls going for a while: each call that completes starts the next one, so the client never
 * waits on a timer of ours and the figure is the client's own pace. Calls that complete within the measured window
 * are counted, with their latency; the calls still in flight when it ends are awaited but not counted.
 */
final class ClosedLoop {

    /** Failures tolerated before a run gives up: a benchmark of failing calls measures nothing. */
    private static final int MAX_FAILURES = 10;

    private final EditCall call;
    private final int inFlight;

    private volatile boolean running;
    private volatile boolean recording;
    private final AtomicLong failures = new AtomicLong();
    private volatile Throwable firstFailure;
    private LatencyRecorder recorder;
    private CountDownLatch stopped;

    ClosedLoop(EditCall call, int inFlight) {
        this.call = call;
        this.inFlight = inFlight;
    }

    /** Runs {@code warmup} unmeasured, then {@code measured}; throws if calls failed. */
    Figures run(Duration warmup, Duration measured) throws InterruptedException {
        recorder = new LatencyRecorder();
        stopped = new CountDownLatch(inFlight);
        failures.set(0);
        running = true;
        for (int i = 0; i < inFlight; i++) {
            next();
        }
        sleep(warmup);
        recording = true;
        long start = System.nanoTime();
        long cpuAtStart = processCpuNanos();
        sleep(measured);
        recording = false;
        long elapsed = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuAtStart;
        running = false;
        if (!stopped.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(call.name() + ": calls still in flight 30 s after the run ended");
        }
        if (firstFailure != null) {
            throw new IllegalStateException(call.name() + ": " + failures.get() + " calls failed", firstFailure);
        }
        return recorder.figures(call.name(), inFlight, elapsed, cpu);
    }

    private void next() {
        if (!running || failures.get() >= MAX_FAILURES) {
            stopped.countDown();
            return;
        }
        long sent = System.nanoTime();
        CompletableFuture<?> answered;
        try {
            answered = call.send();
        } catch (RuntimeException e) {
            failed(e);
            stopped.countDown();
            return;
        }
        answered.whenComplete((ignored, failure) -> {
            if (failure != null) {
                failed(failure);
            } else if (recording) {
                recorder.record(System.nanoTime() - sent);
            }
            next();
        });
    }

    private void failed(Throwable failure) {
        if (failures.incrementAndGet() == 1) {
            firstFailure = failure;
        }
    }

    private void sleep(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0 && firstFailure == null; left = until - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    /** Latencies of the calls completed while recording. */
    static final class LatencyRecorder {
        private long[] nanos = new long[1 << 16];
        private int count;

        synchronized void record(long latencyNanos) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = latencyNanos;
        }

        synchronized Figures figures(String client, int inFlight, long elapsedNanos, long cpuNanos) {
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            return new Figures(client, inFlight, count, elapsedNanos, cpuNanos, sorted);
        }
    }

    /**
     * The CPU time this whole process has used, on all its threads: the server's work per call is the same for both
     * clients, so the difference of two clients' CPU per call is the difference of their own work, whatever the
     * number of cores.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** What one run measured; {@code cpuNanos} is the process's CPU time over the measured window. */
    record Figures(String client, int inFlight, int calls, long elapsedNanos, long cpuNanos, long[] sortedLatencies) {

        double perSecond() {
            return calls * 1e9 / elapsedNanos;
        }

        /** The process's CPU time per completed call, server included, in microseconds. */
        double cpuMicrosPerCall() {
            return cpuNanos / 1e3 / calls;
        }

        /** The latency at quantile {@code q} (0.5, 0.99) in microseconds, nearest rank. */
        double micros(double q) {
            if (sortedLatencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q * sortedLatencies.length) - 1;
            return sortedLatencies[Math.max(0, Math.min(rank, sortedLatencies.length - 1))] / 1e3;
        }

        /** This run and another of the same client and load as one. */
        Figures plus(Figures other) {
            long[] merged = new long[sortedLatencies.length + other.sortedLatencies.length];
            System.arraycopy(sortedLatencies, 0, merged, 0, sortedLatencies.length);
            System.arraycopy(other.sortedLatencies, 0, merged, sortedLatencies.length,
                    other.sortedLatencies.length);
            Arrays.sort(merged);
            return new Figures(client, inFlight, calls + other.calls, elapsedNanos + other.elapsedNanos,
                    cpuNanos + other.cpuNanos, merged);
        }
    }
}
