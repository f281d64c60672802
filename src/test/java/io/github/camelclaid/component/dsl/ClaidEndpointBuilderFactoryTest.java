package io.github.camelclaid.component.dsl;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelclaid.client.model.request.ImageOperations;
import io.github.camelclaid.client.model.request.ResizingOptions;
import io.github.camelclaid.component.ClaidConstants;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelclaid.component.dsl.ClaidEndpointBuilderFactory.claid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaidEndpointBuilderFactoryTest {

    static final String KEY = "dsl-key-93c1";

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY).acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(40)));

    @Test
    void everyEndpointOptionHasABuilderMethod() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelclaid/component/claid.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        Set<String> methods = new java.util.HashSet<>();
        for (Class<?> type : List.of(ClaidEndpointBuilderFactory.ClaidEndpointBuilder.class,
                ClaidEndpointBuilderFactory.AdvancedClaidEndpointBuilder.class)) {
            methods.addAll(Arrays.stream(type.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet()));
        }
        List<String> missing = new ArrayList<>();
        catalog.path("properties").fieldNames().forEachRemaining(name -> {
            if (!name.equals("operation") && !methods.contains(name)) {
                missing.add(name);
            }
        });
        assertTrue(missing.isEmpty(), "options without a builder method: " + missing);
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
}
