package io.github.camelclaid.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelclaid.client.model.TaskStatus;

/**
 * Remembers every async task submitted to Claid until a route has processed its result, so that neither a crash nor
 * a restart nor a second instance loses or repeats one.
 *
 * <p>
 * The rules every implementation keeps:
 * <ul>
 * <li>{@link #record}, {@link #outputDelivered} and {@link #finish} are durable when they return (for the
 * implementations that persist at all): a producer returns only after its task is recorded, and a consumer marks a
 * task finished only after its route succeeded.</li>
 * <li>{@link #claim} is atomic: of several consumers (in one JVM or on several machines sharing the store) racing for
 * the same open task, one gets it. A claim is a lease: if its holder dies, the task becomes claimable again when the
 * lease lapses, so a task is never stuck with a dead owner.</li>
 * <li>Changing a task that is not open, or is held by someone else, does nothing: a finished task stays finished.</li>
 * </ul>
 * Times are passed in rather than read from a clock, so that implementations agree on them and tests control them.
 */
public interface TaskLedger extends AutoCloseable {

    /**
     * Records a task Claid has just accepted. Returns false, changing nothing, when the key is already recorded (a
     * second record of one task, e.g. a webhook for a task that this ledger already knows).
     */
    boolean record(TrackedTask task);

    /**
     * Gives an open task that was recorded without its submitter's facts (a webhook about it came before the
     * producer had recorded it) the correlation headers and request key the producer kept. Returns false, changing
     * nothing, when the task is unknown, finished, or has those facts already.
     */
    boolean adopt(TaskKey key, Map<String, String> correlation, String requestKey);

    /** The task with this key, open or finished. */
    Optional<TrackedTask> find(TaskKey key);

    /** The tasks with this id, of any kind (a webhook body names the id, not the kind). */
    List<TrackedTask> findById(long id);

    /**
     * The task recorded under this request key ({@link TrackedTask#requestKey()}), open or finished; the latest if
     * several were, and of records made at the same instant the one with the highest id, so that a task Claid named
     * comes before a claim or placeholder (negative ids) made for the same work. A producer asks before submitting, so that work submitted before a crash or retry is not paid for
     * again.
     */
    Optional<TrackedTask> findByRequestKey(String requestKey);

    /** Open tasks whose next poll is due at {@code now} and which nobody holds, earliest due first, at most {@code limit}. */
    List<TrackedTask> due(Instant now, int limit);

    /** How many tasks are open. */
    int openCount();

    /**
     * Takes an open task for {@code owner} until {@code until}, unless someone else holds a lease that has not lapsed
     * at {@code now}. Returns the task as claimed, or empty when it is finished, unknown or held by another.
     */
    Optional<TrackedTask> claim(TaskKey key, String owner, Instant now, Instant until);

    /**
     * Extends to {@code until} the leases {@code owner} holds on these open tasks, and returns how many: the holder's
     * heartbeat, one write for all it works on, so that what a live holder works on (a claim being submitted, a task
     * an exchange waits for, a result a route processes) stays its own however long that takes, while a short lease
     * still frees a dead holder's tasks soon. A lease another has taken over, and a task finished, are not touched.
     */
    int renewLeases(String owner, Collection<TaskKey> keys, Instant until);

    /**
     * Gives a held task back, still open: with the status seen (null if none), the poll counted or not, and when it is
     * next due. Does nothing unless {@code owner} holds it.
     */
    void reschedule(TaskKey key, String owner, TaskStatus seen, boolean polled, Instant nextPollAt);

    /** Notes that one output of a held task was processed, so a retry of the task does not emit it again. */
    void outputDelivered(TaskKey key, String owner, int outputIndex);

    /**
     * Marks a task finished with its terminal status: a route has processed it. Applies whoever holds it (the work is
     * done either way), and does nothing if it is finished already.
     */
    void finish(TaskKey key, TaskStatus status, Instant at);

    /**
     * Forgets one record, open or finished: a claim on work whose submission Claid refused, so that nothing was paid
     * and the work may be submitted again. Does nothing if the key is unknown.
     */
    void forget(TaskKey key);

    /** Forgets finished tasks finished before {@code before}; returns how many. They are kept a while to spot duplicates. */
    int purgeFinished(Instant before);

    /**
     * Throws a {@link TaskLedgerException} saying why and what to do when the ledger could not store a change lately
     * and still cannot (a full disk, a database out of reach). A producer asks before a paid submission that writes
     * nothing first (one without a request key), so that submissions stop before any credit is spent on a task the
     * ledger could not record, and go on by themselves once the store is back. Does nothing for a ledger that cannot
     * fail.
     */
    default void checkWritable() {
    }

    /** Releases what the ledger holds open (files, connections it made). */
    @Override
    void close();
}
