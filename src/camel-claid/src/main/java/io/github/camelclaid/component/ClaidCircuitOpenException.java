package io.github.camelclaid.component;

import java.time.Instant;

import io.github.camelclaid.client.ClaidException;

/**
 * A paid submission refused without calling Claid, because the account's {@link SubmissionCircuit} is open: Claid
 * said the account has no API calls left (402), or paid submissions kept failing. The message says since when,
 * until when, and how the circuit closes; the cause is the failure that opened it. Its reason is
 * {@link ClaidException.Reason#CIRCUIT_OPEN}, so error handlers can tell it from a call Claid refused:
 *
 * <pre>{@code
 * onException(ClaidCircuitOpenException.class).handled(true).to("seda:parkedUntilCreditsAreBack");
 * }</pre>
 */
public class ClaidCircuitOpenException extends ClaidException {

    private static final long serialVersionUID = 1L;

    private final SubmissionCircuit.State state;
    private final SubmissionCircuit.Trip trip;
    private final Instant openedAt;
    private final Instant retryAt;
    private final String accountId;

    ClaidCircuitOpenException(String what, String explanation, SubmissionCircuit.State state,
            SubmissionCircuit.Trip trip, Instant openedAt, Instant retryAt, String accountId, ClaidException openedBy) {
        super(Reason.CIRCUIT_OPEN, what, explanation, openedBy);
        this.state = state;
        this.trip = trip;
        this.openedAt = openedAt;
        this.retryAt = retryAt;
        this.accountId = accountId;
    }

    /** OPEN, or HALF_OPEN while the one trial submission is out. */
    public SubmissionCircuit.State getCircuitState() {
        return state;
    }

    /** Why the circuit opened: credits exhausted (402) or Claid failing. */
    public SubmissionCircuit.Trip getTrip() {
        return trip;
    }

    /** When the circuit opened. */
    public Instant getOpenedAt() {
        return openedAt;
    }

    /** When the cool-down ends and a trial submission may go; null when a trial is already out. */
    public Instant getRetryAt() {
        return retryAt;
    }

    /** The account's short hashed name ({@link io.github.camelclaid.client.ClaidClient#accountId()}), never the key. */
    public String getAccountId() {
        return accountId;
    }

    /**
     * A failing Claid may be back soon; exhausted credits need a person. Either way, repeating at once is refused
     * again: wait at least until {@link #getRetryAt()}.
     */
    @Override
    public boolean isTransient() {
        return trip == SubmissionCircuit.Trip.CLAID_FAILING;
    }
}
