package io.github.camelclaid.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelclaid.ledger.JdbcTaskLedger;
import io.github.camelclaid.support.ChildJvm;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One instance of the fleet {@link PostgresFleetKillIT} runs, each in a JVM of its own so that one can be killed with
 * SIGKILL: a CamelContext named {@code fleet-<name>} with a {@link JdbcTaskLedger} on a HikariCP pool, as
 * {@code docs/scaling.md} configures it, and the API key from {@code CLAID_API_KEY}.
 *
 * <p>
 * Once the file {@code go} exists (so that the instances start offering together), it offers its inputs
 * ({@link Offers}) to {@code claid:editAsync}, 16 at a time, each under the request key of its image unless the
 * offers are unkeyed;
 * its {@code claid:tasks} route takes {@code routeMillis} per task and then appends
 * {@code <input> <task id> <status> <instance> <epoch millis>} to {@code output}, synced to disk before the route
 * completes (and so before the ledger marks the task finished).
 *
 * <p>
 * Lines on stdout: {@code STARTED}; {@code OFFERED <input> <task id or UNCONFIRMED> <reused>} as each offer completes;
 * {@code ALL OFFERED}.
 *
 * <p>
 * Usage: {@code FleetInstanceProcess <name> <jdbc url> <claid base url> <inputs> <output> <go> <routeMillis> <options>
 * <offers>} where options are added to both endpoints' URIs and offers names an {@link Offers}.
 */
public final class FleetInstanceProcess {

    static final String STARTED = "STARTED";
    static final String OFFERED = "OFFERED ";
    static final String ALL_OFFERED = "ALL OFFERED";
    static final String INPUT_ID = "InputId";
    private static final int IN_FLIGHT = 16;

    private FleetInstanceProcess() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int inputs = Integer.parseInt(args[3]);
        Path output = Path.of(args[4]);
        Path go = Path.of(args[5]);
        long routeMillis = Long.parseLong(args[6]);
        String common = "baseUrl=" + args[2] + "&taskLedger=#ledger&" + args[7];

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("fleet-" + name);
        pool.setJdbcUrl(args[1]);
        pool.setMaximumPoolSize(10);
        HikariDataSource database = new HikariDataSource(pool);
        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("fleet-" + name);
        context.getRegistry().bind("ledger", new JdbcTaskLedger(database));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").routeId("submit")
                        .to("claid:editAsync?" + common + "&correlationHeaders=" + INPUT_ID
                                + "&operations=RAW({\"resizing\":{\"width\":64} })");
                from("claid:tasks?" + common + "&delay=50").routeId("report")
                        .process(e -> {
                            Thread.sleep(routeMillis);
                            append(output, e.getMessage(), name);
                        });
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.stop();
            database.close();
            stopped.countDown();
        }));
        context.start();
        ChildJvm.say(STARTED);
        while (!Files.exists(go)) {
            Thread.sleep(10);
        }
        Offers offers = Offers.valueOf(args[8]);
        offerAll(context.createProducerTemplate(), offers, offers.of(name.charAt(0) - 'A', inputs));
        ChildJvm.say(ALL_OFFERED);
        stopped.await();
    }

    /** Which inputs an instance offers, and whether under request keys; instance 0 is A. */
    enum Offers {
        /** All inputs in the same order, keyed. */
        SAME_ORDER(true),
        /** All inputs keyed, each instance starting from its own third and going round. */
        OWN_THIRD_FIRST(true),
        /** Only its own third, without request keys: the fleet relies on the split alone. */
        OWN_THIRD_UNKEYED(false);

        final boolean keyed;

        Offers(boolean keyed) {
            this.keyed = keyed;
        }

        /** The input numbers instance {@code index} of three offers, in its order. */
        List<Integer> of(int index, int inputs) {
            int third = inputs / 3;
            List<Integer> numbers = new ArrayList<>();
            switch (this) {
                case SAME_ORDER -> IntStream.range(0, inputs).forEach(numbers::add);
                case OWN_THIRD_FIRST -> IntStream.range(0, inputs)
                        .forEach(i -> numbers.add((index * third + i) % inputs));
                default -> IntStream.range(index * third, index == 2 ? inputs : (index + 1) * third)
                        .forEach(numbers::add);
            }
            return numbers;
        }
    }

    private static void offerAll(ProducerTemplate template, Offers offers, List<Integer> numbers) {
        List<CompletableFuture<Exchange>> inFlight = new ArrayList<>();
        for (int number : numbers) {
            String input = "input-" + number;
            inFlight.add(template.asyncSend("direct:submit", e -> {
                e.getMessage().setBody("https://images.example/fleet/" + input + ".jpg");
                e.getMessage().setHeader(INPUT_ID, input);
                if (offers.keyed) {
                    e.getMessage().setHeader(ClaidConstants.REQUEST_KEY, "fleet/" + input + ".jpg/etag-1");
                }
            }));
            if (inFlight.size() == IN_FLIGHT) {
                report(inFlight);
            }
        }
        report(inFlight);
    }

    private static void report(List<CompletableFuture<Exchange>> inFlight) {
        for (CompletableFuture<Exchange> each : inFlight) {
            Exchange done = each.join();
            Message message = done.getMessage();
            if (done.getException() != null) {
                ChildJvm.say("FAILED " + message.getHeader(INPUT_ID) + " " + done.getException());
                continue;
            }
            boolean unconfirmed = ClaidConstants.TaskStatuses.UNCONFIRMED
                    .equals(message.getHeader(ClaidConstants.TASK_STATUS));
            ChildJvm.say(OFFERED + message.getHeader(INPUT_ID) + " "
                    + (unconfirmed ? "UNCONFIRMED" : message.getHeader(ClaidConstants.TASK_ID)) + " "
                    + Boolean.TRUE.equals(message.getHeader(ClaidConstants.TASK_REUSED)));
        }
        inFlight.clear();
    }

    private static synchronized void append(Path output, Message message, String instance) throws IOException {
        String line = message.getHeader(INPUT_ID) + " " + message.getHeader(ClaidConstants.TASK_ID) + " "
                + message.getHeader(ClaidConstants.TASK_STATUS) + " " + instance + " " + System.currentTimeMillis();
        ChildJvm.appendSynced(output, line);
    }
}
