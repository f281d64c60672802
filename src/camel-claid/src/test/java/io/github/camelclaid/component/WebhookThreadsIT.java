package io.github.camelclaid.component;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.camelclaid.support.LoopbackPlatformHttp;
import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The threads of a JVM running one claid:webhook route and a claid:tasks consumer, grouped by name and printed (run
 * with {@code -DargLine=-XX:ActiveProcessorCount=16} to see a larger host); camel-claid's own stay few whatever the
 * number of processors. The local Claid server's threads ({@code local-claid-*}, {@code HTTP-Dispatcher},
 * {@code idle-timeout-task}, {@code Keep-Alive-Timer}) and the test's are not the application's.
 */
class WebhookThreadsIT {

    static final String KEY = "threads-key-0b7e";
    static final String SECRET = "whsec-threads-9c44";

    @RegisterExtension
    LoopbackPlatformHttp http = LoopbackPlatformHttp.create();

    @Test
    void threadsByName() throws Exception {
        Map<String, Long> before = threadsByPrefix();
        try (LocalClaidServer server = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(20))
                .processingFor(Duration.ofMillis(60)).webhookTimeScale(0.02).build().start()) {
            server.webhook(http.uri("/claid/webhook"), SECRET);
            CamelContext context = http.context();
            String common = "apiKey=" + KEY + "&baseUrl=" + server.baseUrl();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:submit").to("claid:editAsync?" + common + "&operations=RAW({})");
                    from("claid:webhook?" + common + "&webhookSecret=" + SECRET).to("mock:webhook");
                    from("claid:tasks?" + common).to("mock:tasks");
                }
            });
            for (int i = 0; i < 40; i++) {
                context.createProducerTemplate().sendBody("direct:submit", "https://images.example/" + i + ".jpg");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> context.getComponent("claid", ClaidComponent.class)
                    .taskLedger(new ClaidConfiguration()).openCount() == 0);
            Map<String, Long> after = threadsByPrefix();
            System.out.println("THREADS processors " + Runtime.getRuntime().availableProcessors() + ", OS threads "
                    + osThreads());
            System.out.println("THREADS before the routes: " + before.values().stream().mapToLong(Long::longValue).sum()
                    + " " + before);
            System.out.println("THREADS running: " + after.values().stream().mapToLong(Long::longValue).sum()
                    + " " + after);
            // camel-claid's own: the completion pool (4), the scheduler (1), the tasks consumer (1), and the HTTP
            // client's main reactor (1) and I/O threads (at most 2, whatever the number of processors)
            long ours = after.entrySet().stream().filter(e -> isCamelClaids(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(ours).as("camel-claid's threads").isLessThanOrEqualTo(4 + 1 + 1 + 1 + 2);
        }
    }

    /** All of the JVM's threads, the JVM's own (GC, compilers) among them, as the OS counts them; -1 if unknown. */
    static long osThreads() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Threads:")).mapToLong(l -> Long.parseLong(l.substring(8).trim()))
                    .findFirst().orElse(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    static boolean isCamelClaids(String prefix) {
        return prefix.contains("- Claid") || prefix.contains("- claid:") || prefix.startsWith("httpclient-");
    }

    /** Thread names with their numbers taken out, counted. */
    static Map<String, Long> threadsByPrefix() {
        return Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(t -> t.getName().replaceAll("\\d+", "#"), TreeMap::new,
                        Collectors.counting()));
    }
}
