package io.github.camelclaid.testserver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts requests per API key against a {@link RateLimitBudget} and produces Claid's RateLimit headers.
 *
 * <p>
 * Like Claid's documented example, an allowed answer reports the long window (e.g. {@code 120, 120;w=60, 4;w=1},
 * remaining 118, reset 32) and a refused one reports the window that refused it (e.g. {@code 4, ...}, remaining -1).
 */
final class RateLimiter {

    /** Whether the request may proceed, and the headers to send either way. */
    record Verdict(boolean allowed, Map<String, String> headers) {
    }

    private final RateLimitBudget budget;
    private final boolean describe;
    private final Map<String, KeyWindows> byKey = new ConcurrentHashMap<>();
    private final AtomicLong refusals = new AtomicLong();

    /** @param describe whether answers carry the RateLimit headers (false: a proxy that drops them) */
    RateLimiter(RateLimitBudget budget, boolean describe) {
        this.budget = budget;
        this.describe = describe;
    }

    long refusals() {
        return refusals.get();
    }

    Verdict acquire(String apiKey) {
        KeyWindows windows = byKey.computeIfAbsent(apiKey, k -> new KeyWindows(budget));
        long now = System.nanoTime();
        synchronized (windows) {
            windows.roll(now);
            FixedWindow refusing = windows.window.exhausted() ? windows.window
                    : windows.burst.exhausted() ? windows.burst : null;
            if (refusing != null) {
                refusals.incrementAndGet();
                return new Verdict(false, headers(refusing.limit, -1, refusing.secondsUntilReset(now)));
            }
            windows.window.used++;
            windows.burst.used++;
            return new Verdict(true, headers(windows.window.limit, windows.window.remaining(),
                    windows.window.secondsUntilReset(now)));
        }
    }

    /** The headers of an injected 429 storm: the short window reported as exhausted. */
    Map<String, String> stormHeaders() {
        return headers(budget.burstLimit(), -1, 1);
    }

    void reset() {
        byKey.clear();
        refusals.set(0);
    }

    private Map<String, String> headers(int limitInEffect, long remaining, long reset) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!describe) {
            return headers;
        }
        headers.put("RateLimit-Limit", budget.limitHeader(limitInEffect));
        headers.put("RateLimit-Remaining", Long.toString(remaining));
        headers.put("RateLimit-Reset", Long.toString(reset));
        return headers;
    }

    private static final class KeyWindows {
        final FixedWindow window;
        final FixedWindow burst;

        KeyWindows(RateLimitBudget budget) {
            this.window = new FixedWindow(budget.windowLimit(), budget.window().toNanos());
            this.burst = new FixedWindow(budget.burstLimit(), budget.burstWindow().toNanos());
        }

        void roll(long now) {
            window.roll(now);
            burst.roll(now);
        }
    }

    private static final class FixedWindow {
        final int limit;
        final long lengthNanos;
        boolean started;
        long start;
        int used;

        FixedWindow(int limit, long lengthNanos) {
            this.limit = limit;
            this.lengthNanos = lengthNanos;
        }

        void roll(long now) {
            if (!started || now - start >= lengthNanos) {
                started = true;
                start = now;
                used = 0;
            }
        }

        boolean exhausted() {
            return used >= limit;
        }

        int remaining() {
            return limit - used;
        }

        long secondsUntilReset(long now) {
            long left = start + lengthNanos - now;
            return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
        }
    }
}
