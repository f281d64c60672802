package io.github.camelclaid.testserver;

import java.time.Instant;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One async task. Its status is a function of time (ACCEPTED until {@code acceptedUntil}, then PROCESSING until
 * {@code finishesAt}, then its planned outcome), so a poll never depends on a background thread having run. A held
 * task (see {@link OutcomeMarkers#HOLD}) stays PROCESSING until released, and ends no earlier than its release.
 */
final class AsyncTask {

    private final long id;
    private final TaskKind kind;
    private final Instant createdAt;
    private final long submittedAt;
    private final JsonNode request;
    private final String resultUrl;
    private final long acceptedUntil;
    /** Written before {@link #held} is cleared, so whoever sees a task released sees its end too. */
    private volatile long finishesAt;
    private volatile boolean held;
    /** The plan made at submission, replaced by the settled one when the task finishes. */
    private volatile TaskPlan plan;
    private final UnaryOperator<TaskPlan> settlement;
    private boolean finished;
    private final java.util.concurrent.atomic.AtomicInteger statusRequests = new java.util.concurrent.atomic.AtomicInteger();
    /** When a status answer first carried the final status; 0 until then. */
    private volatile long firstSeenEndedAt;

    AsyncTask(long id, TaskKind kind, JsonNode request, String resultUrl, long submittedAt, long acceptedUntil,
              long finishesAt, TaskPlan plan, boolean held, UnaryOperator<TaskPlan> settlement) {
        this.id = id;
        this.kind = kind;
        this.createdAt = Instant.now();
        this.submittedAt = submittedAt;
        this.request = request;
        this.resultUrl = resultUrl;
        this.acceptedUntil = acceptedUntil;
        this.finishesAt = finishesAt;
        this.held = held;
        this.plan = plan;
        this.settlement = settlement;
    }

    long id() {
        return id;
    }

    TaskKind kind() {
        return kind;
    }

    TaskPlan plan() {
        return plan;
    }

    long finishesAt() {
        return finishesAt;
    }

    /**
     * A non-final planned outcome (a task told to hang) is reached after the accepted phase and kept; a held task is
     * PROCESSING after the accepted phase until released.
     */
    TaskStatus statusAt(long nanoTime) {
        if (nanoTime - acceptedUntil < 0) {
            return kind.initialStatus();
        }
        if (!plan.outcome().isFinal()) {
            return plan.outcome();
        }
        if (held) {
            return TaskStatus.PROCESSING;
        }
        return nanoTime - finishesAt < 0 ? TaskStatus.PROCESSING : plan.outcome();
    }

    /**
     * Lets a held task end: at {@code nanoTime}, or when its processing time is over if that is later. True only for
     * the first release of a held task, whose caller must then see to its end.
     */
    synchronized boolean release(long nanoTime) {
        if (!held) {
            return false;
        }
        if (nanoTime - finishesAt > 0) {
            finishesAt = nanoTime;
        }
        held = false;
        return true;
    }

    /**
     * Marks the task finished and settles its plan (inputs read, outputs written: the outcome may change); true only
     * for the first caller, who must then publish its outputs.
     */
    synchronized boolean finish() {
        if (finished) {
            return false;
        }
        finished = true;
        plan = settlement.apply(plan);
        return true;
    }

    /** Counts a status request answered with this status, at this time. */
    void noteStatusRequest(TaskStatus status, long nanoTime) {
        statusRequests.incrementAndGet();
        if (status.isFinal() && firstSeenEndedAt == 0) {
            synchronized (this) {
                if (firstSeenEndedAt == 0) {
                    firstSeenEndedAt = nanoTime;
                }
            }
        }
    }

    TaskTimeline timeline() {
        boolean ends = plan.outcome().isFinal() && !held;
        long seen = firstSeenEndedAt;
        return new TaskTimeline(id, kind.name(), ends ? java.time.Duration.ofNanos(finishesAt - submittedAt) : null,
                seen == 0 ? null : java.time.Duration.ofNanos(seen - submittedAt), statusRequests.get());
    }

    /** The answer to the submission: {@code {id, status, created_at, request, result_url}}. */
    ObjectNode acceptedJson() {
        ObjectNode node = header(kind.initialStatus());
        node.put("result_url", resultUrl);
        return node;
    }

    /** The status answer: no result until DONE, errors only on ERROR. */
    ObjectNode statusJson(TaskStatus status) {
        ObjectNode node = header(status);
        ArrayNode errors = node.putArray("errors");
        if (status == TaskStatus.ERROR) {
            for (TaskPlan.TaskError error : plan.errors()) {
                ObjectNode item = errors.addObject();
                item.put("error", error.message());
                item.put("created_at", ClaidTime.format(createdAt.plusNanos(finishesAt - submittedAt)));
                if (error.inputObject() != null) {
                    item.set("input_object", error.inputObject());
                }
            }
        }
        if (kind.hasResultList()) {
            // Claid: "in case of processing errors - will be empty"
            node.set("results", status == TaskStatus.DONE ? plan.result().deepCopy() : Json.array());
        } else if (status == TaskStatus.DONE) {
            node.set("result", plan.result().deepCopy());
        }
        return node;
    }

    private ObjectNode header(TaskStatus status) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("status", status.name());
        node.put("created_at", ClaidTime.format(createdAt));
        node.set("request", request.deepCopy());
        return node;
    }
}
