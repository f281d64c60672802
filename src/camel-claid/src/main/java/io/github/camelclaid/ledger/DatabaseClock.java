package io.github.camelclaid.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's clock, as seen from this JVM: the instances sharing a {@link JdbcTaskLedger} store and compare their
 * times (leases, due times) on it, so that a host whose clock is off neither takes over live leases early nor waits
 * for dead ones too long. Callers keep passing this JVM's times; the ledger shifts them by the offset measured here on
 * the way in and back on the way out.
 *
 * <p>
 * The offset is the database's time minus the middle of the round trip that read it, rounded to the second, measured
 * on first use and again every {@link #REFRESH}. It is read where the database gives its time with a zone
 * (PostgreSQL's {@code clock_timestamp()}, H2's {@code CURRENT_TIMESTAMP}); on other databases it stays 0, and the
 * hosts' clocks must be kept in sync (NTP).
 */
final class DatabaseClock {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseClock.class);

    private final Clock jvm;
    private volatile long offsetMillis;
    private volatile Instant nextRefresh = Instant.MIN;
    private volatile String nowQuery;

    DatabaseClock(Clock jvm) {
        this.jvm = jvm;
    }

    /** Measures the offset again when it is due, on a connection of its own. */
    void refreshIfDue(DataSource dataSource) {
        if (jvm.instant().isBefore(nextRefresh)) {
            return;
        }
        synchronized (this) {
            Instant now = jvm.instant();
            if (now.isBefore(nextRefresh)) {
                return;
            }
            nextRefresh = now.plus(REFRESH);
            try (Connection c = dataSource.getConnection()) {
                if (nowQuery == null) {
                    nowQuery = nowQuery(c.getMetaData().getDatabaseProductName());
                }
                if (!nowQuery.isEmpty()) {
                    offsetMillis = measure(c);
                }
            } catch (SQLException | RuntimeException e) {
                // the ledger's own operation on this database will report what is wrong; keep the last offset
                LOG.debug("Could not read the database's time; keeping the clock offset of {} ms", offsetMillis, e);
            }
        }
    }

    /** This JVM's time as the database's clock tells it, in epoch milliseconds. */
    long toDatabase(Instant jvmTime) {
        return jvmTime.toEpochMilli() + offsetMillis;
    }

    /** A time stored on the database's clock, as this JVM's. */
    Instant fromDatabase(long databaseMillis) {
        return Instant.ofEpochMilli(databaseMillis - offsetMillis);
    }

    long offsetMillis() {
        return offsetMillis;
    }

    private long measure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            long before = jvm.millis();
            try (ResultSet rs = s.executeQuery(nowQuery)) {
                long after = jvm.millis();
                rs.next();
                long database = rs.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli();
                // to the second: hosts whose clocks agree then store identical times, and a lease is seconds long
                return Math.round((database - (before + after) / 2.0) / 1000.0) * 1000;
            }
        }
    }

    /** The query for the database's time with its zone, or "" where there is no portable one. */
    private static String nowQuery(String product) {
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return "SELECT clock_timestamp()"; // the time now, not the transaction's start
        }
        if (name.equals("h2")) {
            return "SELECT CURRENT_TIMESTAMP";
        }
        return "";
    }
}
