package io.github.camelclaid.component;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.github.camelclaid.component.BurstFigures.Plan;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.RateLimitBudget;
import io.github.camelclaid.testserver.TaskTimeline;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.awaitility.Awaitility.await;

/**
 * The figures of finishing many tasks with {@code claid:tasks}, printed, not asserted: bursts of
 * {@code claid:editAsync} submissions (no waiting) left to one tasks consumer, for each polling plan: tasks reported,
 * threads added, heap per open task (its ledger record, the consumer's state, and the local server's share, printed
 * beside), status requests per task and how late ends were noticed. The companion of {@link WaitsFigureIT} (same
 * tasks, 2-30 s scaled down tenfold with the poll intervals and the consumer's run delay; lateness scaled back up),
 * with the same switch: {@code ./mvnw -pl src/camel-claid -am verify -Dit.test=TasksConsumerFigureIT
 * -Dclaid.waits.figure=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dclaid.waits.figure.counts}
 * and {@code -Dclaid.tasks.figure.plans} choose the bursts and plans.
 */
@EnabledIfSystemProperty(named = "claid.waits.figure", matches = "true")
class TasksConsumerFigureIT {

    static final String KEY = "tasks-figure-key-5d20";
    static final int SCALE = 10;
    /** Camel's default delay between a polling consumer's runs, 500 ms, scaled down like the tasks. */
    static final String RUN_DELAY = "&delay=50";

    @Test
    void printTheFigures() throws Exception {
        System.out.printf(Locale.ROOT, "%n%-18s %6s %9s %7s %10s %10s %8s %9s %9s%n",
                "plan", "tasks", "reported", "threads", "heap/task", "of which", "polls", "late p50", "late p99");
        System.out.printf(Locale.ROOT, "%-18s %6s %9s %7s %10s %10s%n", "", "", "", "", "", "server");
        BurstFigures.print("claid.tasks.figure.plans", true, TasksConsumerFigureIT::measure);
    }

    private static String measure(Plan plan, int count) throws Exception {
        try (LocalClaidServer server = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(50))
                .processingFor(Duration.ofMillis(150)).processingSpread(Duration.ofMillis(2800))
                .rateLimit(RateLimitBudget.perMinuteAndSecond(100_000_000, 10_000_000)).build().start()) {
            String common = "apiKey=" + KEY + "&baseUrl=" + server.baseUrl() + plan.options;
            Set<Long> reported = ConcurrentHashMap.newKeySet();
            CamelContext context = new DefaultCamelContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("claid:tasks?" + common + RUN_DELAY)
                            .process(e -> reported.add(e.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class)));
                }
            });
            context.start();
            try (Submitter submitter = new Submitter(context, "claid:editAsync?" + common + "&operations=RAW({})")) {
                // teaches the learned plans, and starts the pools and the HTTP client
                Set<Long> learning = submitter.submit(40, "https://images.example/learning");
                until(() -> reported.containsAll(learning), Duration.ofMinutes(2));

                int threadsBefore = WaitBurst.clientThreads();
                int[] peak = { threadsBefore };
                Set<Long> free = submitter.submit(count, "https://images.example/free");
                until(() -> {
                    peak[0] = Math.max(peak[0], WaitBurst.clientThreads());
                    return reported.containsAll(free);
                }, Duration.ofMinutes(10));
                Map<Long, TaskTimeline> timelines = server.taskTimelines().stream()
                        .collect(Collectors.toMap(TaskTimeline::id, t -> t));
                List<TaskTimeline> mine = free.stream().map(timelines::get).filter(t -> t != null).toList();

                // then every task held at the server until the consumer has asked as often as there are tasks: what
                // open tasks weigh
                long heapBefore = WaitBurst.settledHeap();
                ClaidTasksConsumer consumer = (ClaidTasksConsumer) context.getRoute(
                        context.getRoutes().get(0).getRouteId()).getConsumer();
                long pollsBefore = consumer.statusRequests();
                Set<Long> held = submitter.submit(count, "https://images.example/free-hold");
                until(() -> {
                    peak[0] = Math.max(peak[0], WaitBurst.clientThreads());
                    return consumer.statusRequests() - pollsBefore >= count;
                }, Duration.ofMinutes(10));
                long heapOpen = WaitBurst.settledHeap();
                server.releaseHeldTasks();
                until(() -> reported.containsAll(held), Duration.ofMinutes(10));
                // the local server runs in this JVM and keeps every task it was given (and its last 10,000 requests):
                // its share per task is what forgetting them all frees, an overestimate
                long heapServing = WaitBurst.settledHeap();
                int served = server.taskTimelines().size();
                server.reset();
                long serverPerTask = (heapServing - WaitBurst.settledHeap()) / Math.max(1, served);
                long heapPerTask = (heapOpen - heapBefore) / count;

                return String.format(Locale.ROOT, "%-18s %6d %9d %+7d %8d B %8d B %8.2f %7.2f s %7.2f s%n",
                        plan, count, mine.stream().filter(t -> reported.contains(t.id())).count(),
                        peak[0] - threadsBefore, heapPerTask, serverPerTask,
                        mine.stream().mapToInt(TaskTimeline::statusRequests).average().orElse(Double.NaN),
                        lateMillis(mine, 0.5) * SCALE / 1000, lateMillis(mine, 0.99) * SCALE / 1000);
            } finally {
                context.stop();
            }
        }
    }

    private static double lateMillis(List<TaskTimeline> tasks, double quantile) {
        double[] late = tasks.stream().filter(t -> t.noticedLate() != null)
                .mapToDouble(t -> t.noticedLate().toNanos() / 1e6).sorted().toArray();
        return late.length == 0 ? Double.NaN
                : late[(int) Math.min(late.length - 1, Math.max(0, Math.ceil(quantile * late.length) - 1))];
    }

    private static void until(BooleanSupplier condition, Duration atMost) {
        await().pollInSameThread().pollInterval(Duration.ofMillis(20)).atMost(atMost).until(condition::getAsBoolean);
    }

    /** Submits edits all at once through the asynchronous producer, without a thread per exchange. */
    private static final class Submitter implements AutoCloseable {
        private final Endpoint endpoint;
        private final Producer producer;
        private final AsyncProcessor processor;

        Submitter(CamelContext context, String uri) throws Exception {
            endpoint = context.getEndpoint(uri);
            producer = endpoint.createProducer();
            ServiceHelper.startService(producer);
            processor = AsyncProcessorConverterHelper.convert(producer);
        }

        /** The ids of {@code count} tasks, once all are submitted; a failed submission fails the figure. */
        Set<Long> submit(int count, String urlPrefix) {
            Set<Long> ids = ConcurrentHashMap.newKeySet();
            AtomicInteger ended = new AtomicInteger();
            List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int i = 0; i < count; i++) {
                Exchange exchange = endpoint.createExchange();
                exchange.getMessage().setBody(urlPrefix + "-" + i + ".jpg");
                processor.process(exchange, doneSync -> {
                    Long id = exchange.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class);
                    if (exchange.getException() != null || id == null) {
                        failures.add(String.valueOf(exchange.getException()));
                    } else {
                        ids.add(id);
                    }
                    ended.incrementAndGet();
                });
            }
            until(() -> ended.get() == count, Duration.ofMinutes(5));
            if (!failures.isEmpty()) {
                throw new AssertionError(failures.size() + " submissions failed, first: " + failures.get(0));
            }
            return ids;
        }

        @Override
        public void close() {
            ServiceHelper.stopService(producer);
        }
    }
}
