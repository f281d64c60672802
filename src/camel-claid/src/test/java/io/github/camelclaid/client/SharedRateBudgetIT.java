package io.github.camelclaid.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelclaid.client.model.request.EditRequest;
import io.github.camelclaid.client.model.request.ImageOperations;
import io.github.camelclaid.support.ChildJvm;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.RateLimitBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account's rate budget as the gate shares it: with a server that does not describe its limits, with one JVM
 * offering many edits at once, and with several JVMs on one key that see each other only through Claid's answers.
 * The figures ({@code -Dclaid.budget.edits=1000}) print utilisation (achieved rate / budget) and 429s per 100 requests.
 */
class SharedRateBudgetIT {

    static final String KEY = "shared-budget-key-7c2a";
    /** 20 requests per second, in both of the server's windows. */
    static final RateLimitBudget BUDGET = new RateLimitBudget(20, Duration.ofSeconds(1), 20, Duration.ofSeconds(1));
    static final int EDITS = Integer.getInteger("claid.budget.edits", 200);

    @Test
    void aServerThatSendsNoRateLimitHeadersIsNotHeldBack() {
        try (LocalClaidServer server = LocalClaidServer.builder().apiKey(KEY).rateLimitHeaders(false).build().start();
             ClaidClient client = ClaidClient.builder().apiKey(KEY).baseUrl(server.baseUrl()).build()) {
            client.edit(edit(0)).join();
            Duration heldBefore = client.counters().heldBack();
            List<CompletableFuture<?>> edits = new ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                edits.add(client.edit(edit(i)));
            }
            CompletableFuture.allOf(edits.toArray(CompletableFuture[]::new)).join();
            assertThat(client.counters().heldBack()).isEqualTo(heldBefore);
            assertThat(server.paidSubmissionCount()).isEqualTo(51);
        }
    }

    @Test
    void withoutRateLimitHeaders429sStillTeachTheGateAndNoEditFails() {
        try (LocalClaidServer server = LocalClaidServer.builder().apiKey(KEY).rateLimitHeaders(false)
                .rateLimit(BUDGET).build().start()) {
            RateBudgetEdits.Outcome outcome = RateBudgetEdits.run(KEY, server.baseUrl(), 60);
            assertThat(outcome.failed()).isZero();
            assertThat(server.paidSubmissionCount()).isEqualTo(60);
        }
    }

    @Test
    void oneJvmOfferingManyEditsAtOnceGetsFewerThanOne429Per100Requests() {
        try (LocalClaidServer server = server()) {
            RateBudgetEdits.Outcome outcome = RateBudgetEdits.run(KEY, server.baseUrl(), EDITS);
            report("1 JVM x " + EDITS, server, List.of(outcome));
            assertThat(outcome.failed()).isZero();
            assertThat(refusedPer100(server)).isLessThan(1.0);
        }
    }

    @ParameterizedTest(name = "{0} JVMs on one key")
    @ValueSource(ints = {2, 3})
    void severalJvmsOnOneKeyShareTheBudgetWithoutFailing(int jvms) throws Exception {
        int each = Integer.getInteger("claid.budget.edits.per.jvm", 100);
        try (LocalClaidServer server = server()) {
            List<ChildJvm> children = new ArrayList<>();
            try {
                for (int i = 0; i < jvms; i++) {
                    children.add(ChildJvm.start("instance-" + i, RateBudgetEdits.class,
                            List.of(server.baseUrl(), Integer.toString(each)), Map.of("CLAID_API_KEY", KEY),
                            Duration.ofSeconds(120), line -> line.startsWith(RateBudgetEdits.RESULT)));
                }
                List<RateBudgetEdits.Outcome> outcomes = new ArrayList<>();
                for (ChildJvm child : children) {
                    child.await("its edits to end", () -> child.lastLine(RateBudgetEdits.RESULT) != null);
                    outcomes.add(RateBudgetEdits.Outcome.parse(child.lastLine(RateBudgetEdits.RESULT)));
                }
                report(jvms + " JVMs x " + each, server, outcomes);
                assertThat(outcomes).allSatisfy(o -> assertThat(o.failed()).isZero());
                assertThat(server.paidSubmissionCount()).isEqualTo(jvms * each);
                assertThat(refusedPer100(server)).isLessThanOrEqualTo(5.0);
            } finally {
                children.forEach(ChildJvm::kill);
            }
        }
    }

    private static LocalClaidServer server() {
        return LocalClaidServer.builder().apiKey(KEY).rateLimit(BUDGET).build().start();
    }

    private static EditRequest edit(int i) {
        return EditRequest.builder().input("https://images.example/" + i + ".jpg")
                .operations(ImageOperations.builder().build()).build();
    }

    private static double refusedPer100(LocalClaidServer server) {
        return 100.0 * server.rateLimitRefusals() / server.requestCount("POST", "/v1/image/edit");
    }

    /** Utilisation counts the accepted edits over the span from the first request to the last. */
    private static void report(String what, LocalClaidServer server, List<RateBudgetEdits.Outcome> outcomes) {
        List<java.time.Instant> times = server.requests().stream().map(r -> r.receivedAt()).sorted().toList();
        double seconds = Duration.between(times.get(0), times.get(times.size() - 1)).toMillis() / 1000.0;
        double achieved = (server.paidSubmissionCount() - 1) / seconds;
        System.out.printf(Locale.ROOT, "%s: utilisation %.2f (%.1f/s of 20/s), %.1f 429s per 100 requests (%d of %d),"
                + " finish times %s ms%n", what, achieved / 20, achieved, refusedPer100(server),
                server.rateLimitRefusals(), server.requestCount("POST", "/v1/image/edit"),
                outcomes.stream().map(RateBudgetEdits.Outcome::millis).toList());
    }
}
