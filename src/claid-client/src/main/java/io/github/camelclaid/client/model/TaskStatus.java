package io.github.camelclaid.client.model;

/** The states of a Claid async task (Claid's {@code APIV1Status}). */
public enum TaskStatus {
    ACCEPTED,
    WAITING,
    PROCESSING,
    DONE,
    ERROR,
    CANCELLED,
    PAUSED;

    /**
     * Whether waiting longer will not change the outcome. PAUSED counts: Claid does not resume a paused task on its
     * own, so a caller waiting for a result must be told rather than left waiting.
     */
    public boolean isTerminal() {
        return this == DONE || this == ERROR || this == CANCELLED || this == PAUSED;
    }
}
