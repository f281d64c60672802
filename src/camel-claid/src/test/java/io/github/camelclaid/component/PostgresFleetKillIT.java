package io.github.camelclaid.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.component.FleetInstanceProcess.Offers;
import io.github.camelclaid.ledger.JdbcTaskLedger;
import io.github.camelclaid.support.ChildJvm;
import io.github.camelclaid.support.LocalPostgresExtension;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import io.github.camelclaid.testserver.PaidSubmission;
import io.github.camelclaid.testserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fleet as users run it: three JVMs ({@link FleetInstanceProcess}) on one real PostgreSQL, offering inputs as each
 * {@link Offers} says (all in the same order or each from its own third, under their request keys; or each only its
 * own third, unkeyed), each reporting tasks with {@code claid:tasks} through a route that takes 200 ms; instance A is
 * killed with SIGKILL once half of its offers are done. The fleet waits for unconfirmed
 * submissions ({@code unconfirmedSubmissionWait}), as {@code docs/scaling.md} says a fleet that must never pay twice
 * does, and uses a short {@code taskLease} so that the run takes seconds.
 *
 * <p>
 * What it must show: no input paid twice; with request keys, every input's result emitted, once, except those A's
 * route was processing when it died (at-least-once there: emitted again by a survivor), {@code UNCONFIRMED} only for
 * A's submissions in flight at the kill, and A's held tasks taken over; without them, what A had not finished of its
 * own third is lost, and nothing else. It prints the table of {@code docs/scaling.md}.
 * {@code -Dclaid.fleet.inputs=N} sets the number of inputs (300 by default).
 */
class PostgresFleetKillIT {

    static final String KEY = "fleet-kill-key-7c40";
    static final int INPUTS = Integer.getInteger("claid.fleet.inputs", 300);
    static final long ROUTE_MILLIS = 200;
    static final Duration LEASE = Duration.ofSeconds(5);
    static final String OPTIONS = "taskLease=" + LEASE.toMillis() + "&unconfirmedSubmissionWait=2000"
            + "&taskPollInterval=100&taskPollMaxInterval=1000";
    /** Submissions each instance has in flight at once (its offers go 16 at a time). */
    static final int IN_FLIGHT = 16;
    private static final Pattern INPUT = Pattern.compile("input-(\\d+)\\.jpg");

    @RegisterExtension
    static final LocalPostgresExtension database = new LocalPostgresExtension();

