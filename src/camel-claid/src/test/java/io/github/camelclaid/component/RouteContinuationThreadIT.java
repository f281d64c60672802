package io.github.camelclaid.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a route does after a sync {@code claid:edit} may block (write a file, upload to S3), so it must never run on
 * the HTTP client's few I/O threads, where it would stall every other call: it runs on the component's completion
 * pool, however the exchange was sent and whether or not the output was downloaded. Unless the route says it never
 * blocks ({@code continueOnIoThread}): then it goes on where the answer arrived, after sync calls only.
 */
class RouteContinuationThreadIT extends CamelTestSupport {

    static final String KEY = "continuation-key-3c8d";
    static final int CONCURRENT = 40;

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder().apiKey(KEY));

    /** The names of the threads the step after claid:edit ran on. */
    final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Override
    protected RouteBuilder createRouteBuilder() {
        String common = "apiKey=" + KEY + "&baseUrl=" + claid.server().baseUrl()
                + "&operations=RAW({\"resizing\":{\"width\":100}})";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:answer").to("claid:edit?downloadOutput=false&" + common)
                        .process(e -> threads.add(Thread.currentThread().getName()));
                from("direct:download").to("claid:edit?downloadOutput=true&" + common)
                        .process(e -> threads.add(Thread.currentThread().getName()));
                from("direct:onIoThread").to("claid:edit?continueOnIoThread=true&downloadOutput=false&" + common)
                        .process(e -> threads.add(Thread.currentThread().getName()));
                from("direct:downloadOnIoThread").to("claid:edit?continueOnIoThread=true&downloadOutput=true&" + common)
                        .process(e -> threads.add(Thread.currentThread().getName()));
                from("direct:submitWithTheOption").to("claid:editAsync?continueOnIoThread=true&" + common)
                        .process(e -> threads.add(Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void theRouteGoesOnOnTheCompletionPoolAfterASyncEdit() {
        template.requestBody("direct:answer", "https://images.example/one.jpg");

        assertThat(threads).isNotEmpty().allSatisfy(name -> assertThat(name).contains("ClaidCompletion"));
    }

    @Test
    void theRouteGoesOnOnTheCompletionPoolAfterADownload() {
        template.requestBody("direct:download", "https://images.example/one.jpg");

        assertThat(threads).isNotEmpty().allSatisfy(name -> assertThat(name).contains("ClaidCompletion"));
    }

    @Test
    void manyExchangesInFlightNeverContinueOnAnIoThread() throws Exception {
        sendAllAtOnceAlternating("direct:answer", "direct:download");

        assertThat(threads).isNotEmpty().allSatisfy(name -> assertThat(name).contains("ClaidCompletion"));
    }

    @Test
    void withContinueOnIoThreadTheRouteGoesOnWhereTheAnswerArrivedDownloadedOrNot() throws Exception {
        sendAllAtOnceAlternating("direct:onIoThread", "direct:downloadOnIoThread");

        assertThat(threads).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("httpclient-dispatch"));
    }

    @Test
    void anAsyncSubmissionHandsTheExchangeOffEvenWithContinueOnIoThread() {
        template.requestBody("direct:submitWithTheOption", "https://images.example/one.jpg");

        assertThat(threads).isNotEmpty().allSatisfy(name -> assertThat(name).contains("ClaidCompletion"));
    }

    @Test
    void withContinueOnIoThreadACallRefusedAtOnceFailsItsExchangeOnTheCallersThread() throws Exception {
        // a server of its own: its account's credit circuit opens on the 402 without touching the other tests'
        try (LocalClaidServer ownAccount = LocalClaidServer.builder().apiKey(KEY).build().start()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ownAccount").to("claid:edit?continueOnIoThread=true&downloadOutput=false&apiKey="
                            + KEY + "&baseUrl=" + ownAccount.baseUrl() + "&operations=RAW({})");
                }
            });
            ownAccount.faults().next(1).status(402).onAny();
            assertThat(template.send("direct:ownAccount", e -> e.getMessage().setBody("https://images.example/a.jpg"))
                    .getException()).isInstanceOf(io.github.camelclaid.client.ClaidException.class);

            Exchange refused = template.send("direct:ownAccount",
                    e -> e.getMessage().setBody("https://images.example/b.jpg"));

            assertThat(refused.getException()).isInstanceOf(ClaidCircuitOpenException.class);
            assertThat(ownAccount.paidSubmissionCount(io.github.camelclaid.client.ApiOperation.EDIT)).isZero();
        }
    }

    /** {@value #CONCURRENT} edits in flight at once, to the two endpoints in turn; each must succeed. */
    private void sendAllAtOnceAlternating(String even, String odd) throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            String url = "https://images.example/" + i + ".jpg";
            sent.add(template.asyncSend(i % 2 == 0 ? even : odd, e -> e.getMessage().setBody(url)));
        }
        for (CompletableFuture<Exchange> exchange : sent) {
            assertThat(exchange.get(30, TimeUnit.SECONDS).getException()).isNull();
        }
    }
}
