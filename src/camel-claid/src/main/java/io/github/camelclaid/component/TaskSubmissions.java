package io.github.camelclaid.component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.ClaidOutcomeUnknownException;
import io.github.camelclaid.client.ClaidResponse;
import io.github.camelclaid.client.SendStep;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedger;
import io.github.camelclaid.ledger.TrackedTask;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelclaid.client.AsyncFailures.unwrap;

/**
 * Submits a paid async task so that it is recorded in the task ledger once, whatever happens to Claid's answer: an
 * accepted task is recorded before the exchange goes on; work submitted before under the same request key is taken
 * up again instead of being paid for twice, and work offered by several exchanges or instances at once is paid by the
 * one that claims its request key first ({@link RequestClaims}); a submission whose answer was lost leaves a
 * placeholder for the task Claid may have made ({@link UnconfirmedSubmissions}) instead of being sent again. While an
 * exchange waits for its task, the task is held by its submitter, so that no consumer reports it too; the wait's end
 * settles it.
 */
final class TaskSubmissions {

    private static final String ROLE = "producer";
    /** Starts the ledger owner name of every submitter, so consumers can tell a waiting exchange holds a task. */
    static final String OWNER_PREFIX = ROLE + "-";

    /** How soon the loser of a request key's claim first looks for the winner's task, doubling up to the max. */
    private static final long FIRST_RECHECK_MILLIS = 20;
    private static final long MAX_RECHECK_MILLIS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(TaskSubmissions.class);

    /** Waits for a task to end and delivers its result to the exchange. */
    @FunctionalInterface
    interface Wait {
        CompletableFuture<Void> until(long taskId, String resultUrl, TaskStatus lastKnown, Instant submittedAt);
    }

    private final ClaidEndpoint endpoint;
    /** The name this submitter holds tasks under in the ledger, while an exchange waits for one. */
    private final String owner;
    /** The input placeholder each claim in flight left beside it, by the claim's key. */
    private final Map<TaskKey, TaskKey> inputPlaceholders = new ConcurrentHashMap<>();
    /** Renews this submitter's claims and waits; made on the first submission, as most producers never hold any. */
    private LeaseKeeper leases;

    TaskSubmissions(ClaidEndpoint endpoint) {
        this.endpoint = endpoint;
        this.owner = LeaseKeeper.ownerName(ROLE, endpoint);
    }

    /** The producer stops: its claims and waits lapse within a lease if it does not start again. */
    synchronized void close() {
        if (leases != null) {
            leases.close();
            leases = null;
        }
    }

    private synchronized LeaseKeeper leases() {
        if (leases == null) {
            leases = new LeaseKeeper(endpoint, owner);
        }
        return leases;
    }

    /** Stops renewing a claim or wait it gives back; a stopped producer renews nothing already. */
    private synchronized void release(TaskKey key) {
        if (leases != null) {
            leases.release(key);
        }
    }

