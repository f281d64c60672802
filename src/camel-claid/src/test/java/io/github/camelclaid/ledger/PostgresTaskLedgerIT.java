package io.github.camelclaid.ledger;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.camelclaid.support.LocalPostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger contract on a real PostgreSQL: its locking, its error on a duplicate key inside a transaction, its types.
 * Each test has a table of its own, created by the ledger on first use; a reopened ledger is a new instance on the same
 * table, as a restarted process would have.
 */
class PostgresTaskLedgerIT extends TaskLedgerContract {

    private static final AtomicInteger TABLES = new AtomicInteger();
    @RegisterExtension
    static final LocalPostgresExtension database = new LocalPostgresExtension();

    private String table;

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

    @Test
    void instancesStartingTogetherCreateTheTableOnceAndTheServerLogsNoError() throws Exception {
        String fresh = "claid_task_together";
        firstUseTogether(6, () -> new JdbcTaskLedger(database.postgres().dataSource(), fresh));
        assertThat(database.postgres().serverLog()).doesNotContain("ERROR");
    }

    private static DataSource dataSource() {
        return database.postgres().dataSource();
    }
}
