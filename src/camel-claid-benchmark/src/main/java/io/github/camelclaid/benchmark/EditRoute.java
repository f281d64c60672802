package io.github.camelclaid.benchmark;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * A started CamelContext with one route from {@code direct:edit}, and the way the Camel clients send into it: an
 * exchange with the image URL as body, through {@link AsyncProducer#processAsync}, so that the route runs on the
 * calling thread until its asynchronous step takes over and the call completes on the thread the step continues the
 * exchange on. ({@code ProducerTemplate.asyncSend} would add a hop to the template's own thread pool to every call,
 * which is the template's cost, not the route's.)
 */
final class EditRoute implements AutoCloseable {

    private final CamelContext camel;
    private final Endpoint entry;
    private final AsyncProducer producer;

    /** @param steps what the route does after {@code from("direct:edit")} */
    EditRoute(CamelContext camel, Consumer<RouteDefinition> steps) {
        this.camel = camel;
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    steps.accept(from("direct:edit"));
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

    /** Sends one edit; fails when the exchange ended with an exception. */
    CompletableFuture<Exchange> send() {
        Exchange exchange = entry.createExchange();
        exchange.getMessage().setBody(BenchmarkServer.INPUT_URL);
        return producer.processAsync(exchange).thenApply(EditRoute::succeeded);
    }

    private static Exchange succeeded(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new IllegalStateException("the Camel edit failed", exchange.getException());
        }
        return exchange;
    }

    @Override
    public void close() {
        producer.stop();
        camel.stop();
    }
}
