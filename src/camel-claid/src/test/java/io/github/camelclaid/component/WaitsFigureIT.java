package io.github.camelclaid.component;

import java.time.Duration;
import java.util.Locale;

import io.github.camelclaid.component.BurstFigures.Plan;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.RateLimitBudget;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures behind the waiting plan, printed, not asserted: for bursts of waitForCompletion exchanges, the outcome,
 * threads added, heap per waiting exchange, status requests per task and how late ends were noticed, for each plan.
 * Claid's 2-30 s tasks and the poll intervals are scaled down tenfold; the lateness figures are scaled back up.
 * Run: {@code ./mvnw -pl src/camel-claid -am verify -Dit.test=WaitsFigureIT -Dclaid.waits.figure=true
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dclaid.waits.figure.counts=2000,10000} and
 * {@code -Dclaid.waits.figure.plans=LEARNED,GROWING} choose the bursts and plans.
 */
@EnabledIfSystemProperty(named = "claid.waits.figure", matches = "true")
class WaitsFigureIT {

    static final String KEY = "waits-figure-key-91aa";
    static final int SCALE = 10;

    @Test
    void printTheFigures() throws Exception {
        System.out.printf(Locale.ROOT, "%n%-18s %6s %9s %7s %10s %8s %9s %9s%n",
                "plan", "waits", "completed", "threads", "heap/wait", "polls", "late p50", "late p99");
        BurstFigures.print("claid.waits.figure.plans", false, WaitsFigureIT::measure);
    }

    private static String measure(Plan plan, int count) throws Exception {
        // a budget no plan reaches: the figure is of the plans, and the rate gate would space the polls of the busiest
        // plans to the account's budget (GENEROUS allows 1,667 requests a second over a minute)
        try (LocalClaidServer server = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(50))
                .processingFor(Duration.ofMillis(150)).processingSpread(Duration.ofMillis(2800))
                .rateLimit(RateLimitBudget.perMinuteAndSecond(100_000_000, 10_000_000)).build().start()) {
            CamelContext context = new DefaultCamelContext();
            context.start();
            try (WaitBurst burst = new WaitBurst(context, server, "claid:editAsync?apiKey=" + KEY + "&baseUrl="
                    + server.baseUrl() + "&waitForCompletion=true&operations=RAW({})" + plan.options)) {
                burst.warmUp(40, "https://images.example/learning");
                // the plan on tasks that end on their own, then heap and threads with every task held (last, as
                // held tasks teach the plan durations of no use to the first)
                WaitBurst.Outcome free = burst.run(count, "https://images.example/free", false, Duration.ofMinutes(5));
                WaitBurst.Outcome held = burst.run(count, "https://images.example/held", true, Duration.ofMinutes(5));
                return String.format(Locale.ROOT, "%-18s %6d %9d %+7d %8d B %8.2f %7.2f s %7.2f s%n", plan, count,
                        held.completed() + free.completed() - count,
                        Math.max(held.threadsAdded(), free.threadsAdded()), held.heapPerWaitBytes(),
                        free.pollsPerTask(), free.noticedLateMillis(0.5) * SCALE / 1000,
                        free.noticedLateMillis(0.99) * SCALE / 1000);
            } finally {
                context.stop();
            }
        }
    }
}
