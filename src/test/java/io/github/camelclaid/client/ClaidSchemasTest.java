package io.github.camelclaid.client;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaidSchemasTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private List<String> violations(String schema, String json) throws Exception {
        JsonNode node = mapper.readTree(json);
        return ClaidSchemas.get().validate(schema, node).stream().map(SchemaViolation::toString).toList();
    }

    @Test
    void aValidEditHasNoViolations() throws Exception {
        assertEquals(List.of(), violations("EditRequest",
                "{\"input\":\"https://example.com/a.jpg\",\"operations\":{\"resizing\":{\"width\":1000},"
                        + "\"background\":{\"remove\":false}}}"));
    }

    @Test
    void anOutOfRangeNumberNamesItsPathAndBound() throws Exception {
        assertEquals(List.of("operations.adjustments.exposure: must be <= 100"), violations("EditRequest",
                "{\"input\":\"https://example.com/a.jpg\",\"operations\":{\"adjustments\":{\"exposure\":101}}}"));
    }

    @Test
    void unknownFieldsWrongEnumsAndMissingFieldsAreEachNamed() throws Exception {
        List<String> found = violations("EditRequest",
                "{\"operations\":{\"resizing\":{\"fit\":\"squash\"}},\"outptu\":\"x\"}");
        assertTrue(found.contains("input: is required"), found.toString());
        assertTrue(found.contains("outptu: is not a known field"), found.toString());
        assertTrue(found.stream().anyMatch(v -> v.startsWith("operations.resizing.fit: must be one of [crop, cover,")),
                found.toString());
    }

    @Test
    void anAlternativeIsJudgedByTheShapeTheCallerMeant() throws Exception {
        // scene is one of three shapes; a too-short prompt must be reported as that, not as a missing template_url
        assertEquals(List.of("scene.prompt: must be at least 3 characters long"), violations("SceneCreateAPIIn",
                "{\"object\":{\"image_url\":\"https://example.com/p.png\"},\"scene\":{\"prompt\":\"xy\"}}"));
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() throws Exception {
        assertEquals(List.of("operations.adjustments.exposure: must be an integer, not a string"),
                violations("EditRequest", "{\"input\":\"https://example.com/a.jpg\","
                        + "\"operations\":{\"adjustments\":{\"exposure\":\"high\"}}}"));
    }

    @Test
    void anInputThatIsNotAUriIsRejected() throws Exception {
        assertEquals(List.of("input: must be a valid uri"), violations("EditRequest",
                "{\"input\":\"not a uri\",\"operations\":{}}"));
    }

    @Test
    void batchAcceptsAFolderWithRecursionAndAListOfUrls() throws Exception {
        assertEquals(List.of(), violations("BatchEditRequest",
                "{\"input\":{\"source\":\"storage://s/in/\",\"recursive\":true},\"operations\":{}}"));
        assertEquals(List.of(), violations("BatchEditRequest",
                "{\"input\":[\"https://example.com/a.jpg\",\"https://example.com/b.jpg\"],\"operations\":{}}"));
    }
}
