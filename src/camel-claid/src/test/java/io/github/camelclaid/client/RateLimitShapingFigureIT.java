package io.github.camelclaid.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.client.model.request.EditRequest;
import io.github.camelclaid.client.model.request.ImageOperations;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.RateLimitBudget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figure behind rate-limit shaping: 429s received per 100 requests when a burst of edits is sent faster than the
 * account allows, with the gate and without it, measured side by side in one run against two local servers with the
 * same budget (30 requests per 3 s and 6 per second: Claid's 120 a minute and 4 a second, scaled to keep the run
 * short). Every edit must succeed either way; what differs is how many refusals it took.
 * Run alone: {@code ./mvnw -pl src/camel-claid -am verify -Dit.test=RateLimitShapingFigureIT
 * -Dclaid.figure.requests=300 -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RateLimitShapingFigureIT {

    static final String KEY = "shaping-key-5d1e";
    static final int REQUESTS = Integer.getInteger("claid.figure.requests", 90);
    static final RateLimitBudget BUDGET = new RateLimitBudget(30, Duration.ofSeconds(3), 6, Duration.ofSeconds(1));

    record Outcome(String mode, long sent, long refused, long millis) {
        double refusedPer100() {
            return 100.0 * refused / sent;
        }
    }

    @Test
    void shapingTurnsRefusalsIntoWaits() throws Exception {
        try (LocalClaidServer unshapedServer = server(); LocalClaidServer shapedServer = server()) {
            CompletableFuture<Outcome> unshaped = CompletableFuture.supplyAsync(() -> burst("without", unshapedServer,
                    false));
            CompletableFuture<Outcome> shaped = CompletableFuture.supplyAsync(() -> burst("with", shapedServer, true));
            Outcome without = unshaped.get(120, TimeUnit.SECONDS);
            Outcome with = shaped.get(120, TimeUnit.SECONDS);
            System.out.printf(Locale.ROOT, "%n429s per 100 requests, %d edits sent at once, budget 30/3 s and 6/s:%n",
                    REQUESTS);
            for (Outcome o : List.of(without, with)) {
                System.out.printf(Locale.ROOT, "  %-8s shaping: %5.1f 429s per 100 requests (%d of %d), all done in %d ms%n",
                        o.mode(), o.refusedPer100(), o.refused(), o.sent(), o.millis());
            }
            assertThat(with.refusedPer100()).isLessThan(without.refusedPer100() / 4);
            assertThat(unshapedServer.paidSubmissionCount()).isEqualTo(REQUESTS);
            assertThat(shapedServer.paidSubmissionCount()).isEqualTo(REQUESTS);
        }
    }

    private static LocalClaidServer server() {
        return LocalClaidServer.builder().apiKey(KEY).rateLimit(BUDGET).build().start();
    }

    private static Outcome burst(String mode, LocalClaidServer server, boolean shaping) {
        long start = System.nanoTime();
        try (ClaidClient client = ClaidClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).rateLimitShaping(shaping)
                // a 429 uses no attempt, and a minute of waiting for the budget gets every edit through without the
                // gate too: the figure is the refusals
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.3,
                        Duration.ofSeconds(60)))
                .build()) {
            List<CompletableFuture<?>> edits = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                edits.add(client.edit(EditRequest.builder().input("https://images.example/" + i + ".jpg")
                        .operations(ImageOperations.builder().build()).build()));
            }
            CompletableFuture.allOf(edits.toArray(CompletableFuture[]::new)).join();
            ClaidClient.Counters counters = client.counters();
            return new Outcome(mode, counters.requestsSent(), counters.rateLimitedAnswers(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
