package io.github.camelclaid.component;

import java.time.Duration;

import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of {@code claid:editAsync?waitForCompletion=true} exchanges in flight on one Camel context, against the
 * local server with Claid's task durations (2-30 s) scaled down tenfold, and the poll intervals alike (200 ms, growing
 * to 3 s).
 *
 * <p>
 * CI sends {@value #DEFAULT_WAITS} at once; {@code -Dclaid.waits.count=2000} (or more) sends that many.
 */
class ManyWaitsIT {

    static final String KEY = "many-waits-key-5d1e";
    static final int DEFAULT_WAITS = 10_000;
    static final int WAITS = Integer.getInteger("claid.waits.count", DEFAULT_WAITS);
    /** Finished tasks seen before the measured ones, so the plan knows the kind. */
    static final int LEARNING = 40;
    static final int MEASURED = 300;

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY)
            .acceptedFor(Duration.ofMillis(50))
            .processingFor(Duration.ofMillis(150))
            .processingSpread(Duration.ofMillis(2800)));

    CamelContext context;

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    static String uri(String options) {
        return "claid:editAsync?apiKey=" + KEY + "&baseUrl=" + claid.server().baseUrl()
                + "&waitForCompletion=true&operations=RAW({})&taskPollInterval=200&taskPollMaxInterval=3000" + options;
    }

    @Test
    void everyWaitCompletesAndTheWaitsAddAtMostFourThreads() throws Exception {
        try (WaitBurst burst = new WaitBurst(context, claid.server(), uri(""))) {
            burst.warmUp(1, "https://images.example/warm-up");

            WaitBurst.Outcome outcome = burst.run(WAITS, "https://images.example/burst", true, Duration.ofMinutes(3));

            assertThat(outcome.failuresSaying("when Camel stopped"))
                    .as("waits reported as stopped while Camel runs").isZero();
            assertThat(outcome.failures()).as("failed waits").isEmpty();
            assertThat(outcome.completed()).isEqualTo(WAITS);
            assertThat(outcome.threadsAdded()).as("threads added while %d exchanges waited", WAITS)
                    .isLessThanOrEqualTo(4);
        }
    }

    @Test
    void theLearnedPlanPollsLessThanIntervalsGrowingByHalf() throws Exception {
        try (WaitBurst growing = new WaitBurst(context, claid.server(), uri("&adaptivePolling=false"));
             WaitBurst learned = new WaitBurst(context, claid.server(), uri(""))) {
            learned.warmUp(LEARNING, "https://images.example/learning");

            WaitBurst.Outcome before = growing.run(MEASURED, "https://images.example/growing", false,
                    Duration.ofMinutes(2));
            WaitBurst.Outcome after = learned.run(MEASURED, "https://images.example/learned", false,
                    Duration.ofMinutes(2));

            assertThat(before.failures()).isEmpty();
            assertThat(after.failures()).isEmpty();
            // the learned plan makes about 2.5 requests per task where growing intervals make about 4; the margin
            // keeps two runs of one plan, which differ only by their random durations, from passing for a gain
            assertThat(after.pollsPerTask()).as("status requests per task, learned plan (growing: %.2f)",
                    before.pollsPerTask()).isLessThan(0.8 * before.pollsPerTask());
        }
    }

    @Test
    void oneAdaptivePollNeedsAtMostOneAndAHalfRequestsPerTask() throws Exception {
        try (WaitBurst burst = new WaitBurst(context, claid.server(), uri("&adaptivePollCount=1"))) {
            burst.warmUp(LEARNING, "https://images.example/learning-one");

            WaitBurst.Outcome outcome = burst.run(MEASURED, "https://images.example/one", false,
                    Duration.ofMinutes(2));

            assertThat(outcome.failures()).isEmpty();
            assertThat(outcome.pollsPerTask()).as("status requests per task").isLessThanOrEqualTo(1.5);
        }
    }
}
