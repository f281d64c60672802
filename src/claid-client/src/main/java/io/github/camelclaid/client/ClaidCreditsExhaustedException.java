package io.github.camelclaid.client;

/**
 * Claid answered 402: the account has no API calls (credits) left. Nothing was done and nothing was paid; every
 * further paid call is refused the same way until a person adds credits, so a route should park the work (leave it
 * for a later poll, a queue) rather than report it failed.
 */
public class ClaidCreditsExhaustedException extends ClaidException {

    private static final long serialVersionUID = 1L;

    ClaidCreditsExhaustedException(Builder b, Throwable cause) {
        super(b, cause);
    }
}
