package io.github.camelclaid.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A real MariaDB server on 127.0.0.1, started from the binaries of Debian's {@code mariadb-server} package (which
 * {@code .ci/run} installs) in a data directory of its own, and removed again on {@link #close()}. No grant tables: a
 * throwaway server on loopback, whose one database {@code claid} any user may use.
 */
public final class LocalMariaDb implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");

    private final Process server;
    private final Path dir;
    private final int port;

    private LocalMariaDb(Process server, Path dir, int port) {
        this.server = server;
        this.dir = dir;
        this.port = port;
    }

    /** Whether this machine has the MariaDB server binaries; tests that need them are skipped otherwise. */
    public static boolean isInstalled() {
        return Files.isExecutable(SERVER) && Files.isExecutable(INSTALL_DB);
    }

    public static LocalMariaDb start() {
        try {
            Path dir = Files.createTempDirectory("claid-mariadb-");
            Path data = dir.resolve("data");
            Path log = dir.resolve("server.log");
            // root may run it only when it says so; anyone else runs it as themselves
            String user = System.getProperty("user.name");
            run(List.of(INSTALL_DB.toString(), "--no-defaults", "--datadir=" + data, "--user=" + user,
                    "--auth-root-authentication-method=normal", "--skip-test-db"), log);
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Process server = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--datadir=" + data,
                    "--user=" + user, "--bind-address=127.0.0.1", "--port=" + port,
                    "--socket=" + dir.resolve("server.sock"), "--pid-file=" + dir.resolve("server.pid"),
                    "--skip-grant-tables", "--skip-name-resolve", "--innodb-buffer-pool-size=32M")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            LocalMariaDb started = new LocalMariaDb(server, dir, port);
            started.awaitReady(log);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start MariaDB", e);
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " failed; its output:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void awaitReady(Path log) {
        try {
            Awaitility.await("MariaDB on 127.0.0.1:" + port).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                        if (!server.isAlive()) {
                            throw new IllegalStateException("mariadbd exited; its log:\n" + Files.readString(log));
                        }
                        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/",
                                "root", ""); Statement s = c.createStatement()) {
                            s.execute("CREATE DATABASE IF NOT EXISTS claid");
                        }
                        return true;
                    });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A data source (a connection per call) on the database {@code claid}. */
    public DataSource dataSource() {
        try {
            MariaDbDataSource ds = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:" + port + "/claid");
            ds.setUser("root");
            ds.setPassword("");
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the server has logged so far. */
    public String serverLog() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + dir, e);
        }
    }
}
