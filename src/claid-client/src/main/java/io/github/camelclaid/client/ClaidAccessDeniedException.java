package io.github.camelclaid.client;

/**
 * Claid answered 401 (the API key was not accepted) or 403 (the key lacks the permission scope for the operation).
 * Repeating does not help: a person has to fix the key or its scopes.
 */
public class ClaidAccessDeniedException extends ClaidException {

    private static final long serialVersionUID = 1L;

    ClaidAccessDeniedException(Builder b, Throwable cause) {
        super(b, cause);
    }
}
