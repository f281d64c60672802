package io.github.camelclaid.component;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.RestConsumerFactory;

/**
 * Installs the limits {@code claid:webhook} needs from its HTTP server where the server is one this component knows how
 * to configure: Vert.x platform-http (Camel Main). No Vert.x type appears here, so camel-claid runs without Vert.x; the
 * Vert.x guard is reached only when both Vert.x Web and Camel's Vert.x platform-http engine can be loaded.
 */
final class WebhookServerGuard {

    private static final boolean VERTX_PLATFORM_HTTP = loadable("io.vertx.ext.web.handler.BodyHandler")
            && loadable("org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine");

    private WebhookServerGuard() {
    }

    /**
     * Guards {@code path} on the server, before the server's consumer for it starts; the returned handle removes the
     * guard. Null when the server is not one this knows: then the consumer's own checks are all there is.
     */
    static AutoCloseable install(CamelContext context, RestConsumerFactory server, String path, int maxBodySize,
            long bodyTimeout) {
        if (!VERTX_PLATFORM_HTTP) {
            return null;
        }
        return VertxWebhookGuard.install(context, server, path, maxBodySize, bodyTimeout);
    }

    /**
     * Answers deliveries to {@code path} with 503 (deliver again) until the returned handle is closed: for while the
     * server listens and the webhook's route is not started (a JVM starting or stopping, a route started later). Null
     * when the server is not one this knows: it then answers what it answers for a path nobody serves.
     */
    static AutoCloseable notReady(CamelContext context, RestConsumerFactory server, String path) {
        if (!VERTX_PLATFORM_HTTP) {
            return null;
        }
        return VertxWebhookGuard.notReady(context, server, path);
    }

    private static boolean loadable(String className) {
        try {
            // this class's loader: in OSGi, the bundle's optional imports decide, as they do for VertxWebhookGuard
            Class.forName(className, false, WebhookServerGuard.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
