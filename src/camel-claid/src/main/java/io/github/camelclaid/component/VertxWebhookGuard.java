package io.github.camelclaid.component;

import java.io.IOException;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.spi.RestConsumerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Vert.x route in front of platform-http's route for the webhook path, on the same router, that keeps what a sender
 * should not be able to do with the server's defaults (a 10 MiB body limit, no time limit on a body):
 * <ul>
 * <li>a body larger than {@code maxWebhookBodySize} is answered 413 and its connection closed: from the Content-Length
 * before any of the body is read, and, over HTTP/1.1, while reading a chunked one as soon as it grows past the
 * limit;</li>
 * <li>a body that has not fully arrived {@code webhookBodyTimeout} after the headers is answered 408 and its connection
 * closed, so senders that dribble cannot hold connections open;</li>
 * <li>a sender that hangs up mid-delivery is logged at DEBUG: Vert.x Web would log each one as an unhandled ERROR, and
 * there is nothing to answer. Any other failure goes on to the router's usual handling.</li>
 * </ul>
 * Only {@link WebhookServerGuard} reaches this class, once it knows Vert.x is there.
 */
final class VertxWebhookGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VertxWebhookGuard.class);

    private final int maxBodySize;
    private final long bodyTimeout;
    private Route route;

    private VertxWebhookGuard(int maxBodySize, long bodyTimeout) {
        this.maxBodySize = maxBodySize;
        this.bodyTimeout = bodyTimeout;
    }

    /** Null when the server is not platform-http on Camel's Vert.x engine, or its router cannot be found. */
    static AutoCloseable install(CamelContext context, RestConsumerFactory server, String path, int maxBodySize,
            long bodyTimeout) {
        VertxPlatformHttpRouter router = router(context, server);
        if (router == null) {
            return null;
        }
        VertxWebhookGuard guard = new VertxWebhookGuard(maxBodySize, bodyTimeout);
        // added before platform-http's route for the path, so it runs first
        guard.route = router.route(HttpMethod.POST, path).handler(guard.new DeliveryLimits())
                .failureHandler(guard::onFailure);
        return guard;
    }

    /**
     * Answers every delivery to {@code path} with 503 and {@code Retry-After} until closed: Claid delivers again after
     * a 5xx, where the 404 the server gives a path nobody serves is final. Null as for {@link #install}.
     */
    static AutoCloseable notReady(CamelContext context, RestConsumerFactory server, String path) {
        VertxPlatformHttpRouter router = router(context, server);
        if (router == null) {
            return null;
        }
        Route route = router.route(HttpMethod.POST, path).handler(ctx -> ctx.response().setStatusCode(503)
                .putHeader(HttpHeaders.RETRY_AFTER, ClaidWebhookConsumer.NOT_SERVED_RETRY_AFTER)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end(ClaidWebhookConsumer.NOT_SERVED_ANSWER));
        return route::remove;
    }

    /** The router platform-http's consumers use (VertxPlatformHttpConsumer looks it up the same way), or null. */
    private static VertxPlatformHttpRouter router(CamelContext context, RestConsumerFactory server) {
        if (!(server instanceof PlatformHttpComponent platformHttp)
                || !(platformHttp.getEngine() instanceof VertxPlatformHttpEngine engine)) {
            return null;
        }
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(engine.getServerPort()));
        return router != null ? router
                : VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO);
    }

    /**
     * Refuses a declared length over the limit, times the body, and reads an HTTP/1.x body with the webhook's limit;
     * platform-http's own body handler, next, then finds the body read. An HTTP/2 body is left to platform-http's
     * body handler (the server's limit, then the consumer's check): that handler resumes the request first, which
     * HTTP/2 refuses once the body is read. A platform handler, as Vert.x's own TimeoutHandler is, because Vert.x Web
     * lets only those come before a route's other handlers.
     */
    private final class DeliveryLimits implements PlatformHandler {

        private final BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodySize);

        @Override
        public void handle(RoutingContext ctx) {
            HttpServerRequest request = ctx.request();
            String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isLarger(declared)) {
                refuse(ctx, 413, "larger than " + maxBodySize + " bytes");
                return;
            }
            if (!request.isEnded()) {
                long timer = ctx.vertx().setTimer(bodyTimeout, t -> {
                    if (!request.isEnded()) {
                        LOG.debug("A Claid webhook delivery from {} did not send its body within {} ms; closing",
                                request.remoteAddress(), bodyTimeout);
                        refuse(ctx, 408, "the body did not arrive within " + bodyTimeout + " ms");
                    }
                });
                ctx.addEndHandler(ended -> ctx.vertx().cancelTimer(timer));
            }
            if (request.version() == HttpVersion.HTTP_2) {
                ctx.next();
            } else {
                body.handle(ctx);
            }
        }

        private boolean isLarger(String declared) {
            try {
                return Long.parseLong(declared.trim()) > maxBodySize;
            } catch (NumberFormatException e) {
                // a malformed length: Vert.x refuses the request itself
                return false;
            }
        }
    }

    private void onFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure == null && ctx.statusCode() == 413) {
            // the body handler's verdict while reading
            refuse(ctx, 413, "larger than " + maxBodySize + " bytes");
        } else if (failure instanceof HttpClosedException
                || failure instanceof IOException && ctx.response().closed()) {
            LOG.debug("A Claid webhook delivery from {} ended with its connection: {}", ctx.request().remoteAddress(),
                    failure.toString());
        } else {
            ctx.next();
        }
    }

    /**
     * Answers without reading the rest of the body: over HTTP/1.x by closing the connection, over HTTP/2 by resetting
     * the delivery's stream, which leaves the connection's other streams alone.
     */
    private static void refuse(RoutingContext ctx, int status, String text) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        if (response.ended() || response.closed() || response.headWritten()) {
            if (http2) {
                response.reset();
            } else {
                request.connection().close();
            }
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (!http2) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(text).onComplete(written -> {
            if (!http2) {
                request.connection().close();
            } else if (!request.isEnded()) {
                response.reset();
            }
        });
    }

    @Override
    public void close() {
        if (route != null) {
            route.remove();
            route = null;
        }
    }
}
