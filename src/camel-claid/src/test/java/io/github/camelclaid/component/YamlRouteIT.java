package io.github.camelclaid.component;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Properties;

import javax.imageio.ImageIO;

import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The YAML DSL form users write: parameters as a map, settings from placeholders, the key from the environment (here a
 * stand-in for it), JSON in the operations or in a file next to the routes.
 */
class YamlRouteIT {

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey("yaml-key").acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(40)));

    static final String ROUTES = """
            - route:
                from:
                  uri: direct:edit
                  steps:
                    - to:
                        uri: claid:edit
                        parameters:
                          baseUrl: "{{claid.base-url}}"
                          operations: '{"resizing": {"width": 140}, "adjustments": {"exposure": 10} }'
            - route:
                from:
                  uri: direct:fromFile
                  steps:
                    - to:
                        uri: claid:edit
                        parameters:
                          baseUrl: "{{claid.base-url}}"
                          operations: "resource:classpath:claid/thumbnail-operations.json"
            - route:
                from:
                  uri: direct:async
                  steps:
                    - to:
                        uri: claid:editAsync
                        parameters:
                          baseUrl: "{{claid.base-url}}"
                          waitForCompletion: true
                          taskPollInterval: 20
                          operations: '{"restorations": {"upscale": "smart_enhance"} }'
            """;

    @Test
    void yamlRoutesEditAndWait() throws Exception {
        CamelContext context = new DefaultCamelContext();
        Properties props = new Properties();
        props.setProperty("claid.base-url", claid.server().baseUrl());
        context.getPropertiesComponent().setInitialProperties(props);
        // CLAID_API_KEY, as the component reads it when no apiKey is configured
        context.getComponent("claid", ClaidComponent.class)
                .setEnvironment(name -> ClaidComponent.API_KEY_VARIABLE.equals(name) ? "yaml-key" : null);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("claid.yaml", ROUTES));
        context.start();
        try {
            Exchange edited = context.createProducerTemplate().request("direct:edit",
                    e -> e.getMessage().setBody("https://example.com/a.jpg"));
            assertNull(edited.getException());
            assertEquals(140, ImageIO.read(new ByteArrayInputStream(edited.getMessage().getBody(byte[].class))).getWidth());
            Exchange thumbnail = context.createProducerTemplate().request("direct:fromFile",
                    e -> e.getMessage().setBody("https://example.com/a.jpg"));
            assertNull(thumbnail.getException());
            assertEquals(72, thumbnail.getMessage().getHeader(ClaidConstants.OUTPUT_WIDTH));
            Exchange waited = context.createProducerTemplate().request("direct:async",
                    e -> e.getMessage().setBody("https://example.com/b.jpg"));
            assertNull(waited.getException());
            assertEquals("DONE", waited.getMessage().getHeader(ClaidConstants.TASK_STATUS));
        } finally {
            context.stop();
        }
    }
}