    @RegisterExtension
    final LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY)
            .acceptedFor(Duration.ofMillis(50))
            .processingFor(Duration.ofMillis(500))
            .processingSpread(Duration.ofMillis(1500)));

    @TempDir
    Path dir;

    private final Map<String, ChildJvm> instances = new TreeMap<>();

    /** Each run starts from an empty ledger: the fleet creates its table again. */
    @BeforeEach
    void dropLedgerTable() throws Exception {
        try (Connection c = database.postgres().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS claid_task");
        }
    }

    @AfterEach
    void stopInstances() {
        instances.values().forEach(ChildJvm::kill);
    }

    @ParameterizedTest
    @EnumSource(Offers.class)
    void threeJvmsWithOneKilledHalfwayPayOncePerInputAndLoseNothingTheyWereGiven(Offers offers) throws Exception {
        Path go = dir.resolve("go");
        for (String name : List.of("A", "B", "C")) {
            instances.put(name, ChildJvm.start("fleet-" + name, FleetInstanceProcess.class,
                    List.of(name, database.postgres().jdbcUrl(), claid.server().baseUrl(), String.valueOf(INPUTS),
                            output(name).toString(), go.toString(), String.valueOf(ROUTE_MILLIS), OPTIONS,
                            offers.name()),
                    Map.of("CLAID_API_KEY", KEY), Duration.ofSeconds(120),
                    line -> line.startsWith(FleetInstanceProcess.OFFERED)));
        }
        for (ChildJvm instance : instances.values()) {
            instance.await("start", () -> instance.lastLine(FleetInstanceProcess.STARTED) != null);
        }
        Files.createFile(go);

        ChildJvm a = instances.get("A");
        List<Integer> offeredByA = offers.of(0, INPUTS);
        a.await("half its offers", () -> a.lines(FleetInstanceProcess.OFFERED).size() >= offeredByA.size() / 2);
        a.kill();
        int doneByA = a.lines(FleetInstanceProcess.OFFERED).size();
        long killedAt = System.currentTimeMillis();
        // what A held at that moment: its rows keep its owner names until another instance takes them
        Map<String, String> heldByA = heldBy("fleet-A-");

        ChildJvm b = instances.get("B");
        ChildJvm c = instances.get("C");
        JdbcTaskLedger observer = new JdbcTaskLedger(database.postgres().dataSource());
        b.await("all offered", () -> b.lastLine(FleetInstanceProcess.ALL_OFFERED) != null);
        c.await("all offered", () -> c.lastLine(FleetInstanceProcess.ALL_OFFERED) != null);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> observer.openCount() == 0);
        b.stop();
        c.stop();

        Map<Integer, Integer> paidPerInput = paidPerInput();
        List<String[]> emissions = new ArrayList<>();
        for (String name : instances.keySet()) {
            ChildJvm.completeLines(output(name)).forEach(line -> emissions.add(line.split(" ")));
        }
        Map<String, Long> resultsPerInput = emissions.stream().filter(e -> !"UNCONFIRMED".equals(e[2]))
                .collect(Collectors.groupingBy(e -> e[0], Collectors.counting()));
        Set<String> unconfirmed = emissions.stream().filter(e -> "UNCONFIRMED".equals(e[2])).map(e -> e[0])
                .collect(Collectors.toSet());
        Set<String> emittedByA = emissions.stream().filter(e -> "A".equals(e[3])).map(e -> e[0])
                .collect(Collectors.toSet());
        // a task A held is taken over when a survivor emits it
        List<String[]> takenOver = emissions.stream()
                .filter(e -> !"A".equals(e[3]) && heldByA.containsKey(e[1])).toList();
        long firstTakeover = takenOver.stream().mapToLong(e -> Long.parseLong(e[4])).min().orElse(killedAt);
        long lastTakeover = takenOver.stream().mapToLong(e -> Long.parseLong(e[4])).max().orElse(killedAt);
        long paid = claid.server().paidSubmissionCount(ApiOperation.EDIT_ASYNC);
        long paidTwice = paidPerInput.values().stream().filter(n -> n > 1).count();
        long once = resultsPerInput.values().stream().filter(n -> n == 1).count();
        long twice = resultsPerInput.values().stream().filter(n -> n > 1).count();
        long never = INPUTS - resultsPerInput.size() - unconfirmed.stream()
                .filter(i -> !resultsPerInput.containsKey(i)).count();
        long paidNeverEmitted = paidPerInput.keySet().stream()
                .filter(n -> !resultsPerInput.containsKey("input-" + n) && !unconfirmed.contains("input-" + n)).count();
        System.out.printf("PostgresFleetKillIT %s: %d inputs, 3 JVMs, A killed at half: paid %d, paid twice %d,"
                + " emitted once/twice/never %d/%d/%d, UNCONFIRMED %d, paid but never emitted %d, A held %d at the"
                + " kill, taken over %d, kill -> first/last takeover emitted %.1f/%.1f s (taskLease %d s)%n", offers,
                INPUTS, paid, paidTwice, once, twice, never, unconfirmed.size(), paidNeverEmitted, heldByA.size(),
                takenOver.size(), (firstTakeover - killedAt) / 1000.0, (lastTakeover - killedAt) / 1000.0,
                LEASE.toSeconds());

        assertThat(paidTwice).as("inputs paid more than once").isZero();
        if (!offers.keyed) {
            // what the split alone gives: A's own third is lost from where it died (its unsent offers, and its
            // submissions in flight, paid at Claid but never recorded); B's and C's are reported once each
            assertThat(never).isLessThanOrEqualTo(offeredByA.size() - doneByA);
            assertThat(unconfirmed).isEmpty();
            for (int survivor = 1; survivor <= 2; survivor++) {
                for (int n : offers.of(survivor, INPUTS)) {
                    assertThat(resultsPerInput).containsEntry("input-" + n, 1L);
                }
            }
            return;
        }
        assertThat(never).as("inputs with neither a result nor UNCONFIRMED").isZero();
        // at-least-once only where A's route was at work when it died: a second emission always involves A
        resultsPerInput.forEach((input, count) -> {
            if (count > 1) {
                assertThat(emittedByA).as("input %s emitted %d times", input, count).contains(input);
            }
        });
        assertThat(twice).isLessThanOrEqualTo(1);
        // UNCONFIRMED only for what A was submitting when it died, and never for an input that was paid and reported
        assertThat(unconfirmed.size()).isLessThanOrEqualTo(IN_FLIGHT);
        unconfirmed.forEach(input -> assertThat(resultsPerInput).doesNotContainKey(input));
        assertThat(paid + unconfirmed.stream().filter(i -> !paidPerInput.containsKey(number(i))).count())
                .isEqualTo(INPUTS);
        // every task A held when it died (its polls, its route) is taken over and emitted by a survivor; what A held
        // may be nothing at that instant, so this counts rather than requires
        Set<String> emittedBySurvivors = emissions.stream().filter(e -> !"A".equals(e[3])).map(e -> e[1])
                .collect(Collectors.toSet());
        heldByA.keySet().stream().filter(id -> Long.parseLong(id) > 0)
                .forEach(id -> assertThat(emittedBySurvivors).as("task %s A held", id).contains(id));
    }

    private Path output(String name) {
        return dir.resolve("emitted-" + name + ".txt");
    }

    private static int number(String input) {
        return Integer.parseInt(input.substring("input-".length()));
    }

    /** Open rows held by owners whose name has this part (an instance's context name): task id → owner. */
    private Map<String, String> heldBy(String ownerPart) throws Exception {
        Map<String, String> held = new HashMap<>();
        try (Connection c = database.postgres().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT task_id, owner FROM claid_task WHERE state = 'OPEN'"
                        + " AND owner LIKE '%" + ownerPart + "%'")) {
            while (rs.next()) {
                held.put(String.valueOf(rs.getLong(1)), rs.getString(2));
            }
        }
        return held;
    }

    /** How many paid submissions the server acted on per input number, from the requests it recorded. */
    private Map<Integer, Integer> paidPerInput() {
        Map<String, RecordedRequest> byId = new HashMap<>();
        claid.server().requests().forEach(r -> byId.put(r.requestId(), r));
        Map<Integer, Integer> paid = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (PaidSubmission submission : claid.server().paidSubmissions()) {
            if (submission.operation() != ApiOperation.EDIT_ASYNC || !seen.add(submission.requestId())) {
                continue;
            }
            Matcher m = INPUT.matcher(byId.get(submission.requestId()).bodyAsString());
            assertThat(m.find()).as("input of paid request %s", submission.requestId()).isTrue();
            paid.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
        return paid;
    }
}
