package io.github.camelclaid.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.ClaidCreditsExhaustedException;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.RetryRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelclaid.client.AsyncFailures.unwrap;

/**
 * The circuit breaker in front of one Claid account's paid submissions (edits, uploads, async submits, generation,
 * scenes, video, AI edit, fashion models), shared by every endpoint of the component that calls Claid with the same
 * key and base URL.
 * <p>
 * Why: when the account runs out of API calls, Claid answers 402 to every submission. Without a circuit, a queue of a
 * thousand images makes a thousand doomed calls and a thousand identical errors, and a route that retries keeps at
 * it. With it, the first 402 <em>opens</em> the circuit and later submissions fail at once, without an HTTP call,
 * with a {@link ClaidCircuitOpenException} that says what happened, since when, and how the circuit closes. After
 * the cool-down it is <em>half open</em>: exactly one submission is let through as a trial; success closes the
 * circuit, another 402 opens it again. Status requests, downloads and storage calls never pass through it.
 * <p>
 * Also, {@code outageThreshold} paid submissions in a row failing with no answer or a 502/503/504 (after the
 * client's own retries) open it, for the shorter outage cool-down, so that a Claid outage is not hammered by every
 * queued exchange in turn. A 429 does not count: the client already waits those out; nor does a 500, which may be
 * about one request.
 * <p>
 * Camel's own circuit breakers (the {@code circuitBreaker} EIP with resilience4j or MicroProfile Fault Tolerance)
 * wrap route steps and count failures over a window; this needs to open on one particular answer, say why in the
 * exception, be shared by endpoints, and be readable by a health check, so it is this small class instead.
 */
