package io.github.camelclaid.component.dsl;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.request.ImageOperations;
import io.github.camelclaid.client.model.request.ResizingOptions;
import io.github.camelclaid.component.ClaidComponent;
import io.github.camelclaid.component.ClaidConstants;
import io.github.camelclaid.component.ClaidEndpoint;
import io.github.camelclaid.component.dsl.ClaidEndpointBuilderFactory.AdvancedClaidEndpointBuilder;
import io.github.camelclaid.component.dsl.ClaidEndpointBuilderFactory.AdvancedClaidEndpointConsumerBuilder;
import io.github.camelclaid.component.dsl.ClaidEndpointBuilderFactory.AdvancedClaidEndpointProducerBuilder;
import io.github.camelclaid.component.dsl.ClaidEndpointBuilderFactory.ClaidEndpointBuilder;
import io.github.camelclaid.component.dsl.ClaidEndpointBuilderFactory.ClaidEndpointConsumerBuilder;
import io.github.camelclaid.component.dsl.ClaidEndpointBuilderFactory.ClaidEndpointProducerBuilder;
import io.github.camelclaid.ledger.InMemoryTaskLedger;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.endpoint.AbstractEndpointBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelclaid.component.dsl.ClaidEndpointBuilderFactory.claid;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaidEndpointBuilderFactoryIT {

    static final String KEY = "dsl-key-93c1";

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY).acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(40)));

    /** The builder interfaces, as Camel generates them for a component with consumers and producers. */
    static final List<Class<?>> BUILDERS = List.of(ClaidEndpointConsumerBuilder.class,
            AdvancedClaidEndpointConsumerBuilder.class, ClaidEndpointProducerBuilder.class,
            AdvancedClaidEndpointProducerBuilder.class, ClaidEndpointBuilder.class, AdvancedClaidEndpointBuilder.class);

    static JsonNode options;

    @BeforeAll
    static void loadCatalog() throws Exception {
        try (InputStream in = ClaidEndpointBuilderFactoryIT.class
                .getResourceAsStream("/META-INF/io/github/camelclaid/component/claid.json")) {
            assertNotNull(in, "claid.json is not on the test classpath: build with process-classes first");
            options = new ObjectMapper().readTree(in).path("properties");
        }
    }

    /**
     * Where Camel's generator puts an option: consumer-labelled ones on the consumer builders, producer-labelled ones
     * on the producer builders, the others on all three; "advanced" in the label picks the advanced builder of each.
     */
    static List<Class<?>> buildersOf(JsonNode option) {
        List<String> labels = Arrays.asList(option.path("label").asText("").split(","));
        boolean advanced = labels.contains("advanced");
        if (labels.contains("consumer")) {
            return List.of(advanced ? AdvancedClaidEndpointConsumerBuilder.class : ClaidEndpointConsumerBuilder.class);
        }
        if (labels.contains("producer")) {
            return List.of(advanced ? AdvancedClaidEndpointProducerBuilder.class : ClaidEndpointProducerBuilder.class);
        }
        return advanced
                ? List.of(AdvancedClaidEndpointConsumerBuilder.class, AdvancedClaidEndpointProducerBuilder.class,
                        AdvancedClaidEndpointBuilder.class)
                : List.of(ClaidEndpointConsumerBuilder.class, ClaidEndpointProducerBuilder.class,
                        ClaidEndpointBuilder.class);
    }

    /** The methods written in a builder interface, without the bridges the compiler adds for covariant returns. */
    static List<Method> declared(Class<?> builder, String name) {
        return Arrays.stream(builder.getDeclaredMethods())
                .filter(m -> !m.isBridge() && !m.isSynthetic() && m.getName().equals(name)).toList();
    }

    static Class<?> typeOf(String javaType) throws ClassNotFoundException {
        String raw = javaType.replaceAll("<.*>", "");
        return switch (raw) {
            case "boolean" -> boolean.class;
            case "int" -> int.class;
            case "long" -> long.class;
            case "double" -> double.class;
            default -> Class.forName(raw);
        };
    }

    static Iterable<Map.Entry<String, JsonNode>> endpointOptions() {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            if (option.getValue().path("kind").asText().equals("parameter")) {
                list.add(option);
            }
        }
        return list;
    }

    @Test
    void everyEndpointOptionHasItsMethodsOnTheBuildersOfItsKindAndNowhereElse() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Map.Entry<String, JsonNode> entry : endpointOptions()) {
            String name = entry.getKey();
            JsonNode option = entry.getValue();
            names.add(name);
            List<Class<?>> expected = buildersOf(option);
            for (Class<?> builder : BUILDERS) {
                List<Method> methods = declared(builder, name);
                if (!expected.contains(builder)) {
                    if (!methods.isEmpty()) {
                        problems.add(name + " (" + option.path("label").asText() + ") should not be on "
                                + builder.getSimpleName());
                    }
                    continue;
                }
                Set<List<Class<?>>> signatures = new HashSet<>();
                for (Method m : methods) {
                    signatures.add(List.of(m.getParameterTypes()));
                    if (m.getReturnType() != builder) {
                        problems.add(builder.getSimpleName() + "." + name + " returns "
                                + m.getReturnType().getSimpleName());
                    }
                }
                Class<?> type = typeOf(option.path("javaType").asText());
                Set<List<Class<?>>> wanted = option.path("multiValue").asBoolean()
                        ? Set.of(List.of(String.class, Object.class), List.of(Map.class))
                        : type == String.class ? Set.of(List.of(String.class))
                        : Set.of(List.of(type), List.of(String.class));
                if (!signatures.equals(wanted)) {
                    problems.add(builder.getSimpleName() + "." + name + " takes " + signatures + ", expected "
                            + wanted);
                }
            }
        }
        // and nothing on the builders that is not an endpoint option
        for (Class<?> builder : BUILDERS) {
            for (Method m : builder.getDeclaredMethods()) {
                if (!m.isBridge() && !names.contains(m.getName()) && !Set.of("advanced", "basic").contains(m.getName())) {
                    problems.add(builder.getSimpleName() + "." + m.getName() + " is not an endpoint option");
                }
            }
        }
        assertTrue(problems.isEmpty(), "builder methods not where the catalog says: " + String.join("\n", problems));
    }

    @Test
    void everyMethodSetsTheOptionItIsNamedAfter() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : endpointOptions()) {
            String name = entry.getKey();
            for (Class<?> builder : buildersOf(entry.getValue())) {
                AbstractEndpointBuilder fresh = (AbstractEndpointBuilder) claid("edit");
                String uri;
                if (entry.getValue().path("multiValue").asBoolean()) {
                    builder.getMethod(name, String.class, Object.class).invoke(fresh, "someKey", "v1");
                    uri = fresh.getRawUri();
                    if (!uri.contains(entry.getValue().path("prefix").asText() + "someKey=v1")) {
                        problems.add(builder.getSimpleName() + "." + name + " gave " + uri);
                    }
                    continue;
                }
                builder.getMethod(name, String.class).invoke(fresh, "v1");
                uri = fresh.getRawUri();
                if (!uri.equals("claid://edit?" + name + "=v1")) {
                    problems.add(builder.getSimpleName() + "." + name + " gave " + uri);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theBuildersNarrowAsCamelsGeneratedOnesDo() throws Exception {
        // common options keep the combined builder, a consumer or producer option narrows it
        ClaidEndpointBuilder common = claid("tasks").apiKey(KEY).baseUrl("http://localhost:1").taskPollInterval(20);
        ClaidEndpointConsumerBuilder consumer = common.delay(20).taskPollInterval("20ms").advanced().taskLease("1m")
                .basic().schedulerProperties("foo", "bar");
        ClaidEndpointProducerBuilder producer = claid("editAsync").baseUrl("http://localhost:1").operations("{}")
                .advanced().maxAttempts(2).basic().apiKey(KEY);
        AdvancedClaidEndpointBuilder advanced = claid("edit").advanced().connectTimeout("5s").maxAttempts(3);
        assertEquals("claid://edit?connectTimeout=5s&maxAttempts=3", ((AbstractEndpointBuilder) advanced).getRawUri());
        assertEquals("claid://editAsync?apiKey=" + KEY + "&baseUrl=http://localhost:1&maxAttempts=2&operations={}",
                ((AbstractEndpointBuilder) producer).getRawUri());

        CamelContext context = new DefaultCamelContext();
        try {
            ClaidEndpoint endpoint = (ClaidEndpoint) consumer.resolve(context);
            assertEquals(20, endpoint.getDelay());
            assertEquals(20, endpoint.getConfiguration().getTaskPollInterval());
            assertEquals(60_000, endpoint.getConfiguration().getTaskLease());
            assertEquals(Map.of("foo", "bar"), endpoint.getSchedulerProperties());
            assertFalse(endpoint.toString().contains(KEY), endpoint.toString());
        } finally {
            context.stop();
        }
    }

    @Test
    void routesWrittenInTheEndpointDslWork() throws Exception {
        ImageOperations thumbnail = ImageOperations.builder()
                .resizing(ResizingOptions.builder().width(56).build()).build();
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new EndpointRouteBuilder() {
            @Override
            public void configure() {
                from(direct("thumb")).to(claid("edit").apiKey(KEY).baseUrl(claid.server().baseUrl())
                        .operations(thumbnail).advanced().maxAttempts(2));
                from(direct("async")).to(claid("editAsync").apiKey(KEY).baseUrl(claid.server().baseUrl())
                        .operations("{\"resizing\":{\"width\":64} }").waitForCompletion(true).taskPollInterval("20ms"));
            }
        });
        context.start();
        try {
            Exchange thumb = context.createProducerTemplate().request("direct:thumb",
                    e -> e.getMessage().setBody("https://example.com/a.jpg"));
            assertNull(thumb.getException());
            assertEquals(56, ImageIO.read(new ByteArrayInputStream(thumb.getMessage().getBody(byte[].class))).getWidth());
            Exchange async = context.createProducerTemplate().request("direct:async",
                    e -> e.getMessage().setBody("https://example.com/b.jpg"));
            assertNull(async.getException());
            assertEquals("DONE", async.getMessage().getHeader(ClaidConstants.TASK_STATUS));
            for (Endpoint endpoint : context.getEndpoints()) {
                assertFalse(endpoint.toString().contains(KEY), endpoint.toString());
            }
        } finally {
            context.stop();
        }
    }

    @Test
    void aTaskSubmittedInOneDslRouteIsReportedOnceByTheTasksConsumerOfAnother() throws Exception {
        InMemoryTaskLedger ledger = new InMemoryTaskLedger();
        List<Message> reported = Collections.synchronizedList(new ArrayList<>());
        CamelContext context = new DefaultCamelContext();
        // shared by the producer and the consumer, as ClaidConfiguration advises; set here to watch it
        context.getComponent("claid", ClaidComponent.class).getConfiguration().setTaskLedger(ledger);
        context.addRoutes(new EndpointRouteBuilder() {
            @Override
            public void configure() {
                from(direct("submit")).to(claid("editAsync").apiKey(KEY).baseUrl(claid.server().baseUrl())
                        .operations("{\"resizing\":{\"width\":48} }").correlationHeaders("OrderId"));
                from(claid("tasks").apiKey(KEY).baseUrl(claid.server().baseUrl()).delay(20).taskPollInterval("20ms"))
                        .process(e -> reported.add(e.getMessage().copy()));
            }
        });
        context.start();
        try {
            Exchange submitted = context.createProducerTemplate().request("direct:submit", e -> {
                e.getMessage().setBody("https://example.com/c.jpg");
                e.getMessage().setHeader("OrderId", "order-7");
            });
            assertNull(submitted.getException());
            long id = submitted.getMessage().getBody(TaskAccepted.class).id();
            await().atMost(Duration.ofSeconds(20)).until(() -> !reported.isEmpty() && ledger.openCount() == 0);
            // finished in the ledger, so no further report; give the consumer a few more runs to be sure
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> reported.size() == 1);
            Message report = reported.get(0);
            assertEquals(id, report.getHeader(ClaidConstants.TASK_ID, Long.class));
            assertEquals("DONE", report.getHeader(ClaidConstants.TASK_STATUS));
            assertEquals("editAsync", report.getHeader(ClaidConstants.TASK_KIND));
            assertEquals("order-7", report.getHeader("OrderId"));
        } finally {
            context.stop();
        }
    }
}
