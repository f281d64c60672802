package io.github.camelclaid.ledger;

/**
 * Where a ledger entry stands from the connector's point of view, beside Claid's own {@code TaskStatus}. The names are
 * what the file and JDBC ledgers store.
 */
public enum LedgerEntryState {
    /** Submitted and not yet reported to a route: the task is polled, or awaited from a webhook. */
    OPEN,
    /** Reported: a route processed the exchange for its terminal status successfully. */
    FINISHED
}
