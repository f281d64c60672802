package io.github.camelclaid.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the client repeats a call that failed for a passing reason: bounded exponential backoff with jitter. A 429 is
 * backpressure, not a failure of the call: it uses no attempt, and the call asks again once the wait its
 * {@code RateLimit-Reset} (or {@code Retry-After}) names has passed, for as long as {@code maxRateLimitWait} allows
 * from its first 429; a wait that would go beyond it fails the call, so a route does not appear to hang.
 *
 * @param maxAttempts      attempts in all, the first included; 1 turns retrying failures off (429s do not count)
 * @param initialBackoff   wait before the second attempt
 * @param maxBackoff       the longest wait computed by backoff
 * @param multiplier       growth of the wait per attempt
 * @param jitter           fraction (0..1) of each wait that is random, so many clients do not retry in step
 * @param maxRateLimitWait how long a call refused with 429 may keep waiting for the account's window, counted from
 *                         its first 429; zero fails it at the first. A call held back by another call's 429 fails at
 *                         once if that 429's wait alone is longer
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
        double jitter, Duration maxRateLimitWait) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0,
            0.3, Duration.ofSeconds(60));

    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be >= 1, was " + multiplier);
        }
    }

    /**
     * The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed.
     *
     * @param serverAskedMillis the wait the server asked for (RateLimit-Reset, Retry-After), or a negative number
     */
    public long delayMillis(int attempt, long serverAskedMillis) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
        long capped = (long) Math.min(base, maxBackoff.toMillis());
        long jittered = capped - (long) (capped * jitter * ThreadLocalRandom.current().nextDouble());
        if (serverAskedMillis >= 0) {
            // the server's own word wins, with a little spread so that the clients it told do not return in step
            long spread = (long) (Math.max(serverAskedMillis, 100) * jitter * ThreadLocalRandom.current().nextDouble());
            return Math.max(serverAskedMillis + spread, jittered);
        }
        return jittered;
    }
}
