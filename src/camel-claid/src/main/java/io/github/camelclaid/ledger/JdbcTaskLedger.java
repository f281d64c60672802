package io.github.camelclaid.ledger;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.camelclaid.client.model.TaskStatus;

import static io.github.camelclaid.ledger.JdbcLedgerColumns.COLUMNS;
import static io.github.camelclaid.ledger.JdbcLedgerColumns.setString;
import static io.github.camelclaid.ledger.JdbcLedgerTable.OWNER_LIMIT;
import static io.github.camelclaid.ledger.JdbcLedgerTable.REQUEST_KEY_LIMIT;
import static io.github.camelclaid.ledger.JdbcLedgerTable.RESULT_URL_LIMIT;

/**
 * A ledger in a SQL database that several Camel instances (JVMs, machines) share, so that each task is emitted by
 * exactly one of them: the instances race for a task with one conditional {@code UPDATE} (see {@link #claim}), and the
 * database lets one win. Plain JDBC over a {@link DataSource} the application owns; nothing specific to one database.
 *
 * <p>
 * <b>The table.</b> On first use the ledger looks the table up ({@link DatabaseMetaData#getTables}, trying the name as
 * given, upper case and lower case, as databases fold unquoted names differently) and creates it when it is missing.
 * A DBA may instead create it by hand, with a table name of their choice; the application's database user then needs
 * no DDL rights, only SELECT, INSERT, UPDATE and DELETE on the table (turn creation off with
 * {@link #createTableIfMissing(boolean)} to fail fast when the table is missing):
 *
 * <pre>
 * CREATE TABLE CLAID_TASK (
 *     task_key     VARCHAR(64)   NOT NULL PRIMARY KEY,  -- 'EDIT_ASYNC/123': ids are unique only within a kind
 *     task_id      BIGINT        NOT NULL,              -- 123, for webhooks that name only the id
 *     kind         VARCHAR(32)   NOT NULL,
 *     result_url   VARCHAR(2048),
 *     submitted_at BIGINT        NOT NULL,              -- all times: epoch milliseconds, on the database's clock
 *     state        VARCHAR(16)   NOT NULL,              -- OPEN or FINISHED
 *     last_status  VARCHAR(16),                         -- Claid's status: ACCEPTED, PROCESSING, DONE...
 *     polls        INTEGER       NOT NULL,
 *     next_poll_at BIGINT        NOT NULL,
 *     owner        VARCHAR(200),                        -- who holds the task now, or NULL
 *     lease_until  BIGINT,                              -- when that hold lapses
 *     finished_at  BIGINT,
 *     data         VARCHAR(4000) NOT NULL,              -- JSON: correlation headers and delivered outputs
 *     request_key  VARCHAR(512)                         -- the caller's name for the work, to find it again
 * );
 * CREATE INDEX CLAID_TASK_ID_IDX ON CLAID_TASK (task_id);
 * CREATE INDEX CLAID_TASK_REQ_IDX ON CLAID_TASK (request_key);
 * CREATE INDEX CLAID_TASK_DUE_IDX ON CLAID_TASK (state, next_poll_at);
 * </pre>
 *
 * On Oracle write {@code NUMBER(19)} for {@code BIGINT} (the ledger does so itself when it creates the table there).
 * The {@code data} column holds {@code {"correlation":{...},"delivered":"0-3,5"}}: the headers the submitting route
 * kept, and the outputs already processed as ranges. {@code VARCHAR(4000)} rather than a CLOB, because a CLOB cannot be
 * compared in a {@code WHERE} on every database and {@link #outputDelivered} needs that; 4000 is the most a VARCHAR
 * takes on Oracle, and it is counted here in UTF-8 bytes, the strictest way any database counts. A task whose JSON
 * would exceed it is refused with a {@link TaskLedgerException} naming the field ({@code correlation}, usually): keep
 * fewer or shorter correlation headers.
 *
 * <p>
 * <b>Durability.</b> Every operation takes its own connection from the data source, runs in one transaction, commits
 * before it returns and closes the connection, so a connection pool works and a returned {@link #record},
 * {@link #outputDelivered} or {@link #finish} is as durable as the database makes a commit. Connections handed out
 * with auto-commit on are switched off for the operation and back on before they are returned.
 *
 * <p>
 * <b>Leases survive a restart.</b> Unlike the in-memory and file ledgers, a claim is stored: the other instances must
 * see it. A task held by a process that died is therefore claimable again only when its lease lapses, so keep leases
 * short.
 *
 * <p>
 * Times are stored to the millisecond, on the database's clock where it can be read ({@link DatabaseClock}), so that
 * hosts whose clocks disagree still agree on leases. On PostgreSQL a key two instances record at once is settled by
 * {@code INSERT ... ON CONFLICT DO NOTHING}, and the table is created under an advisory lock, so neither race leaves an
 * error in the server's log. Database errors become {@link TaskLedgerException}s naming the operation, the
 * task and the table. {@link #close()} does not close the data source: the application owns it.
 */
