package io.github.camelclaid.client;

/**
 * A successful answer from Claid: the {@code data} it carried, read into the expected type, with the headers worth
 * keeping.
 *
 * @param data       the content of the answer's {@code data} member
 * @param statusCode HTTP status (Claid answers 200 on success)
 * @param requestId  the {@code x-request-id} header, to quote to Claid's support; null when absent
 * @param rateLimit  the {@code RateLimit-*} headers; null when absent
 * @param attempts   how many attempts the call took (1 when no retry was needed)
 */
public record ClaidResponse<T>(T data, int statusCode, String requestId, RateLimitInfo rateLimit, int attempts) {
}
