package io.github.camelclaid.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelclaid.testserver.IssuedSecrets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The suite-wide secrets scan: with {@code -Dclaid.secretScan=true} ({@code ./mvnw -Psecrets-scan test}) every logger
 * of the whole test run logs at DEBUG (Camel's, the HTTP client's headers and wire, the connector's), and each line,
 * with its stack trace, is searched for every API key and webhook secret the tests handed out ({@link IssuedSecrets}).
 * When the run ends, the report file (system property {@value #REPORT_PROPERTY}, default {@code target/secret-scan.txt};
 * the build gives unit and integration tests one each) says how many lines were read and lists any line that held a
 * secret, masked; {@code .ci/run} fails unless every report says none.
 */
public final class SecretScan implements LauncherSessionListener {

    static final String ENABLED = "claid.secretScan";
    static final String REPORT_PROPERTY = "claid.secretScan.report";
    private static final Path REPORT = Path.of(System.getProperty(REPORT_PROPERTY, "target/secret-scan.txt"));
    private static final int KEPT_HITS = 50;

    /** Loggers of this project and of the HTTP client it drives: a secret there is the connector's leak. */
    static final List<String> OWN_LOGGERS = List.of("io.github.camelclaid", "org.apache.hc");

    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final java.util.Map<String, AtomicLong> hitsByLogger = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final List<String> examples = new ArrayList<>();
    private AbstractAppender appender;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean(ENABLED)) {
            return;
        }
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        PatternLayout layout = PatternLayout.newBuilder().withPattern("%level %c - %msg%n%throwable").build();
        appender = new AbstractAppender("secret-scan", null, layout, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                scan(getLayout().toSerializable(event).toString(), event.getLoggerName());
            }
        };
        appender.start();
        org.apache.logging.log4j.core.config.LoggerConfig root = ctx.getConfiguration().getRootLogger();
        root.addAppender(appender, Level.ALL, null);
        // the console keeps showing warnings only: a million DEBUG lines would bury the test results
        org.apache.logging.log4j.core.Appender console = root.getAppenders().get("console");
        if (console != null) {
            root.removeAppender("console");
            root.addAppender(console, Level.WARN, null);
        }
        // every logger at DEBUG; the console appender keeps its own threshold through the levels tests set back
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.DEBUG);
        ctx.updateLoggers();
    }

    private void scan(String line, String logger) {
        lines.incrementAndGet();
        String secret = IssuedSecrets.foundIn(line);
        if (secret != null) {
            hits.incrementAndGet();
            hitsByLogger.computeIfAbsent(logger, l -> new AtomicLong()).incrementAndGet();
            synchronized (examples) {
                if (examples.size() < KEPT_HITS) {
                    examples.add(logger + ": " + line.replace(secret, "<SECRET>").strip());
                }
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (appender == null) {
            return;
        }
        StringBuilder report = new StringBuilder();
        report.append("lines scanned: ").append(lines.get()).append('\n');
        report.append("secrets known: ").append(IssuedSecrets.all().size()).append('\n');
        report.append("lines with a secret: ").append(hits.get()).append('\n');
        long own = hitsByLogger.entrySet().stream().filter(e -> OWN_LOGGERS.stream().anyMatch(e.getKey()::startsWith))
                .mapToLong(e -> e.getValue().get()).sum();
        report.append("lines with a secret from the connector or its HTTP client: ").append(own).append('\n');
        report.append("by logger:\n");
        hitsByLogger.forEach((logger, count) -> report.append("  ").append(logger).append(": ").append(count)
                .append('\n'));
        report.append("examples:\n");
        synchronized (examples) {
            examples.forEach(e -> report.append("  ").append(e).append('\n'));
        }
        try {
            Files.createDirectories(REPORT.toAbsolutePath().getParent());
            Files.writeString(REPORT, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the counts only: the lines themselves are in the report file
        System.out.println("Secret scan: " + lines.get() + " lines, " + hits.get() + " with a secret, " + own
                + " of them from the connector or its HTTP client; see " + REPORT);
    }
}
