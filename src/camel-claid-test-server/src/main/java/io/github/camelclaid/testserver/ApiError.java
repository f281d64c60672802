package io.github.camelclaid.testserver;

/**
 * Stops the handling of a request with a prepared error answer. Thrown deep inside an endpoint (a bad storage
 * reference, an unknown id) and turned into its response by {@link ClaidApi}; it carries no stack trace because it is
 * control flow, not a bug.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiResponse response;

    ApiError(ApiResponse response, String message) {
        super(message, null, false, false);
        this.response = response;
    }

    ApiResponse response() {
        return response;
    }
}
