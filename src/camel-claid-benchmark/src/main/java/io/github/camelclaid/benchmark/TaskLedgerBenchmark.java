package io.github.camelclaid.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskStatus;
import io.github.camelclaid.ledger.InMemoryTaskLedger;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedger;
import io.github.camelclaid.ledger.TrackedTask;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the default ledger's operations cost as it fills: a day of traffic leaves every finished task in it for
 * {@code finishedRetention} (a day by default), so a connector finishing a thousand tasks an hour holds tens of
 * thousands. Each {@code held} is nine finished tasks in ten and one open task not yet due, plus 50 open tasks due now:
 * a {@code claid:tasks} run takes those ({@link #due}), a webhook delivery looks its task up by id
 * ({@link #findById}), a submission by its request key ({@link #findByRequestKey}), and a submission Claid refused
 * is forgotten and made again ({@link #forgetAndRecordAgain}). The figure is the ratio of the largest {@code held}
 * to the smallest: 1 when an operation does not grow with what the ledger holds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TaskLedgerBenchmark {

    private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");
    private static final int DUE = 50;

    @Param({ "1000", "100000" })
    public int held;

    private TaskLedger ledger;
    private long next;

    @Setup
    public void fill() {
        ledger = new InMemoryTaskLedger();
        for (long id = 1; id <= held; id++) {
            ledger.record(task(id, NOW.plus(Duration.ofHours(1))));
            if (id % 10 != 0) {
                ledger.finish(key(id), TaskStatus.DONE, NOW.minus(Duration.ofMinutes(30)));
            }
        }
        for (long id = held + 1; id <= held + DUE; id++) {
            ledger.record(task(id, NOW.minusSeconds(1)));
        }
    }

    @Benchmark
    public List<TrackedTask> due() {
        return ledger.due(NOW, DUE);
    }

    @Benchmark
    public List<TrackedTask> findById() {
        return ledger.findById(someHeldId());
    }

    @Benchmark
    public Optional<TrackedTask> findByRequestKey() {
        return ledger.findByRequestKey(requestKey(someHeldId()));
    }

    @Benchmark
    public boolean forgetAndRecordAgain() {
        long id = someHeldId();
        TrackedTask task = ledger.find(key(id)).orElseThrow();
        ledger.forget(task.key());
        return ledger.record(task);
    }

    private long someHeldId() {
        next = next % held + 1;
        return next;
    }

    private static TaskKey key(long id) {
        return new TaskKey(TaskKind.EDIT_ASYNC, id);
    }

    private static String requestKey(long id) {
        return "request-" + id;
    }

    private static TrackedTask task(long id, Instant nextPollAt) {
        return TrackedTask.submitted(key(id), "https://api.claid.ai/v1/image/edit/async/" + id,
                NOW.minus(Duration.ofHours(1)), TaskStatus.ACCEPTED, Map.of(), nextPollAt)
                .withRequestKey(requestKey(id));
    }
}
