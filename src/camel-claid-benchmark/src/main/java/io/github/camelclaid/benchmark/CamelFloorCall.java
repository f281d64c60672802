package io.github.camelclaid.benchmark;

import java.util.concurrent.CompletableFuture;

import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
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
    private final EditRoute route;

    CamelFloorCall(LocalClaidServer server, boolean downloadOutput) {
        raw = new RawEditCall(server, downloadOutput);
        route = new EditRoute(new DefaultCamelContext(), from -> from.process(new RawStep()));
    }

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public CompletableFuture<?> send() {
        return route.send();
    }

    @Override
    public void close() {
        route.close();
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
