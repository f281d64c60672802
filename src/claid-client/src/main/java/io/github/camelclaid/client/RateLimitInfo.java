package io.github.camelclaid.client;

import java.time.Instant;
import java.util.function.Function;

/**
 * What Claid's {@code RateLimit-*} response headers said. Claid sends them on image-processing answers; any field is
 * null when its header was absent or unreadable.
 *
 * @param limit        the policy list as sent, e.g. {@code 120, 120;w=60, 4;w=1}
 * @param remaining    requests left in the current window ({@code -1} on a 429)
 * @param resetSeconds seconds until the window resets
 * @param receivedAt   when the answer carrying them arrived, which {@code resetSeconds} counts from
 */
public record RateLimitInfo(String limit, Integer remaining, Integer resetSeconds, Instant receivedAt) {

    /**
     * Whether the window these headers describe has reset by {@code now}, so that {@code remaining} no longer holds;
     * true when the reset time is unknown.
     */
    public boolean hasResetBy(Instant now) {
        return resetSeconds == null || receivedAt == null || !now.isBefore(receivedAt.plusSeconds(resetSeconds));
    }

    /** Reads the headers through a case-insensitive lookup; null when none of them is present. */
    public static RateLimitInfo from(Function<String, String> header) {
        String limit = header.apply("RateLimit-Limit");
        Integer remaining = integer(header.apply("RateLimit-Remaining"));
        Integer reset = integer(header.apply("RateLimit-Reset"));
        if (limit == null && remaining == null && reset == null) {
            return null;
        }
        return new RateLimitInfo(limit, remaining, reset, Instant.now());
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
