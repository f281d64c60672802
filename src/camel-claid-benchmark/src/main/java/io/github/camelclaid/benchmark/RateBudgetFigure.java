package io.github.camelclaid.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelclaid.support.ChildJvm;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.RateLimitBudget;
import io.github.camelclaid.testserver.PaidSubmission;

/**
 * How well instances use an account's rate budget: edits offered all at once to the local server holding Claid's
 * budget shape (by default n requests per window in both of its windows, the hardest for a gate; or a long and a
 * short window, as Claid's 120 a minute and 4 a second; RateLimit headers on every answer, 429 with Claid's
 * body when the window is spent), by one or several instances, each a CamelContext in a JVM of its own
 * ({@link RateBudgetInstance}) that sees the others only through the server's answers. The baseline, in the same run,
 * is one instance with rate-limit shaping off: the client that only waits out each 429.
 */
final class RateBudgetFigure {

    /** Not a secret: the local server's key, sent only to 127.0.0.1. */
    private static final String KEY = "rate-budget-benchmark-key";

    record Settings(int edits, List<Integer> instances, int limit, Duration window, int burstLimit,
                    Duration burstWindow, boolean baseline) {
        @Override
        public String toString() {
            return edits + " edits, budget " + limit + " per " + window.toMillis() + " ms and " + burstLimit + " per "
                    + burstWindow.toMillis() + " ms, instances " + instances
                    + (baseline ? ", baseline: 1 instance without shaping" : "");
        }
    }

    /** One run: how much of the budget the instances used, what it cost in 429s, and how evenly they shared it. */
    record Row(String mode, int instances, int paid, int failed, long requests, long refused, double utilisation,
               List<Long> finishedMillis) {

        double refusedPer100() {
            return requests == 0 ? 0 : 100.0 * refused / requests;
        }

        /** The last instance's finish over the first's: 1 when they shared the budget evenly. */
        double spread() {
            long first = finishedMillis.stream().mapToLong(Long::longValue).min().orElse(0);
            long last = finishedMillis.stream().mapToLong(Long::longValue).max().orElse(0);
            return first == 0 ? 0 : last / (double) first;
        }
    }

    private final Settings settings;

    RateBudgetFigure(Settings settings) {
        this.settings = settings;
    }

    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        if (settings.baseline()) {
            rows.add(print(run("baseline: no shaping", 1, false)));
        }
        for (int instances : settings.instances()) {
            rows.add(print(run("default", instances, true)));
        }
        return rows;
    }

    static String header() {
        return "| run | instances | paid | failed exchanges | requests | 429s per 100 requests | utilisation"
                + " (achieved / budget) | finished (s) | last / first finish |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |";
    }

    static String describe(Row row) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.2f | %.3f | %s | %.2f |", row.mode(),
                row.instances(), row.paid(), row.failed(), row.requests(), row.refusedPer100(), row.utilisation(),
                row.finishedMillis().stream().map(ms -> String.format(Locale.ROOT, "%.1f", ms / 1000.0)).toList(),
                row.spread());
    }

    private static Row print(Row row) {
        System.out.println(describe(row));
        return row;
    }

    private Row run(String mode, int instances, boolean shaping) throws Exception {
        RateLimitBudget budget = new RateLimitBudget(settings.limit(), settings.window(), settings.burstLimit(),
                settings.burstWindow());
        int each = settings.edits() / instances;
        // the slowest plausible run (the baseline's retries included), and the JVMs' start
        Duration patience = settings.window().multipliedBy(3L * settings.edits() / settings.limit())
                .plusSeconds(60);
        try (LocalClaidServer server = LocalClaidServer.builder().apiKey(KEY).rateLimit(budget).build().start()) {
            List<ChildJvm> children = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    children.add(ChildJvm.start("instance-" + i, RateBudgetInstance.class,
                            List.of(server.baseUrl(), Integer.toString(each), Boolean.toString(shaping)),
                            Map.of("CLAID_API_KEY", KEY), patience, line -> true));
                }
                int failed = 0;
                List<Long> finished = new ArrayList<>();
                for (ChildJvm child : children) {
                    child.await("its edits to end", () -> child.lastLine(RateBudgetInstance.RESULT) != null);
                    RateBudgetInstance.Outcome outcome =
                            RateBudgetInstance.Outcome.parse(child.lastLine(RateBudgetInstance.RESULT));
                    failed += outcome.failed();
                    finished.add(outcome.millis());
                }
                // counted, not read from the server's request log, which keeps only the latest requests
                int paid = server.paidSubmissionCount();
                long refused = server.rateLimitRefusals();
                return new Row(mode, instances, paid, failed, paid + refused, refused, utilisation(server, budget),
                        finished);
            } finally {
                children.forEach(ChildJvm::kill);
            }
        }
    }

    /** Paid edits over what the budget allowed between the first paid edit and the last. */
    private static double utilisation(LocalClaidServer server, RateLimitBudget budget) {
        List<Instant> times = server.paidSubmissions().stream().map(PaidSubmission::at).sorted().toList();
        if (times.size() < 2) {
            return 0;
        }
        double windows = Duration.between(times.get(0), times.get(times.size() - 1)).toNanos()
                / (double) budget.window().toNanos();
        return (times.size() - 1) / (windows * budget.windowLimit());
    }
}
