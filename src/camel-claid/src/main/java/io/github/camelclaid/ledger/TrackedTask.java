package io.github.camelclaid.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import io.github.camelclaid.client.model.TaskStatus;

/**
 * What a ledger knows about one task: what the producer recorded at submit time, and what the consumers learned
 * since. Immutable; ledgers store a new value on each change.
 *
 * @param key               the task's kind and id
 * @param resultUrl         Claid's result_url, polled for the status
 * @param submittedAt       when Claid accepted the task
 * @param correlation       the message headers the submitting route chose to keep, restored on the result
 * @param requestKey        the caller's name for the work (e.g. bucket/key/ETag of an image), so that submitting the
 *                          same work again finds this task instead of paying for a new one; null when none was given
 * @param state             open until a route has processed the task's result
 * @param lastStatus        the last status Claid reported
 * @param polls             status requests made so far
 * @param nextPollAt        when the task is next due for a status request
 * @param owner             who holds the task right now (a consumer emitting it, a producer waiting for it), or null
 * @param leaseUntil        when that hold lapses, so a crashed holder does not keep the task forever
 * @param deliveredOutputs  with one exchange per output: the outputs already processed, not emitted again
 * @param finishedAt        when the task was reported, for finished tasks
 */
public record TrackedTask(TaskKey key, String resultUrl, Instant submittedAt, Map<String, String> correlation,
        String requestKey, LedgerEntryState state, TaskStatus lastStatus, int polls, Instant nextPollAt, String owner,
        Instant leaseUntil, SortedSet<Integer> deliveredOutputs, Instant finishedAt) {

    public TrackedTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextPollAt, "nextPollAt");
        correlation = correlation == null ? Map.of() : Map.copyOf(correlation);
        deliveredOutputs = deliveredOutputs == null ? new TreeSet<>()
                : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(deliveredOutputs));
    }

    /** A task just accepted by Claid, open and unheld, first due at {@code firstPollAt}. */
    public static TrackedTask submitted(TaskKey key, String resultUrl, Instant submittedAt, TaskStatus status,
            Map<String, String> correlation, Instant firstPollAt) {
        return new TrackedTask(key, resultUrl, submittedAt, correlation, null, LedgerEntryState.OPEN, status, 0,
                firstPollAt, null, null, null, null);
    }

    /** Whether the submitter's facts are missing: the task was recorded by someone who only heard of it. */
    public boolean isUnadopted() {
        return correlation.isEmpty() && requestKey == null;
    }

    /** The same task with the submitter's correlation headers and request key. */
    public TrackedTask adopted(Map<String, String> submitterCorrelation, String submitterRequestKey) {
        return new TrackedTask(key, resultUrl, submittedAt, submitterCorrelation, submitterRequestKey, state,
                lastStatus, polls, nextPollAt, owner, leaseUntil, deliveredOutputs, finishedAt);
    }

    /** The same task, known to callers as {@code requestKey}. */
    public TrackedTask withRequestKey(String requestKey) {
        return new TrackedTask(key, resultUrl, submittedAt, correlation, requestKey, state, lastStatus, polls,
                nextPollAt, owner, leaseUntil, deliveredOutputs, finishedAt);
    }

    public boolean isOpen() {
        return state == LedgerEntryState.OPEN;
    }

    /** Whether {@code who} may take the task at {@code now}: it is open and nobody else holds a live lease. */
    public boolean claimableBy(String who, Instant now) {
        return isOpen() && (owner == null || owner.equals(who) || leaseUntil == null || !leaseUntil.isAfter(now));
    }

    public TrackedTask claimed(String who, Instant until) {
        return new TrackedTask(key, resultUrl, submittedAt, correlation, requestKey, state, lastStatus, polls,
                nextPollAt, who, until, deliveredOutputs, finishedAt);
    }

    /** Still running (or to be retried): the status seen, one more poll counted, next due time, hold released. */
    public TrackedTask rescheduled(TaskStatus seen, boolean polled, Instant next) {
        return new TrackedTask(key, resultUrl, submittedAt, correlation, requestKey, state,
                seen == null ? lastStatus : seen, polled ? polls + 1 : polls, next, null, null, deliveredOutputs,
                finishedAt);
    }

    public TrackedTask withDelivered(int outputIndex) {
        SortedSet<Integer> delivered = new TreeSet<>(deliveredOutputs);
        delivered.add(outputIndex);
        return new TrackedTask(key, resultUrl, submittedAt, correlation, requestKey, state, lastStatus, polls,
                nextPollAt, owner, leaseUntil, delivered, finishedAt);
    }

    public TrackedTask finished(TaskStatus status, Instant at) {
        return new TrackedTask(key, resultUrl, submittedAt, correlation, requestKey, LedgerEntryState.FINISHED, status,
                polls, nextPollAt, null, null, deliveredOutputs, at);
    }
}
