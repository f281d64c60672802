package io.github.camelclaid.testserver;

/**
 * The kinds of fault {@link Faults#randomly random mode} injects, as counted by {@link Faults#injectedCounts()}, so a
 * fault-injection run can print what it actually suffered rather than what it asked for.
 */
public enum InjectedFault {
    /** A 429 storm began: this request and the next ones answer 429 (detail-wrapped, with RateLimit headers). */
    RATE_LIMIT_STORM("429 storms"),
    /** One request answered 429 as part of a storm. */
    RATE_LIMITED_REQUEST("429 answers (in storms)"),
    STATUS_500("500"),
    STATUS_502("502"),
    STATUS_503("503"),
    /** The connection closed without an answer, before Claid acted on the request. */
    DROPPED_BEFORE("dropped connection, before acting"),
    /** The connection closed without an answer, after Claid acted on the request (a task may exist). */
    DROPPED_AFTER("dropped connection, after acting"),
    /** The answer came later than the client's timeout; Claid acts on the request anyway when the wait ends. */
    SLOW_ANSWER("slow answer past the client timeout"),
    /** A 200 whose JSON is cut in half, after Claid acted on the request. */
    MALFORMED_JSON("malformed JSON"),
    /** A task that ends in ERROR. */
    TASK_ERROR("task ends in ERROR"),
    WEBHOOK_DUPLICATED("webhook duplicated"),
    WEBHOOK_FORGED("webhook forged");

    private final String label;

    InjectedFault(String label) {
        this.label = label;
    }

    /** How the run's table names it. */
    public String label() {
        return label;
    }
}
