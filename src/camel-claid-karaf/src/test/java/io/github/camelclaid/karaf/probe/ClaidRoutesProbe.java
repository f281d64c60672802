package io.github.camelclaid.karaf.probe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.camelclaid.component.ClaidComponent;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Runs inside the OSGi framework, in a bundle of its own that sees camel-claid only through its manifest: a sync
 * {@code claid:edit}, and an async edit reported by a {@code claid:tasks} route. The test calls it through
 * {@link Function} (a java.* type, the same on both sides) and reads plain values back.
 */
public final class ClaidRoutesProbe implements Function<Map<String, String>, Map<String, Object>> {

    @Override
    public Map<String, Object> apply(Map<String, String> settings) {
        Map<String, Object> seen = new LinkedHashMap<>();
        String common = "apiKey=RAW(" + settings.get("apiKey") + ")&baseUrl=" + settings.get("baseUrl")
                + "&taskPollInterval=20&taskPollMaxInterval=100";
        BlockingQueue<String> reported = new LinkedBlockingQueue<>();
        // The caller's thread context class loader is the test's flat classpath, which holds a second copy of Camel;
        // inside Karaf a bundle's thread never sees such a copy.
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(ClaidRoutesProbe.class.getClassLoader());
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            // What Camel-Karaf's activator does for each bundle that ships META-INF/services/org/apache/camel files:
            // components are looked up through the class loader of the bundle that provides them.
            camel.setApplicationContextClassLoader(ClaidComponent.class.getClassLoader());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("claid:tasks?" + common + "&delay=20")
                            .process(e -> reported.add(e.getMessage().getHeader("CamelClaidTaskStatus", String.class)));
                }
            });
            camel.start();
            seen.put("componentBundle", FrameworkUtil.getBundle(camel.getComponent("claid").getClass()).getSymbolicName());

            ProducerTemplate template = camel.createProducerTemplate();
            Exchange edit = template.request("claid:edit?" + common + "&operations=RAW({\"resizing\":{\"width\":100}})",
                    e -> e.getMessage().setBody("https://example.com/chair.jpg"));
            failOn(edit);
            seen.put("editWidth", edit.getMessage().getHeader("CamelClaidOutputWidth"));
            seen.put("editBytes", edit.getMessage().getBody(byte[].class).length);

            Exchange submitted = template.request("claid:editAsync?" + common + "&operations=RAW({})",
                    e -> e.getMessage().setBody("https://example.com/lamp.jpg"));
            failOn(submitted);
            seen.put("taskId", submitted.getMessage().getHeader("CamelClaidTaskId"));
            seen.put("reportedStatus", reported.poll(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("claid: routes failed inside OSGi: " + e, e);
        } finally {
            thread.setContextClassLoader(callers);
        }
        return seen;
    }

    private static void failOn(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new IllegalStateException(exchange.getException());
        }
    }
}
