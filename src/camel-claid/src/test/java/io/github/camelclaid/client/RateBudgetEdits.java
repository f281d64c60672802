package io.github.camelclaid.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelclaid.client.model.request.EditRequest;
import io.github.camelclaid.client.model.request.ImageOperations;

/**
 * Offers a number of edits at once to one client with default settings, as one instance of an application sharing
 * its account's budget with others, and prints what became of them. Runs in a JVM of its own
 * ({@code RateBudgetEdits <baseUrl> <edits>}, the key in {@code CLAID_API_KEY}), so that its gate sees the other
 * instances only through Claid's answers.
 */
public final class RateBudgetEdits {

    static final String RESULT = "RATE-BUDGET-RESULT";

    /** What became of the edits offered: how many succeeded and failed, and when the last one ended. */
    record Outcome(int succeeded, int failed, long millis) {

        String line() {
            return RESULT + " succeeded=" + succeeded + " failed=" + failed + " millis=" + millis;
        }

        static Outcome parse(String line) {
            String[] fields = line.substring(RESULT.length()).trim().split(" ");
            return new Outcome(Integer.parseInt(fields[0].split("=")[1]), Integer.parseInt(fields[1].split("=")[1]),
                    Long.parseLong(fields[2].split("=")[1]));
        }
    }

    private RateBudgetEdits() {
    }

    /** Prints the outcome, then stays until the test that started it has read it and stops it. */
    public static void main(String[] args) throws InterruptedException {
        System.out.println(run(System.getenv("CLAID_API_KEY"), args[0], Integer.parseInt(args[1])).line());
        new CountDownLatch(1).await();
    }

    static Outcome run(String key, String baseUrl, int edits) {
        long start = System.nanoTime();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (ClaidClient client = ClaidClient.builder().apiKey(key).baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30)).build()) {
            List<CompletableFuture<?>> calls = new ArrayList<>();
            for (int i = 0; i < edits; i++) {
                calls.add(client.edit(EditRequest.builder().input("https://images.example/" + i + ".jpg")
                        .operations(ImageOperations.builder().build()).build())
                        .whenComplete((r, e) -> (e == null ? succeeded : failed).incrementAndGet()));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        }
        return new Outcome(succeeded.get(), failed.get(), (System.nanoTime() - start) / 1_000_000);
    }
}
