package io.github.camelclaid.component;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.ledger.JdbcTaskLedger;
import io.github.camelclaid.ledger.TaskKey;
import io.github.camelclaid.ledger.TrackedTask;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Camel instances sharing one {@link JdbcTaskLedger}, as two JVMs on two machines would: one H2 database served
 * over TCP on 127.0.0.1, and per instance its own {@link DefaultCamelContext}, {@link ClaidComponent}, connection pool
 * and ledger object, all against one {@link LocalClaidServer}. Both submit tasks and both run {@code claid:tasks};
 * every task must be emitted exactly once across the two, also when a route fails and when an instance dies holding
 * tasks.
 *
 * <p>
 * Nothing here waits for a time to pass: the tests await the ledger's open count reaching zero, then stop both
 * contexts (which waits for exchanges in flight) before counting, so a late duplicate would still be counted.
 */
class JdbcLedgerInstancesIT {

    static final String KEY = "instances-key-7c3e";
    static final String CORRELATION = "OrderId,SubmittedBy";
    static final Duration AT_MOST = Duration.ofSeconds(90);

    static {
        // H2's TCP server binds every interface unless told otherwise (it would only refuse remote clients); the pom
        // sets this for the build, this covers a run of this class alone in an IDE. Read once, when H2 loads.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    @RegisterExtension
    final LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY)
            .acceptedFor(Duration.ofMillis(30))
            .processingFor(Duration.ofMillis(100))
            .processingSpread(Duration.ofMillis(200)));

    private Server h2;
    private String embeddedUrl;
    private String tcpUrl;
    private final List<Instance> instances = new ArrayList<>();
    /** Every exchange either instance's tasks route saw, in the order seen, failed attempts included. */
    // copy-on-write: awaited conditions stream it while the routes add to it
    private final List<Emission> emissions = new CopyOnWriteArrayList<>();

    /** One exchange a tasks route saw: which task, on which instance, what it carried and how the route ended. */
    record Emission(long taskId, String instance, String orderId, String submittedBy, String status, Instant at,
            boolean succeeded) {
    }

    @BeforeEach
    void startDatabase() throws SQLException {
        assertThat(SysProperties.BIND_ADDRESS)
                .as("h2.bindAddress must be 127.0.0.1 before H2 loads, so its TCP server listens on loopback only")
                .isEqualTo("127.0.0.1");
        String name = "instances-" + UUID.randomUUID();
        // the in-memory database lives in this JVM; creating it here first means the TCP server only opens an existing
        // one (remote clients may not create databases); DB_CLOSE_DELAY=-1 keeps it between connections
        embeddedUrl = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        try (Connection ignored = java.sql.DriverManager.getConnection(embeddedUrl, "sa", "")) {
            // created
        }
        // no -tcpAllowOthers: loopback clients only
        h2 = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon").start();
        // a claim waits for a rival's row lock until that transaction commits: milliseconds, but give a loaded build
        // machine more than H2's default before a lock wait becomes an error
        tcpUrl = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:" + name + ";LOCK_TIMEOUT=10000";
    }

    @AfterEach
    void stopEverything() throws SQLException {
        try {
            for (Instance instance : instances) {
                instance.close();
            }
        } finally {
            try (Connection c = java.sql.DriverManager.getConnection(embeddedUrl, "sa", "");
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN"); // drops the in-memory database, which DB_CLOSE_DELAY=-1 would keep
            } finally {
                h2.stop();
            }
        }
    }

    @Test
    void tasksSubmittedByBothInstancesAreEmittedExactlyOnceAcrossBoth() throws Exception {
        Instance a = start("A", "", true);
        Instance b = start("B", "", true);
        int perInstance = 20;

        Map<Long, String> orderIds = new HashMap<>();
        for (int i = 0; i < perInstance; i++) {
            for (Instance instance : List.of(a, b)) {
                String orderId = instance.name + "-order-" + i;
                orderIds.put(instance.submit(orderId), orderId);
            }
        }
        assertThat(orderIds).hasSize(2 * perInstance);

        awaitAllFinished(a);
        stopBoth(a, b);

        List<Emission> seen = List.copyOf(emissions);
        assertThat(seen).allMatch(Emission::succeeded);
        assertThat(seen).extracting(Emission::taskId).containsExactlyInAnyOrderElementsOf(orderIds.keySet());
        for (Emission e : seen) {
            // the headers come back from the shared table, whichever instance submitted the task and emits it
            String orderId = orderIds.get(e.taskId());
            assertThat(e.orderId()).as("OrderId of task %d", e.taskId()).isEqualTo(orderId);
            assertThat(e.submittedBy()).isEqualTo(orderId.substring(0, 1));
            assertThat(e.status()).isEqualTo("DONE");
        }
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(2L * perInstance);

        Map<String, Long> split = seen.stream()
                .collect(Collectors.groupingBy(Emission::instance, LinkedHashMap::new, Collectors.counting()));
        long crossed = seen.stream().filter(e -> !e.instance().equals(e.submittedBy())).count();
        System.out.println("JdbcLedgerInstancesIT: emitted per instance " + split + ", " + crossed
                + " of them by the instance that did not submit the task");
    }

    @Test
    void aTaskWhoseRouteFailedOnOneInstanceIsEmittedSuccessfullyOnceByEither() throws Exception {
        Instance a = start("A", "", true);
        // B starts consuming only once A has failed on a task, so the failure path is exercised for certain; from then
        // on either instance may take the retry
        Instance b = start("B", "", false);
        int perInstance = 20;

        // every other task: A's route throws the first time A reports it. Chosen by order id, which is known before
        // submission, so that no report can come before the choice
        Set<String> unlucky = new HashSet<>();
        for (int i = 0; i < perInstance; i += 2) {
            unlucky.add("A-order-" + i);
            unlucky.add("B-order-" + i);
        }
        a.failFirstReportOf(unlucky);
        List<Long> submitted = new ArrayList<>();
        for (int i = 0; i < perInstance; i++) {
            for (Instance instance : List.of(a, b)) {
                submitted.add(instance.submit(instance.name + "-order-" + i));
            }
        }

        await().atMost(AT_MOST).until(() -> emissions.stream().anyMatch(e -> !e.succeeded()));
        b.context.getRouteController().startRoute("tasks");
        awaitAllFinished(a);
        stopBoth(a, b);

        List<Emission> seen = List.copyOf(emissions);
        List<Emission> successes = seen.stream().filter(Emission::succeeded).toList();
        List<Emission> failures = seen.stream().filter(e -> !e.succeeded()).toList();
        // a failed attempt is not a success: each task succeeded exactly once, over both instances
        assertThat(successes).extracting(Emission::taskId).containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(failures).isNotEmpty();
        assertThat(failures).allSatisfy(f -> {
            assertThat(f.instance()).isEqualTo("A");
            assertThat(unlucky).contains(f.orderId());
        });
        assertThat(failures).extracting(Emission::taskId).doesNotHaveDuplicates();
        for (Emission f : failures) {
            // the success is the retry after the failure, not an emission that raced it
            Emission success = successes.stream().filter(s -> s.taskId() == f.taskId()).findFirst().orElseThrow();
            assertThat(seen.indexOf(success)).isGreaterThan(seen.indexOf(f));
        }
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(2L * perInstance);

        Map<Long, String> retriedBy = successes.stream()
                .filter(s -> failures.stream().anyMatch(f -> f.taskId() == s.taskId()))
                .collect(Collectors.toMap(Emission::taskId, Emission::instance));
        System.out.println("JdbcLedgerInstancesIT: " + failures.size() + " tasks failed on A, retried by "
                + retriedBy.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
    }

    @Test
    void tasksHeldByAnInstanceThatDiedAreEmittedOnceByTheOtherWhenTheLeaseLapses() throws Exception {
        // A submits, then its consumer takes some tasks and the process dies holding them: nothing gives them back, so
        // only their leases lapsing frees them. B keeps short leases of its own, as such a setup would.
        Instance a = start("A", "", false);
        Instance b = start("B", "&taskLease=500", false);
        int tasks = 10;
        List<Long> submitted = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            submitted.add(a.submit("A-order-" + i));
        }
        Map<Long, Instant> held = new HashMap<>();
        for (long id : submitted.subList(0, tasks / 2)) {
            Instant now = Instant.now();
            Instant until = now.plusSeconds(1);
            TaskKey key = new TaskKey(TaskKind.EDIT_ASYNC, id);
            assertThat(a.ledger.claim(key, "dead-instance", now, until)).isPresent();
            held.put(id, until);
        }
        a.context.stop(); // A is gone; a stop of a consumer that never ran gives nothing back

        for (long id : held.keySet()) {
            TrackedTask seenByB = b.ledger.find(new TaskKey(TaskKind.EDIT_ASYNC, id)).orElseThrow();
            assertThat(seenByB.owner()).isEqualTo("dead-instance");
        }
        b.context.getRouteController().startRoute("tasks");
        awaitAllFinished(b);
        b.context.stop();

        List<Emission> seen = List.copyOf(emissions);
        assertThat(seen).allMatch(Emission::succeeded);
        assertThat(seen).allMatch(e -> e.instance().equals("B"));
        assertThat(seen).extracting(Emission::taskId).containsExactlyInAnyOrderElementsOf(submitted);
        for (Emission e : seen) {
            assertThat(e.orderId()).isEqualTo("A-order-" + submitted.indexOf(e.taskId()));
            Instant leaseUntil = held.get(e.taskId());
            if (leaseUntil != null) {
                // not a timing margin but cause and effect on one clock: B could claim it only once the dead
                // instance's lease had lapsed (the ledger stores milliseconds), and B's route ran after its claim
                assertThat(e.at()).isAfterOrEqualTo(leaseUntil.truncatedTo(ChronoUnit.MILLIS));
            }
        }
        assertThat(claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(tasks);
    }

    @Test
    void aRouteSlowerThanTheLeaseKeepsItsTaskBecauseTheLeaseIsRenewedAndNoOtherInstanceReportsItAgain()
            throws Exception {
        // leases of 600 ms, a route that takes several of them: without renewal B would take the task over and
        // report it a second time while A's route is still working on it
        Instance a = start("A", "&taskLease=600", true);
        // B consumes once A's route has the task, so that the task is A's for certain
        Instance b = start("B", "&taskLease=600", false);
        CountDownLatch release = new CountDownLatch(1);
        a.holdRouteOn("A-order-slow", release);
        long id = a.submit("A-order-slow");
        TaskKey key = new TaskKey(TaskKind.EDIT_ASYNC, id);

        await().atMost(AT_MOST).until(() -> a.inRoute.contains("A-order-slow"));
        b.context.getRouteController().startRoute("tasks");
        Instant firstLease = a.ledger.find(key).orElseThrow().leaseUntil();
        // held past the end of its first lease, and still A's: renewed, not lapsed
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(50)).until(() -> {
            TrackedTask now = a.ledger.find(key).orElseThrow();
            return Instant.now().isAfter(firstLease.plusMillis(1_200)) && "A".equals(ownerInstance(now))
                    && now.leaseUntil().isAfter(firstLease.plusMillis(600));
        });
        release.countDown();
        awaitAllFinished(a);
        stopBoth(a, b);

        assertThat(emissions).extracting(Emission::taskId).containsExactly(id);
        assertThat(emissions).extracting(Emission::instance).containsExactly("A");
    }

    @Test
    void aStatusRequestSlowerThanTheLeaseKeepsItsTaskSoTheOtherInstanceDoesNotReportItToo() throws Exception {
        // the first status request answers after several leases (a slow Claid, retries, the rate budget): the task is
        // held meanwhile, so the other instance neither polls nor reports it
        Instance a = start("A", "&taskLease=600", false);
        Instance b = start("B", "&taskLease=600", false);
        long id = a.submit("A-order-slow-poll");
        TaskKey key = new TaskKey(TaskKind.EDIT_ASYNC, id);
        claid.server().faults().next(1).delay(Duration.ofSeconds(3)).on("GET", "/v1/image/edit/async/");
        a.context.getRouteController().startRoute("tasks");
        await().atMost(AT_MOST).until(() -> "A".equals(ownerInstance(a.ledger.find(key).orElseThrow())));
        Instant firstLease = a.ledger.find(key).orElseThrow().leaseUntil();
        b.context.getRouteController().startRoute("tasks");
        // still A's past the end of its first lease, its answer not yet back: renewed, not lapsed
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(50)).until(() -> {
            TrackedTask now = a.ledger.find(key).orElseThrow();
            return Instant.now().isAfter(firstLease.plusMillis(1_200)) && "A".equals(ownerInstance(now))
                    && now.leaseUntil().isAfter(firstLease.plusMillis(600));
        });
        assertThat(emissions).isEmpty();
        awaitAllFinished(a);
        stopBoth(a, b);

        assertThat(emissions).extracting(Emission::taskId).containsExactly(id);
        assertThat(emissions).extracting(Emission::instance).containsExactly("A");
    }

    /** Which instance holds a task, from the owner name its consumer took it under. */
    private String ownerInstance(TrackedTask task) {
        for (Instance instance : instances) {
            if (task.owner() != null && instance.consumerOwners().contains(task.owner())) {
                return instance.name;
            }
        }
        return null;
    }

    // --- the instances ---

    private void awaitAllFinished(Instance any) {
        // the instances share the table: either one's ledger sees every task
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(50)).until(() -> any.ledger.openCount() == 0);
    }

    /** Stopping waits for exchanges in flight, so whatever was emitted is in {@link #emissions} afterwards. */
    private static void stopBoth(Instance a, Instance b) {
        a.context.stop();
        b.context.stop();
    }

    /**
     * An instance with its own pool and ledger on the shared database, submitting through {@code direct:submit} and
     * reporting on route {@code tasks} (started now or later).
     */
    private Instance start(String name, String consumerOptions, boolean consuming) throws Exception {
        Instance instance = new Instance(name, consumerOptions, consuming);
        instances.add(instance);
        return instance;
    }

    private final class Instance implements AutoCloseable {
        final String name;
        final JdbcConnectionPool pool;
        final JdbcTaskLedger ledger;
        final DefaultCamelContext context;
        final ProducerTemplate template;
        /** Order ids of the tasks whose first report this instance's route fails. */
        final Set<String> failFirst = ConcurrentHashMap.newKeySet();
        /** Order ids whose report this instance's route holds until the latch is released. */
        final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
        /** Order ids this instance's route is working on or has worked on. */
        final Set<String> inRoute = ConcurrentHashMap.newKeySet();

        Instance(String name, String consumerOptions, boolean consuming) throws Exception {
            this.name = name;
            this.pool = JdbcConnectionPool.create(tcpUrl, "sa", "");
            this.ledger = new JdbcTaskLedger(pool);
            this.context = new DefaultCamelContext();
            context.getCamelContextExtension().setName("instance-" + name);
            ClaidComponent component = new ClaidComponent();
            component.getConfiguration().setTaskLedger(ledger);
            context.addComponent("claid", component);
            String common = "apiKey=" + KEY + "&baseUrl=" + claid.server().baseUrl()
                    + "&taskPollInterval=20&taskPollMaxInterval=200";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the failures of the second test are on purpose: one line each, not a stack trace
                    errorHandler(defaultErrorHandler().logStackTrace(false).logExhaustedMessageHistory(false));
                    from("direct:submit").to("claid:editAsync?" + common + "&correlationHeaders=" + CORRELATION
                            + "&operations=RAW({\"resizing\":{\"width\":64}})");
                    from("claid:tasks?" + common + "&initialDelay=0&delay=20" + consumerOptions).routeId("tasks")
                            .autoStartup(consuming)
                            .process(Instance.this::report);
                }
            });
            context.start();
            template = context.createProducerTemplate();
        }

        void holdRouteOn(String orderId, CountDownLatch release) {
            holds.put(orderId, release);
        }

        /** The ledger owner names of this instance's tasks consumer. */
        Set<String> consumerOwners() {
            Set<String> owners = new HashSet<>();
            for (org.apache.camel.Route route : context.getRoutes()) {
                if (route.getConsumer() instanceof ClaidTasksConsumer tasks) {
                    owners.add(tasks.owner());
                }
            }
            return owners;
        }

        void failFirstReportOf(Set<String> orderIds) {
            failFirst.addAll(orderIds);
        }

        /** Submits one task with its correlation headers; returns its id. */
        long submit(String orderId) {
            Exchange out = template.request("direct:submit", e -> {
                e.getMessage().setBody("https://images.example/" + orderId + ".jpg");
                e.getMessage().setHeader("OrderId", orderId);
                e.getMessage().setHeader("SubmittedBy", name);
            });
            assertThat(out.getException()).isNull();
            return out.getMessage().getBody(TaskAccepted.class).id();
        }

        private void report(Exchange exchange) throws InterruptedException {
            long id = exchange.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class);
            String orderId = exchange.getMessage().getHeader("OrderId", String.class);
            if (orderId != null) {
                inRoute.add(orderId);
                CountDownLatch hold = holds.get(orderId);
                if (hold != null && !hold.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the route on " + orderId);
                }
            }
            boolean fail = orderId != null && failFirst.remove(orderId);
            emissions.add(new Emission(id, name, orderId,
                    exchange.getMessage().getHeader("SubmittedBy", String.class),
                    exchange.getMessage().getHeader(ClaidConstants.TASK_STATUS, String.class), Instant.now(), !fail));
            if (fail) {
                throw new IllegalStateException("instance " + name + " fails its first report of task " + id);
            }
        }

        @Override
        public void close() {
            try {
                context.stop();
            } finally {
                pool.dispose();
            }
        }
    }
}
