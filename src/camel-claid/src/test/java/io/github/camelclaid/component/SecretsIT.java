package io.github.camelclaid.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelclaid.support.CapturedLogs;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API key must not appear in any log line (every logger at DEBUG, Camel's and the HTTP client's included), in any
 * exception, in the endpoint as Camel shows it or in the dev console, whatever happens to the calls.
 */
class SecretsIT {

    static final String KEY = "sk-live-Zq8+w/Secret=Key42";

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY).acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(40)));

    @Test
    void theKeyAppearsNowhere() throws Exception {
        List<String> shown = new ArrayList<>();
        try (CapturedLogs logs = new CapturedLogs()) {
            CamelContext context = new DefaultCamelContext();
            String base = "apiKey=RAW(" + KEY + ")&baseUrl=" + claid.server().baseUrl() + "&taskPollInterval=20";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:edit").routeId("edit").to("claid:edit?" + base + "&operations=RAW({})");
                    from("direct:async").routeId("async")
                            .to("claid:editAsync?" + base + "&waitForCompletion=true&operations=RAW({})");
                }
            });
            context.start();
            try {
                // success, retried 429s and 503s, a refused key, a failed task, an invalid request
                claid.server().faults().next(2).rateLimited().on("POST", "/v1/image/edit");
                shown.add(String.valueOf(send(context, "direct:edit", "https://example.com/ok.jpg")));
                claid.server().faults().next(1).status(503).onAny();
                shown.add(String.valueOf(send(context, "direct:edit", "https://example.com/503.jpg")));
                shown.add(String.valueOf(send(context, "direct:async", "https://example.com/fail.jpg")));
                shown.add(String.valueOf(send(context, "direct:edit", "not a url")));
                claid.server().faults().next(1).status(401).onAny();
                shown.add(String.valueOf(send(context, "direct:edit", "https://example.com/401.jpg")));
                for (Endpoint endpoint : context.getEndpoints()) {
                    shown.add(endpoint.toString());
                }
                org.apache.camel.console.DevConsole console = org.apache.camel.support.PluginHelper
                        .getDevConsoleResolver(context).resolveDevConsole("claid");
                String text = String.valueOf(console.call(org.apache.camel.console.DevConsole.MediaType.TEXT, Map.of()));
                String json = ((org.apache.camel.util.json.JsonObject) console.call(
                        org.apache.camel.console.DevConsole.MediaType.JSON, Map.of())).toJson();
                assertTrue(text.contains("rate limit:") && text.contains(claid.server().baseUrl()), text);
                assertTrue(json.contains("\"tasksWaiting\""), json);
                shown.add(text);
                shown.add(json);
                shown.add(context.getRoutes().toString());
            } finally {
                context.stop();
            }
            assertTrue(logs.lines().size() > 20, "DEBUG logging was captured: " + logs.lines().size() + " lines");
            for (String line : logs.lines()) {
                assertEquals(-1, line.indexOf(KEY), () -> "key in a log line: " + line.replace(KEY, "<KEY>"));
            }
        }
        for (String text : shown) {
            assertEquals(-1, text.indexOf(KEY), () -> "key shown: " + text.replace(KEY, "<KEY>"));
        }
        // and it did reach the server, so the test could have failed
        assertTrue(claid.server().requests().stream().anyMatch(r -> ("Bearer " + KEY).equals(r.header("Authorization"))));
    }

    @Test
    void neitherTheKeyNorTheWebhookSecretAppearsWhenTasksAreReported() throws Exception {
        String secret = "whsec_Pq7/Rotate+Me=2026";
        String oldSecret = "whsec_Old-9x";
        List<String> shown = new ArrayList<>();
        try (CapturedLogs logs = new CapturedLogs()) {
            CamelContext context = new DefaultCamelContext();
            org.apache.camel.component.platform.http.main.MainHttpServer http =
                    io.github.camelclaid.support.LoopbackPlatformHttp.install(context, null);
            String base = "apiKey=RAW(" + KEY + ")&baseUrl=" + claid.server().baseUrl() + "&taskPollInterval=20";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:submit").to("claid:editAsync?" + base + "&operations=RAW({})");
                    from("claid:webhook?" + base + "&webhookSecret=RAW(" + oldSecret + "," + secret + ")")
                            .routeId("webhook").log("reported ${header.CamelClaidTaskId}");
                    from("claid:tasks?" + base + "&delay=20&webhookGracePeriod=200").routeId("tasks")
                            .log("polled ${header.CamelClaidTaskId}");
                }
            });
            context.start();
            try {
                claid.server().webhook(java.net.URI.create("http://127.0.0.1:"
                        + io.github.camelclaid.support.LoopbackPlatformHttp.port(http) + "/claid/webhook"), secret);
                claid.server().faults().nextWebhooks(1).withForgedSignature();
                for (int i = 0; i < 4; i++) {
                    shown.add(String.valueOf(send(context, "direct:submit", "https://example.com/" + i + ".jpg")));
                }
                ClaidComponent component = context.getComponent("claid", ClaidComponent.class);
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                        .until(() -> component.taskLedger(new ClaidConfiguration()).openCount() == 0);
                for (Endpoint endpoint : context.getEndpoints()) {
                    shown.add(endpoint.toString());
                }
                org.apache.camel.console.DevConsole console = org.apache.camel.support.PluginHelper
                        .getDevConsoleResolver(context).resolveDevConsole("claid");
                String text = String.valueOf(console.call(org.apache.camel.console.DevConsole.MediaType.TEXT, Map.of()));
                assertTrue(text.contains("tasks reported:"), text);
                shown.add(text);
                shown.add(context.getRoutes().toString());
            } finally {
                claid.server().disableWebhook();
                context.stop();
            }
            assertTrue(logs.lines().size() > 20, "DEBUG logging was captured: " + logs.lines().size() + " lines");
            shown.addAll(logs.lines());
        }
        assertTrue(claid.server().webhookDeliveries().stream().anyMatch(d -> d.statusCode() == 401),
                "a forged delivery was refused");
        for (String text : shown) {
            for (String hidden : List.of(KEY, secret, oldSecret)) {
                assertEquals(-1, text.indexOf(hidden), () -> "secret shown: " + text.replace(hidden, "<SECRET>"));
            }
        }
    }

    /** Sends a message and returns what a person would see of the outcome: the exception with its stack, or body. */
    private static Object send(CamelContext context, String uri, String body) {
        Exchange exchange = context.createProducerTemplate().request(uri, e -> e.getMessage().setBody(body));
        if (exchange.getException() == null) {
            return exchange.getMessage().getHeaders();
        }
        java.io.StringWriter trace = new java.io.StringWriter();
        exchange.getException().printStackTrace(new java.io.PrintWriter(trace));
        return trace;
    }
}
