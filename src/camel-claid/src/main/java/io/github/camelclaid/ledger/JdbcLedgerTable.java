package io.github.camelclaid.ledger;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * The table of a {@link JdbcTaskLedger}: finding it whatever case the database folds unquoted names to, creating it
 * and its indexes (with the few differences between databases) when it is missing and that is allowed, and the sizes
 * of its columns.
 */
final class JdbcLedgerTable {

    static final int RESULT_URL_LIMIT = 2048;
    static final int OWNER_LIMIT = 200;
    static final int REQUEST_KEY_LIMIT = 512;

    private final DataSource dataSource;
    private final String table;
    private volatile boolean createTableIfMissing = true;
    private volatile boolean ready;
    private volatile boolean postgres;

    JdbcLedgerTable(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** Whether a missing table is created on first use; only before first use. */
    void createIfMissing(boolean create) {
        if (ready) {
            throw new IllegalStateException("createTableIfMissing must be set before the ledger is first used");
        }
        this.createTableIfMissing = create;
    }

    /** Makes sure the table exists, once; every operation calls it first. */
    void ensureReady() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            try (Connection c = dataSource.getConnection()) {
                postgres = isPostgres(c);
                if (!tableExists(c)) {
                    if (!createTableIfMissing) {
                        throw new TaskLedgerException("Task ledger table " + table + " does not exist, and"
                                + " createTableIfMissing is off: create it with the DDL in JdbcTaskLedger's javadoc");
                    }
                    if (postgres) {
                        createUnderAdvisoryLock(c);
                    } else {
                        createTable(c);
                    }
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

    /** Whether the table is in PostgreSQL, known once {@link #ensureReady()} has returned. */
    boolean isPostgres() {
        return postgres;
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * PostgreSQL: instances starting together first take a transaction-scoped advisory lock named after the table, so
     * that one creates it and the others then find it. Racing CREATE TABLEs would be settled too, but would leave the
     * losers' "relation already exists" errors in the server's log, where a DBA reads them as faults.
     */
    private void createUnderAdvisoryLock(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ("camel-claid ledger " + table.toLowerCase(Locale.ROOT)).hashCode());
                lock.execute();
            }
            if (tableExists(c)) {
                c.commit();
            } else {
                createTable(c); // commits, the connection not being in auto-commit
            }
        } catch (SQLException e) {
            rollback(c, e);
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
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
                + "data VARCHAR(" + JdbcTaskLedger.DATA_LIMIT + ") NOT NULL, "
                + "request_key VARCHAR(" + REQUEST_KEY_LIMIT + "))",
                "CREATE INDEX " + bare + "_ID_IDX ON " + table + " (task_id)",
                "CREATE INDEX " + bare + "_REQ_IDX ON " + table + " (request_key)",
                "CREATE INDEX " + bare + "_DUE_IDX ON " + table + " (state, next_poll_at)");
    }

    /** Rolls back after {@code failure}, keeping a failure of the rollback itself with it. */
    static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
