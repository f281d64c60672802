package io.github.camelclaid.testserver;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One attempt to deliver a webhook notification.
 *
 * @param taskId          the task the notification is about
 * @param attempt         1 for the first attempt, up to 4 (Claid's schedule: at once, then after 3, 6 and 12 s)
 * @param statusCode      the HTTP status the receiver answered, or -1 when there was no answer
 * @param failure         why there was no answer (timeout, connection refused...), or null
 * @param duplicate       whether this is the extra copy of an injected duplicate delivery
 * @param forgedSignature whether the signature was deliberately wrong (an injected fault)
 * @param signatureHeader the {@code X-Claid-Hmac-SHA256} value sent, or null when no secret is configured
 * @param body            the exact bytes posted
 * @param sentAt          when the attempt started
 */
public record WebhookDelivery(long taskId, int attempt, int statusCode, String failure, boolean duplicate,
        boolean forgedSignature, String signatureHeader, byte[] body, Instant sentAt) {

    public WebhookDelivery {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the receiver took it (any 2xx). */
    public boolean delivered() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** Whether Claid's policy retries after this attempt: no answer, a timeout, or a 5xx. */
    boolean calledForRetry() {
        return statusCode < 0 || statusCode >= 500;
    }

    @Override
    public String toString() {
        return "task " + taskId + " attempt " + attempt + ": " + (statusCode < 0 ? failure : "HTTP " + statusCode)
                + (duplicate ? " (duplicate)" : "") + (forgedSignature ? " (forged signature)" : "");
    }
}
