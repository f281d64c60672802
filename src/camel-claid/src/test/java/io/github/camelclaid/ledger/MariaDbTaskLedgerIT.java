package io.github.camelclaid.ledger;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelclaid.support.LocalMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The ledger contract on a real MariaDB (InnoDB, REPEATABLE READ by default, duplicate keys as SQLState 23000): the
 * server from Debian's {@code mariadb-server} package, which {@code .ci/run} installs; skipped where it is not
 * installed. MySQL speaks the same SQL here and is not served on this build machine, so it is not tested.
 */
class MariaDbTaskLedgerIT extends TaskLedgerContract {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static LocalMariaDb database;

    private String table;

    @BeforeAll
    static void startMariaDb() {
        assumeThat(LocalMariaDb.isInstalled()).as("MariaDB's server (apt-get install mariadb-server)").isTrue();
        database = LocalMariaDb.start();
    }

    @AfterAll
    static void stopMariaDb() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected TaskLedger newLedger() {
        table = "claid_task_" + TABLES.incrementAndGet();
        return new JdbcTaskLedger(database.dataSource(), table);
    }

    @Override
    protected TaskLedger reopen() {
        return new JdbcTaskLedger(database.dataSource(), table);
    }

    @Override
    protected boolean leasesSurviveReopen() {
        return true;
    }

    @Test
    void instancesStartingTogetherAllFindTheTable() throws Exception {
        firstUseTogether(6, () -> new JdbcTaskLedger(database.dataSource(), "claid_task_together"));
    }
}
