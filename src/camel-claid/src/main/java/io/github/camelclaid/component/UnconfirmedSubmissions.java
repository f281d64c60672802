package io.github.camelclaid.component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedger;
import io.github.camelclaid.ledger.TrackedTask;

/**
 * Async submissions whose answer was lost after Claid may have acted on them (a dropped connection, a timeout, a
 * gateway error, an unreadable answer). Claid has no idempotency key, so sending again could pay twice; and Claid
 * names the task only in the lost answer. But Claid's webhook notifies every task, echoing its request: so the
 * producer leaves a <em>placeholder</em> in the ledger under the request's input, and the consumers, on hearing of a
 * task the ledger never recorded, give it the placeholder's correlation headers and request key (the task is then
 * reported like any other). A placeholder nobody claims within the wait is reported by {@code claid:tasks} with the
 * status {@value ClaidConstants.TaskStatuses#UNCONFIRMED}: Claid may or may not have processed that work.
 *
 * <p>
 * A placeholder is an ordinary ledger record, so every ledger keeps it across restarts: its key has the task kind and
 * a negative id (Claid's ids are positive) made from a hash of the request's input, so a notification finds it
 * without any new query; its next poll time is the end of the wait.
 */
final class UnconfirmedSubmissions {

    /** Sorted keys, so that the same input is the same text however its members were ordered. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private UnconfirmedSubmissions() {
    }

    /** Whether a ledger record is a placeholder rather than a task Claid named. */
    static boolean isPlaceholder(TrackedTask task) {
        return task.key().id() < 0;
    }

    /** The placeholder's key for a request of this kind: the same for the request sent and Claid's echo of it. */
    static TaskKey placeholderKey(TaskKind kind, JsonNode request) {
        JsonNode input = request == null ? null : request.get("input");
        if (input == null || input.isNull()) {
            return null;
        }
        try {
            return fingerprintKey(kind, CANONICAL.writeValueAsString(CANONICAL.convertValue(input, Object.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not fingerprint a Claid request's input", e);
        }
    }

    /** A placeholder key of this kind for the text: a negative id (Claid's are positive) from its SHA-256. */
    static TaskKey fingerprintKey(TaskKind kind, String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                id = (id << 8) | (hash[i] & 0xff);
            }
            return new TaskKey(kind, id | Long.MIN_VALUE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }

    /** A placeholder waiting until {@code waitUntil} for Claid to name the task. */
    static TrackedTask placeholder(TaskKey key, Instant now, Instant waitUntil, Map<String, String> correlation,
            String requestKey) {
        return TrackedTask.submitted(key, null, now, TaskStatus.ACCEPTED, correlation, waitUntil)
                .withRequestKey(requestKey);
    }

    /**
     * A task the ledger recorded without its submitter's facts (heard of only from Claid) gets those of a placeholder
     * left for the same input, and the placeholder is finished: from now on the task stands for that work. Returns
     * the task as it is to be reported.
     */
    static TrackedTask adoptPlaceholder(TaskLedger ledger, TrackedTask task, TaskResult result) {
        if (!task.isUnadopted() || isPlaceholder(task)) {
            return task;
        }
        TaskKey key = placeholderKey(task.key().kind(), result.request());
        Optional<TrackedTask> placeholder = key == null ? Optional.empty() : ledger.find(key);
        if (placeholder.isEmpty() || !placeholder.get().isOpen()) {
            return task;
        }
        TrackedTask found = placeholder.get();
        ledger.adopt(task.key(), found.correlation(), found.requestKey());
        ledger.finish(found.key(), result.status(), Instant.now());
        return task.adopted(found.correlation(), found.requestKey());
    }

    /**
     * Whether a placeholder's work is known by now under a task Claid named: a consumer adopted it but stopped before
     * it could finish the placeholder.
     */
    static boolean adoptedAlready(TaskLedger ledger, TrackedTask placeholder) {
        return placeholder.requestKey() != null && ledger.findByRequestKey(placeholder.requestKey())
                .filter(t -> !t.key().equals(placeholder.key())).isPresent();
    }

    /** What a placeholder's wait ending without a task is reported as: no task, no output, the reason. */
    static TaskResult unconfirmed(TrackedTask placeholder, Instant now) {
        String why = "The answer to this submission was lost after Claid may have acted on it, and Claid named no task"
                + " for its input between " + placeholder.submittedAt() + " and " + now + ". Claid may or may not have"
                + " processed it; it was not sent again, so as not to pay twice";
        return TaskReporter.endedUnknown(placeholder, why, now);
    }
}