public class JdbcTaskLedger implements TaskLedger {

    /** The table used unless another is named. */
    public static final String DEFAULT_TABLE = "CLAID_TASK";

    /** The size of the {@code data} column, in UTF-8 bytes. */
    public static final int DATA_LIMIT = 4000;

    /** Plain, unquoted identifiers only, optionally with a schema: the name is written into the SQL as it is. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_$]*(\\.[A-Za-z][A-Za-z0-9_$]*)?");

    /** Compare-and-set rounds of {@link #outputDelivered} before giving up; only the holder writes, so 2 is usual. */
    private static final int DELIVERED_ATTEMPTS = 50;
    /** How many leases one renewing UPDATE names, well under every database's limit of parameters. */
    private static final int RENEW_BATCH = 500;


    private final DataSource dataSource;
    private final String table;
    private final JdbcLedgerTable tableSetup;
    private final DatabaseClock clock;
    /** Whether the last operation failed in the database, until one succeeds again. */
    private volatile boolean lastFailed;
    private final JdbcLedgerColumns columns;

    private final String insertSql;
    private final String insertUnlessPresentSql;
    private final String findSql;
    private final String findByIdSql;
    private final String findByRequestKeySql;
    private final String dueSql;
    private final String openCountSql;
    private final String claimSql;
    private final String renewSql;
    private final String rescheduleSql;
    private final String rescheduleKeepingStatusSql;
    private final String readDataSql;
    private final String writeDataSql;
    private final String adoptSql;
    private final String finishSql;
    private final String purgeSql;
    private final String forgetSql;

