package io.github.camelclaid.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskStatus;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The ledger contract on an H2 in-memory database, where a reopened ledger is a new instance on the same database (a
 * restarted process); then what only a shared database brings: several instances, hand-made tables, column limits.
 */
class JdbcTaskLedgerTest extends TaskLedgerContract {

    private JdbcDataSource dataSource;

    @Override
    protected TaskLedger newLedger() {
        dataSource = memoryDatabase("");
        return new JdbcTaskLedger(dataSource);
    }

    @Override
    protected TaskLedger reopen() {
        return new JdbcTaskLedger(dataSource);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        // DB_CLOSE_DELAY=-1 keeps an in-memory database for the life of the JVM unless it is shut down
        execute(dataSource, "SHUTDOWN");
    }

    private static JdbcDataSource memoryDatabase(String settings) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + settings);
        return ds;
    }

    private static JdbcDataSource sameDatabase(JdbcDataSource ds) {
        JdbcDataSource other = new JdbcDataSource();
        other.setURL(ds.getURL());
        return other;
    }

    private static void execute(JdbcDataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** Leases are in the table, as the other instances sharing it must see them. */
    @Override
    protected boolean leasesSurviveReopen() {
        return true;
    }

    @Test
    void leasesAreOnTheDatabasesClockSoAHostAnHourAheadNeitherStealsLiveOnesNorKeepsDeadOnes() {
        JdbcTaskLedger onTime = new JdbcTaskLedger(sameDatabase(dataSource), JdbcTaskLedger.DEFAULT_TABLE,
                Clock.systemUTC());
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        JdbcTaskLedger early = new JdbcTaskLedger(sameDatabase(dataSource), JdbcTaskLedger.DEFAULT_TABLE, ahead);
        Instant now = Instant.now();
        TaskKey key = new TaskKey(TaskKind.EDIT_ASYNC, 77);
        assertThat(onTime.record(TrackedTask.submitted(key, "http://127.0.0.1:1/77", now, TaskStatus.ACCEPTED, null,
                now))).isTrue();
        assertThat(onTime.claim(key, "on-time", now, now.plusSeconds(30))).isPresent();

        // on its own clock the lease ended 59.5 minutes ago; on the database's it has 30 s left
        Instant aheadNow = Instant.now(ahead);
        assertThat(early.due(aheadNow, 10)).isEmpty();
        assertThat(early.claim(key, "early", aheadNow, aheadNow.plusSeconds(30))).isEmpty();
        // and it reads the lease back in its own time
        assertThat(early.find(key).orElseThrow().leaseUntil()).isCloseTo(aheadNow.plusSeconds(30),
                within(2, ChronoUnit.SECONDS));

        // a lease the early host takes, for 30 s of its time, lapses for the others 30 s later on theirs
        TaskKey other = new TaskKey(TaskKind.EDIT_ASYNC, 78);
        early.record(TrackedTask.submitted(other, "http://127.0.0.1:1/78", aheadNow, TaskStatus.ACCEPTED, null,
                aheadNow));
        assertThat(early.claim(other, "early", aheadNow, aheadNow.plusSeconds(30))).isPresent();
        assertThat(onTime.claim(other, "on-time", Instant.now(), Instant.now().plusSeconds(30))).isEmpty();
        Instant later = Instant.now().plusSeconds(32);
        assertThat(onTime.claim(other, "on-time", later, later.plusSeconds(30))).isPresent();
    }

    @Test
    void ofTwoInstancesOnOneDatabaseRacingFromManyThreadsEachTaskIsClaimedOnce() throws Exception {
        int tasks = 50;
        int claimantsPerInstance = 6;
        for (int i = 0; i < tasks; i++) {
            ledger.record(task(i));
        }
        // two instances as two processes would have them: each its own data source, on one database
        List<TaskLedger> instances = List.of(new JdbcTaskLedger(sameDatabase(dataSource)),
                new JdbcTaskLedger(sameDatabase(dataSource)));
        Map<Long, List<String>> winners = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * claimantsPerInstance);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int n = 0; n < instances.size(); n++) {
                TaskLedger instance = instances.get(n);
                for (int c = 0; c < claimantsPerInstance; c++) {
                    String owner = "instance-" + n + "-claimant-" + c;
                    boolean backwards = c % 2 == 1;
                    runs.add(pool.submit(() -> {
                        start.await();
                        for (int j = 0; j < tasks; j++) {
                            long id = backwards ? tasks - 1 - j : j;
                            if (instance.claim(task(id).key(), owner, T0, T0.plusSeconds(60)).isPresent()) {
                                winners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(owner);
                            }
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(winners).hasSize(tasks);
        winners.forEach((id, owners) -> {
            assertThat(owners).as("winners of task %d", id).hasSize(1);
            assertThat(ledger.find(task(id).key()).orElseThrow().owner()).isEqualTo(owners.get(0));
        });
    }

    @Test
    void aTableMadeByHandWithTheDocumentedDdlUnderAnotherNameWorks() throws SQLException {
        // the DDL of JdbcTaskLedger's javadoc, table and index names changed
        execute(dataSource, """
                CREATE TABLE MY_TASKS (
                    task_key     VARCHAR(64)   NOT NULL PRIMARY KEY,
                    task_id      BIGINT        NOT NULL,
                    kind         VARCHAR(32)   NOT NULL,
                    result_url   VARCHAR(2048),
                    submitted_at BIGINT        NOT NULL,
                    state        VARCHAR(16)   NOT NULL,
                    last_status  VARCHAR(16),
                    polls        INTEGER       NOT NULL,
                    next_poll_at BIGINT        NOT NULL,
                    owner        VARCHAR(200),
                    lease_until  BIGINT,
                    finished_at  BIGINT,
                    data         VARCHAR(4000) NOT NULL,
                    request_key  VARCHAR(512)
                )""",
                "CREATE INDEX MY_TASKS_ID_IDX ON MY_TASKS (task_id)",
                "CREATE INDEX MY_TASKS_REQ_IDX ON MY_TASKS (request_key)",
                "CREATE INDEX MY_TASKS_DUE_IDX ON MY_TASKS (state, next_poll_at)");
        // lower case here, upper case in the database: found all the same, and nothing is created
        JdbcTaskLedger mine = new JdbcTaskLedger(dataSource, "my_tasks").createTableIfMissing(false);

        assertThat(mine.record(task(7))).isTrue();
        assertThat(mine.claim(task(7).key(), "a", T0, T0.plusSeconds(30))).isPresent();
        mine.outputDelivered(task(7).key(), "a", 1);
        mine.reschedule(task(7).key(), "a", TaskStatus.PROCESSING, true, T0.plusSeconds(5));
        assertThat(mine.due(T0.plusSeconds(5), 10)).singleElement().satisfies(t -> {
            assertThat(t.polls()).isEqualTo(1);
            assertThat(t.deliveredOutputs()).containsExactly(1);
        });
        mine.finish(task(7).key(), TaskStatus.DONE, T0.plusSeconds(6));
        assertThat(mine.findById(7)).singleElement()
                .satisfies(t -> assertThat(t.state()).isEqualTo(LedgerEntryState.FINISHED));
        // the default table is another one
        assertThat(ledger.find(task(7).key())).isEmpty();
    }

    @Test
    void aMissingTableWithCreationOffFailsNamingTheTable() {
        JdbcTaskLedger strict = new JdbcTaskLedger(dataSource, "NO_SUCH_TABLE").createTableIfMissing(false);
        assertThatThrownBy(() -> strict.find(task(1).key()))
                .isInstanceOf(TaskLedgerException.class)
                .hasMessageContaining("NO_SUCH_TABLE")
                .hasMessageContaining("createTableIfMissing");
    }

    @Test
    void aTableInASchemaIsCreatedThere() throws SQLException {
        execute(dataSource, "CREATE SCHEMA LEDGER");
        JdbcTaskLedger inSchema = new JdbcTaskLedger(dataSource, "LEDGER.CLAID_TASK");
        assertThat(inSchema.record(task(1))).isTrue();
        // a second instance finds the table rather than failing to create it again
        assertThat(new JdbcTaskLedger(dataSource, "ledger.claid_task").record(task(1))).isFalse();
        assertThat(ledger.find(task(1).key())).isEmpty();
    }

    @Test
    void onADatabaseThatFoldsNamesToLowerCaseTheTableIsFoundAgain() throws SQLException {
        JdbcDataSource lower = memoryDatabase(";DATABASE_TO_LOWER=TRUE");
        try {
            assertThat(new JdbcTaskLedger(lower).record(task(1))).isTrue();
            assertThat(new JdbcTaskLedger(lower).createTableIfMissing(false).record(task(1))).isFalse();
        } finally {
            execute(lower, "SHUTDOWN");
        }
    }

    @Test
    void aDuplicateRecordFromAnotherInstanceReturnsFalseAndChangesNothing() {
        assertThat(ledger.record(task(1))).isTrue();
        TrackedTask again = TrackedTask.submitted(task(1).key(), "http://other/", T0.plusSeconds(9),
                TaskStatus.PROCESSING, Map.of("orderId", "other"), T0.plusSeconds(99));
        assertThat(new JdbcTaskLedger(sameDatabase(dataSource)).record(again)).isFalse();
        TrackedTask kept = ledger.find(task(1).key()).orElseThrow();
        assertThat(kept.correlation()).containsEntry("orderId", "order-1");
        assertThat(kept.resultUrl()).endsWith("/async/1");
    }

    @Test
    void correlationTooLargeForTheColumnFailsNamingTheField() {
        TrackedTask big = TrackedTask.submitted(task(1).key(), "u", T0, TaskStatus.ACCEPTED,
                Map.of("payload", "x".repeat(JdbcTaskLedger.DATA_LIMIT)), T0);
        assertThatThrownBy(() -> ledger.record(big))
                .isInstanceOf(TaskLedgerException.class)
                .hasMessageContaining("correlation")
                .hasMessageContaining(task(1).key().toString())
                .hasMessageContaining("4000");
        assertThat(ledger.find(task(1).key())).isEmpty();
    }

    @Test
    void correlationIsMeasuredInBytesNotCharacters() {
        // 1500 characters, 4500 bytes in UTF-8: too large where the column counts bytes (Oracle's default)
        TrackedTask wide = TrackedTask.submitted(task(1).key(), "u", T0, TaskStatus.ACCEPTED,
                Map.of("note", "\u20ac".repeat(1500)), T0);
        assertThatThrownBy(() -> ledger.record(wide)).hasMessageContaining("correlation");
        TrackedTask fits = TrackedTask.submitted(task(2).key(), "u", T0, TaskStatus.ACCEPTED,
                Map.of("note", "\u20ac".repeat(1000)), T0);
        assertThat(ledger.record(fits)).isTrue();
        assertThat(ledger.find(task(2).key()).orElseThrow().correlation().get("note")).hasSize(1000);
    }

    @Test
    void manyDeliveredOutputsStayWithinTheColumn() {
        ledger.record(task(1));
        TaskKey key = task(1).key();
        ledger.claim(key, "a", T0, T0.plusSeconds(30));
        for (int i = 0; i < 1200; i++) {
            if (i != 600) {
                ledger.outputDelivered(key, "a", i);
            }
        }
        SortedSet<Integer> delivered = ledger.find(key).orElseThrow().deliveredOutputs();
        // as a list of numbers this would be some 4700 characters; as ranges it is "0-599,601-1199"
        assertThat(delivered.size()).isEqualTo(1199);
        assertThat(delivered.contains(600)).isFalse();
    }

    @Test
    void outputsNotedConcurrentlyByTheHolderAreAllKept() throws Exception {
        ledger.record(task(1));
        TaskKey key = task(1).key();
        ledger.claim(key, "a", T0, T0.plusSeconds(30));
        int outputs = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < outputs; i++) {
                int output = i;
                runs.add(pool.submit(() -> {
                    start.await();
                    ledger.outputDelivered(key, "a", output);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.find(key).orElseThrow().deliveredOutputs())
                .containsExactlyElementsOf(IntStream.range(0, outputs).boxed().toList());
    }

    @Test
    void aDatabaseErrorNamesTheOperationAndTheTask() throws SQLException {
        ledger.record(task(1));
        execute(dataSource, "DROP TABLE CLAID_TASK");
        assertThatThrownBy(() -> ledger.finish(task(1).key(), TaskStatus.DONE, T0))
                .isInstanceOf(TaskLedgerException.class)
                .hasMessageContaining("finish of EDIT_ASYNC/1")
                .hasMessageContaining("CLAID_TASK")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void aFileDatabaseKeepsEverythingWhenClosedAndOpenedAgain(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath();
        JdbcDataSource first = new JdbcDataSource();
        first.setURL(url);
        JdbcTaskLedger before = new JdbcTaskLedger(first);
        before.record(task(1));
        before.record(task(2));
        before.claim(task(1).key(), "a", T0, T0.plusSeconds(30));
        before.outputDelivered(task(1).key(), "a", 0);
        before.reschedule(task(1).key(), "a", TaskStatus.PROCESSING, true, T0.plusSeconds(7));
        before.finish(task(2).key(), TaskStatus.DONE, T0.plusSeconds(8));
        before.close();
        // the database file is closed: nothing of it stays in this JVM
        execute(first, "SHUTDOWN");

        JdbcDataSource second = new JdbcDataSource();
        second.setURL(url);
        JdbcTaskLedger after = new JdbcTaskLedger(second);
        try {
            TrackedTask one = after.find(task(1).key()).orElseThrow();
            assertThat(one.state()).isEqualTo(LedgerEntryState.OPEN);
            assertThat(one.polls()).isEqualTo(1);
            assertThat(one.lastStatus()).isEqualTo(TaskStatus.PROCESSING);
            assertThat(one.nextPollAt()).isEqualTo(T0.plusSeconds(7));
            assertThat(one.owner()).isNull();
            assertThat(one.deliveredOutputs()).containsExactly(0);
            assertThat(one.correlation()).isEqualTo(Map.of("orderId", "order-1"));
            assertThat(one.submittedAt()).isEqualTo(T0);
            TrackedTask two = after.find(task(2).key()).orElseThrow();
            assertThat(two.state()).isEqualTo(LedgerEntryState.FINISHED);
            assertThat(two.finishedAt()).isEqualTo(T0.plusSeconds(8));
            assertThat(after.openCount()).isEqualTo(1);
        } finally {
            after.close();
            execute(second, "SHUTDOWN");
        }
    }

    @Test
    void deliveredOutputsAreStoredAsRanges() {
        assertThat(JdbcLedgerColumns.ranges(new TreeSet<>(Set.of(0, 1, 2, 3, 5, 7, 8)))).isEqualTo("0-3,5,7-8");
        assertThat(JdbcLedgerColumns.parseRanges("0-3,5,7-8")).containsExactly(0, 1, 2, 3, 5, 7, 8);
        assertThat(JdbcLedgerColumns.parseRanges("")).isEmpty();
        assertThat(JdbcLedgerColumns.ranges(Collections.emptySortedSet())).isEmpty();
    }
}
