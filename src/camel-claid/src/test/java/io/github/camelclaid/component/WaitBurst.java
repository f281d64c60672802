package io.github.camelclaid.component;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.TaskTimeline;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.service.ServiceHelper;

import static org.awaitility.Awaitility.await;

/**
 * Puts many {@code waitForCompletion} exchanges in flight on one endpoint at once, without a thread per exchange (each
 * is handed to the asynchronous producer, which answers through a callback), and measures what waiting for them
 * costs: outcomes, threads added, heap per waiting exchange, and, from the server's timelines, status requests per
 * task and how late each end was noticed. Self-contained, so a benchmark can reuse it.
 */
final class WaitBurst implements AutoCloseable {

    /** Threads of the local servers run in the same JVM; they are the server's cost, not the client's. */
    private static final String SERVER_THREADS = "local-claid-";

    private final CamelContext context;
    private final LocalClaidServer server;
    private final Endpoint endpoint;
    private final Producer producer;
    private final AsyncProcessor processor;

    WaitBurst(CamelContext context, LocalClaidServer server, String endpointUri) throws Exception {
        this.context = context;
        this.server = server;
        this.endpoint = context.getEndpoint(endpointUri);
        this.producer = endpoint.createProducer();
        ServiceHelper.startService(producer);
        this.processor = AsyncProcessorConverterHelper.convert(producer);
    }

    /** What one burst came to. */
    record Outcome(int sent, int completed, List<String> failures, int threadsBefore, int threadsPeak,
                   long heapPerWaitBytes, List<TaskTimeline> tasks) {

        int threadsAdded() {
            return threadsPeak - threadsBefore;
        }

        /** Failures whose message says something, e.g. "when Camel stopped". */
        long failuresSaying(String text) {
            return failures.stream().filter(m -> m != null && m.contains(text)).count();
        }

        double pollsPerTask() {
            return tasks.stream().mapToInt(TaskTimeline::statusRequests).average().orElse(Double.NaN);
        }

        /** How late the ends were noticed, in ms, at that quantile (0..1). */
        double noticedLateMillis(double quantile) {
            double[] late = tasks.stream().filter(t -> t.noticedLate() != null)
                    .mapToDouble(t -> t.noticedLate().toNanos() / 1e6).sorted().toArray();
            if (late.length == 0) {
                return Double.NaN;
            }
            return late[(int) Math.min(late.length - 1, Math.max(0, Math.ceil(quantile * late.length) - 1))];
        }
    }

    /** Sends one exchange and waits for it: it starts the pools, the HTTP client and the learning. */
    void warmUp(int exchanges, String urlPrefix) {
        run(exchanges, urlPrefix, false, Duration.ofMinutes(2));
    }

    /**
     * Sends {@code count} exchanges whose input URLs start with {@code urlPrefix} and waits until all have ended. With
     * {@code hold} the server keeps every task running until all exchanges are waiting at once, measures the heap
     * then, and lets them end.
     */
    Outcome run(int count, String urlPrefix, boolean hold, Duration atMost) {
        int threadsBefore = clientThreads();
        AtomicInteger ended = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<Long> taskIds = ConcurrentHashMap.newKeySet();
        int[] peak = { threadsBefore };
        for (int i = 0; i < count; i++) {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody(urlPrefix + (hold ? "-hold-" : "-") + i + ".jpg");
            processor.process(exchange, doneSync -> {
                Long id = exchange.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class);
                if (id != null) {
                    taskIds.add(id);
                }
                if (exchange.getException() != null) {
                    failures.add(exchange.getException().getMessage());
                }
                ended.incrementAndGet();
            });
            if (i % 100 == 0) {
                peak[0] = Math.max(peak[0], clientThreads());
            }
        }
        long heapPerWait = 0;
        if (hold) {
            ClaidEndpoint claid = (ClaidEndpoint) endpoint;
            until(() -> {
                peak[0] = Math.max(peak[0], clientThreads());
                return claid.taskWaiter().waiting() + ended.get() >= count;
            }, atMost);
            long heapWaiting = settledHeap();
            server.releaseHeldTasks();
            until(() -> {
                peak[0] = Math.max(peak[0], clientThreads());
                return ended.get() == count;
            }, atMost);
            // what stays after the waits (ledger entries, the server's tasks) is not the cost of waiting
            heapPerWait = Math.max(0, (heapWaiting - settledHeap()) / count);
        } else {
            until(() -> {
                peak[0] = Math.max(peak[0], clientThreads());
                return ended.get() == count;
            }, atMost);
        }
        Map<Long, TaskTimeline> timelines = server.taskTimelines().stream()
                .collect(Collectors.toMap(TaskTimeline::id, t -> t));
        List<TaskTimeline> mine = taskIds.stream().map(timelines::get).filter(t -> t != null).toList();
        return new Outcome(count, count - failures.size(), List.copyOf(failures), threadsBefore, peak[0],
                heapPerWait, mine);
    }

    private static void until(BooleanSupplier condition, Duration atMost) {
        // polled on this thread, so that watching adds no thread to the count
        await().pollInSameThread().pollInterval(Duration.ofMillis(20)).atMost(atMost)
                .until(condition::getAsBoolean);
    }

    /** Live threads of this JVM, less those of the local servers. */
    static int clientThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ThreadInfo[] infos = threads.getThreadInfo(threads.getAllThreadIds());
        return (int) Arrays.stream(infos)
                .filter(info -> info != null && !info.getThreadName().startsWith(SERVER_THREADS))
                .count();
    }

    static long settledHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    CamelContext context() {
        return context;
    }

    @Override
    public void close() {
        ServiceHelper.stopService(producer);
    }
}
