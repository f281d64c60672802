package io.github.camelclaid.ledger;

/** Where a tracked task stands from the connector's point of view (not Claid's status). */
public enum TaskState {
    /** Submitted and not yet reported to a route: the task is polled, or awaited from a webhook. */
    OPEN,
    /** Reported: a route processed the exchange for its terminal status successfully. */
    FINISHED
}
