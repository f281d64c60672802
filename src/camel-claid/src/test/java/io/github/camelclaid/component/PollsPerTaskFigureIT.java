package io.github.camelclaid.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TaskLedger;
import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The figure behind the tasks consumer's polling: status requests per finished task, for three ways of timing polls,
 * measured in one run on identical task streams (same seed, same submission times).
 *
 * <p>
 * The stream is Claid-like scaled down tenfold: tasks take 0.5 s plus a uniform 0–5.5 s (5–60 s in real life), and
 * arrive steadily. The modes: a fixed 200 ms interval (what clients that poll every 1.5–2 s do), intervals growing from
 * 200 ms by half up to 3 s (the waitForCompletion schedule), and adaptive polling (the tasks consumer's default).
 * Run it alone for the figure: {@code ./mvnw -pl src/camel-claid -am verify -Dit.test=PollsPerTaskFigureIT
 * -Dclaid.figure.tasks=300 -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PollsPerTaskFigureIT {

    static final String KEY = "figure-key-0c4e";
    static final int TASKS = Integer.getInteger("claid.figure.tasks", 200);
    /** Tasks submitted before this many are left out of the steady-state figure: adaptive polling is still learning. */
    static final int WARM_UP = TASKS / 4;
    static final long ARRIVAL_GAP_NANOS = 30_000_000;

    enum Mode {
        FIXED("taskPollInterval=200&taskPollMaxInterval=200&adaptivePolling=false"),
        GROWING("taskPollInterval=200&taskPollMaxInterval=3000&adaptivePolling=false"),
        ADAPTIVE("taskPollInterval=200&taskPollMaxInterval=3000&adaptivePolling=true");

        final String options;

        Mode(String options) {
            this.options = options;
        }
    }

    /** Polls per task over the whole run, and after the warm-up (what a long-running route sees). */
    record Outcome(Mode mode, int finished, long polls, double steadyPollsPerTask, double meanReportMillis,
                   double lateP50Millis, double lateP99Millis) {
        double pollsPerTask() {
            return (double) polls / finished;
        }
    }

    @Test
    void adaptivePollingNeedsFewerRequestsPerFinishedTask() throws Exception {
        List<Run> runs = new ArrayList<>();
        try {
            for (Mode mode : Mode.values()) {
                runs.add(new Run(mode));
            }
            // the three streams are submitted side by side, so they see the same machine load
            for (int i = 0; i < TASKS; i++) {
                for (Run run : runs) {
                    run.submit(i);
                }
                // paces the arrivals (a steady stream, not a burst); nothing is being waited for
                LockSupport.parkNanos(ARRIVAL_GAP_NANOS);
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Run run : runs) {
                outcomes.add(run.awaitAll());
            }
            Outcome fixed = outcomes.get(0);
            StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                    "%nStatus requests per finished task, %d tasks of 0.5-6 s each:%n", TASKS));
            table.append("  mode      all tasks        after warm-up     mean submit-to-report  noticed late p50/p99\n");
            for (Outcome o : outcomes) {
                table.append(String.format(Locale.ROOT, "  %-8s %5.2f (%.2f x)   %5.2f (%.2f x)   %5.0f ms"
                        + "               %5.0f / %5.0f ms%n", o.mode(),
                        o.pollsPerTask(), o.pollsPerTask() / fixed.pollsPerTask(), o.steadyPollsPerTask(),
                        o.steadyPollsPerTask() / fixed.steadyPollsPerTask(), o.meanReportMillis(),
                        o.lateP50Millis(), o.lateP99Millis()));
            }
            System.out.println(table);
            Outcome growing = outcomes.get(1);
            Outcome adaptive = outcomes.get(2);
            assertThat(adaptive.steadyPollsPerTask()).isLessThan(growing.steadyPollsPerTask());
            assertThat(growing.pollsPerTask()).isLessThan(fixed.pollsPerTask());
        } finally {
            for (Run run : runs) {
                run.close();
            }
        }
    }

    /** One mode: its own server (same seed as the others), Camel context, submitting route and tasks consumer. */
    static final class Run implements AutoCloseable {
        final Mode mode;
        final LocalClaidServer server;
        final CamelContext context = new DefaultCamelContext();
        final ProducerTemplate template;
        final Map<Long, Long> submittedAt = new ConcurrentHashMap<>();
        final Map<Long, Long> reportedAt = new ConcurrentHashMap<>();
        /** Task id to its position in the stream. */
        final Map<Long, Integer> order = new ConcurrentHashMap<>();

        Run(Mode mode) throws Exception {
            this.mode = mode;
            server = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ZERO)
                    .processingFor(Duration.ofMillis(500)).processingSpread(Duration.ofMillis(5500)).randomSeed(7)
                    .build().start();
            String common = "apiKey=" + KEY + "&baseUrl=" + server.baseUrl() + "&" + mode.options;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:submit").to("claid:editAsync?" + common + "&operations=RAW({})");
                    from("claid:tasks?" + common + "&delay=10").process(e -> reportedAt.put(
                            e.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class), System.nanoTime()));
                }
            });
            context.start();
            template = context.createProducerTemplate();
        }

        void submit(int i) {
            long id = template.request("direct:submit",
                    e -> e.getMessage().setBody("https://images.example/" + i + ".jpg"))
                    .getMessage().getHeader(ClaidConstants.TASK_ID, Long.class);
            submittedAt.put(id, System.nanoTime());
            order.put(id, i);
        }

        Outcome awaitAll() {
            await().atMost(Duration.ofSeconds(60)).until(() -> reportedAt.size() == TASKS);
            double meanMillis = reportedAt.entrySet().stream()
                    .mapToLong(e -> e.getValue() - submittedAt.get(e.getKey())).average().orElse(0) / 1e6;
            long polls = server.requestCount("GET", "/v1/image/edit/async/");
            TaskLedger ledger = context.getComponent("claid", ClaidComponent.class).taskLedger(new ClaidConfiguration());
            long steadyPolls = 0;
            int steadyTasks = 0;
            for (Map.Entry<Long, Integer> task : order.entrySet()) {
                if (task.getValue() >= WARM_UP) {
                    // the ledger counts the polls that found the task running; one more found it finished
                    steadyPolls += ledger.find(new TaskKey(TaskKind.EDIT_ASYNC, task.getKey())).orElseThrow().polls() + 1;
                    steadyTasks++;
                }
            }
            // how late the server's first ended answer came after the task's end, for the tasks after the warm-up
            double[] late = server.taskTimelines().stream()
                    .filter(t -> order.getOrDefault(t.id(), -1) >= WARM_UP && t.noticedLate() != null)
                    .mapToDouble(t -> t.noticedLate().toNanos() / 1e6).sorted().toArray();
            return new Outcome(mode, reportedAt.size(), polls, (double) steadyPolls / steadyTasks, meanMillis,
                    quantile(late, 0.5), quantile(late, 0.99));
        }

        static double quantile(double[] sorted, double q) {
            return sorted.length == 0 ? Double.NaN
                    : sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
        }

        @Override
        public void close() {
            context.stop();
            server.close();
        }
    }
}
