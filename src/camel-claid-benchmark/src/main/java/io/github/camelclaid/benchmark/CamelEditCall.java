package io.github.camelclaid.benchmark;

import java.util.concurrent.CompletableFuture;

import io.github.camelclaid.component.ClaidComponent;
import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The edit through Camel: a route {@code direct:edit -> claid:edit} with the component's defaults, sent into as
 * {@link EditRoute} does; or with {@code continueOnIoThread}, the route going on where the answer arrived.
 */
final class CamelEditCall implements EditCall {

    private final EditRoute route;
    private final boolean continueOnIoThread;

    CamelEditCall(LocalClaidServer server, boolean downloadOutput, boolean continueOnIoThread) {
        this(server.apiKey(), server.baseUrl(), downloadOutput, true, continueOnIoThread);
    }

    /** @param rateLimitShaping the component's option: whether the account's rate-limit gate holds requests back */
    CamelEditCall(String apiKey, String baseUrl, boolean downloadOutput, boolean rateLimitShaping,
            boolean continueOnIoThread) {
        this.continueOnIoThread = continueOnIoThread;
        CamelContext camel = new DefaultCamelContext();
        ClaidComponent claid = new ClaidComponent();
        // on the component, so the key is in no URI
        claid.getConfiguration().setApiKey(apiKey);
        claid.getConfiguration().setBaseUrl(baseUrl);
        claid.getConfiguration().setRateLimitShaping(rateLimitShaping);
        camel.addComponent("claid", claid);
        route = new EditRoute(camel, from -> from.to("claid:edit?downloadOutput=" + downloadOutput
                + "&continueOnIoThread=" + continueOnIoThread + "&operations=RAW(" + BenchmarkServer.OPERATIONS + ")"));
    }

    @Override
    public String name() {
        return continueOnIoThread ? "camel-io" : "camel";
    }

    @Override
    public CompletableFuture<?> send() {
        return route.send();
    }

    @Override
    public void close() {
        route.close();
    }
}
