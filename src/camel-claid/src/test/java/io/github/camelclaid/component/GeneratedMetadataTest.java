package io.github.camelclaid.component;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What camel-component-maven-plugin generates is on the classpath and complete: a clean build that skipped the
 * recompile would pass every other test (Camel falls back to reflection) but ship without configurers.
 */
class GeneratedMetadataTest {

    @Test
    void theGeneratedConfigurersAreFoundAndUsed() {
        CamelContext context = new DefaultCamelContext();
        PropertyConfigurer endpoint = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("claid-endpoint", context);
        PropertyConfigurer component = PluginHelper.getConfigurerResolver(context)
                .resolvePropertyConfigurer("claid-component", context);
        assertInstanceOf(ClaidEndpointConfigurer.class, endpoint);
        assertInstanceOf(ClaidComponentConfigurer.class, component);
        assertNotNull(context.getComponent("claid"), "the services file names the component");
    }

    @Test
    void theCatalogListsEveryOperationAndHeader() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelclaid/component/claid.json")) {
            assertNotNull(in, "claid.json is on the classpath");
            catalog = new ObjectMapper().readTree(in);
        }
        List<String> operations = new ArrayList<>();
        catalog.path("properties").path("operation").path("enum").forEach(n -> operations.add(n.asText()));
        assertEquals(Arrays.stream(ClaidOperations.values()).map(Enum::name).toList(), operations);

        List<String> missing = new ArrayList<>();
        for (Field f : ClaidConstants.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String header = (String) f.get(null);
                if (!catalog.path("headers").has(header)) {
                    missing.add(header);
                }
            }
        }
        assertTrue(missing.isEmpty(), "headers missing from claid.json: " + missing);
        assertTrue(catalog.path("properties").path("apiKey").path("secret").asBoolean(), "apiKey is secret");
        assertEquals(List.of("apiKey", "webhookSecret"),
                new ClaidEndpointUriFactory().secretPropertyNames().stream().sorted().toList());
    }

    /** What tools (the adoc header, Kaoto, camel doc) read: both kinds of endpoint, and a non-blocking producer. */
    @Test
    void theCatalogDescribesAnAsyncComponentWithProducersAndConsumers() throws Exception {
        JsonNode component;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelclaid/component/claid.json")) {
            component = new ObjectMapper().readTree(in).path("component");
        }
        assertTrue(component.path("async").asBoolean(), "async");
        assertTrue(!component.path("producerOnly").asBoolean() && !component.path("consumerOnly").asBoolean());
    }
}
