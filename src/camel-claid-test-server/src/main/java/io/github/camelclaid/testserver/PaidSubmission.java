package io.github.camelclaid.testserver;

import java.time.Instant;

import io.github.camelclaid.client.ApiOperation;

/**
 * A submission Claid would bill: a POST of an image, scene or video operation that the server accepted and acted on.
 * It is recorded even when a fault then drops or replaces the answer, because that is exactly when a client might pay
 * twice by sending the POST again.
 *
 * @param operation the operation submitted
 * @param taskId    the task created, or null for synchronous operations
 * @param requestId the {@code x-request-id} of the submitting request
 * @param at        when the server acted on it
 */
public record PaidSubmission(ApiOperation operation, Long taskId, String requestId, Instant at) {
}
