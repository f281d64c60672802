package io.github.camelclaid.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance of an application on the account: a CamelContext whose route {@code direct:edit -> claid:edit} is
 * offered all its edits at once, with the component's defaults (rate-limit shaping on or, for the baseline, off).
 * Runs in a JVM of its own ({@code RateBudgetInstance <baseUrl> <edits> <shaping>}, the key in
 * {@code CLAID_API_KEY}), so that it sees the other instances only through Claid's answers; prints what became of
 * its edits and stays until the driver has read that and stops it.
 */
public final class RateBudgetInstance {

    static final String RESULT = "RATE-BUDGET-INSTANCE";

    /** What became of the edits one instance offered, and when the last one ended after they were offered. */
    record Outcome(int succeeded, int failed, long millis) {

        String line() {
            return RESULT + " " + succeeded + " " + failed + " " + millis;
        }

        static Outcome parse(String line) {
            String[] fields = line.substring(RESULT.length()).trim().split(" ");
            return new Outcome(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), Long.parseLong(fields[2]));
        }
    }

    private RateBudgetInstance() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int edits = Integer.parseInt(args[1]);
        boolean shaping = Boolean.parseBoolean(args[2]);
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        // downloadOutput true is claid:edit's default: each edit also fetches its output, as a route left alone does
        try (CamelEditCall edit = new CamelEditCall(System.getenv("CLAID_API_KEY"), baseUrl, true, shaping, false)) {
            List<CompletableFuture<?>> calls = new ArrayList<>();
            for (int i = 0; i < edits; i++) {
                calls.add(edit.send().whenComplete((done, e) -> (e == null ? succeeded : failed).incrementAndGet()));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            System.out.println(new Outcome(succeeded.get(), failed.get(), (System.nanoTime() - start) / 1_000_000)
                    .line());
        }
        new CountDownLatch(1).await();
    }
}
