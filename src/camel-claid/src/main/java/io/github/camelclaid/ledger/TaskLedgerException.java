package io.github.camelclaid.ledger;

/**
 * A ledger could not do what was asked: its store failed (a database or file error) or refused the data (too large
 * for its columns). The message names the operation and the task; the cause, when there is one, is the store's own
 * error. Unchecked, as {@link TaskLedger}'s methods are called from routes that cannot do anything better with a
 * checked exception than rethrow it.
 */
public class TaskLedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskLedgerException(String message) {
        super(message);
    }

    public TaskLedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