public final class SubmissionCircuit {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionCircuit.class);

    /** Where the circuit is. */
    public enum State {
        /** Paid submissions go to Claid. */
        CLOSED,
        /** Paid submissions are refused without a call until the cool-down ends. */
        OPEN,
        /** The cool-down has ended: the next paid submission is a trial, and others wait until it answers. */
        HALF_OPEN
    }

    /** Why the circuit opened. */
    public enum Trip {
        /** Claid answered 402: the account has no API calls (credits) left. */
        CREDITS_EXHAUSTED,
        /** Several paid submissions in a row got no answer or a 502/503/504. */
        CLAID_FAILING
    }

    /**
     * The circuit as of one moment, for health checks and consoles.
     *
     * @param state               where the circuit is
     * @param trip                why it opened; null when closed
     * @param since               when it entered this state
     * @param openedAt            when it opened; null when closed
     * @param until               for OPEN, when the cool-down ends; otherwise null
     * @param trialInFlight       for HALF_OPEN, whether the trial submission is waiting for its answer
     * @param consecutiveFailures paid submissions failed in a row with no answer or a 502/503/504, while closed
     * @param openedBy            the failure that opened the circuit; null when closed
     */
    public record Snapshot(State state, Trip trip, Instant since, Instant openedAt, Instant until, boolean trialInFlight,
            int consecutiveFailures, ClaidException openedBy) {
    }

    /**
     * Leave to send one paid submission; report its outcome with {@link #done(Throwable)} exactly once. A trial
     * permit's outcome decides whether the circuit closes.
     */
    public final class Permit {
        private final boolean trial;
        private boolean done;

        private Permit(boolean trial) {
            this.trial = trial;
        }

        /** Whether this submission is the half-open circuit's trial. */
        public boolean isTrial() {
            return trial;
        }

        /** Reports how the submission ended: null for success, else its failure. */
        public void done(Throwable failure) {
            synchronized (SubmissionCircuit.this) {
                if (done) {
                    return;
                }
                done = true;
                outcome(this, failure);
            }
        }
    }

    private final String accountId;
    private final String baseUrl;
    private final Duration creditCooldown;
    private final int outageThreshold;
    private final Duration outageCooldown;
    private final Clock clock;

    private State state = State.CLOSED;
    private Trip trip;
    private Instant since;
    private Instant openedAt;
    private Instant until;
    private boolean trialInFlight;
    private int consecutiveFailures;
    private ClaidException openedBy;

    /**
     * @param accountId       the account's {@link io.github.camelclaid.client.ClaidClient#accountId()}, for messages
     * @param baseUrl         where the account's calls go, for messages
     * @param creditCooldown  how long a 402 keeps the circuit open
     * @param outageThreshold paid submissions failing in a row (no answer, 502/503/504) that open it; 0 never
     * @param outageCooldown  how long those keep it open
     */
    public SubmissionCircuit(String accountId, String baseUrl, Duration creditCooldown, int outageThreshold,
            Duration outageCooldown, Clock clock) {
        this.accountId = accountId;
        this.baseUrl = baseUrl;
        this.creditCooldown = creditCooldown;
        this.outageThreshold = outageThreshold;
        this.outageCooldown = outageCooldown;
        this.clock = clock;
        this.since = clock.instant();
    }

    /**
     * Leave to send a paid submission now.
     *
     * @param  what                      the submission, as named in error messages (e.g. "edit async")
     * @throws ClaidCircuitOpenException when the circuit is open, or half open with its trial still out
     */
    public synchronized Permit acquire(String what) {
        Instant now = clock.instant();
        advance(now);
        switch (state) {
            case CLOSED:
                return new Permit(false);
            case HALF_OPEN:
                if (!trialInFlight) {
                    trialInFlight = true;
                    LOG.info("Claid account {} ({}): letting one {} through as the trial of the half-open circuit",
                            accountId, baseUrl, what);
                    return new Permit(true);
                }
                throw refusal(what);
            default:
                throw refusal(what);
        }
    }

    /**
     * Sends a paid submission through the circuit: refused at once, with no HTTP call, while the circuit is open; its
     * outcome (a 402 above all) tells the circuit whether to open or close.
     *
     * @param api  the submission, named in the refusal's message
     * @param call sends it; not called when the circuit refuses
     */
    public <T> CompletableFuture<T> send(ApiOperation api, Supplier<CompletableFuture<T>> call) {
        Permit permit;
        try {
            permit = acquire(api.description());
        } catch (ClaidCircuitOpenException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> sent;
        try {
            sent = call.get();
        } catch (RuntimeException e) {
            permit.done(e);
            throw e;
        }
        // the stage returned completes only after the circuit has heard the outcome, so an exchange that goes on after
        // a 402 finds the circuit open already (dependents of one future run in no guaranteed order)
        return sent.whenComplete((answer, failure) -> permit.done(failure));
    }

    /** The circuit now. */
    public synchronized Snapshot snapshot() {
        advance(clock.instant());
        return new Snapshot(state, trip, since, openedAt, until, trialInFlight, consecutiveFailures, openedBy);
    }

    /** Says why the circuit is not closed, in the words of {@link ClaidCircuitOpenException}; null when it is. */
    public synchronized String describe() {
        advance(clock.instant());
        return state == State.CLOSED ? null : explanation();
    }

    /** An open circuit whose cool-down is over is half open; the state changes when next looked at. */
    private void advance(Instant now) {
        if (state == State.OPEN && !now.isBefore(until)) {
            state = State.HALF_OPEN;
            since = until;
            until = null;
            trialInFlight = false;
        }
    }

    private void outcome(Permit permit, Throwable failure) {
        Instant now = clock.instant();
        advance(now);
        Throwable cause = unwrap(failure);
        ClaidException claid = cause instanceof ClaidException ? (ClaidException) cause : null;
        boolean credits = claid instanceof ClaidCreditsExhaustedException;
        boolean failing = claid != null && isOutage(claid);
        if (permit.trial) {
            trialInFlight = false;
            if (failure == null) {
                close(now);
            } else if (credits) {
                open(Trip.CREDITS_EXHAUSTED, claid, now);
            } else if (failing && trip == Trip.CLAID_FAILING) {
                open(Trip.CLAID_FAILING, claid, now);
            }
            // anything else (a 400, a validation error, an outage while credits were in doubt) did not answer the
            // question the trial asks: the circuit stays half open and the next submission is the trial
            return;
        }
        if (credits) {
            // a 402 also turns an outage opening into a credits one: it is the one a person has to act on
            if (state == State.CLOSED || trip == Trip.CLAID_FAILING) {
                open(Trip.CREDITS_EXHAUSTED, claid, now);
            }
            return;
        }
        if (state != State.CLOSED) {
            // an answer to a submission sent before the circuit opened says nothing about now
            return;
        }
        if (failing) {
            consecutiveFailures++;
            if (outageThreshold > 0 && consecutiveFailures >= outageThreshold) {
                open(Trip.CLAID_FAILING, claid, now);
            }
        } else if (failure == null || (claid != null && claid.getStatusCode() > 0)) {
            // Claid answered: it is there
            consecutiveFailures = 0;
        }
    }

    /**
     * Claid itself did not answer (no answer at all, or a gateway's 502/503/504), after the client's retries. A 500
     * may be about one request (an image Claid cannot read), and a 429 is the rate limit, which the client waits out:
     * neither counts.
     */
    private static boolean isOutage(ClaidException e) {
        RetryRules.Failure failure = RetryRules.of(e);
        return failure != null && !failure.claidAnswered();
    }

    private void open(Trip why, ClaidException cause, Instant now) {
        state = State.OPEN;
        trip = why;
        since = now;
        openedAt = now;
        until = now.plus(why == Trip.CREDITS_EXHAUSTED ? creditCooldown : outageCooldown);
        trialInFlight = false;
        openedBy = cause;
        int failures = consecutiveFailures;
        consecutiveFailures = 0;
        if (why == Trip.CREDITS_EXHAUSTED) {
            LOG.warn("Claid account {} ({}) has no API calls left (402): paid submissions are refused without calling"
                    + " Claid until {}, then one trial is let through. Add credits to the Claid account.",
                    accountId, baseUrl, until);
        } else {
            LOG.warn("Claid account {} ({}): {} paid submissions in a row failed, the last with: {}. Paid submissions"
                    + " are refused until {}, then one trial is let through.", accountId, baseUrl, failures,
                    cause.getMessage(), until);
        }
    }

    private void close(Instant now) {
        LOG.info("Claid account {} ({}): the trial submission succeeded, paid submissions go to Claid again",
                accountId, baseUrl);
        state = State.CLOSED;
        trip = null;
        since = now;
        openedAt = null;
        until = null;
        openedBy = null;
        consecutiveFailures = 0;
    }

    private ClaidCircuitOpenException refusal(String what) {
        return new ClaidCircuitOpenException(what, explanation(), state, trip, openedAt, until, accountId, openedBy);
    }

    /** What a person reading a failed exchange or a health check needs: what, since when, until when, what next. */
    private String explanation() {
        boolean credits = trip == Trip.CREDITS_EXHAUSTED;
        StringBuilder sb = new StringBuilder("not sent, the circuit for paid submissions of Claid account ")
                .append(accountId).append(" is ").append(state).append(": ")
                .append(credits ? "credits exhausted, Claid answered 402 (no API calls left)"
                        : "Claid failing, paid submissions in a row got no answer or a gateway error")
                .append(" at ").append(openedAt);
        if (openedBy != null && openedBy.getRequestId() != null) {
            sb.append(" [x-request-id ").append(openedBy.getRequestId()).append(']');
        }
        if (state == State.OPEN) {
            sb.append(". Paid submissions are refused without calling Claid until ").append(until)
                    .append(credits ? " (creditCircuitCooldown)" : " (outageCircuitCooldown)")
                    .append("; then one trial submission is let through: success closes the circuit, ")
                    .append(credits ? "another 402" : "another failure").append(" opens it again.");
        } else {
            sb.append("; the cool-down ended at ").append(since).append(trialInFlight
                    ? " and a trial submission is out: other paid submissions are refused until it answers."
                    : " and the next paid submission is the trial.");
        }
        sb.append(" Status requests, downloads and storage calls still work.");
        if (credits) {
            sb.append(" Add API calls (credits) to the Claid account.");
        }
        return sb.toString();
    }
}
