package io.github.camelclaid.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Holds requests back before Claid would refuse them, so that a route able to send faster than the account allows
 * gets few 429s instead of many retried ones. One gate serves every client of the same API key and server in this JVM:
 * the limit is the account's, not a route's.
 *
 * <p>
 * It learns from Claid's answers: {@code RateLimit-Limit} names the policies ({@code 120, 120;w=60, 4;w=1}: 120 a
 * minute and 4 a second), {@code RateLimit-Remaining} and {@code RateLimit-Reset} the state of the window in effect.
 * Those two count every request of the account, whichever JVM sent it, so the gate trusts the latest answer's count
 * (less this JVM's requests sent after it) rather than its own sends, and spreads what is left of the window over the
 * time to its reset instead of sending it all at once: instances that reach a reset together then do not refuse each
 * other's bursts. A request also waits while the last {@code n} requests of any {@code n;w=s} policy went out less
 * than {@code s} seconds ago (counted here: the short policies are not reported in Remaining), a window each 429 makes
 * a little longer ({@code Policy.widen}).
 * <p>
 * Several instances on one account see each other only in those counts. Each gate estimates how many share the
 * account (what the account spent of a window over what this JVM got answered in it) and paces its spreading by the
 * cube root of that number: an instance that has less than its share thus asks relatively more, and the shares
 * converge to even (spreading by the number itself would keep whatever split the instances happened to start with).
 * When others share the account, the gate also projects the count forward at the account's pace since the last
 * answer, and holds back once that projection says the window is spent: the others' latest requests are in no count
 * it has. A 429 closes the gate for the wait it named and up to a second more, drawn at random, so that instances
 * refused at one window's end do not all come back at the next one's end.
 * <p>
 * Until Claid has described its limits, one request goes first and the others wait for its answer (up to two
 * seconds). An answer without any {@code RateLimit-*} header (a gateway or proxy that does not forward them) opens
 * the gate; a 429 still closes it for as long as it asked ({@code RateLimit-Reset} or {@code Retry-After}), or a
 * second when it named no wait.
 */
public final class RateLimitGate {

    private static final Map<String, RateLimitGate> GATES = new ConcurrentHashMap<>();
    private static final long LEARNING_PAUSE_NANOS = Duration.ofMillis(20).toNanos();
    private static final long FIRST_ANSWER_PATIENCE_NANOS = Duration.ofSeconds(2).toNanos();
    /** The wait a 429 that names none imposes; and the least any 429 does, as Reset is counted in whole seconds. */
    private static final long UNNAMED_REFUSAL_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long LEAST_REFUSAL_NANOS = Duration.ofMillis(250).toNanos();
    private static final long SECOND_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long SHORT_WINDOW_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long PACE_LEAST_NANOS = Duration.ofMillis(10).toNanos();

    private final RandomGenerator random;

    private final List<Policy> policies = new ArrayList<>();
    private int remaining = Integer.MAX_VALUE;
    private long windowEndsNanos;
    private boolean windowKnown;
    /** Before Claid has described its limits, one request goes first to learn them: whether and when it went. */
    private boolean learning;
    private long firstRequestSentNanos;
    /** Requests let through and not answered yet: an answer's count of remaining requests does not know of them. */
    private int inFlight;
    /** An answer came back without RateLimit headers: the server does not describe its limits, only 429s teach. */
    private boolean undescribed;
    /** A 429 asked the account to wait until then. */
    private long refusedUntilNanos;
    private boolean refused;
    /** When this JVM last let a request through, from which the spreading of the window's remainder counts. */
    private long lastSentNanos;
    private boolean sentAny;
    /**
     * How many instances share the account, as this JVM sees it: what the account spent of the window over this JVM's
     * answers in it (smoothed).
     */
    private double instances = 1;
    /** The window's full count, from which what the account spent of it counts, and this JVM's answers in it. */
    private int windowBase;
    private int answeredInWindow;
    /**
     * The latest answer's count and when it came; how fast the account spends its window (all instances), and the
     * count and time it is measured from.
     */
    private int lastCount;
    private long lastCountNanos;
    private double spentPerNano;
    private int paceFromCount;
    private long paceFromNanos;
    /** The limit and length of the window Remaining counts, for spacing the sends of a window not yet reported. */
    private int windowLimit;
    private long windowLengthNanos;

    RateLimitGate() {
        this(new SplittableRandom());
    }

    /** @param random where the wait after a 429 is drawn from (seeded by tests, so that their runs repeat) */
    RateLimitGate(RandomGenerator random) {
        this.random = random;
    }

    /** The gate of an account, named by {@link ClaidClient#accountId()} (a hash: the key itself is never kept). */
    static RateLimitGate of(String accountId) {
        return GATES.computeIfAbsent(accountId, k -> new RateLimitGate());
    }

    /**
     * Takes a place for one request at {@code nowNanos}: 0 when it may go now (and it is counted as sent), else how many
     * nanoseconds to wait before asking again.
     */
    synchronized long reserve(long nowNanos) {
        if (refused && nowNanos - refusedUntilNanos < 0) {
            return refusedUntilNanos - nowNanos;
        }
        if (!windowKnown && policies.isEmpty() && !undescribed) {
            // nothing known yet: a burst sent now could be refused whole, so one request goes to learn the limits,
            // and the others ask again shortly (or go anyway if that first one got no answer in time)
            if (learning && nowNanos - firstRequestSentNanos < FIRST_ANSWER_PATIENCE_NANOS) {
                return LEARNING_PAUSE_NANOS;
            }
            learning = true;
            firstRequestSentNanos = nowNanos;
            return send(nowNanos);
        }
        long wait = 0;
        boolean windowOpen = windowKnown && nowNanos - windowEndsNanos < 0;
        if (windowOpen && Math.min(remaining, projectedCount(nowNanos)) < 0.5) {
            wait = windowEndsNanos - nowNanos;
        } else if (windowOpen && remaining != Integer.MAX_VALUE && sentAny) {
            // what is left of the window, spread evenly so that the last goes one spacing before the reset (which may
            // come sooner than the whole seconds of Reset say), slowed by the instances sharing the account
            long spacing = (long) ((windowEndsNanos - nowNanos) / (remaining + 1.0) * shareDivisor());
            wait = Math.max(0, lastSentNanos + spacing - nowNanos);
        } else if (!windowOpen && windowLimit > 0 && sentAny) {
            // a window no answer has described yet: the policy's pace, not a burst at its start
            long spacing = (long) (windowLengthNanos / (double) windowLimit * shareDivisor());
            wait = Math.max(0, lastSentNanos + spacing - nowNanos);
        }
        for (Policy policy : policies) {
            wait = Math.max(wait, policy.waitNanos(nowNanos));
        }
        if (wait > 0) {
            return wait;
        }
        if (windowOpen && remaining != Integer.MAX_VALUE) {
            remaining--;
        }
        for (Policy policy : policies) {
            policy.sent(nowNanos);
        }
        return send(nowNanos);
    }

    /** What the spreading is slowed by: the cube root of the instances seen (why: the class comment). */
    private double shareDivisor() {
        return Math.cbrt(instances);
    }

    private long send(long nowNanos) {
        inFlight++;
        lastSentNanos = nowNanos;
        sentAny = true;
        return 0;
    }

    /** How long from {@code nowNanos} the gate stays closed because the account was answered 429; 0 if it is not. */
    synchronized long refusedForNanos(long nowNanos) {
        return refused && nowNanos - refusedUntilNanos < 0 ? refusedUntilNanos - nowNanos : 0;
    }

    /** A request let through got no answer (a network failure): it no longer counts as in flight. */
    synchronized void unanswered() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /**
     * Learns from an answer received at {@code nowNanos}. An answer to a request sent earlier may report more remaining
     * than the requests sent since leave, so within one window the lower count wins; a later reset starts a new one.
     *
     * @param askedWaitNanos for a 429, the wait it asked for (RateLimit-Reset or Retry-After), or a negative number
     * @return for a 429, how long from {@code nowNanos} the gate now stays closed (the wait a call refused by it
     *         really has before it may be sent again); {@code 0} for any other answer
     */
    synchronized long update(RateLimitInfo info, int status, long askedWaitNanos, long nowNanos) {
        learn(info, status, askedWaitNanos, nowNanos);
        return status == 429 ? refusedForNanos(nowNanos) : 0;
    }

    private void learn(RateLimitInfo info, int status, long askedWaitNanos, long nowNanos) {
        inFlight = Math.max(0, inFlight - 1);
        long refusalWait = status == 429 ? refusalWait(askedWaitNanos) : 0;
        if (status == 429) {
            policies.forEach(Policy::widen);
            long until = nowNanos + refusalWait;
            if (!refused || until - refusedUntilNanos > 0) {
                refusedUntilNanos = until;
            }
            refused = true;
        }
        if (info == null) {
            if (status != 429) {
                undescribed = true;
            }
            return;
        }
        learnPolicies(info.limit());
        boolean newWindow = false;
        if (info.resetSeconds() != null) {
            long endsNanos = nowNanos + Duration.ofSeconds(Math.max(0, info.resetSeconds())).toNanos();
            int reported = info.remaining() == null ? Integer.MAX_VALUE : info.remaining();
            if (status == 429) {
                reported = 0;
                endsNanos = nowNanos + refusalWait;
            } else {
                endsNanos = estimatedEnd(reported, endsNanos, nowNanos);
            }
            // a refusal describes the window that refused, which may be a shorter one than the window known so far
            if (status == 429 || !windowKnown || nowNanos - windowEndsNanos >= 0
                    || endsNanos - windowEndsNanos > 1_500_000_000L || refilled(reported)) {
                // the account's count, whoever sent them; requests this JVM sent after this one and still unanswered
                // were not counted in what it reports
                remaining = reported == Integer.MAX_VALUE ? reported : reported - inFlight;
                windowEndsNanos = endsNanos;
                windowKnown = true;
                newWindow = true;
            } else if (reported != Integer.MAX_VALUE) {
                remaining = Math.min(remaining, reported - inFlight);
            }
        }
        if (status != 429 && info.remaining() != null) {
            learnShare(info.remaining(), newWindow);
            learnPace(info.remaining(), newWindow, nowNanos);
        }
    }

    /**
     * How fast the account spends its window, all instances together: the count's fall since this JVM's first answer
     * in the window, once a tenth of the window has passed (two answers close together say little, and a pace read
     * too high would hold this JVM back for good), never above four windows' worth per window.
     */
    private void learnPace(int reported, boolean newWindow, long nowNanos) {
        if (newWindow) {
            paceFromCount = reported;
            paceFromNanos = nowNanos;
        } else {
            long elapsed = nowNanos - paceFromNanos;
            if (elapsed >= Math.max(windowLengthNanos / 10, PACE_LEAST_NANOS) && reported <= paceFromCount) {
                double pace = (paceFromCount - reported) / (double) elapsed;
                spentPerNano = windowLimit > 0 ? Math.min(pace, 4.0 * windowLimit / windowLengthNanos) : pace;
            }
        }
        lastCount = reported;
        lastCountNanos = nowNanos;
    }

    /**
     * The window's count now, had the account gone on spending at its pace since the last answer: the other instances'
     * requests since then are in no count this JVM has. Alone on the account, its own count is exact.
     */
    private double projectedCount(long nowNanos) {
        return spentPerNano == 0 || instances < 1.5 ? Double.MAX_VALUE
                : lastCount - spentPerNano * (nowNanos - lastCountNanos);
    }

    /**
     * When the window an answer describes ends. Reset counts whole seconds, rounded up, so the window ends within the
     * last of them; where in it, the count tells: a window of which {@code n} requests are spent began about {@code n}
     * requests' pace ago, if the account spends it at its budget's pace. Without this, an instance whose first answer
     * in a window came late would believe every window ends later than it does and, waiting for that end, always come
     * late to the next one: the others would take its share. Only for short windows: in a minute's window a second's
     * rounding matters little, and there the budget's pace says little of when the window began.
     */
    private long estimatedEnd(int reported, long endsNanos, long nowNanos) {
        if (windowLimit <= 0 || windowLengthNanos > SHORT_WINDOW_NANOS || reported == Integer.MAX_VALUE
                || reported >= windowLimit) {
            return endsNanos;
        }
        long spentNanos = (long) ((windowLimit - 1 - reported) * (windowLengthNanos / (double) windowLimit));
        long estimated = nowNanos - spentNanos + windowLengthNanos;
        return Math.max(endsNanos - SECOND_NANOS, Math.min(endsNanos, estimated));
    }

    /**
     * Whether a count went up by more than answers overtaking each other explain: the window reset before the end this
     * gate knew of (learned from a late answer, or from Reset's rounding up), so the new count holds, not the lower.
     */
    private boolean refilled(int reported) {
        return reported != Integer.MAX_VALUE && remaining != Integer.MAX_VALUE
                && reported - inFlight > remaining + Math.max(2, windowLimit / 4);
    }

    /**
     * How long a 429 closes the gate: what it named ({@code RateLimit-Reset} or {@code Retry-After}), never less, and
     * up to a second more, drawn at random. Instances refused at one window's end would otherwise all come back at
     * the same moment of the next one, its end again with a one-second window, and be refused again, for ever.
     */
    private long refusalWait(long askedWaitNanos) {
        if (askedWaitNanos < 0) {
            return UNNAMED_REFUSAL_NANOS;
        }
        long spread = Math.min(SECOND_NANOS, askedWaitNanos);
        return Math.max(LEAST_REFUSAL_NANOS, askedWaitNanos + (long) (random.nextDouble() * spread));
    }

    /**
     * Counts this JVM's answers in the window against what the account spent of it: their ratio is how many instances
     * share the account, as far as this one can tell.
     */
    private void learnShare(int reported, boolean newWindow) {
        if (newWindow || answeredInWindow == 0) {
            windowBase = Math.max(windowLimit, reported + 1);
            answeredInWindow = 0;
        }
        answeredInWindow++;
        int spent = windowBase - reported;
        if (spent >= Math.max(4, windowLimit / 5)) {
            double seen = spent / (double) answeredInWindow;
            instances = 0.7 * instances + 0.3 * Math.max(1, Math.min(8, seen));
        }
    }

    /** Reads the {@code n;w=s} entries of RateLimit-Limit; the first time only, as the policies do not change. */
    private void learnPolicies(String limit) {
        if (!policies.isEmpty() || limit == null) {
            return;
        }
        String inEffect = limit.split(",")[0].trim();
        for (String part : limit.split(",")) {
            String[] fields = part.trim().split(";");
            if (fields.length < 2) {
                continue;
            }
            try {
                int count = Integer.parseInt(fields[0].trim());
                for (int i = 1; i < fields.length; i++) {
                    String field = fields[i].trim();
                    if (field.startsWith("w=") && count > 0) {
                        long length = Duration.ofSeconds(Long.parseLong(field.substring(2))).toNanos();
                        policies.add(new Policy(count, length));
                        if (windowLimit == 0 && inEffect.equals(fields[0].trim())) {
                            windowLimit = count;
                            windowLengthNanos = length;
                        }
                    }
                }
            } catch (NumberFormatException e) {
                // a policy this version cannot read is left to the server to enforce
            }
        }
    }

    /** One {@code n;w=s} policy: the send times of the last {@code n} requests. */
    private static final class Policy {
        private final int limit;
        private final long windowNanos;
        private final Deque<Long> sends = new ArrayDeque<>();
        private long marginNanos;

        Policy(int limit, long windowNanos) {
            this.limit = limit;
            this.windowNanos = windowNanos;
        }

        long waitNanos(long nowNanos) {
            long window = windowNanos + marginNanos;
            while (!sends.isEmpty() && nowNanos - sends.peekFirst() >= window) {
                sends.pollFirst();
            }
            return sends.size() < limit ? 0 : sends.peekFirst() + window - nowNanos;
        }

        /**
         * The account was refused although this JVM kept to the policy as it sent: the server counts arrivals, which a
         * request held up on its way (a busy connection, a busy server) moves closer to the next. The window is taken
         * a fiftieth longer, up to a tenth: a refusal costs a second or more of Reset, a fiftieth of the window a
         * fiftieth of the rate.
         */
        void widen() {
            marginNanos = Math.min(windowNanos / 10, marginNanos + windowNanos / 50);
        }

        void sent(long nowNanos) {
            sends.addLast(nowNanos);
        }
    }
}
