package io.github.camelclaid.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.ledger.JdbcTaskLedger;
import io.github.camelclaid.support.LocalPostgresExtension;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet on one PostgreSQL: three Camel instances, each with its own connection pool, component and ledger object
 * (as three JVMs would have), offer the same inputs in the same order at the same time, each input under its request
 * key, and all three report tasks with {@code claid:tasks}. Each input must be paid once and its result emitted once
 * across the fleet. {@code -Dclaid.fleet.inputs=N} sets the number of inputs (300 by default).
 */
class PostgresFleetIT {

    static final String KEY = "fleet-key-5b21";
    static final int INPUTS = Integer.getInteger("claid.fleet.inputs", 300);
    static final int IN_FLIGHT_PER_INSTANCE = 16;

    @RegisterExtension
    static final LocalPostgresExtension database = new LocalPostgresExtension();

    @RegisterExtension
    final LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY)
            .acceptedFor(Duration.ofMillis(30))
            .processingFor(Duration.ofMillis(200))
            .processingSpread(Duration.ofMillis(400)));

    private final List<Instance> instances = new ArrayList<>();
    /** Input id → how many times a tasks route emitted its result, over the whole fleet. */
    private final Map<String, AtomicInteger> emitted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unconfirmed = new ConcurrentHashMap<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(Instance::close);
    }

    @Test
    void threeInstancesOfferingTheSameInputsInTheSameOrderPayOncePerInputAndEmitEachResultOnce() throws Exception {
        for (String name : List.of("A", "B", "C")) {
            instances.add(new Instance(name));
        }
        // all three start together, so that they also create the table together
        List<CompletableFuture<Map<String, Boolean>>> offers = instances.stream()
                .map(instance -> CompletableFuture.supplyAsync(instance::offerAll)).toList();
        List<Map<String, Boolean>> reusedByInstance = offers.stream().map(CompletableFuture::join).toList();

        JdbcTaskLedger anyLedger = instances.get(0).ledger;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> anyLedger.openCount() == 0);
        instances.forEach(i -> i.context.stop()); // waits for exchanges in flight: a late duplicate is still counted

        long paid = claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC);
        Map<Integer, Long> emissions = emitted.values().stream()
                .collect(Collectors.groupingBy(AtomicInteger::get, Collectors.counting()));
        long reused = reusedByInstance.stream().mapToLong(m -> m.values().stream().filter(r -> r).count()).sum();
        System.out.printf("PostgresFleetIT: %d inputs offered by 3 instances: %d paid, %d offers reused another's"
                + " task, results emitted once/twice: %s, unconfirmed %d%n", INPUTS, paid, reused, emissions,
                unconfirmed.size());
        assertThat(paid).isEqualTo(INPUTS);
        assertThat(reused).isEqualTo(2L * INPUTS);
        assertThat(emitted).hasSize(INPUTS).allSatisfy((input, count) -> assertThat(count.get()).isEqualTo(1));
        assertThat(unconfirmed).isEmpty();
    }

    private final class Instance {
        final String name;
        final HikariDataSource pool;
        final JdbcTaskLedger ledger;
        final DefaultCamelContext context;
        final ProducerTemplate template;

        Instance(String name) throws Exception {
            this.name = name;
            this.pool = database.postgres().newPool("fleet-" + name, 10);
            this.ledger = new JdbcTaskLedger(pool);
            this.context = new DefaultCamelContext();
            context.getCamelContextExtension().setName("fleet-" + name);
            ClaidComponent component = new ClaidComponent();
            component.getConfiguration().setTaskLedger(ledger);
            context.addComponent("claid", component);
            String common = "apiKey=" + KEY + "&baseUrl=" + claid.server().baseUrl()
                    + "&taskPollInterval=50&taskPollMaxInterval=500";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:submit").to("claid:editAsync?" + common + "&correlationHeaders=InputId"
                            + "&operations=RAW({\"resizing\":{\"width\":64}})");
                    from("claid:tasks?" + common + "&initialDelay=0&delay=50").process(Instance.this::report);
                }
            });
            context.start();
            template = context.createProducerTemplate();
        }

        /** Offers every input, in order, a few at a time; returns for each input whether another's task was reused. */
        Map<String, Boolean> offerAll() {
            Map<String, Boolean> reused = new ConcurrentHashMap<>();
            List<CompletableFuture<Exchange>> inFlight = new ArrayList<>();
            for (int i = 0; i < INPUTS; i++) {
                String input = "input-" + i;
                inFlight.add(template.asyncSend("direct:submit", e -> {
                    e.getMessage().setBody("https://images.example/" + input + ".jpg");
                    e.getMessage().setHeader("InputId", input);
                    e.getMessage().setHeader(ClaidConstants.REQUEST_KEY, "images/" + input + ".jpg/etag-1");
                }));
                if (inFlight.size() == IN_FLIGHT_PER_INSTANCE) {
                    collect(inFlight, reused);
                }
            }
            collect(inFlight, reused);
            return reused;
        }

        private void collect(List<CompletableFuture<Exchange>> inFlight, Map<String, Boolean> reused) {
            for (CompletableFuture<Exchange> each : inFlight) {
                Exchange done = each.join();
                assertThat(done.getException()).as("offer on %s", name).isNull();
                reused.put(done.getMessage().getHeader("InputId", String.class),
                        Boolean.TRUE.equals(done.getMessage().getHeader(ClaidConstants.TASK_REUSED)));
            }
            inFlight.clear();
        }

        private void report(Exchange exchange) {
            String input = exchange.getMessage().getHeader("InputId", String.class);
            String status = exchange.getMessage().getHeader(ClaidConstants.TASK_STATUS, String.class);
            Map<String, AtomicInteger> counts = ClaidConstants.TaskStatuses.UNCONFIRMED.equals(status) ? unconfirmed
                    : emitted;
            counts.computeIfAbsent(String.valueOf(input), k -> new AtomicInteger()).incrementAndGet();
        }

        void close() {
            try {
                context.stop();
            } finally {
                pool.close();
            }
        }
    }
}
