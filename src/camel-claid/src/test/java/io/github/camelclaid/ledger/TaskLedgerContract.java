package io.github.camelclaid.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link TaskLedger}, run against each implementation. A subclass says how to make a fresh, empty ledger
 * and, for the ones that persist, how to open the same store again as a restarted process would.
 */
public abstract class TaskLedgerContract {

    protected static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    protected TaskLedger ledger;

    /** A new, empty ledger. */
    protected abstract TaskLedger newLedger() throws Exception;

    /**
     * The same store opened again, as after a restart; the current one has been closed. Null for a ledger that does
     * not persist.
     */
    protected abstract TaskLedger reopen() throws Exception;

    /**
     * Whether a reopened store still has the holds taken before: true for a store shared by several instances, whose
     * leases the others must see, so a restarted process waits for a dead holder's lease to lapse. A store of one
     * process forgets them, as the restarted process holds nothing.
     */
    protected boolean leasesSurviveReopen() {
        return false;
    }

    @BeforeEach
    void openLedger() throws Exception {
        ledger = newLedger();
    }

    @AfterEach
    void closeLedger() {
        if (ledger != null) {
            ledger.close();
        }
    }

    /**
     * Starts {@code instances} ledgers at the same moment, each made by {@code ledger} and used at once (as instances
     * of a fleet starting together create their table), and checks each found the table, empty.
     */
    protected static void firstUseTogether(int instances, Callable<TaskLedger> ledger)
            throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(instances);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> firstUse = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                firstUse.add(starting.submit(() -> {
                    start.await();
                    return ledger.call().openCount();
                }));
            }
            start.countDown();
            for (Future<Integer> each : firstUse) {
                assertThat(each.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            starting.shutdownNow();
        }
    }

    protected static TrackedTask task(long id) {
        return TrackedTask.submitted(new TaskKey(TaskKind.EDIT_ASYNC, id),
                "http://127.0.0.1:1/v1/image/edit/async/" + id, T0, TaskStatus.ACCEPTED,
                Map.of("orderId", "order-" + id), T0.plusSeconds(2));
    }

    @Test
    void recordsATaskOnceAndFindsItByKeyAndById() {
        assertThat(ledger.record(task(1))).isTrue();
        assertThat(ledger.record(task(1))).isFalse();
        TrackedTask found = ledger.find(task(1).key()).orElseThrow();
        assertThat(found.resultUrl()).endsWith("/async/1");
        assertThat(found.correlation()).containsEntry("orderId", "order-1");
        assertThat(found.submittedAt()).isEqualTo(T0);
        assertThat(found.lastStatus()).isEqualTo(TaskStatus.ACCEPTED);
        assertThat(ledger.findById(1)).extracting(TrackedTask::key).containsExactly(task(1).key());
        assertThat(ledger.findById(2)).isEmpty();
        assertThat(ledger.openCount()).isEqualTo(1);
    }

    @Test
    void aTaskIsFoundByItsRequestKeyOpenOrFinishedAndAfterReopen() throws Exception {
        assertThat(ledger.findByRequestKey("images/cat.jpg/etag-1")).isEmpty();
        ledger.record(task(1).withRequestKey("images/cat.jpg/etag-1"));
        ledger.record(task(2));
        assertThat(ledger.findByRequestKey("images/cat.jpg/etag-1")).hasValueSatisfying(
                t -> assertThat(t.key()).isEqualTo(task(1).key()));
        ledger.finish(task(1).key(), TaskStatus.DONE, T0.plusSeconds(1));
        assertThat(ledger.findByRequestKey("images/cat.jpg/etag-1")).hasValueSatisfying(
                t -> assertThat(t.isOpen()).isFalse());
        ledger.close();
        ledger = reopen();
        if (ledger == null) {
            return;
        }
        assertThat(ledger.findByRequestKey("images/cat.jpg/etag-1")).hasValueSatisfying(
                t -> assertThat(t.requestKey()).isEqualTo("images/cat.jpg/etag-1"));
        assertThat(ledger.findByRequestKey("images/cat.jpg/etag-2")).isEmpty();
    }

    @Test
    void ofRecordsMadeAtTheSameInstantUnderOneRequestKeyTheTaskClaidNamedIsFound() throws Exception {
        // a claim (negative id) and the task that settles it can be stamped with the same millisecond
        TrackedTask claim = TrackedTask.submitted(new TaskKey(TaskKind.EDIT_ASYNC, -42), null, T0,
                TaskStatus.ACCEPTED, null, T0).withRequestKey("img/7/etag");
        assertThat(ledger.record(claim)).isTrue();
        assertThat(ledger.record(task(7).withRequestKey("img/7/etag"))).isTrue();
        assertThat(ledger.findByRequestKey("img/7/etag")).hasValueSatisfying(
                t -> assertThat(t.key()).isEqualTo(task(7).key()));
    }

    @Test
    void aForgottenRecordIsGoneAndItsKeyCanBeRecordedAgainAlsoAfterReopen() throws Exception {
        TrackedTask claim = TrackedTask.submitted(new TaskKey(TaskKind.EDIT_ASYNC, -9), null, T0,
                TaskStatus.ACCEPTED, null, T0).withRequestKey("img/9/etag").claimed("submitter", T0.plusSeconds(30));
        assertThat(ledger.record(claim)).isTrue();
        assertThat(ledger.record(claim)).isFalse();
        ledger.forget(claim.key());
        ledger.forget(claim.key()); // unknown by now: nothing to do
        assertThat(ledger.find(claim.key())).isEmpty();
        assertThat(ledger.findByRequestKey("img/9/etag")).isEmpty();
        assertThat(ledger.openCount()).isZero();
        ledger.close();
        ledger = reopen();
        if (ledger == null) {
            return;
        }
        assertThat(ledger.find(claim.key())).isEmpty();
        assertThat(ledger.record(claim)).isTrue();
    }

    @Test
    void ofRacingRecordsOfOneKeyExactlyOneWins() throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 20; round++) {
                TrackedTask claim = TrackedTask.submitted(new TaskKey(TaskKind.EDIT_ASYNC, -100 - round), null, T0,
                        TaskStatus.ACCEPTED, null, T0).withRequestKey("img/race-" + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return ledger.record(claim);
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<Boolean> result : results) {
                    won += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).as("winners of round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTaskHeardOfBeforeItsSubmitterRecordedItIsAdoptedOnce() throws Exception {
        TrackedTask heard = TrackedTask.submitted(task(1).key(), "u", T0, TaskStatus.DONE, null, T0);
        assertThat(ledger.record(heard)).isTrue();
        assertThat(ledger.adopt(task(1).key(), Map.of("orderId", "order-1"), "img/1/etag")).isTrue();
        assertThat(ledger.adopt(task(1).key(), Map.of("orderId", "other"), "img/1/other")).isFalse();
        TrackedTask adopted = ledger.find(task(1).key()).orElseThrow();
        assertThat(adopted.correlation()).containsEntry("orderId", "order-1");
        assertThat(adopted.requestKey()).isEqualTo("img/1/etag");
        assertThat(ledger.findByRequestKey("img/1/etag")).isPresent();
        assertThat(ledger.adopt(task(2).key(), Map.of(), "x")).isFalse();
        ledger.record(task(3));
        ledger.finish(task(3).key(), TaskStatus.DONE, T0);
        assertThat(ledger.adopt(task(3).key(), Map.of("a", "b"), "y")).isFalse();
        ledger.close();
        ledger = reopen();
        if (ledger != null) {
            assertThat(ledger.find(task(1).key()).orElseThrow().correlation()).containsEntry("orderId", "order-1");
        }
    }

    /** What a producer records for a submission whose answer was lost: a negative id, no result URL yet. */
    @Test
    void aRecordWithANegativeIdAndNoResultUrlIsKeptAndFoundAfterReopen() throws Exception {
        TaskKey placeholder = new TaskKey(TaskKind.EDIT_ASYNC, -4_611_686_018_427_387_904L);
        assertThat(ledger.record(TrackedTask.submitted(placeholder, null, T0, TaskStatus.ACCEPTED,
                Map.of("orderId", "order-lost"), T0.plusSeconds(600)).withRequestKey("img/lost/etag"))).isTrue();
        assertThat(ledger.due(T0.plusSeconds(599), 10)).isEmpty();
        assertThat(ledger.due(T0.plusSeconds(600), 10)).extracting(TrackedTask::key).containsExactly(placeholder);
        ledger.close();
        ledger = reopen();
        if (ledger == null) {
            return;
        }
        TrackedTask found = ledger.find(placeholder).orElseThrow();
        assertThat(found.resultUrl()).isNull();
        assertThat(found.correlation()).containsEntry("orderId", "order-lost");
        assertThat(ledger.findByRequestKey("img/lost/etag")).hasValueSatisfying(
                t -> assertThat(t.key()).isEqualTo(placeholder));
    }

    @Test
    void keysIncludeTheKindAsIdsRepeatAcrossKinds() {
        TrackedTask batch = TrackedTask.submitted(new TaskKey(TaskKind.EDIT_BATCH, 1), "http://x/v1/image/edit/batch/1",
                T0, TaskStatus.ACCEPTED, Map.of(), T0);
        assertThat(ledger.record(task(1))).isTrue();
        assertThat(ledger.record(batch)).isTrue();
        assertThat(ledger.findById(1)).hasSize(2);
    }

    @Test
    void dueListsOpenUnheldTasksWhoseTimeHasComeEarliestFirst() {
        ledger.record(task(1));
        ledger.record(TrackedTask.submitted(new TaskKey(TaskKind.AI_EDIT, 2), "u", T0, TaskStatus.ACCEPTED, Map.of(),
                T0.plusSeconds(1)));
        ledger.record(TrackedTask.submitted(new TaskKey(TaskKind.AI_EDIT, 3), "u", T0, TaskStatus.ACCEPTED, Map.of(),
                T0.plusSeconds(60)));
        assertThat(ledger.due(T0, 10)).isEmpty();
        assertThat(ledger.due(T0.plusSeconds(5), 10)).extracting(t -> t.key().id()).containsExactly(2L, 1L);
        assertThat(ledger.due(T0.plusSeconds(5), 1)).extracting(t -> t.key().id()).containsExactly(2L);

        ledger.claim(new TaskKey(TaskKind.AI_EDIT, 2), "a", T0.plusSeconds(5), T0.plusSeconds(65));
        assertThat(ledger.due(T0.plusSeconds(5), 10)).extracting(t -> t.key().id()).containsExactly(1L);
        // the lease lapses: the task is due again
        assertThat(ledger.due(T0.plusSeconds(66), 10)).extracting(t -> t.key().id()).contains(2L, 1L, 3L);
    }

    /**
     * Whatever happened to the tasks, {@code due} lists exactly the open, unheld ones whose time has come, earliest
     * first: checked after each of a few hundred random changes of every kind against the tasks as {@code find} reads
     * them, so that a ledger that keeps its own order of due tasks never lets it drift from the tasks.
     */
    @Test
    void dueAgreesWithTheTasksThemselvesThroughEveryKindOfChange() {
        Random random = new Random(17);
        List<TaskKey> keys = new ArrayList<>();
        List<String> owners = List.of("a", "b");
        long tick = 0;
        for (int step = 0; step < 300; step++) {
            // every time is distinct, so that the expected order has no ties to break
            Instant now = T0.plusSeconds(step);
            Instant later = now.plusMillis(1 + random.nextInt(20_000) * 10L + (++tick % 10));
            TaskKey some = keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
            String owner = owners.get(random.nextInt(owners.size()));
            switch (some == null ? 0 : random.nextInt(8)) {
                case 0, 1 -> {
                    TaskKey key = new TaskKey(random.nextBoolean() ? TaskKind.EDIT_ASYNC : TaskKind.AI_EDIT, step + 1);
                    ledger.record(TrackedTask.submitted(key, "u", now, TaskStatus.ACCEPTED, Map.of(),
                            now.plusMillis(random.nextInt(30_000) + (++tick % 10))));
                    keys.add(key);
                }
                case 2 -> ledger.claim(some, owner, now, later);
                case 3 -> ledger.renewLeases(owner, List.of(some), later);
                case 4, 5 -> {
                    TrackedTask held = ledger.find(some).orElse(null);
                    if (held != null && held.owner() != null) {
                        ledger.reschedule(some, held.owner(), TaskStatus.PROCESSING, true, later);
                    }
                }
                case 6 -> ledger.finish(some, TaskStatus.DONE, now);
                default -> {
                    ledger.forget(some);
                    keys.remove(some);
                }
            }
            Instant at = now.plusMillis(random.nextInt(20_000));
            int limit = 1 + random.nextInt(12);
            List<TaskKey> expected = keys.stream().map(ledger::find).flatMap(Optional::stream)
                    .filter(t -> !t.nextPollAt().isAfter(at) && t.claimableBy(null, at))
                    .sorted(Comparator.comparing(TrackedTask::nextPollAt))
                    .limit(limit).map(TrackedTask::key).toList();
            assertThat(ledger.due(at, limit)).as("due at step %d", step).extracting(TrackedTask::key)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(ledger.due(T0.plusSeconds(10_000), 0)).isEmpty();
    }

    @Test
    void aClaimHoldsUntilItsLeaseLapses() {
        ledger.record(task(1));
        TaskKey key = task(1).key();
        Optional<TrackedTask> first = ledger.claim(key, "a", T0, T0.plusSeconds(30));
        assertThat(first).hasValueSatisfying(t -> assertThat(t.owner()).isEqualTo("a"));
        assertThat(ledger.claim(key, "b", T0.plusSeconds(29), T0.plusSeconds(60))).isEmpty();
        assertThat(ledger.claim(key, "a", T0.plusSeconds(29), T0.plusSeconds(60))).isPresent();
        assertThat(ledger.claim(key, "b", T0.plusSeconds(61), T0.plusSeconds(90)))
                .hasValueSatisfying(t -> assertThat(t.owner()).isEqualTo("b"));
        assertThat(ledger.claim(new TaskKey(TaskKind.EDIT_ASYNC, 99), "a", T0, T0.plusSeconds(1))).isEmpty();
    }


    @Test
    void renewingExtendsTheNamedOpenLeasesOfItsHolderAndNoOneElses() {
        for (long id = 1; id <= 5; id++) {
            ledger.record(task(id));
        }
        ledger.claim(task(1).key(), "a", T0, T0.plusSeconds(30));
        ledger.claim(task(2).key(), "a", T0, T0.plusSeconds(30));
        ledger.claim(task(3).key(), "b", T0, T0.plusSeconds(30));
        ledger.claim(task(4).key(), "a", T0, T0.plusSeconds(30));
        ledger.finish(task(4).key(), TaskStatus.DONE, T0.plusSeconds(1));
        ledger.claim(task(5).key(), "a", T0, T0.plusSeconds(30));
        List<TaskKey> named = List.of(task(1).key(), task(2).key(), task(3).key(), task(4).key(),
                new TaskKey(TaskKind.EDIT_ASYNC, 99));

        assertThat(ledger.renewLeases("a", named, T0.plusSeconds(90))).isEqualTo(2);

        assertThat(ledger.claim(task(1).key(), "b", T0.plusSeconds(60), T0.plusSeconds(99))).isEmpty();
        assertThat(ledger.find(task(2).key()).orElseThrow().leaseUntil()).isEqualTo(T0.plusSeconds(90));
        assertThat(ledger.find(task(3).key()).orElseThrow().leaseUntil()).isEqualTo(T0.plusSeconds(30));
        assertThat(ledger.find(task(4).key()).orElseThrow().isOpen()).isFalse();
        // a lease not named (its holder gave the task back, or failed to) lapses as it was
        assertThat(ledger.find(task(5).key()).orElseThrow().leaseUntil()).isEqualTo(T0.plusSeconds(30));
        assertThat(ledger.renewLeases("nobody", named, T0.plusSeconds(90))).isZero();
        assertThat(ledger.renewLeases("a", List.of(), T0.plusSeconds(90))).isZero();
        // a lease that lapsed and was taken over stays with its new holder
        assertThat(ledger.claim(task(3).key(), "a", T0.plusSeconds(31), T0.plusSeconds(60))).isPresent();
        assertThat(ledger.renewLeases("b", named, T0.plusSeconds(120))).isZero();
        assertThat(ledger.find(task(3).key()).orElseThrow().owner()).isEqualTo("a");
    }

    @Test
    void rescheduleCountsThePollReleasesTheHoldAndOnlyTheHolderMayDoIt() {
        ledger.record(task(1));
        TaskKey key = task(1).key();
        ledger.claim(key, "a", T0, T0.plusSeconds(30));
        ledger.reschedule(key, "b", TaskStatus.DONE, true, T0.plusSeconds(99));
        assertThat(ledger.find(key).orElseThrow().owner()).isEqualTo("a");

        ledger.reschedule(key, "a", TaskStatus.PROCESSING, true, T0.plusSeconds(10));
        TrackedTask after = ledger.find(key).orElseThrow();
        assertThat(after.owner()).isNull();
        assertThat(after.polls()).isEqualTo(1);
        assertThat(after.lastStatus()).isEqualTo(TaskStatus.PROCESSING);
        assertThat(after.nextPollAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(ledger.claim(key, "b", T0.plusSeconds(1), T0.plusSeconds(2))).isPresent();
    }

    @Test
    void finishIsFinal() {
        ledger.record(task(1));
        TaskKey key = task(1).key();
        ledger.claim(key, "a", T0, T0.plusSeconds(30));
        ledger.finish(key, TaskStatus.DONE, T0.plusSeconds(3));
        TrackedTask done = ledger.find(key).orElseThrow();
        assertThat(done.state()).isEqualTo(LedgerEntryState.FINISHED);
        assertThat(done.lastStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(ledger.openCount()).isZero();
        assertThat(ledger.due(T0.plusSeconds(3600), 10)).isEmpty();
        assertThat(ledger.claim(key, "b", T0.plusSeconds(3600), T0.plusSeconds(3700))).isEmpty();

        ledger.finish(key, TaskStatus.ERROR, T0.plusSeconds(9));
        ledger.reschedule(key, "a", TaskStatus.PROCESSING, true, T0);
        assertThat(ledger.find(key).orElseThrow().lastStatus()).isEqualTo(TaskStatus.DONE);
        assertThat(ledger.record(task(1))).isFalse();
    }

    @Test
    void deliveredOutputsAreKeptForTheRetry() {
        ledger.record(task(1));
        TaskKey key = task(1).key();
        ledger.claim(key, "a", T0, T0.plusSeconds(30));
        ledger.outputDelivered(key, "a", 0);
        ledger.outputDelivered(key, "a", 2);
        ledger.outputDelivered(key, "b", 1);
        assertThat(ledger.find(key).orElseThrow().deliveredOutputs()).containsExactly(0, 2);
    }

    @Test
    void purgeForgetsOnlyTasksFinishedBeforeTheCutoff() {
        ledger.record(task(1));
        ledger.record(task(2));
        ledger.record(task(3));
        ledger.finish(task(1).key(), TaskStatus.DONE, T0.plusSeconds(10));
        ledger.finish(task(2).key(), TaskStatus.DONE, T0.plusSeconds(100));
        assertThat(ledger.purgeFinished(T0.plusSeconds(50))).isEqualTo(1);
        assertThat(ledger.find(task(1).key())).isEmpty();
        assertThat(ledger.find(task(2).key())).isPresent();
        assertThat(ledger.find(task(3).key())).isPresent();
    }

    @Test
    void ofManyRacingClaimantsExactlyOneWins() throws Exception {
        int tasks = 50;
        int claimants = 8;
        for (int i = 0; i < tasks; i++) {
            ledger.record(task(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> wins = new ArrayList<>();
            for (int c = 0; c < claimants; c++) {
                String owner = "claimant-" + c;
                wins.add(pool.submit(() -> {
                    start.await();
                    int won = 0;
                    for (int i = 0; i < tasks; i++) {
                        if (ledger.claim(task(i).key(), owner, T0, T0.plusSeconds(60)).isPresent()) {
                            won++;
                        }
                    }
                    return won;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> w : wins) {
                total += w.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(tasks);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReopenedStoreHasEveryTaskAndNoStaleHolds() throws Exception {
        ledger.record(task(1));
        ledger.record(task(2));
        ledger.record(task(3));
        ledger.claim(task(1).key(), "dead-process", T0, T0.plusSeconds(3600));
        ledger.outputDelivered(task(1).key(), "dead-process", 0);
        ledger.claim(task(2).key(), "dead-process", T0, T0.plusSeconds(3600));
        ledger.finish(task(2).key(), TaskStatus.DONE, T0.plusSeconds(5));
        ledger.close();
        ledger = reopen();
        if (ledger == null) {
            return;
        }
        assertThat(ledger.openCount()).isEqualTo(2);
        TrackedTask one = ledger.find(task(1).key()).orElseThrow();
        assertThat(one.deliveredOutputs()).containsExactly(0);
        assertThat(one.correlation()).containsEntry("orderId", "order-1");
        assertThat(ledger.find(task(2).key()).orElseThrow().state()).isEqualTo(LedgerEntryState.FINISHED);
        if (leasesSurviveReopen()) {
            assertThat(one.owner()).isEqualTo("dead-process");
            assertThat(ledger.claim(task(1).key(), "new-process", T0.plusSeconds(10), T0.plusSeconds(60))).isEmpty();
            assertThat(ledger.due(T0.plusSeconds(10), 10)).extracting(t -> t.key().id()).containsExactly(3L);
        }
        Instant afterLease = leasesSurviveReopen() ? T0.plusSeconds(3600) : T0.plusSeconds(10);
        assertThat(ledger.claim(task(1).key(), "new-process", afterLease, afterLease.plusSeconds(60)))
                .hasValueSatisfying(t -> assertThat(t.deliveredOutputs()).containsExactly(0));
    }
}
