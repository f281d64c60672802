package io.github.camelclaid.client;

/**
 * Claid may have acted although no usable answer came back: the connection was lost after the request went out, a
 * gateway answered 502/503/504, or the answer could not be read ({@link #mayHaveActed()} is true). For a paid
 * submission a task may exist, and sending again could pay twice: look for the result before sending again.
 */
public class ClaidOutcomeUnknownException extends ClaidException {

    private static final long serialVersionUID = 1L;

    ClaidOutcomeUnknownException(Builder b, Throwable cause) {
        super(b, cause);
    }
}
