package io.github.camelclaid.benchmark;

import java.util.concurrent.CompletableFuture;

import io.github.camelclaid.component.ClaidComponent;
import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The edit through Camel: an exchange with the image URL as body, sent into a route {@code direct:edit ->
 * claid:edit} with {@link AsyncProcessor#processAsync}: the route and the component's asynchronous producer run on
 * the calling thread until the request is handed to the HTTP client, and the call completes on the thread the
 * producer continues the exchange on. ({@code ProducerTemplate.asyncSend} would add a hop to the template's own
 * thread pool to every call, which is the template's cost, not the component's.)
 */
final class CamelEditCall implements EditCall {

    private final CamelContext camel;
    private final Endpoint entry;
    private final AsyncProducer producer;

    CamelEditCall(LocalClaidServer server, boolean downloadOutput) {
        this(server.apiKey(), server.baseUrl(), downloadOutput, true);
    }

    /** @param rateLimitShaping the component's option: whether the account's rate-limit gate holds requests back */
    CamelEditCall(String apiKey, String baseUrl, boolean downloadOutput, boolean rateLimitShaping) {
        camel = new DefaultCamelContext();
        ClaidComponent claid = new ClaidComponent();
        // on the component, so the key is in no URI
        claid.getConfiguration().setApiKey(apiKey);
        claid.getConfiguration().setBaseUrl(baseUrl);
        claid.getConfiguration().setRateLimitShaping(rateLimitShaping);
        camel.addComponent("claid", claid);
        try {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:edit").to("claid:edit?downloadOutput=" + downloadOutput + "&operations=RAW("
                            + BenchmarkServer.OPERATIONS + ")");
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
        return "camel";
    }

    @Override
    public CompletableFuture<?> send() {
        Exchange exchange = entry.createExchange();
        exchange.getMessage().setBody(BenchmarkServer.INPUT_URL);
        return producer.processAsync(exchange).thenApply(CamelEditCall::succeeded);
    }

    static Exchange succeeded(Exchange exchange) {
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
