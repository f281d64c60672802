package io.github.camelclaid.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.PluginHelper;

/**
 * Finds the HTTP server that serves {@code claid:webhook}: a component that serves the REST DSL, looked up the way
 * Camel's own webhook component does, so the webhook runs on whichever server the runtime provides (platform-http on
 * Camel Main, Quarkus and Spring Boot; netty-http, jetty, undertow or servlet where a user prefers one).
 */
final class HttpServerLookup {

    /** Camel's runtime-neutral HTTP server: the default whenever it is on the classpath. */
    static final String PLATFORM_HTTP = "platform-http";

    /** Camel's components that serve the REST DSL, looked for on the classpath when the lookup finds none. */
    private static final List<String> KNOWN_SERVERS = List.of(PLATFORM_HTTP, "netty-http", "jetty", "undertow",
            "servlet");

    private HttpServerLookup() {
    }

    /**
     * The names of the HTTP servers that could serve the webhook here, sorted: REST consumer factories in the registry
     * and among the context's components, and Camel's HTTP server components on the classpath.
     */
    static List<String> available(CamelContext context) {
        Set<String> names = new TreeSet<>(context.getRegistry().findByTypeWithName(RestConsumerFactory.class).keySet());
        for (String name : context.getComponentNames()) {
            if (context.hasComponent(name) instanceof RestConsumerFactory) {
                names.add(name);
            }
        }
        Set<String> onClasspath = PluginHelper.getComponentNameResolver(context).resolveNames(context);
        KNOWN_SERVERS.stream().filter(onClasspath::contains).forEach(names::add);
        return new ArrayList<>(names);
    }

    /**
     * The component named {@code name} (a bean, else a component of that name); with no name, the REST configuration's
     * component when one is set, else platform-http when it can be had, else the one REST consumer factory in the
     * registry.
     */
    static RestConsumerFactory find(CamelContext context, String name) {
        if (name == null || name.isBlank()) {
            name = context.getRestConfiguration().getComponent();
        }
        if (name != null && !name.isBlank()) {
            Object bean = context.getRegistry().lookupByName(name);
            Object found = bean instanceof RestConsumerFactory ? bean : context.getComponent(name);
            if (found instanceof RestConsumerFactory factory) {
                return factory;
            }
            if (found == null) {
                throw new IllegalArgumentException("webhookComponentName=" + name + " names neither a bean nor a"
                        + " component");
            }
            throw new IllegalArgumentException("webhookComponentName=" + name + " names a component that serves no HTTP"
                    + " endpoints of the REST DSL; name one that does, such as platform-http");
        }
        Component platformHttp = context.getComponent(PLATFORM_HTTP);
        if (platformHttp instanceof RestConsumerFactory factory) {
            return factory;
        }
        RestConsumerFactory only = context.getRegistry().findSingleByType(RestConsumerFactory.class);
        if (only != null) {
            return only;
        }
        throw new IllegalStateException("no HTTP server component found");
    }
}
