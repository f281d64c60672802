package io.github.camelclaid.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Instances of an application, each with its own {@link RateLimitGate}, offering edits to one account on a virtual
 * clock: the account counts every instance's requests in fixed windows and answers as Claid does (RateLimit headers
 * on every answer, 429 when the window is spent), and the instances see each other only through those answers. Being
 * deterministic and instant, it shows the gate's sharing of a budget over minutes of traffic in milliseconds.
 */
final class SimulatedAccount {

    /** What became of one instance's edits. */
    static final class Instance {
        final RateLimitGate gate;
        final long startsNanos;
        int waiting;
        int accepted;
        int refused;
        long finishedNanos = -1;
        private long attemptPlannedAt = -1;

        Instance(long startsNanos, int edits, long seed) {
            this.gate = new RateLimitGate(new SplittableRandom(seed));
            this.startsNanos = startsNanos;
            this.waiting = edits;
        }
    }

    private record Event(long atNanos, long order, Runnable action) {
    }

    private final int limit;
    private final long windowNanos;
    private final long oneWayNanos;
    /** The network's and server's unevenness: each leg takes from a quarter to 1.75 times the one-way time. */
    private final SplittableRandom legs = new SplittableRandom(7);
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.atNanos != b.atNanos
            ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.order, b.order));
    private final List<Instance> instances = new ArrayList<>();
    private long order;
    private long now;
    private boolean windowStarted;
    private long windowStart;
    private int used;
    private long firstArrival = -1;
    private long lastArrival;

    /** An account allowing {@code limit} requests per window, reached about {@code oneWayNanos} after a send. */
    SimulatedAccount(int limit, long windowNanos, long oneWayNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.oneWayNanos = oneWayNanos;
    }

    Instance instance(long startsNanos, int edits) {
        Instance instance = new Instance(startsNanos, edits, instances.size());
        instances.add(instance);
        at(startsNanos, () -> attempt(instance));
        return instance;
    }

    /** Runs until every instance's edits are accepted, or the virtual clock reaches {@code untilNanos}. */
    void run(long untilNanos) {
        while (!events.isEmpty() && events.peek().atNanos <= untilNanos) {
            Event event = events.poll();
            now = event.atNanos;
            event.action.run();
        }
    }

    /** Accepted requests over what the budget allowed from the first request's arrival to the last one's. */
    double utilisation() {
        int accepted = instances.stream().mapToInt(i -> i.accepted).sum();
        double windows = (lastArrival - firstArrival) / (double) windowNanos;
        return (accepted - 1) / (windows * limit);
    }

    double refusedPer100() {
        int accepted = instances.stream().mapToInt(i -> i.accepted).sum();
        int refused = instances.stream().mapToInt(i -> i.refused).sum();
        return 100.0 * refused / (accepted + refused);
    }

    private long leg() {
        return (long) (oneWayNanos * (0.25 + 1.5 * legs.nextDouble()));
    }

    private void at(long atNanos, Runnable action) {
        events.add(new Event(atNanos, order++, action));
    }

    /** The instance's waiting edits ask its gate, as the client's calls do, and go while it lets them. */
    private void attempt(Instance instance) {
        instance.attemptPlannedAt = -1;
        while (instance.waiting > 0) {
            long wait = instance.gate.reserve(now);
            if (wait > 0) {
                planAttempt(instance, now + wait);
                return;
            }
            instance.waiting--;
            at(now + leg(), () -> arrive(instance));
        }
    }

    /** One timer per instance, as the client keeps for its held calls: planned again only to fire earlier. */
    private void planAttempt(Instance instance, long atNanos) {
        if (instance.attemptPlannedAt < 0 || atNanos < instance.attemptPlannedAt) {
            instance.attemptPlannedAt = atNanos;
            at(atNanos, () -> {
                if (instance.attemptPlannedAt == atNanos) {
                    attempt(instance);
                }
            });
        }
    }

    private void arrive(Instance instance) {
        if (!windowStarted || now - windowStart >= windowNanos) {
            windowStarted = true;
            windowStart = now;
            used = 0;
        }
        int reset = (int) Math.max(1, (windowStart + windowNanos - now + 999_999_999L) / 1_000_000_000L);
        String policies = ", " + limit + ";w=" + Math.max(1, windowNanos / 1_000_000_000L);
        boolean allowed = used < limit;
        RateLimitInfo info;
        if (allowed) {
            used++;
            info = new RateLimitInfo(limit + policies, limit - used, reset, Instant.EPOCH);
            if (firstArrival < 0) {
                firstArrival = now;
            }
            lastArrival = now;
        } else {
            info = new RateLimitInfo(limit + policies, -1, reset, Instant.EPOCH);
        }
        at(now + leg(), () -> answer(instance, allowed, info));
    }

    private void answer(Instance instance, boolean allowed, RateLimitInfo info) {
        instance.gate.update(info, allowed ? 200 : 429, allowed ? -1 : info.resetSeconds() * 1_000_000_000L, now);
        if (allowed) {
            instance.accepted++;
            if (instance.waiting == 0) {
                instance.finishedNanos = now;
            }
        } else {
            // a 429 uses no attempt: the call asks the gate again
            instance.refused++;
            instance.waiting++;
        }
        // an answer is news of the account: the held edits ask the gate again at once
        attempt(instance);
    }
}
