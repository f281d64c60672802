package io.github.camelclaid.component;

import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@code claid:webhook} endpoint's path answers while no consumer serves it. Camel's HTTP server listens before
 * the routes start and until after they stop, and answers 404 for a path nobody serves; Claid does not deliver again
 * after a 4xx, so a notification arriving as a JVM restarts, or while the route is stopped, would be lost. The path
 * answers 503 instead (Claid delivers again after a 5xx) until the consumer serves it, and again from when the
 * consumer stops. It does from the first of: Camel building the route, where a server listens already (a route added
 * to a running Camel); Camel about to start the routes (or, with a supervising route controller, Camel started), just
 * after it started Camel Main's server (a deferred service) and before it warms the routes up, which starts their
 * producers and can take seconds; Camel having warmed them up, for a server started later still. Kept by the endpoint,
 * as Camel makes a new consumer each time a route starts again. Only on servers {@link WebhookServerGuard} knows.
 */
final class WebhookAvailability implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAvailability.class);

    private final ClaidEndpoint endpoint;
    private final EventNotifier routesStarting = new RoutesStarting();
    private boolean served;
    private AutoCloseable unavailable;

    WebhookAvailability(ClaidEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Answers 503 from now on if a server listens, and else from the earliest moment Camel says one may. */
    void watch(CamelContext context) throws Exception {
        answerUnlessServed();
        context.getManagementStrategy().addEventNotifier(routesStarting);
        context.addStartupListener(this);
    }

    /** The endpoint is done with: its notifier would otherwise stay with the context. */
    void unwatch(CamelContext context) {
        context.getManagementStrategy().removeEventNotifier(routesStarting);
    }

    /** Camel calls this once the routes are warmed up and before their consumers start, and at later route starts. */
    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        answerUnlessServed();
    }

    /** Answers 503 for the path unless a consumer serves it; does nothing while the server is not there yet. */
    synchronized void answerUnlessServed() {
        if (!served) {
            answerUnavailable();
        }
    }

    /** The consumer serves the path: deliveries reach it from now on. */
    synchronized void served() throws Exception {
        served = true;
        close();
    }

    /** The consumer stopped: deliveries are told to come again, until it starts again or the server stops. */
    synchronized void unserved() {
        served = false;
        answerUnavailable();
    }

    /** Camel stops: the server's router goes with it, and a start makes a new one. */
    synchronized void forget() {
        unavailable = null;
    }

    synchronized void close() throws Exception {
        if (unavailable != null) {
            unavailable.close();
            unavailable = null;
        }
    }

    /**
     * Told only of Camel starting its routes, which comes after its deferred services started, Main's server among
     * them, and before the routes are warmed up; with a supervising route controller Camel sends no such event and
     * warms the routes up after it has started, so the started event is the earliest there.
     */
    private final class RoutesStarting extends SimpleEventNotifierSupport {

        RoutesStarting() {
            setIgnoreCamelContextInitEvents(true);
            setIgnoreRouteEvents(true);
            setIgnoreServiceEvents(true);
            setIgnoreExchangeEvents(true);
            setIgnoreStepEvents(true);
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.CamelContextRoutesStartingEvent
                    || event instanceof CamelEvent.CamelContextStartedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            answerUnlessServed();
        }
    }

    private void answerUnavailable() {
        if (unavailable != null) {
            return;
        }
        CamelContext context = endpoint.getCamelContext();
        ClaidConfiguration config = endpoint.getConfiguration();
        try {
            unavailable = WebhookServerGuard.notReady(context,
                    HttpServerLookup.find(context, config.getWebhookComponentName()),
                    ClaidWebhookConsumer.path(config));
        } catch (RuntimeException e) {
            // no server yet, or none at all: the consumer's start says which, with what to do
            LOG.debug("claid:webhook answers nothing for its path while it does not serve it: {}", e.getMessage());
        }
    }
}
