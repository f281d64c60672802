package io.github.camelclaid.benchmark;

import java.util.concurrent.CompletableFuture;

import io.github.camelclaid.component.ClaidComponent;
import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The edit through Camel: an exchange with the image URL as body sent to {@code claid:edit} by a
 * {@link ProducerTemplate#asyncSend}, which hands it to the component's asynchronous producer on the calling thread
 * and completes from the thread the producer continues the exchange on.
 */
final class CamelEditCall implements EditCall {

    private final CamelContext camel;
    private final ProducerTemplate template;
    private final Endpoint endpoint;

    CamelEditCall(LocalClaidServer server, boolean downloadOutput) {
        camel = new DefaultCamelContext();
        ClaidComponent claid = new ClaidComponent();
        // on the component, so the key is in no URI
        claid.getConfiguration().setApiKey(server.apiKey());
        claid.getConfiguration().setBaseUrl(server.baseUrl());
        camel.addComponent("claid", claid);
        camel.start();
        endpoint = camel.getEndpoint("claid:edit?downloadOutput=" + downloadOutput + "&operations=RAW("
                + BenchmarkServer.OPERATIONS + ")");
        template = camel.createProducerTemplate();
        template.start();
    }

    @Override
    public String name() {
        return "camel";
    }

    @Override
    public CompletableFuture<?> send() {
        return template.asyncSend(endpoint, exchange -> exchange.getMessage().setBody(BenchmarkServer.INPUT_URL))
                .thenApply(CamelEditCall::succeeded);
    }

    private static Exchange succeeded(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new IllegalStateException("the Camel edit failed", exchange.getException());
        }
        return exchange;
    }

    @Override
    public void close() {
        template.stop();
        camel.stop();
    }
}
