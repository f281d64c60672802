package io.github.camelclaid.support;

import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures every log line (all loggers, at DEBUG) while open, with stack traces, so a test can search them for
 * secrets. Closing restores the previous levels.
 */
public final class CapturedLogs implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final AbstractAppender appender;
    private final Level previousRoot;
    private final Level previousClaid;

    public CapturedLogs() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        PatternLayout layout = PatternLayout.newBuilder().withPattern("%level %c - %msg%n%throwable").build();
        appender = new AbstractAppender("captured-" + System.identityHashCode(this), null, layout, true,
                Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                synchronized (lines) {
                    lines.add(getLayout().toSerializable(event).toString());
                }
            }
        };
        appender.start();
        previousRoot = config.getRootLogger().getLevel();
        LoggerConfig claid = config.getLoggerConfig("io.github.camelclaid");
        previousClaid = claid.getLevel();
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        Configurator.setRootLevel(Level.DEBUG);
        Configurator.setLevel("io.github.camelclaid", Level.DEBUG);
        ctx.updateLoggers();
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The captured lines that contain the text. */
    public List<String> linesContaining(String text) {
        return lines().stream().filter(l -> l.contains(text)).toList();
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(appender.getName());
        Configurator.setRootLevel(previousRoot);
        Configurator.setLevel("io.github.camelclaid", previousClaid);
        ctx.updateLoggers();
        appender.stop();
    }
}
