package io.github.camelclaid.component.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's Spring Boot metadata (what IDEs complete and describe in application.properties) against the
 * component's catalog, claid.json: an option added to the component, or a description or default changed there, fails
 * here until ClaidComponentConfiguration follows.
 */
class ClaidStarterMetadataTest {

    static final String CATALOG = "META-INF/io/github/camelclaid/component/claid.json";
    static final String PREFIX = "camel.component.claid.";

    /**
     * Nullable options whose unset value means "the operation decides" (downloadOutput: true for edit, false for the
     * rest); the catalog shows the most common answer, the starter must leave them unset or it would decide for all.
     */
    static final java.util.Set<String> DECIDED_BY_THE_OPERATION = java.util.Set.of("downloadOutput");

    static JsonNode catalogOptions;
    static Map<String, JsonNode> metadata;

    @BeforeAll
    static void read() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = ClaidStarterMetadataTest.class.getClassLoader().getResourceAsStream(CATALOG)) {
            assertThat(in).as(CATALOG + " in the camel-claid jar").isNotNull();
            catalogOptions = json.readTree(in).get("componentProperties");
        }
        // the starter's own file: every Spring Boot jar on the test classpath has one
        URL classes = ClaidComponentConfiguration.class.getProtectionDomain().getCodeSource().getLocation();
        metadata = new HashMap<>();
        for (JsonNode property : json.readTree(new URL(classes, "META-INF/spring-configuration-metadata.json"))
                .get("properties")) {
            metadata.put(property.get("name").asText(), property);
        }
    }

    @Test
    void everyComponentOptionOfTheCatalogIsAPropertyWithItsDescription() {
        assertThat(catalogOptions.size()).isGreaterThan(40);
        for (Iterator<Map.Entry<String, JsonNode>> it = catalogOptions.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            String property = PREFIX + kebab(option.getKey());
            assertThat(metadata).as("the metadata of %s", option.getKey()).containsKey(property);
            JsonNode described = metadata.get(property).get("description");
            assertThat(described).as("the description of %s", property).isNotNull();
            // complex types get Camel's "The option is a ... type." appended, hence a prefix
            assertThat(words(described.asText())).as("the description of %s", property)
                    .startsWith(words(option.getValue().get("description").asText()));
        }
    }

    @Test
    void everyDefaultOfTheCatalogIsTheDefaultOfItsProperty() {
        for (Iterator<Map.Entry<String, JsonNode>> it = catalogOptions.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode catalogDefault = option.getValue().get("defaultValue");
            JsonNode propertyDefault = metadata.get(PREFIX + kebab(option.getKey())).get("defaultValue");
            if (catalogDefault == null || DECIDED_BY_THE_OPERATION.contains(option.getKey())) {
                assertThat(propertyDefault).as("the default of %s", option.getKey()).isNull();
            } else if ("duration".equals(option.getValue().get("type").asText())) {
                assertThat(propertyDefault).as("the default of %s", option.getKey()).isNotNull();
                assertThat(duration(propertyDefault.asText())).as("the default of %s", option.getKey())
                        .isEqualTo(duration(catalogDefault.asText()));
            } else {
                assertThat(propertyDefault).as("the default of %s", option.getKey()).isNotNull();
                assertThat(propertyDefault.asText()).as("the default of %s", option.getKey())
                        .isEqualTo(catalogDefault.asText());
            }
        }
    }

    @Test
    void thePropertiesOfTheStarterItselfAreDescribedToo() {
        assertThat(metadata.get(PREFIX + "enabled").get("description").asText())
                .isEqualTo("Whether to enable auto configuration of the claid component. This is enabled by default.");
        assertThat(metadata).containsKey(PREFIX + "customizer.enabled");
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** Javadoc is wrapped at another width than the catalog's text. */
    static String words(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }

    /** Both notations: Camel's (2s, 500ms, 0) and Spring Boot's (2s, 500ms, 0ms). */
    static Duration duration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(text);
        assertThat(m.matches()).as("a duration: %s", text).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofMillis(n);
        };
    }
}
