package io.github.camelclaid.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.fail;

/**
 * An application run in a JVM of its own, as a user runs it, so that a test can kill it as a crash would
 * ({@link #kill()}: SIGKILL, no shutdown hook) and start it again. Its output is read on a thread of its own, so the
 * process never blocks on a full pipe; lines the test does not mark as its own are echoed, as warnings and stack
 * traces are worth seeing.
 */
public final class ChildJvm {

    private final Process process;
    private final String name;
    private final Duration patience;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private ChildJvm(Process process, String name, Duration patience, Predicate<String> quiet) {
        this.process = process;
        this.name = name;
        this.patience = patience;
        Thread reader = new Thread(() -> read(quiet), name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code main} with the test's classpath on the test's JVM, in the project's directory (applications read
     * {@code routes/} relative to it), with these variables added to its environment (the API key, as a user sets
     * it); {@code quiet} lines are kept but not echoed.
     */
    public static ChildJvm start(String name, Class<?> main, List<String> args, Map<String, String> environment,
            Duration patience, Predicate<String> quiet) throws IOException {
        return start(name, List.of(), main, args, environment, patience, quiet);
    }

    /** The same with options for the child JVM itself, such as {@code -Xmx64m}. */
    public static ChildJvm start(String name, List<String> jvmOptions, Class<?> main, List<String> args,
            Map<String, String> environment, Duration patience, Predicate<String> quiet) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                // a short-lived JVM: without C2 and with the serial collector it starts about twice as fast
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new ChildJvm(builder.start(), name, patience, quiet);
    }

    private void read(Predicate<String> quiet) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.add(line);
                if (!quiet.test(line)) {
                    System.out.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            // the process was killed while we read
        }
    }

    /** The lines printed so far that start with {@code prefix}. */
    public List<String> lines(String prefix) {
        return output.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    /** The last line printed so far that starts with {@code prefix}, or null. */
    public String lastLine(String prefix) {
        List<String> lines = lines(prefix);
        return lines.isEmpty() ? null : lines.get(lines.size() - 1);
    }

    /** Waits for the condition; fails at once, with the process's output, if the process has died. */
    public void await(String what, Condition condition) {
        Awaitility.await(name + ": " + what).atMost(patience).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (!process.isAlive()) {
                fail(name + " exited with " + process.exitValue() + " while waiting for " + what + "; its output:\n"
                        + String.join("\n", output));
            }
            return condition.holds();
        });
    }

    /** Waits for the process to end by itself and returns its exit code; fails, with its output, if it does not. */
    public int awaitExitCode() {
        awaitExit();
        return process.exitValue();
    }

    /** Everything printed so far. */
    public String output() {
        return String.join("\n", output);
    }

    /** SIGKILL, as a crash or {@code kill -9}: no shutdown hook runs. */
    public void kill() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        awaitExit();
    }

    /** SIGTERM: Camel Main's shutdown hook stops the routes gracefully. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(patience.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(name + " did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * For the application in the child JVM: prints one line for the test and flushes it, so the test sees it at once
     * however stdout is buffered.
     */
    public static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /**
     * For the application in the child JVM: appends one line to {@code file} and syncs it to disk before returning, so
     * that a line is there even if the process is killed the moment after (what a route's last step writes before the
     * ledger marks its task finished). Callers that write from several threads synchronize, so lines never interleave.
     */
    public static void appendSynced(Path file, String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
    }

    /** The complete lines of a file another process is writing: a line being written has no newline yet. */
    public static List<String> completeLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return text.substring(0, text.lastIndexOf('\n') + 1).lines().filter(l -> !l.isBlank()).toList();
    }

    /** A condition that may read files or ask servers. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }
}
