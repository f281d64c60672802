package io.github.camelclaid.testserver;

import java.time.Duration;

/**
 * What an armed fault does to the request it catches.
 *
 * @param kind            the kind of misbehaviour
 * @param afterProcessing act on the request first (create the task, count the paid submission), then misbehave
 * @param status          STATUS: the status to answer
 * @param contentType     STATUS with a custom body: its Content-Type (else null)
 * @param body            STATUS with a custom body: the body (else null)
 * @param duration        DELAY: how long to wait; RATE_LIMIT_STORM: the Retry-After to send (null: none)
 * @param taskOutcome     TASK_OUTCOME: the status the created task ends in
 */
record FaultAction(Kind kind, boolean afterProcessing, int status, String contentType, String body,
        Duration duration, TaskStatus taskOutcome) {

    enum Kind {
        /** Answer with an error status. */
        STATUS,
        /** Answer 429 in Claid's detail-wrapped shape, with RateLimit headers (and Retry-After when set). */
        RATE_LIMIT_STORM,
        /** Close the connection without sending any answer. */
        DROP_CONNECTION,
        /** Wait before answering. */
        DELAY,
        /** Answer 200 with the real JSON cut in half. */
        MALFORMED_JSON,
        /** Process normally, but the task created ends in the given status. */
        TASK_OUTCOME
    }
}
