package io.github.camelclaid.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelclaid.component.ClaidComponent;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One instance of an application on the account: a CamelContext whose route {@code direct:edit -> claid:edit} is
 * offered all its edits at once, with the component's defaults (rate-limit shaping on or, for the baseline, off).
 * Runs in a JVM of its own ({@code RateBudgetInstance <baseUrl> <edits> <shaping>}, the key in
 * {@code CLAID_API_KEY}), so that it sees the other instances only through Claid's answers; prints what became of
 * its edits and stays until the driver has read that and stops it.
 */
public final class RateBudgetInstance {

    static final String RESULT = "RATE-BUDGET-INSTANCE";

    /** What became of the edits one instance offered, and when the last one ended after they were offered. */
    record Outcome(int succeeded, int failed, long millis) {

        String line() {
            return RESULT + " " + succeeded + " " + failed + " " + millis;
        }

        static Outcome parse(String line) {
            String[] fields = line.substring(RESULT.length()).trim().split(" ");
            return new Outcome(Integer.parseInt(fields[0]), Integer.parseInt(fields[1]), Long.parseLong(fields[2]));
        }
    }

    private RateBudgetInstance() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        int edits = Integer.parseInt(args[1]);
        boolean shaping = Boolean.parseBoolean(args[2]);
        CamelContext camel = new DefaultCamelContext();
        ClaidComponent claid = new ClaidComponent();
        claid.getConfiguration().setApiKey(System.getenv("CLAID_API_KEY"));
        claid.getConfiguration().setBaseUrl(baseUrl);
        claid.getConfiguration().setRateLimitShaping(shaping);
        camel.addComponent("claid", claid);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:edit").to("claid:edit?operations=RAW(" + BenchmarkServer.OPERATIONS + ")");
            }
        });
        camel.start();
        Endpoint entry = camel.getEndpoint("direct:edit");
        AsyncProducer producer = entry.createAsyncProducer();
        producer.start();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            Exchange exchange = entry.createExchange();
            exchange.getMessage().setBody(BenchmarkServer.INPUT_URL);
            calls.add(producer.processAsync(exchange).whenComplete((done, e) ->
                    (e == null && done.getException() == null ? succeeded : failed).incrementAndGet()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        System.out.println(new Outcome(succeeded.get(), failed.get(), (System.nanoTime() - start) / 1_000_000).line());
        camel.stop();
        new CountDownLatch(1).await();
    }
}