    /** A ledger in table {@value #DEFAULT_TABLE} of this data source, created on first use if missing. */
    public JdbcTaskLedger(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE);
    }

    /**
     * A ledger in the named table of this data source, created on first use if missing. The name is a plain
     * identifier, optionally schema-qualified ({@code LEDGER.CLAID_TASK}); it is used unquoted, so the database folds
     * its case as it does for any unquoted name.
     */
    public JdbcTaskLedger(DataSource dataSource, String tableName) {
        this(dataSource, tableName, Clock.systemUTC());
    }

    /** A ledger whose callers' times come from {@code jvmClock}: tests give it a host whose clock is off. */
    JdbcTaskLedger(DataSource dataSource, String tableName, Clock jvmClock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(tableName, "tableName");
        if (!TABLE_NAME.matcher(tableName).matches()) {
            // the name goes into the SQL text: only a plain identifier is safe there
            throw new IllegalArgumentException("Not a plain table name (letters, digits, _ and $, optionally"
                    + " schema.table): " + tableName);
        }
        this.table = tableName;
        this.tableSetup = new JdbcLedgerTable(dataSource, tableName);
        this.clock = new DatabaseClock(jvmClock);
        this.columns = new JdbcLedgerColumns(tableName, clock);
        String t = tableName;
        insertSql = "INSERT INTO " + t + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        insertUnlessPresentSql = insertSql + " ON CONFLICT (task_key) DO NOTHING";
        findSql = "SELECT " + COLUMNS + " FROM " + t + " WHERE task_key = ?";
        findByIdSql = "SELECT " + COLUMNS + " FROM " + t + " WHERE task_id = ? ORDER BY task_key";
        findByRequestKeySql = "SELECT " + COLUMNS + " FROM " + t + " WHERE request_key = ?"
                + " ORDER BY submitted_at DESC, task_id DESC";
        dueSql = "SELECT " + COLUMNS + " FROM " + t + " WHERE state = 'OPEN' AND next_poll_at <= ?"
                + " AND (owner IS NULL OR lease_until IS NULL OR lease_until <= ?) ORDER BY next_poll_at, task_key";
        openCountSql = "SELECT COUNT(*) FROM " + t + " WHERE state = 'OPEN'";
        claimSql = "UPDATE " + t + " SET owner = ?, lease_until = ? WHERE task_key = ? AND state = 'OPEN'"
                + " AND (owner IS NULL OR owner = ? OR lease_until IS NULL OR lease_until <= ?)";
        renewSql = "UPDATE " + t + " SET lease_until = ? WHERE state = 'OPEN' AND owner = ?";
        rescheduleSql = "UPDATE " + t + " SET last_status = ?, polls = polls + ?, next_poll_at = ?, owner = NULL,"
                + " lease_until = NULL WHERE task_key = ? AND state = 'OPEN' AND owner = ?";
        rescheduleKeepingStatusSql = "UPDATE " + t + " SET polls = polls + ?, next_poll_at = ?, owner = NULL,"
                + " lease_until = NULL WHERE task_key = ? AND state = 'OPEN' AND owner = ?";
        readDataSql = "SELECT state, owner, data FROM " + t + " WHERE task_key = ?";
        writeDataSql = "UPDATE " + t + " SET data = ? WHERE task_key = ? AND state = 'OPEN' AND owner = ? AND data = ?";
        adoptSql = "UPDATE " + t + " SET data = ?, request_key = ? WHERE task_key = ? AND state = 'OPEN'"
                + " AND request_key IS NULL AND data = ?";
        finishSql = "UPDATE " + t + " SET state = 'FINISHED', last_status = ?, finished_at = ?, owner = NULL,"
                + " lease_until = NULL WHERE task_key = ? AND state = 'OPEN'";
        purgeSql = "DELETE FROM " + t + " WHERE state = 'FINISHED' AND finished_at < ?";
        forgetSql = "DELETE FROM " + t + " WHERE task_key = ?";
    }

    /**
     * Whether a missing table is created on first use (the default) or reported as a {@link TaskLedgerException}, for a
     * database user without DDL rights. Only before first use.
     *
     * @return this ledger
     */
    public JdbcTaskLedger createTableIfMissing(boolean create) {
        tableSetup.createIfMissing(create);
        return this;
    }

    /** The table this ledger uses. */
    public String tableName() {
        return table;
    }

    /**
     * Inserts the task. A duplicate key means it is recorded already: false. Committed when it returns.
     *
     * @throws TaskLedgerException when its correlation headers or result URL are too large for their columns, or the
     *                             database fails
     */
    @Override
    public boolean record(TrackedTask task) {
        String key = task.key().toString();
        if (task.resultUrl() != null && task.resultUrl().length() > RESULT_URL_LIMIT) {
            throw columns.refused("record", key, "resultUrl", task.resultUrl().length() + " characters",
                    RESULT_URL_LIMIT, "result_url");
        }
        if (task.requestKey() != null && task.requestKey().length() > REQUEST_KEY_LIMIT) {
            throw columns.refused("record", key, "requestKey", task.requestKey().length() + " characters",
                    REQUEST_KEY_LIMIT, "request_key");
        }
        String data = columns.encode("record", key, "correlation", task.correlation(), task.deliveredOutputs());
        return inTransaction("record", key, c -> {
            if (tableSetup.isPostgres()) {
                // the database settles a race for the key without an error: a rival's insert that lost is no fault,
                // and would otherwise be an ERROR line in the server's log for every key two instances offered
                try (PreparedStatement ps = c.prepareStatement(insertUnlessPresentSql)) {
                    columns.write(ps, task, data);
                    return ps.executeUpdate() == 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                columns.write(ps, task, data);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!isIntegrityViolation(e)) {
                    throw e;
                }
                // SQLState class 23 covers NOT NULL and other constraints too: only a row under this key makes it a
                // duplicate. Roll back first, as PostgreSQL refuses any statement in a transaction after an error.
                c.rollback();
                if (select(c, key).isPresent()) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<TrackedTask> find(TaskKey key) {
        String k = key.toString();
        return inTransaction("find", k, c -> select(c, k));
    }

    /** {@inheritDoc} Ordered by key. */
    @Override
    public List<TrackedTask> findById(long id) {
        return inTransaction("findById", "id " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(findByIdSql)) {
                ps.setLong(1, id);
                return readAll(ps);
            }
        });
    }

    /** {@inheritDoc} One conditional UPDATE on the data read: a concurrent change makes it do nothing. */
    @Override
    public boolean adopt(TaskKey key, Map<String, String> correlation, String requestKey) {
        String k = key.toString();
        if (requestKey != null && requestKey.length() > REQUEST_KEY_LIMIT) {
            throw columns.refused("adopt", k, "requestKey", requestKey.length() + " characters", REQUEST_KEY_LIMIT,
                    "request_key");
        }
        return inTransaction("adopt", k, c -> {
            String before;
            try (PreparedStatement ps = c.prepareStatement(readDataSql)) {
                ps.setString(1, k);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !LedgerEntryState.OPEN.name().equals(rs.getString(1))) {
                        return false;
                    }
                    before = rs.getString(3);
                }
            }
            JdbcLedgerColumns.Data data = columns.decode(k, before);
            if (!data.correlation().isEmpty()) {
                return false;
            }
            String after = columns.encode("adopt", k, "correlation", correlation, data.delivered());
            try (PreparedStatement ps = c.prepareStatement(adoptSql)) {
                ps.setString(1, after);
                setString(ps, 2, requestKey);
                ps.setString(3, k);
                ps.setString(4, before);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<TrackedTask> findByRequestKey(String requestKey) {
        return inTransaction("findByRequestKey", "request " + requestKey, c -> {
            try (PreparedStatement ps = c.prepareStatement(findByRequestKeySql)) {
                ps.setString(1, requestKey);
                ps.setMaxRows(1);
                return readAll(ps).stream().findFirst();
            }
        });
    }

    /**
     * {@inheritDoc} A task held by a lease that lapsed at {@code now} counts as unheld. Ties in due time are ordered
     * by key.
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    @Override
    public List<TrackedTask> due(Instant now, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of(); // setMaxRows(0) would mean no limit at all
        }
        return inTransaction("due", "tasks due at " + now, c -> {
            try (PreparedStatement ps = c.prepareStatement(dueSql)) {
                // setMaxRows rather than LIMIT / FETCH FIRST / ROWNUM: every driver understands it
                ps.setMaxRows(limit);
                ps.setLong(1, columns.millis(now));
                ps.setLong(2, columns.millis(now));
                return readAll(ps);
            }
        });
    }

    /** {@inheritDoc} */
    @Override
    public int openCount() {
        return inTransaction("openCount", null, c -> {
            try (PreparedStatement ps = c.prepareStatement(openCountSql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * {@inheritDoc} One conditional UPDATE decides the race, across every instance sharing the table; a
     * serialization failure reported by the database (SQLState class 40, under a strict isolation level) means another
     * claimant was first, and is answered with empty too.
     *
     * @throws IllegalArgumentException when {@code owner} is longer than the 200 characters of its column
     */
    @Override
    public Optional<TrackedTask> claim(TaskKey key, String owner, Instant now, Instant until) {
        Objects.requireNonNull(owner, "owner");
        if (owner.length() > OWNER_LIMIT) {
            throw new IllegalArgumentException("owner is " + owner.length() + " characters, over the " + OWNER_LIMIT
                    + " of column owner: " + owner);
        }
        String k = key.toString();
        return inTransaction("claim", k, c -> {
            // The whole decision is this one statement, never a SELECT then an UPDATE: the database checks the WHERE
            // and writes the owner under the row's write lock. A second claimant's UPDATE waits for that lock and, once
            // the first commits, re-checks the WHERE against the committed row (READ COMMITTED on PostgreSQL, MySQL,
            // Oracle, H2), finds a live lease of someone else and updates nothing. So of any number of instances, one
            // gets 1 row and the others 0: the guarantee that each task is emitted once rests on this.
            int updated;
            try (PreparedStatement ps = c.prepareStatement(claimSql)) {
                ps.setString(1, owner);
                ps.setLong(2, columns.millis(until));
                ps.setString(3, k);
                ps.setString(4, owner);
                ps.setLong(5, columns.millis(now));
                updated = ps.executeUpdate();
            } catch (SQLException e) {
                if (!isRollback(e)) {
                    throw e;
                }
                // the database aborted us for a concurrent change of the row: another claimant got there first
                c.rollback();
                return Optional.empty();
            }
            // our UPDATE still holds the row's lock in this transaction: the row read back is exactly our claim
            return updated == 0 ? Optional.<TrackedTask> empty() : select(c, k);
        });
    }

    /**
     * {@inheritDoc} One UPDATE per {@value #RENEW_BATCH} keys: it matches the rows whose owner is still {@code owner},
     * so a task another instance claimed once our lease had lapsed stays theirs.
     */
    @Override
    public int renewLeases(String owner, Collection<TaskKey> keys, Instant until) {
        if (owner == null || keys.isEmpty()) {
            return 0;
        }
        List<String> all = keys.stream().map(TaskKey::toString).toList();
        return inTransaction("renewLeases", owner, c -> {
            int renewed = 0;
            for (int from = 0; from < all.size(); from += RENEW_BATCH) {
                List<String> batch = all.subList(from, Math.min(all.size(), from + RENEW_BATCH));
                String sql = renewSql + " AND task_key IN (" + String.join(", ", Collections.nCopies(batch.size(), "?"))
                        + ")";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, columns.millis(until));
                    ps.setString(2, owner);
                    for (int i = 0; i < batch.size(); i++) {
                        ps.setString(3 + i, batch.get(i));
                    }
                    renewed += ps.executeUpdate();
                }
            }
            return renewed;
        });
    }

    /** {@inheritDoc} The hold is released in the same UPDATE, which matches only while {@code owner} holds it. */
    @Override
    public void reschedule(TaskKey key, String owner, TaskStatus seen, boolean polled, Instant nextPollAt) {
        if (owner == null) {
            return;
        }
        String k = key.toString();
        inTransaction("reschedule", k, c -> {
            try (PreparedStatement ps = c.prepareStatement(seen == null ? rescheduleKeepingStatusSql : rescheduleSql)) {
                int i = 1;
                if (seen != null) {
                    ps.setString(i++, seen.name());
                }
                ps.setInt(i++, polled ? 1 : 0);
                ps.setLong(i++, columns.millis(nextPollAt));
                ps.setString(i++, k);
                ps.setString(i, owner);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * {@inheritDoc} Committed when it returns.
     *
     * <p>
     * The delivered outputs live in the {@code data} JSON, so this reads the JSON, adds the output and writes it back
     * with a compare-and-set: the UPDATE matches only while the task is open, held by {@code owner} and its
     * {@code data} is still what was read. If anything changed in between (another thread of the same holder noting
     * another output), it reads again. Each round is its own transaction, which makes this correct under any isolation
     * level without locking reads, whose syntax is not portable.
     *
     * @throws IllegalArgumentException when {@code outputIndex} is negative
     * @throws TaskLedgerException      when the outputs no longer fit the {@code data} column, or the database fails
     */
    @Override
    public void outputDelivered(TaskKey key, String owner, int outputIndex) {
        if (outputIndex < 0) {
            throw new IllegalArgumentException("outputIndex must not be negative: " + outputIndex);
        }
        if (owner == null) {
            return;
        }
        String k = key.toString();
        for (int attempt = 0; attempt < DELIVERED_ATTEMPTS; attempt++) {
            boolean settled = inTransaction("outputDelivered", k, c -> {
                String before;
                try (PreparedStatement ps = c.prepareStatement(readDataSql)) {
                    ps.setString(1, k);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next() || !LedgerEntryState.OPEN.name().equals(rs.getString(1))
                                || !owner.equals(rs.getString(2))) {
                            return true; // unknown, finished or not ours: nothing to do, as for every ledger
                        }
                        before = rs.getString(3);
                    }
                }
                JdbcLedgerColumns.Data data = columns.decode(k, before);
                if (data.delivered().contains(outputIndex)) {
                    return true;
                }
                data.delivered().add(outputIndex);
                String after = columns.encode("outputDelivered", k, "deliveredOutputs", data.correlation(),
                        data.delivered());
                try (PreparedStatement ps = c.prepareStatement(writeDataSql)) {
                    ps.setString(1, after);
                    ps.setString(2, k);
                    ps.setString(3, owner);
                    ps.setString(4, before);
                    return ps.executeUpdate() == 1;
                } catch (SQLException e) {
                    if (!isRollback(e)) {
                        throw e;
                    }
                    c.rollback(); // a strict isolation level reported the concurrent change: read again
                    return false;
                }
            });
            if (settled) {
                return;
            }
        }
        throw new TaskLedgerException("Task ledger table " + table + ": outputDelivered of " + k + " (output "
                + outputIndex + ") lost the race for its data column " + DELIVERED_ATTEMPTS + " times in a row");
    }

    /** {@inheritDoc} Committed when it returns. */
    @Override
    public void finish(TaskKey key, TaskStatus status, Instant at) {
        String k = key.toString();
        inTransaction("finish", k, c -> {
            try (PreparedStatement ps = c.prepareStatement(finishSql)) {
                setString(ps, 1, status == null ? null : status.name());
                columns.setTime(ps, 2, at);
                ps.setString(3, k);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** {@inheritDoc} */
    @Override
    public void forget(TaskKey key) {
        inTransaction("forget", key.toString(), c -> {
            try (PreparedStatement ps = c.prepareStatement(forgetSql)) {
                ps.setString(1, key.toString());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int purgeFinished(Instant before) {
        return inTransaction("purgeFinished", "tasks finished before " + before, c -> {
            try (PreparedStatement ps = c.prepareStatement(purgeSql)) {
                ps.setLong(1, columns.millis(before));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * {@inheritDoc} After a failed operation, it asks the database how many tasks are open, to learn whether it
     * answers again.
     */
    @Override
    public void checkWritable() {
        if (!lastFailed) {
            return;
        }
        try {
            openCount();
        } catch (TaskLedgerException e) {
            throw new TaskLedgerException("The task ledger table " + table + " cannot be used (" + e.getMessage()
                    + "), so a task submitted now could not be recorded: not submitting it. Submissions go on by"
                    + " themselves once the database answers", e);
        }
    }

    /**
     * Does nothing: the ledger holds no connection between operations, and the data source belongs to the application,
     * which closes it (a pool, say) when it no longer needs it.
     */
    @Override
    public void close() {
        // nothing held
    }

    // --- operations ---

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs one operation on a connection of its own, in one transaction committed before returning; on failure rolls
     * back and throws a {@link TaskLedgerException} naming the operation and its subject.
     */
    private <T> T inTransaction(String operation, String subject, Work<T> work) {
        tableSetup.ensureReady();
        clock.refreshIfDue(dataSource);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (autoCommit) {
                c.setAutoCommit(false);
            }
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                JdbcLedgerTable.rollback(c, e);
                if (autoCommit) {
                    restoreAutoCommit(c, e);
                }
                throw e;
            }
            if (autoCommit) {
                c.setAutoCommit(true);
            }
            lastFailed = false;
            return result;
        } catch (SQLException e) {
            lastFailed = true;
            throw new TaskLedgerException("Task ledger table " + table + ": " + operation
                    + (subject == null ? "" : " of " + subject) + " failed: " + e.getMessage(), e);
        }
    }

    private static void restoreAutoCommit(Connection c, Exception failure) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private Optional<TrackedTask> select(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(findSql)) {
            ps.setString(1, key);
            List<TrackedTask> found = readAll(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private List<TrackedTask> readAll(PreparedStatement ps) throws SQLException {
        List<TrackedTask> tasks = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tasks.add(columns.read(rs));
            }
        }
        return tasks;
    }

    /** A duplicate key, or another constraint: SQLState class 23 is the portable sign, the subclass the JDBC one. */
    private static boolean isIntegrityViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (x instanceof SQLIntegrityConstraintViolationException
                    || (x.getSQLState() != null && x.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** SQLState class 40: the database rolled the transaction back, for a serialization failure or a deadlock. */
    private static boolean isRollback(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("40");
    }
}
