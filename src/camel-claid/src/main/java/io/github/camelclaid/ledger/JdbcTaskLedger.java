package io.github.camelclaid.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelclaid.client.model.TaskStatus;

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
 *     submitted_at BIGINT        NOT NULL,              -- all times: epoch milliseconds, UTC
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
 * Times are stored to the millisecond. Database errors become {@link TaskLedgerException}s naming the operation, the
 * task and the table. {@link #close()} does not close the data source: the application owns it.
 */
public class JdbcTaskLedger implements TaskLedger {

    /** The table used unless another is named. */
    public static final String DEFAULT_TABLE = "CLAID_TASK";

    /** The size of the {@code data} column, in UTF-8 bytes. */
    public static final int DATA_LIMIT = 4000;

    static final int RESULT_URL_LIMIT = 2048;
    static final int OWNER_LIMIT = 200;
    static final int REQUEST_KEY_LIMIT = 512;

    /** Plain, unquoted identifiers only, optionally with a schema: the name is written into the SQL as it is. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_$]*(\\.[A-Za-z][A-Za-z0-9_$]*)?");

    /** Compare-and-set rounds of {@link #outputDelivered} before giving up; only the holder writes, so 2 is usual. */
    private static final int DELIVERED_ATTEMPTS = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String COLUMNS = "task_key, task_id, kind, result_url, submitted_at, state, last_status, polls,"
            + " next_poll_at, owner, lease_until, finished_at, data, request_key";

    private final DataSource dataSource;
    private final String table;
    private volatile boolean createTableIfMissing = true;
    private volatile boolean ready;

    private final String insertSql;
    private final String findSql;
    private final String findByIdSql;
    private final String findByRequestKeySql;
    private final String dueSql;
    private final String openCountSql;
    private final String claimSql;
    private final String rescheduleSql;
    private final String rescheduleKeepingStatusSql;
    private final String readDataSql;
    private final String writeDataSql;
    private final String adoptSql;
    private final String finishSql;
    private final String purgeSql;

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
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(tableName, "tableName");
        if (!TABLE_NAME.matcher(tableName).matches()) {
            // the name goes into the SQL text: only a plain identifier is safe there
            throw new IllegalArgumentException("Not a plain table name (letters, digits, _ and $, optionally"
                    + " schema.table): " + tableName);
        }
        this.table = tableName;
        String t = tableName;
        insertSql = "INSERT INTO " + t + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        findSql = "SELECT " + COLUMNS + " FROM " + t + " WHERE task_key = ?";
        findByIdSql = "SELECT " + COLUMNS + " FROM " + t + " WHERE task_id = ? ORDER BY task_key";
        findByRequestKeySql = "SELECT " + COLUMNS + " FROM " + t + " WHERE request_key = ? ORDER BY submitted_at DESC";
        dueSql = "SELECT " + COLUMNS + " FROM " + t + " WHERE state = 'OPEN' AND next_poll_at <= ?"
                + " AND (owner IS NULL OR lease_until IS NULL OR lease_until <= ?) ORDER BY next_poll_at, task_key";
        openCountSql = "SELECT COUNT(*) FROM " + t + " WHERE state = 'OPEN'";
        claimSql = "UPDATE " + t + " SET owner = ?, lease_until = ? WHERE task_key = ? AND state = 'OPEN'"
                + " AND (owner IS NULL OR owner = ? OR lease_until IS NULL OR lease_until <= ?)";
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
    }

    /**
     * Whether a missing table is created on first use (the default) or reported as a {@link TaskLedgerException}, for a
     * database user without DDL rights. Only before first use.
     *
     * @return this ledger
     */
    public JdbcTaskLedger createTableIfMissing(boolean create) {
        if (ready) {
            throw new IllegalStateException("createTableIfMissing must be set before the ledger is first used");
        }
        this.createTableIfMissing = create;
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
            throw refused("record", key, "resultUrl", task.resultUrl().length() + " characters", RESULT_URL_LIMIT,
                    "result_url");
        }
        if (task.requestKey() != null && task.requestKey().length() > REQUEST_KEY_LIMIT) {
            throw refused("record", key, "requestKey", task.requestKey().length() + " characters", REQUEST_KEY_LIMIT,
                    "request_key");
        }
        String data = encode("record", key, "correlation", task.correlation(), task.deliveredOutputs());
        return inTransaction("record", key, c -> {
            try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                ps.setString(1, key);
                ps.setLong(2, task.key().id());
                ps.setString(3, task.key().kind().name());
                setString(ps, 4, task.resultUrl());
                ps.setLong(5, task.submittedAt().toEpochMilli());
                ps.setString(6, task.state().name());
                setString(ps, 7, task.lastStatus() == null ? null : task.lastStatus().name());
                ps.setInt(8, task.polls());
                ps.setLong(9, task.nextPollAt().toEpochMilli());
                setString(ps, 10, task.owner());
                setTime(ps, 11, task.leaseUntil());
                setTime(ps, 12, task.finishedAt());
                ps.setString(13, data);
                setString(ps, 14, task.requestKey());
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

    /** {@inheritDoc} */
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
            throw refused("adopt", k, "requestKey", requestKey.length() + " characters", REQUEST_KEY_LIMIT,
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
            Data data = decode(k, before);
            if (!data.correlation.isEmpty()) {
                return false;
            }
            String after = encode("adopt", k, "correlation", correlation, data.delivered);
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
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, now.toEpochMilli());
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
                ps.setLong(2, until.toEpochMilli());
                ps.setString(3, k);
                ps.setString(4, owner);
                ps.setLong(5, now.toEpochMilli());
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
                ps.setLong(i++, nextPollAt.toEpochMilli());
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
                Data data = decode(k, before);
                if (data.delivered.contains(outputIndex)) {
                    return true;
                }
                data.delivered.add(outputIndex);
                String after = encode("outputDelivered", k, "deliveredOutputs", data.correlation, data.delivered);
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
                setTime(ps, 2, at);
                ps.setString(3, k);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** {@inheritDoc} */
    @Override
    public int purgeFinished(Instant before) {
        return inTransaction("purgeFinished", "tasks finished before " + before, c -> {
            try (PreparedStatement ps = c.prepareStatement(purgeSql)) {
                ps.setLong(1, before.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Does nothing: the ledger holds no connection between operations, and the data source belongs to the application,
     * which closes it (a pool, say) when it no longer needs it.
     */
    @Override
    public void close() {
        // nothing held
    }

    // --- the table ---

    /** Makes sure the table exists, once; every operation calls it first. */
    private void ensureReady() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                if (!tableExists(c)) {
                    if (!createTableIfMissing) {
                        throw new TaskLedgerException("Task ledger table " + table + " does not exist, and"
                                + " createTableIfMissing is off: create it with the DDL in JdbcTaskLedger's javadoc");
                    }
                    createTable(c);
                }
            } catch (SQLException e) {
                throw new TaskLedgerException("Task ledger table " + table + ": checking or creating it failed: "
                        + e.getMessage(), e);
            }
            ready = true;
        }
    }

    private boolean tableExists(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        int dot = table.indexOf('.');
        String schema = dot < 0 ? currentSchema(c) : table.substring(0, dot);
        String name = dot < 0 ? table : table.substring(dot + 1);
        // the catalog and schema in use, so that a namesake in another schema does not count (MySQL calls its
        // databases catalogs and has no schema)
        String catalog = c.getCatalog();
        String escape = meta.getSearchStringEscape();
        for (String n : caseVariants(name)) {
            for (String s : schema == null ? Collections.<String> singletonList(null) : caseVariants(schema)) {
                try (ResultSet rs = meta.getTables(catalog, s == null ? null : escaped(s, escape), escaped(n, escape),
                        null)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String currentSchema(Connection c) throws SQLException {
        try {
            return c.getSchema();
        } catch (AbstractMethodError | SQLFeatureNotSupportedException e) {
            return null; // a driver older than JDBC 4.1: look in every schema
        }
    }

    private static List<String> caseVariants(String name) {
        List<String> variants = new ArrayList<>(3);
        for (String v : new String[] { name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT) }) {
            if (!variants.contains(v)) {
                variants.add(v);
            }
        }
        return variants;
    }

    /** getTables takes LIKE patterns, in which the {@code _} of {@code CLAID_TASK} would match any character. */
    private static String escaped(String name, String escape) {
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private void createTable(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        boolean oracle = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("oracle");
        List<String> ddl = ddl(table, oracle ? "NUMBER(19)" : "BIGINT");
        try (Statement s = c.createStatement()) {
            try {
                s.execute(ddl.get(0));
            } catch (SQLException e) {
                if (!autoCommit) {
                    rollback(c, e);
                }
                // another instance starting at the same moment may have created it in between
                if (tableExists(c)) {
                    return;
                }
                throw e;
            }
            for (String index : ddl.subList(1, ddl.size())) {
                s.execute(index);
            }
            if (!autoCommit) {
                c.commit();
            }
        }
    }

    /** The statements that create the table, as in the class javadoc. */
    static List<String> ddl(String table, String bigint) {
        String bare = table.substring(table.indexOf('.') + 1); // index names take no schema on PostgreSQL
        return List.of("CREATE TABLE " + table + " ("
                + "task_key VARCHAR(64) NOT NULL PRIMARY KEY, "
                + "task_id " + bigint + " NOT NULL, "
                + "kind VARCHAR(32) NOT NULL, "
                + "result_url VARCHAR(" + RESULT_URL_LIMIT + "), "
                + "submitted_at " + bigint + " NOT NULL, "
                + "state VARCHAR(16) NOT NULL, "
                + "last_status VARCHAR(16), "
                + "polls INTEGER NOT NULL, "
                + "next_poll_at " + bigint + " NOT NULL, "
                + "owner VARCHAR(" + OWNER_LIMIT + "), "
                + "lease_until " + bigint + ", "
                + "finished_at " + bigint + ", "
                + "data VARCHAR(" + DATA_LIMIT + ") NOT NULL, "
                + "request_key VARCHAR(" + REQUEST_KEY_LIMIT + "))",
                "CREATE INDEX " + bare + "_ID_IDX ON " + table + " (task_id)",
                "CREATE INDEX " + bare + "_REQ_IDX ON " + table + " (request_key)",
                "CREATE INDEX " + bare + "_DUE_IDX ON " + table + " (state, next_poll_at)");
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
        ensureReady();
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
                rollback(c, e);
                if (autoCommit) {
                    restoreAutoCommit(c, e);
                }
                throw e;
            }
            if (autoCommit) {
                c.setAutoCommit(true);
            }
            return result;
        } catch (SQLException e) {
            throw new TaskLedgerException("Task ledger table " + table + ": " + operation
                    + (subject == null ? "" : " of " + subject) + " failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
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
                tasks.add(read(rs));
            }
        }
        return tasks;
    }

    /** A row in {@link #COLUMNS} order. */
    private TrackedTask read(ResultSet rs) throws SQLException {
        String key = rs.getString(1);
        TaskKey taskKey = TaskKey.parse(key);
        String resultUrl = rs.getString(4);
        Instant submittedAt = time(rs, 5);
        LedgerEntryState state = LedgerEntryState.valueOf(rs.getString(6));
        String lastStatus = rs.getString(7);
        int polls = rs.getInt(8);
        Instant nextPollAt = time(rs, 9);
        String owner = rs.getString(10);
        Instant leaseUntil = time(rs, 11);
        Instant finishedAt = time(rs, 12);
        Data data = decode(key, rs.getString(13));
        return new TrackedTask(taskKey, resultUrl, submittedAt, data.correlation, rs.getString(14), state,
                lastStatus == null ? null : TaskStatus.valueOf(lastStatus), polls, nextPollAt, owner, leaseUntil,
                data.delivered, finishedAt);
    }

    private static Instant time(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
        if (time == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, time.toEpochMilli());
        }
    }

    private static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
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

    // --- the data column ---

    /** What the {@code data} column holds, mutable while an operation works on it. */
    private record Data(Map<String, String> correlation, SortedSet<Integer> delivered) {
    }

    /**
     * The JSON for the {@code data} column. {@code field} names what made it grow, for the error when it does not fit.
     */
    private String encode(String operation, String key, String field, Map<String, String> correlation,
            SortedSet<Integer> delivered) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode headers = root.putObject("correlation");
        new TreeMap<>(correlation).forEach(headers::put);
        if (!delivered.isEmpty()) {
            root.put("delivered", ranges(delivered));
        }
        String json;
        try {
            json = JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new TaskLedgerException("Task ledger table " + table + ": " + operation + " of " + key
                    + " could not write the data JSON", e);
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > DATA_LIMIT) {
            throw refused(operation, key, field, bytes + " bytes of JSON", DATA_LIMIT, "data");
        }
        return json;
    }

    private TaskLedgerException refused(String operation, String key, String field, String size, int limit,
            String column) {
        return new TaskLedgerException("Task ledger table " + table + ": " + operation + " of " + key + " refused: "
                + field + " takes " + size + ", over the " + limit + " of column " + column
                + ("correlation".equals(field) ? "; keep fewer or shorter correlation headers" : ""));
    }

    private Data decode(String key, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, String> correlation = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : root.path("correlation").properties()) {
                correlation.put(e.getKey(), e.getValue().asText());
            }
            SortedSet<Integer> delivered = parseRanges(root.path("delivered").asText(""));
            return new Data(correlation, delivered);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new TaskLedgerException("Task ledger table " + table + ": the data column of " + key
                    + " is not the JSON this ledger writes: " + json, e);
        }
    }

    /**
     * Outputs as ranges, {@code 0-41,43}: outputs are mostly delivered in order, so a batch of hundreds stays a few
     * characters instead of outgrowing the column.
     */
    static String ranges(SortedSet<Integer> outputs) {
        StringBuilder text = new StringBuilder();
        Integer start = null;
        Integer previous = null;
        for (int i : outputs) {
            if (previous != null && i == previous + 1) {
                previous = i;
                continue;
            }
            appendRange(text, start, previous);
            start = i;
            previous = i;
        }
        appendRange(text, start, previous);
        return text.toString();
    }

    private static void appendRange(StringBuilder text, Integer start, Integer end) {
        if (start == null) {
            return;
        }
        if (text.length() > 0) {
            text.append(',');
        }
        text.append(start);
        if (!start.equals(end)) {
            text.append('-').append(end);
        }
    }

    static SortedSet<Integer> parseRanges(String text) {
        SortedSet<Integer> outputs = new TreeSet<>();
        if (text.isEmpty()) {
            return outputs;
        }
        for (String part : text.split(",")) {
            int dash = part.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1));
            for (int i = from; i <= to; i++) {
                outputs.add(i);
            }
        }
        return outputs;
    }
}
