package io.github.camelclaid.ledger;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The ledger contract on a real PostgreSQL: its locking, its error on a duplicate key inside a transaction, its types.
 * Each test has a table of its own, created by the ledger on first use; a reopened ledger is a new instance on the same
 * table, as a restarted process would have.
 */
class PostgresTaskLedgerIT extends TaskLedgerContract {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static LocalPostgres postgres;

    private String table;

    @BeforeAll
    static void startPostgres() {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Override
    protected TaskLedger newLedger() {
        table = "claid_task_" + TABLES.incrementAndGet();
        return new JdbcTaskLedger(dataSource(), table);
    }

    @Override
    protected TaskLedger reopen() {
        return new JdbcTaskLedger(dataSource(), table);
    }

    @Override
    protected boolean leasesSurviveReopen() {
        return true;
    }

    private static DataSource dataSource() {
        return postgres.dataSource();
    }
}
