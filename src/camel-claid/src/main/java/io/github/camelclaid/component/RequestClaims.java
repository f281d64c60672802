package io.github.camelclaid.component;

import java.time.Instant;
import java.util.Map;

import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedger;
import io.github.camelclaid.ledger.TrackedTask;

/**
 * Claims on request keys, so that work named by a request key is paid for once however many exchanges, retries or
 * instances sharing a ledger offer it at the same moment. Looking the key up and then submitting leaves a window in
 * which every instance finds nothing and pays; so as its request goes out (once the account's rate budget lets it)
 * the submitter records a <em>claim</em> in the ledger, and sends only if the ledger's one rule that a key is recorded
 * once ({@link TaskLedger#record}: a primary key in a database) lets it win. The others send nothing, find the claim
 * and wait for the winner's task.
 *
 * <p>
 * A claim is a placeholder ({@link UnconfirmedSubmissions}) keyed by a hash of the request key instead of the input,
 * held by its submitter for the lease: when Claid accepts, the task is recorded under the same request key and the
 * claim is finished; when Claid refuses, the claim is forgotten, nothing having been paid. A submitter that dies
 * between claim and record leaves a claim nobody holds once its lease lapses (at once after a restart of a ledger of
 * one process, which keeps no holds). What happens then follows {@code unconfirmedSubmissionWait}, as for a lost
 * answer: with a wait, the work is not submitted again blindly; offers of it go on as UNCONFIRMED and
 * {@code claid:tasks} reports the claim so after the wait, unless the task turns up in the ledger meanwhile (with the
 * wait, a claim also leaves the input placeholder a lost answer leaves, so Claid's webhook naming the task brings it
 * in with the dead submitter's headers and request key). Without one (the default), the next offer takes the claim
 * over and submits the work again, as a retry of a failed submission would.
 */
final class RequestClaims {

    private RequestClaims() {
    }

    /** The claim's key: the task kind, and a negative id from a hash of the request key. */
    static TaskKey key(TaskKind kind, String requestKey) {
        return UnconfirmedSubmissions.fingerprintKey(kind, "request-key:" + requestKey);
    }

    /**
     * A claim held by {@code owner} until {@code leaseUntil}, and reported as unconfirmed {@code unconfirmedWait}
     * milliseconds after that if its holder never recorded a task for it.
     */
    static TrackedTask claim(TaskKey key, String requestKey, Map<String, String> correlation, String owner,
            Instant now, Instant leaseUntil, long unconfirmedWait) {
        return UnconfirmedSubmissions.placeholder(key, now, leaseUntil.plusMillis(unconfirmedWait), correlation,
                requestKey).claimed(owner, leaseUntil);
    }

    /**
     * Whether the record found is this request key's claim, still open but held by nobody: its submitter died (or
     * restarted) between the claim and recording Claid's answer.
     */
    static boolean isAbandoned(TrackedTask found, String requestKey, Instant now) {
        return found.isOpen() && found.key().equals(key(found.key().kind(), requestKey))
                && !isBeingSubmitted(found, now);
    }

    /**
     * Whether the work is being submitted right now by someone holding its claim (in this JVM or another): the
     * record found is a live, held placeholder. The caller then waits for the task rather than paying again.
     */
    static boolean isBeingSubmitted(TrackedTask found, Instant now) {
        return UnconfirmedSubmissions.isPlaceholder(found) && found.isOpen() && found.owner() != null
                && found.leaseUntil() != null && found.leaseUntil().isAfter(now);
    }
}
