package io.github.camelclaid.testserver;

import java.time.Duration;
import java.util.Objects;

/** The second step of arming a fault: what it does. Finish with a {@link FaultTarget} method. */
public final class RequestFault {

    private final Faults faults;
    private final int times;
    private boolean afterProcessing;
    private int letThrough;

    RequestFault(Faults faults, int times) {
        this.faults = faults;
        this.times = times;
    }

    /**
     * Lets the server act on the request first — create the task, record the paid submission, write the outputs — and
     * only then misbehave. This is the case where Claid may have acted although the client saw a failure, so a client
     * must not send the POST again.
     */
    public RequestFault afterProcessing() {
        this.afterProcessing = true;
        return this;
    }

    /**
     * Lets the first {@code requests} matching requests pass (to the rules armed after this one and to random mode's
     * draws) and catches the ones after: a fault that begins at a point in a run fixed by the server's count, not at
     * the moment a test gets round to arming it, which requests arriving in a burst would overtake.
     */
    public RequestFault afterTheFirst(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("afterTheFirst counts requests to let through: 0 or more, not "
                    + requests);
        }
        this.letThrough = requests;
        return this;
    }

    /**
     * Answers with this status and a body fitting it: Claid's flat envelope for 4xx and 500 (402 with
     * {@code error_type "billing"}, 403 {@code "auth"}), a gateway's HTML page for 502/503/504, and for 429 the same
     * as {@link #rateLimited()}.
     */
    public FaultTarget status(int status) {
        if (status == 429) {
            return rateLimited();
        }
        return target(FaultAction.Kind.STATUS, requireErrorStatus(status), null, null, null, null);
    }

    /** Answers with this status and exactly this body. */
    public FaultTarget status(int status, String contentType, String body) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return target(FaultAction.Kind.STATUS, requireErrorStatus(status), contentType, body, null, null);
    }

    /** A 429 in Claid's detail-wrapped shape with {@code RateLimit-Remaining: -1} and {@code RateLimit-Reset}. */
    public FaultTarget rateLimited() {
        return target(FaultAction.Kind.RATE_LIMIT_STORM, 429, null, null, null, null);
    }

    /** Like {@link #rateLimited()}, plus a {@code Retry-After} header (whole seconds, rounded up), which Claid does not document. */
    public FaultTarget rateLimited(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        return target(FaultAction.Kind.RATE_LIMIT_STORM, 429, null, null, retryAfter, null);
    }

    /** Closes the connection without sending a single byte of an answer. */
    public FaultTarget dropConnection() {
        return target(FaultAction.Kind.DROP_CONNECTION, 0, null, null, null, null);
    }

    /**
     * Waits this long before acting and answering (after acting, with {@link #afterProcessing()}), to exceed client
     * timeouts. Other requests are served meanwhile; closing the server ends the wait by dropping the connection.
     */
    public FaultTarget delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return target(FaultAction.Kind.DELAY, 0, null, null, delay, null);
    }

    /** Acts on the request, then answers 200 with only the first half of the JSON it would have sent. */
    public FaultTarget malformedJson() {
        return target(FaultAction.Kind.MALFORMED_JSON, 200, null, null, null, null);
    }

    /**
     * The task the request creates ends in this status after its usual ACCEPTED and PROCESSING phases: ERROR,
     * CANCELLED, PAUSED or DONE; a non-final status (WAITING, PROCESSING) keeps it there for ever. Only requests that
     * create a task use this fault up.
     */
    public FaultTarget taskEndsWith(TaskStatus status) {
        Objects.requireNonNull(status, "status");
        if (status == TaskStatus.ACCEPTED) {
            throw new IllegalArgumentException("Every task starts ACCEPTED; choose the status it should end in");
        }
        return target(FaultAction.Kind.TASK_OUTCOME, 0, null, null, null, status);
    }

    private FaultTarget target(FaultAction.Kind kind, int status, String contentType, String body, Duration duration,
                               TaskStatus outcome) {
        return new FaultTarget(faults, times, letThrough,
                new FaultAction(kind, afterProcessing, status, contentType, body, duration, outcome));
    }

    private static int requireErrorStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A status fault answers 4xx or 5xx, not " + status);
        }
        return status;
    }
}
