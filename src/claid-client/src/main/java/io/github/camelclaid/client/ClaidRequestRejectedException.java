package io.github.camelclaid.client;

/**
 * Claid answered 422: it refused the request as invalid (Claid's own validation, beyond the schema checked before
 * sending). Sending the same request again gets the same answer: report it, fix the input.
 */
public class ClaidRequestRejectedException extends ClaidException {

    private static final long serialVersionUID = 1L;

    ClaidRequestRejectedException(Builder b, Throwable cause) {
        super(b, cause);
    }
}
