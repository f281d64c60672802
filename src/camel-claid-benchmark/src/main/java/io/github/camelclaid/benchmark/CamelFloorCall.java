package io.github.camelclaid.benchmark;

import java.util.concurrent.CompletableFuture;

import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.AsyncProcessorSupport;

/**
 * Camel's own floor: the same route shape as {@link CamelEditCall}, {@code direct:edit} into one asynchronous step,
 * but the step is the raw client of {@link RawEditCall}, continuing the exchange on the HTTP I/O thread. It does what
 * any asynchronous Camel producer must (an exchange, its unit of work, the route, the callback) and nothing of the
 * component's (no request model, schema check, answer decoding, headers, rate gate, retries or hand-off), so camel
 * against floor is the component's own cost and floor against raw is Camel's.
 */
final class CamelFloorCall implements EditCall {

    private final RawEditCall raw;
    private final CamelContext camel;
    private final Endpoint entry;
    private final AsyncProducer producer;

    CamelFloorCall(LocalClaidServer server, boolean downloadOutput) {
        raw = new RawEditCall(server, downloadOutput);
        camel = new DefaultCamelContext();
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:edit").process(new RawStep());
                }
            });
            camel.start();
            entry = camel.getEndpoint("direct:edit");
            producer = entry.createAsyncProducer();
            producer.start();
        } catch (Exception e) {
            throw new IllegalStateException("Camel did not start", e);
        }
    }

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public CompletableFuture<?> send() {
        Exchange exchange = entry.createExchange();
        exchange.getMessage().setBody(BenchmarkServer.INPUT_URL);
        return producer.processAsync(exchange).thenApply(CamelEditCall::succeeded);
    }

    @Override
    public void close() {
        producer.stop();
        camel.stop();
        raw.close();
    }

    /** The raw call as an asynchronous route step. */
    private final class RawStep extends AsyncProcessorSupport {
        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            raw.send().whenComplete((answer, failure) -> {
                if (failure != null) {
                    exchange.setException(failure);
                } else {
                    exchange.getMessage().setBody(answer);
                }
                callback.done(false);
            });
            return false;
        }
    }
}
