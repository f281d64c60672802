package io.github.camelclaid.testserver;

import java.time.Duration;
import java.util.Objects;

/**
 * A per-API-key request budget made of two fixed windows, like Claid's documented default of 120 requests per minute
 * and 4 per second ({@code RateLimit-Limit: 120, 120;w=60, 4;w=1}). A window starts with the first request counted in
 * it and resets when its length has passed.
 *
 * @param windowLimit requests allowed in the long window
 * @param window      length of the long window
 * @param burstLimit  requests allowed in the short window
 * @param burstWindow length of the short window
 */
public record RateLimitBudget(int windowLimit, Duration window, int burstLimit, Duration burstWindow) {

    /** Claid's documented default for an account: 120 per minute, 4 per second. */
    public static final RateLimitBudget CLAID_DEFAULT = perMinuteAndSecond(120, 4);

    /** The server's default: high enough that ordinary tests never see a 429. */
    public static final RateLimitBudget GENEROUS = perMinuteAndSecond(100_000, 10_000);

    public RateLimitBudget {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(burstWindow, "burstWindow");
        if (windowLimit < 1 || burstLimit < 1) {
            throw new IllegalArgumentException("Rate limits must allow at least one request");
        }
        if (window.isNegative() || window.isZero() || burstWindow.isNegative() || burstWindow.isZero()) {
            throw new IllegalArgumentException("Rate limit windows must be positive");
        }
    }

    public static RateLimitBudget perMinuteAndSecond(int perMinute, int perSecond) {
        return new RateLimitBudget(perMinute, Duration.ofMinutes(1), perSecond, Duration.ofSeconds(1));
    }

    /** The {@code RateLimit-Limit} value: the limit in effect first, then each policy as {@code n;w=seconds}. */
    String limitHeader(int limitInEffect) {
        return limitInEffect + ", " + windowLimit + ";w=" + seconds(window) + ", " + burstLimit + ";w="
                + seconds(burstWindow);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