    /**
     * Submits an async task. The task's id and result URL are on the message as soon as Claid accepts it, so even
     * when the wait fails the route still knows the task and can ask for it later. Before the exchange goes on, the
     * task is recorded in the ledger: from then on a crash cannot lose it. With waitForCompletion, {@code wait} then
     * waits for it.
     */
    CompletableFuture<?> submit(Exchange exchange, ClaidOperations op, Object request, Wait wait) {
        String requestKey = exchange.getMessage().getHeader(ClaidConstants.REQUEST_KEY, String.class);
        Map<String, String> correlation = endpoint.correlationHeaders().capture(exchange.getMessage());
        try {
            // the task must be recordable before it is paid for
            endpoint.ledger().checkWritable();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (requestKey == null) {
            return send(exchange, op, request, wait, correlation, null, null, null);
        }
        return submitClaimed(exchange, op, request, wait, correlation, requestKey, FIRST_RECHECK_MILLIS);
    }

    /**
     * Submits work named by a request key, unless it was submitted before (the exchange goes on with that task) or is
     * being submitted right now by another exchange or instance (this one looks again shortly, and then goes on with
     * that task). Only the submitter that wins the key's claim pays ({@link RequestClaims}).
     */
    private CompletableFuture<?> submitClaimed(Exchange exchange, ClaidOperations op, Object request, Wait wait,
            Map<String, String> correlation, String requestKey, long recheckMillis) {
        TaskLedger ledger = endpoint.ledger();
        ClaidConfiguration config = endpoint.getConfiguration();
        Instant now = Instant.now();
        Optional<TrackedTask> known = ledger.findByRequestKey(requestKey);
        if (known.isPresent() && RequestClaims.isAbandoned(known.get(), requestKey, now)
                && config.getUnconfirmedSubmissionWait() <= 0) {
            // its claimant died before Claid's answer was recorded; without a wait for unconfirmed submissions the
            // work is submitted again, as a failed submission's retry would be: the claim is taken over
            TaskKey claim = known.get().key();
            if (ledger.claim(claim, owner, now, leases().leaseUntil(now)).isPresent()) {
                leases().hold(claim);
                return send(exchange, op, request, wait, correlation, requestKey, claim, null);
            }
        } else if (known.isPresent() && !RequestClaims.isBeingSubmitted(known.get(), now)) {
            return reuse(exchange, known.get(), wait);
        }
        long next = Math.min(recheckMillis * 2, MAX_RECHECK_MILLIS);
        Supplier<CompletableFuture<?>> recheck = () -> later(recheckMillis,
                () -> submitClaimed(exchange, op, request, wait, correlation, requestKey, next));
        if (known.isEmpty()) {
            ClaimOnSend claim = new ClaimOnSend(RequestClaims.key(op.submits(), requestKey), op, request,
                    correlation, requestKey, recheck);
            return send(exchange, op, request, wait, correlation, requestKey, null, claim);
        }
        return recheck.get();
    }

    /**
     * A request key's claim, recorded when its submission goes out rather than while it waits for the account's rate
     * budget, and taken back when Claid refuses the submission with a 429 until it goes out again, so that a claim in
     * the ledger means the work was sent: after a crash, work that only waited is not taken for work whose answer was
     * lost. Its input placeholder is left and taken back with it. When another submitter recorded the claim first
     * (also between a refusal and the next send), this submission is not sent and looks for that one's task instead.
     */
    private final class ClaimOnSend implements SendStep {
        private final TaskKey key;
        private final ClaidOperations op;
        private final Object request;
        private final Map<String, String> correlation;
        private final String requestKey;
        private final Supplier<CompletableFuture<?>> whenTaken;
        private volatile boolean recorded;

        ClaimOnSend(TaskKey key, ClaidOperations op, Object request, Map<String, String> correlation,
                String requestKey, Supplier<CompletableFuture<?>> whenTaken) {
            this.key = key;
            this.op = op;
            this.request = request;
            this.correlation = correlation;
            this.requestKey = requestKey;
            this.whenTaken = whenTaken;
        }

        /** The client runs this as the request goes: a ledger write, on the completion pool. */
        @Override
        public CompletableFuture<Void> beforeSend() {
            return CompletableFuture.runAsync(() -> {
                Instant now = Instant.now();
                if (!endpoint.ledger().record(RequestClaims.claim(key, requestKey, correlation, owner, now,
                        leases().leaseUntil(now), endpoint.getConfiguration().getUnconfirmedSubmissionWait()))) {
                    throw new ClaimTaken();
                }
                leases().hold(key);
                recorded = true;
                leaveInputPlaceholder(op, request, correlation, requestKey, key, now);
            }, completion());
        }

        /**
         * Claid did not act on the submission (429): the claim, then its input placeholder, are forgotten while it
         * waits, and written again as it goes. A failure on the way leaves what stands for the work standing and held,
         * as before a 429 was taken back: both, or the placeholder alone, which stands for the work once it replaced
         * the claim.
         */
        @Override
        public CompletableFuture<Void> refused() {
            return CompletableFuture.runAsync(() -> {
                if (!recorded) {
                    return;
                }
                TaskLedger ledger = endpoint.ledger();
                ledger.forget(key);
                release(key);
                TaskKey input = inputPlaceholders.get(key);
                if (input != null) {
                    ledger.forget(input);
                    inputPlaceholders.remove(key);
                    release(input);
                }
                recorded = false;
            }, completion());
        }

        /** The claim, once recorded by this submission; null while it is not. */
        TaskKey recorded() {
            return recorded ? key : null;
        }
    }

    /** Another submitter recorded the claim first: this submission was not sent. */
    private static final class ClaimTaken extends RuntimeException {
        ClaimTaken() {
            super("the request key's claim was recorded by another submission first", null, false, false);
        }
    }

    /**
     * With a wait for unconfirmed submissions, the claim is replaced at once by the placeholder a lost answer would
     * leave, keyed by the request's input ({@link UnconfirmedSubmissions}) and held by this submitter under the same
     * request key: if this JVM dies between Claid's answer and recording it, Claid's webhook names the task for that
     * input, and the consumer that hears of it adopts the placeholder, giving the task this exchange's correlation
     * headers and request key, instead of the work being reported UNCONFIRMED. One record stands for the work at any
     * time, so it is reported once. Not done when another submission of the same input has a placeholder already: a
     * notification could not tell the two apart, and the claim stays.
     */
    private void leaveInputPlaceholder(ClaidOperations op, Object request, Map<String, String> correlation,
            String requestKey, TaskKey claim, Instant now) {
        ClaidConfiguration config = endpoint.getConfiguration();
        if (config.getUnconfirmedSubmissionWait() <= 0 || config.isWaitForCompletion()) {
            return;
        }
        TaskKey input = inputKey(op, request);
        if (input == null) {
            return;
        }
        Instant leaseUntil = leases().leaseUntil(now);
        TaskLedger ledger = endpoint.ledger();
        try {
            // a moment after the claim, so that the request key finds the placeholder from now on: it takes the
            // claim's place, held while the submission goes out, and the claim is done
            if (ledger.record(UnconfirmedSubmissions.placeholder(input, now.plusMillis(1),
                    leaseUntil.plusMillis(config.getUnconfirmedSubmissionWait()), correlation, requestKey)
                    .claimed(owner, leaseUntil))) {
                leases().hold(input);
                inputPlaceholders.put(claim, input);
                release(claim);
                ledger.finish(claim, TaskStatus.DONE, now);
            }
        } catch (RuntimeException e) {
            // the claim still stands for the work (a dead submitter's is reported UNCONFIRMED); a claim left open
            // beside its placeholder lapses, and claid:tasks finishes it as the placeholder stands for the work
            LOG.debug("No input placeholder in place of claim {}: {}", claim, e.getMessage());
        }
    }

    /** The key of the placeholder for this request's input, or null when it has none. */
    private TaskKey inputKey(ClaidOperations op, Object request) {
        return UnconfirmedSubmissions.placeholderKey(op.submits(), endpoint.client().mapper().valueToTree(request));
    }

    /**
     * The record that stands for a claim's work from now on, no longer tracked here: the input placeholder that
     * replaced the claim (the claim itself is finished by then), or else the claim.
     */
    private TaskKey standingFor(TaskKey claim) {
        TaskKey input = inputPlaceholders.remove(claim);
        return input != null ? input : claim;
    }

    /**
     * Sends the submission. When there is a request key, this submitter's claim on it is {@code claimed} (taken over
     * before sending) or {@code claimOnSend} (recorded as the request goes); either is settled by Claid's answer.
     */
    private CompletableFuture<?> send(Exchange exchange, ClaidOperations op, Object request, Wait wait,
            Map<String, String> correlation, String requestKey, TaskKey claimed, ClaimOnSend claimOnSend) {
        ApiOperation api = op.submits().submitOperation();
        CompletableFuture<ClaidResponse<TaskAccepted>> sent;
        try {
            sent = endpoint.account().circuit().send(api, () -> claimOnSend == null
                    ? endpoint.client().call(api, null, request, TaskAccepted.class)
                    : endpoint.client().call(api, null, request, TaskAccepted.class, claimOnSend));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        // continued on the completion pool: recording the task is a ledger write (an fsync, a database insert),
        // which must not hold one of the HTTP client's few I/O threads
        return sent.handleAsync((response, failure) -> {
            TaskKey claim = claimOnSend == null ? claimed : claimOnSend.recorded();
            if (failure == null) {
                return accepted(exchange, op, response, correlation, requestKey, claim, wait);
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof ClaimTaken) {
                return claimOnSend.whenTaken.get();
            }
            return unanswered(exchange, op, request, cause, correlation, requestKey, claim);
        }, completion()).thenCompose(next -> next);
    }

    private CompletableFuture<?> accepted(Exchange exchange, ClaidOperations op, ClaidResponse<TaskAccepted> response,
            Map<String, String> correlation, String requestKey, TaskKey claim, Wait wait) {
        TaskAccepted accepted = response.data();
        Message out = exchange.getMessage();
        ResultWriter.setResponseHeaders(out, response);
        out.setHeader(ClaidConstants.TASK_ID, accepted.id());
        out.setHeader(ClaidConstants.TASK_STATUS, String.valueOf(accepted.status()));
        out.setHeader(ClaidConstants.RESULT_URL, accepted.resultUrl());
        TaskKey key = new TaskKey(op.submits(), accepted.id());
        try {
            record(key, accepted, correlation, requestKey);
        } catch (RuntimeException e) {
            if (claim != null) {
                // what stands for the work lapses: it is then what unconfirmedSubmissionWait says of a dead
                // claimant's, and Claid's webhook may still name the task for its input placeholder
                release(standingFor(claim));
            }
            throw e;
        }
        // the work is known under its task from now on
        settleClaim(claim);
        if (!endpoint.getConfiguration().isWaitForCompletion()) {
            out.setBody(accepted);
            return CompletableFuture.completedFuture(null);
        }
        return wait.until(accepted.id(), accepted.resultUrl(), accepted.status(), Instant.now())
                .whenCompleteAsync((done, failure) -> settle(key, failure), completion());
    }

    /**
     * A submission failed. When Claid may have acted on it (no answer, a gateway error, an unreadable answer) and the
     * endpoint waits for unconfirmed submissions, a placeholder is recorded under the request's input and the exchange
     * goes on with the status {@code UNCONFIRMED}: Claid's notification of the task, if it made one, is then reported
     * like any other task, and the placeholder is reported as UNCONFIRMED if none comes in time. Otherwise the
     * exchange fails with the submission's error.
     */
    private CompletableFuture<?> unanswered(Exchange exchange, ClaidOperations op, Object request, Throwable failure,
            Map<String, String> correlation, String requestKey, TaskKey claim) {
        ClaidConfiguration config = endpoint.getConfiguration();
        if (config.getUnconfirmedSubmissionWait() <= 0 || config.isWaitForCompletion()
                || !(failure instanceof ClaidOutcomeUnknownException)) {
            return failed(failure, claim);
        }
        Instant now = Instant.now();
        TaskKey left = claim == null ? null : inputPlaceholders.remove(claim);
        if (left != null) {
            // the input placeholder that replaced the claim waits from now, no longer held
            release(left);
            endpoint.ledger().reschedule(left, owner, null, false,
                    now.plusMillis(config.getUnconfirmedSubmissionWait()));
        } else {
            TaskKey key = inputKey(op, request);
            if (key == null || !endpoint.ledger().record(UnconfirmedSubmissions.placeholder(key, now,
                    now.plusMillis(config.getUnconfirmedSubmissionWait()), correlation, requestKey))) {
                // another submission of the same input is unconfirmed too: a notification could not tell them apart
                return failed(failure, claim);
            }
            // the placeholder, under the same request key, stands for the work from now on
            settleClaim(claim);
        }
        LOG.warn("Claid {} got no usable answer ({}); not sent again. Waiting up to {} ms for Claid to name the task"
                + " for its input", op, failure.getMessage(), config.getUnconfirmedSubmissionWait());
        Message out = exchange.getMessage();
        out.setHeader(ClaidConstants.TASK_STATUS, ClaidConstants.TaskStatuses.UNCONFIRMED);
        out.setBody(null);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Finishes a claim (or the input placeholder that replaced it) whose work is recorded under another key by now.
     * Failing here changes nothing for the exchange: a consumer that later finds the record unheld sees the work
     * recorded and finishes it then.
     */
    private void settleClaim(TaskKey claim) {
        if (claim == null) {
            return;
        }
        TaskKey settled = standingFor(claim);
        release(settled);
        try {
            endpoint.ledger().finish(settled, TaskStatus.DONE, Instant.now());
        } catch (RuntimeException e) {
            LOG.debug("Claim {} not finished now; a consumer finishes it once its lease lapses", settled, e);
        }
    }

    /**
     * The exchange fails with the submission's error, and gives up its claim: as before any claim, a retry may submit
     * the work again (what a failure whose outcome is unknown risks is what {@code unconfirmedSubmissionWait} is for).
     */
    private CompletableFuture<?> failed(Throwable failure, TaskKey claim) {
        if (claim != null) {
            TaskKey input = inputPlaceholders.remove(claim);
            for (TaskKey given : input == null ? List.of(claim) : List.of(claim, input)) {
                release(given);
                try {
                    endpoint.ledger().forget(given);
                } catch (RuntimeException e) {
                    // the claim stays, and is reported as UNCONFIRMED once its lease lapses: nothing is paid twice
                    failure.addSuppressed(e);
                }
            }
        }
        return CompletableFuture.failedFuture(failure);
    }

    /** {@code next} on the completion pool after {@code millis}, without holding a thread meanwhile. */
    private CompletableFuture<?> later(long millis, Supplier<CompletableFuture<?>> next) {
        CompletableFuture<Void> due = new CompletableFuture<>();
        endpoint.getComponent().scheduler().schedule(() -> due.complete(null), millis, TimeUnit.MILLISECONDS);
        return due.thenComposeAsync(ignored -> next.get(), completion());
    }

    /**
     * The work named by the request key was submitted before (by this exchange's earlier attempt, or before a
     * restart): the exchange goes on with that task instead of paying for a new one. The task is reported as usual,
     * once, by whoever reports the ledger's tasks; with waitForCompletion this exchange waits for it.
     */
    private CompletableFuture<?> reuse(Exchange exchange, TrackedTask known, Wait wait) {
        LOG.debug("Request {} was submitted before as Claid task {}; not submitting it again", known.requestKey(),
                known.key());
        Message out = exchange.getMessage();
        if (UnconfirmedSubmissions.isPlaceholder(known)) {
            if (endpoint.getConfiguration().isWaitForCompletion()) {
                throw new IllegalStateException("Request " + known.requestKey() + " was submitted before, and its"
                        + " answer was lost: it is reported by claid:tasks (status UNCONFIRMED, or as the task Claid"
                        + " names for it), and cannot be waited for here");
            }
            out.setHeader(ClaidConstants.TASK_STATUS, ClaidConstants.TaskStatuses.UNCONFIRMED);
            out.setHeader(ClaidConstants.TASK_REUSED, true);
            out.setBody(null);
            return CompletableFuture.completedFuture(null);
        }
        out.setHeader(ClaidConstants.TASK_ID, known.key().id());
        out.setHeader(ClaidConstants.TASK_STATUS, String.valueOf(known.lastStatus()));
        out.setHeader(ClaidConstants.RESULT_URL, known.resultUrl());
        out.setHeader(ClaidConstants.TASK_REUSED, true);
        if (!endpoint.getConfiguration().isWaitForCompletion()) {
            out.setBody(new TaskAccepted(known.key().id(), known.lastStatus(), known.submittedAt().toString(), null,
                    known.resultUrl()));
            return CompletableFuture.completedFuture(null);
        }
        return wait.until(known.key().id(), known.resultUrl(), known.lastStatus(), known.submittedAt())
                .whenCompleteAsync((done, failure) -> settle(known.key(), failure), completion());
    }

    /**
     * Records an accepted task. A task this exchange waits for is recorded as held by this submitter, its lease renewed
     * while the wait lives, so neither the tasks nor the webhook consumer reports it too; if this JVM dies meanwhile,
     * the hold lapses and a consumer reports it then.
     */
    private void record(TaskKey key, TaskAccepted accepted, Map<String, String> correlation, String requestKey) {
        Instant now = Instant.now();
        ClaidConfiguration config = endpoint.getConfiguration();
        TrackedTask task;
        if (config.isWaitForCompletion()) {
            // renewed while the wait lives, however long that is (maxWait)
            Instant holdUntil = leases().leaseUntil(now);
            task = TrackedTask.submitted(key, accepted.resultUrl(), now, accepted.status(), correlation, holdUntil)
                    .claimed(owner, holdUntil);
        } else {
            task = TrackedTask.submitted(key, accepted.resultUrl(), now, accepted.status(), correlation,
                    now.plusMillis(config.getTaskPollInterval()));
        }
        try {
            TaskLedger ledger = endpoint.ledger();
            if (ledger.record(task.withRequestKey(requestKey))) {
                holdWhileWaiting(key);
                return;
            }
            // a webhook about the task came before this record: the task is known, without our facts
            boolean adopted = ledger.adopt(key, correlation, requestKey);
            if (config.isWaitForCompletion()) {
                // held as a fresh record would be, so that the notification's next delivery goes to this wait only
                ledger.claim(key, owner, now, task.leaseUntil());
                holdWhileWaiting(key);
            }
            if (!adopted && !correlation.isEmpty()
                    && !ledger.find(key).map(TrackedTask::correlation).filter(correlation::equals).isPresent()) {
                // and reported it already, without our headers
                LOG.warn("Claid task {} was reported before its submission was recorded; its correlation headers"
                        + " {} were not on that report", key, correlation.keySet());
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Claid accepted task " + key + " (" + accepted.resultUrl()
                    + ") but the task ledger could not record it: " + e.getMessage()
                    + ". Ask for it with claid:getTask: no consumer reports it, unless Claid's webhook names it to a"
                    + " claid:webhook consumer", e);
        }
    }

    private void holdWhileWaiting(TaskKey key) {
        if (endpoint.getConfiguration().isWaitForCompletion()) {
            leases().hold(key);
        }
    }

    /**
     * After a wait: a task this exchange reported (DONE, or failed with Claid's errors) is finished; a wait that
     * ended without an outcome (deadline, stop) hands the task to the consumers at once.
     */
    private void settle(TaskKey key, Throwable failure) {
        release(key);
        TaskLedger ledger = endpoint.ledger();
        Throwable cause = unwrap(failure);
        if (cause == null) {
            ledger.finish(key, TaskStatus.DONE, Instant.now());
        } else if (cause instanceof ClaidException
                && ((ClaidException) cause).getReason() == ClaidException.Reason.TASK_FAILED) {
            ledger.finish(key, ((ClaidException) cause).getTaskStatus(), Instant.now());
        } else {
            ledger.reschedule(key, owner, null, false, Instant.now());
        }
    }

    private Executor completion() {
        return endpoint.getComponent().continuation();
    }
}
