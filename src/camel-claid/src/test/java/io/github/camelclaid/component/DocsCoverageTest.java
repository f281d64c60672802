package io.github.camelclaid.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the hand-written component documentation in step with the catalog the Camel plugin generates from the code:
 * every component option, endpoint option, header and operation in {@code claid.json} must be mentioned in
 * {@code src/main/docs/claid-component.adoc}.
 */
class DocsCoverageTest {

    private static final String CATALOG = "META-INF/io/github/camelclaid/component/claid.json";
    private static final Path DOC = Path.of("src/main/docs/claid-component.adoc");

    private static JsonNode catalog;
    private static String doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = DocsCoverageTest.class.getClassLoader().getResourceAsStream(CATALOG)) {
            assertNotNull(in, CATALOG + " is not on the test classpath: build with process-classes first, so that"
                    + " camel-component-maven-plugin generates it");
            catalog = new ObjectMapper().readTree(in);
        }
        assertTrue(Files.isRegularFile(DOC), DOC.toAbsolutePath() + " does not exist");
        doc = Files.readString(DOC, StandardCharsets.UTF_8);
    }

    /** The header line Camel's docs render, in the words Camel uses, from what the catalog says. */
    @Test
    void theHeaderSaysWhatKindsOfEndpointTheCatalogHas() {
        JsonNode component = catalog.path("component");
        String expected = component.path("producerOnly").asBoolean() ? "Only producer is supported"
                : component.path("consumerOnly").asBoolean() ? "Only consumer is supported"
                : "Both producer and consumer are supported";
        assertTrue(doc.contains(":component-header: " + expected + "\n"), "the adoc header must read: " + expected);
    }

    @Test
    void documentsEveryComponentOption() {
        assertDocumented("component options", fieldNames(catalog.path("componentProperties")));
    }

    @Test
    void documentsEveryEndpointOption() {
        assertDocumented("endpoint options", fieldNames(catalog.path("properties")));
    }

    @Test
    void documentsEveryHeader() {
        // the plugin keys each header by its name; take a "name" member as well, should an entry carry one
        JsonNode headers = catalog.path("headers");
        Set<String> names = fieldNames(headers);
        for (JsonNode header : headers) {
            if (header.hasNonNull("name")) {
                names.add(header.get("name").asText());
            }
        }
        assertDocumented("headers", names);
    }

    @Test
    void documentsEveryOperation() {
        JsonNode values = catalog.path("properties").path("operation").path("enum");
        assertTrue(values.isArray() && values.size() > 0, "claid.json lists no enum values for the operation");
        Set<String> operations = new LinkedHashSet<>();
        values.forEach(v -> operations.add(v.asText()));
        assertDocumented("operations", operations);
    }

    private static Set<String> fieldNames(JsonNode object) {
        assertTrue(object.isObject() && object.size() > 0, "claid.json has an empty or missing section");
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static void assertDocumented(String what, Set<String> names) {
        assertFalse(names.isEmpty(), "claid.json lists no " + what);
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!mentions(name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), DOC + " does not mention these " + what + " from claid.json: " + missing);
    }

    /** Whether the doc names it as a whole word, so that e.g. "options" is not found inside "operations". */
    private static boolean mentions(String name) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(doc).find();
    }
}
