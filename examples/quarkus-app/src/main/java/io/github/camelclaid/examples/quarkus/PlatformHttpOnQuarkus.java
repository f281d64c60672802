package io.github.camelclaid.examples.quarkus;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Camel's platform-http served by Quarkus' own HTTP server, wired by hand the way the camel-quarkus-platform-http
 * extension wires it: a platform-http component on the Vert.x engine, and a router, found by name, whose routes Quarkus
 * serves. That extension is the usual way, but it is not published for Camel Quarkus 3.33 where this example is built
 * (see README); with it on the class path, delete this class.
 *
 * <p>Camel's routes get a router of their own, mounted on Quarkus' router when Quarkus announces it, so it does not
 * matter whether Camel starts its routes before or after that.
 */
@ApplicationScoped
public class PlatformHttpOnQuarkus {

    private final Vertx vertx;
    private final Router camelRoutes;

    @Inject
    public PlatformHttpOnQuarkus(Vertx vertx) {
        this.vertx = vertx;
        this.camelRoutes = Router.router(vertx);
    }

    void mountCamelRoutes(@Observes Router quarkusRouter) {
        quarkusRouter.route("/*").subRouter(camelRoutes);
    }

    @Produces
    @Singleton
    @Named(PlatformHttpConstants.PLATFORM_HTTP_COMPONENT_NAME)
    PlatformHttpComponent platformHttp() {
        PlatformHttpComponent component = new PlatformHttpComponent();
        component.setEngine(new VertxPlatformHttpEngine());
        return component;
    }

    /** The name platform-http's consumers fall back to when no Camel-owned HTTP server names its port. */
    @Produces
    @Singleton
    @Named(VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO)
    VertxPlatformHttpRouter camelRouter() {
        return new VertxPlatformHttpRouter(null, vertx, camelRoutes, VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO);
    }
}
