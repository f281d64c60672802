package io.github.camelclaid.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The load drivers' command line (docs/performance.md):
 *
 * <pre>
 * overhead [--inflight 1,8,64] [--download false,true] [--warmup 5s] [--seconds 5s] [--rounds 3] [--latency 0s]
 *          [--rate-limit-headers true] [--out dir]
 * rate-budget [--edits 1000] [--instances 1,2,3] [--limit 20] [--window 1s]
 *             [--burst-limit 20] [--burst-window 1s] [--baseline true] [--out dir]
 * smoke [--out dir]
 * </pre>
 *
 * {@code smoke} runs every benchmark of this module for a second or so, JMH ones included, and exits non-zero unless
 * each produced its figures; it says nothing about timings.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("name a benchmark");
        }
        Arguments arguments = new Arguments(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "overhead" -> overhead(arguments, false);
            case "rate-budget" -> rateBudget(arguments, false);
            case "smoke" -> smoke(arguments);
            default -> usage("no benchmark named " + args[0]);
        }
        // the HTTP clients' and servers' threads are daemons, but Camel's may not all be
        System.exit(0);
    }

    private static List<OverheadFigure.Row> overhead(Arguments arguments, boolean smoke) throws Exception {
        OverheadFigure.Settings settings = new OverheadFigure.Settings(
                arguments.integers("--inflight", smoke ? "1,8" : "1,8,64"),
                arguments.booleans("--download", "false,true"),
                arguments.duration("--warmup", smoke ? "300ms" : "5s"),
                arguments.duration("--seconds", smoke ? "700ms" : "5s"),
                Integer.parseInt(arguments.value("--rounds", smoke ? "1" : "3")),
                arguments.duration("--latency", "0s"),
                Boolean.parseBoolean(arguments.value("--rate-limit-headers", "true")));
        System.out.println("overhead: sync claid:edit with a URL input, Camel against raw HttpClient 5 and Camel's"
                + " floor; " + settings);
        System.out.println(OverheadFigure.header());
        List<OverheadFigure.Row> rows = new OverheadFigure(settings).run();
        writeTable(arguments, "overhead.md", settings, OverheadFigure.header(), rows, OverheadFigure::describe);
        return rows;
    }

    private static List<RateBudgetFigure.Row> rateBudget(Arguments arguments, boolean smoke) throws Exception {
        RateBudgetFigure.Settings settings = new RateBudgetFigure.Settings(
                Integer.parseInt(arguments.value("--edits", smoke ? "40" : "1000")),
                arguments.integers("--instances", smoke ? "1,2" : "1,2,3"),
                Integer.parseInt(arguments.value("--limit", "20")),
                arguments.duration("--window", "1s"),
                // the short window, Claid's 4;w=1; by default the long one again (its hardest shape for a gate)
                Integer.parseInt(arguments.value("--burst-limit", arguments.value("--limit", "20"))),
                arguments.duration("--burst-window", arguments.value("--window", "1s")),
                Boolean.parseBoolean(arguments.value("--baseline", "true")));
        System.out.println("rate-budget: claid:edit exchanges offered at once by instances in JVMs of their own on one"
                + " account; " + settings);
        System.out.println(RateBudgetFigure.header());
        List<RateBudgetFigure.Row> rows = new RateBudgetFigure(settings).run();
        writeTable(arguments, "rate-budget.md", settings, RateBudgetFigure.header(), rows, RateBudgetFigure::describe);
        return rows;
    }

    private static void smoke(Arguments arguments) throws Exception {
        List<String> missing = new ArrayList<>();
        for (OverheadFigure.Row row : overhead(arguments, true)) {
            if (row.raw().calls() == 0 || row.floor().calls() == 0 || row.camel().calls() == 0
                    || row.camelIo().calls() == 0) {
                missing.add("overhead at " + row.inFlight() + " in flight (download " + row.download() + ")");
            }
        }
        for (RateBudgetFigure.Row row : rateBudget(arguments, true)) {
            if (row.paid() == 0 || row.finishedMillis().size() != row.instances()) {
                missing.add("rate budget, " + row.mode() + " with " + row.instances() + " instances");
            }
        }
        Options jmh = new OptionsBuilder()
                .include(Benchmarks.class.getPackageName() + ".*Benchmark")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(500))
                .build();
        Collection<RunResult> results = new Runner(jmh).run();
        if (results.isEmpty()) {
            missing.add("JMH: no benchmark ran");
        }
        for (RunResult result : results) {
            if (result.getPrimaryResult().getSampleCount() == 0) {
                missing.add("JMH " + result.getParams().getBenchmark() + " " + result.getParams());
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("benchmark smoke: no figures from " + missing);
            System.exit(1);
        }
        System.out.println("benchmark smoke: every benchmark produced figures (" + results.size()
                + " JMH results)");
    }

    /** Writes a figure's rows, as it printed them while it ran, under its settings. */
    private static <R> void writeTable(Arguments arguments, String file, Object settings, String header, List<R> rows,
            Function<R, String> describe) throws IOException {
        StringBuilder table = new StringBuilder(header).append('\n');
        rows.forEach(row -> table.append(describe.apply(row)).append('\n'));
        write(arguments, file, "settings: " + settings + "\n\n" + table);
    }

    private static void write(Arguments arguments, String file, String text) throws IOException {
        Path dir = Path.of(arguments.value("--out", "target/benchmark"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), text);
        System.out.println("written to " + dir.resolve(file).toAbsolutePath());
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: Benchmarks overhead [--inflight 1,8,64] [--download false,true]"
                + " [--warmup 5s] [--seconds 5s] [--rounds 3] [--latency 0s]\n       [--rate-limit-headers true]"
                + " [--out dir]\n"
                + "       Benchmarks rate-budget [--edits 1000]"
                + " [--instances 1,2,3] [--limit 20] [--window 1s] [--burst-limit 20]\n"
                + "       [--burst-window 1s] [--baseline true] [--out dir]\n"
                + "       Benchmarks smoke [--out dir]");
        System.exit(2);
    }

    /** {@code --name value} pairs. */
    private static final class Arguments {
        private final List<String> args;

        Arguments(String[] args) {
            this.args = List.of(args);
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    usage("options come as --name value, not '" + args[i] + "'");
                }
            }
        }

        String value(String name, String fallback) {
            int at = args.indexOf(name);
            return at < 0 ? fallback : args.get(at + 1);
        }

        List<Integer> integers(String name, String fallback) {
            return Arrays.stream(value(name, fallback).split(",")).map(String::trim).map(Integer::valueOf).toList();
        }

        List<Boolean> booleans(String name, String fallback) {
            return Arrays.stream(value(name, fallback).split(",")).map(String::trim).map(Boolean::valueOf).toList();
        }

        Duration duration(String name, String fallback) {
            String v = value(name, fallback).trim().toLowerCase(java.util.Locale.ROOT);
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            return Duration.ofMillis((long) (Double.parseDouble(v.endsWith("s") ? v.substring(0, v.length() - 1) : v)
                    * 1000));
        }
    }
}
