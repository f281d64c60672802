package io.github.camelclaid.client;

/**
 * Claid answered 429 after the client's waits for the rate limit ran out (attempts used up, or Claid asked for a
 * longer wait than {@code maxRateLimitWait}). Claid did nothing, so the same call may be sent again later, after
 * {@link #getRateLimit()}'s reset.
 */
public class ClaidRateLimitException extends ClaidException {

    private static final long serialVersionUID = 1L;

    ClaidRateLimitException(Builder b, Throwable cause) {
        super(b, cause);
    }
}
