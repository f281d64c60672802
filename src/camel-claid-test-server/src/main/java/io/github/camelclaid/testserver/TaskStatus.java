package io.github.camelclaid.testserver;

/** Claid's {@code APIV1Status}: the states of an async task. */
public enum TaskStatus {
    ACCEPTED,
    WAITING,
    PROCESSING,
    DONE,
    ERROR,
    CANCELLED,
    PAUSED;

    /**
     * Whether a task in this state will not change any more. PAUSED counts as final here: nothing in Claid's public
     * API resumes a task, so a client polling it would wait forever.
     */
    public boolean isFinal() {
        return this == DONE || this == ERROR || this == CANCELLED || this == PAUSED;
    }
}
