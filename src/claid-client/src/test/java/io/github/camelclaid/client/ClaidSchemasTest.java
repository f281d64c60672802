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

    // The examples below were found by GeneratedRequestValidationIT; they pin how the closest shape is chosen.

    @Test
    void anUnknownMemberOfAnObjectThatMayAlsoBeAStringIsNamedAsUnknown() throws Exception {
        assertEquals(List.of("output.qualty: is not a known field"), violations("EditRequest",
                "{\"input\":\"https://example.com/a.jpg\",\"operations\":{},\"output\":{\"format\":\"png\",\"qualty\":1}}"));
    }

    @Test
    void aDiscriminatorValuePicksItsShape() throws Exception {
        // placement_type "padding" names the padding shape, so the missing member is padding
        assertEquals(List.of("object.padding: is required"), violations("SceneCreateAPIIn",
                "{\"object\":{\"image_url\":\"https://example.com/p.png\",\"placement_type\":\"padding\"},"
                        + "\"scene\":{\"effect\":\"shadows\"}}"));
        assertEquals(List.of("output.format.quality: is not a known field"), violations("EditRequest",
                "{\"input\":\"https://example.com/a.jpg\",\"operations\":{},"
                        + "\"output\":{\"format\":{\"type\":\"png\",\"quality\":80}}}"));
    }

    @Test
    void aDiscriminatorNoShapeTakesListsEveryShapesValue() throws Exception {
        assertEquals(List.of("operations.resizing.fit.type: must be one of [crop, cover, bounds, canvas, outpaint],"
                + " not \"squash\""), violations("EditRequest", "{\"input\":\"https://example.com/a.jpg\","
                        + "\"operations\":{\"resizing\":{\"fit\":{\"type\":\"squash\"}}}}"));
    }

    @Test
    void membersAShapeDoesNotDeclareCountAgainstItEvenWhereItAllowsThem() throws Exception {
        // web_folder parameters allow extra members, but bucket and credentials say s3/gcs, not a missing base_url
        assertEquals(List.of("parameters.credentials: must be an object, not a string"), violations(
                "StorageIn_Pydantic", "{\"name\":\"s\",\"type\":\"s3\",\"parameters\":{\"bucket\":\"b\","
                        + "\"credentials\":\"AKID:secret\"}}"));
    }

    @Test
    void whenTheRequestCannotTellTheShapeEachShapesNeedIsNamed() throws Exception {
        assertEquals(List.of("scene: fits none of its shapes, and the request does not tell which one is meant:"
                + " either scene.effect: is required, or scene.prompt: is required"), violations("SceneCreateAPIIn",
                "{\"object\":{\"image_url\":\"https://example.com/p.png\"},\"scene\":{}}"));
    }

    @Test
    void aStorageUriMustNameItsStorage() throws Exception {
        for (String uri : List.of("storage:///in/a.jpg", "storage://", "storage:bucket/in/a.jpg", "STORAGE:///a.jpg")) {
            assertEquals(List.of("input: must be a valid uri: storage://<storage name>/<path>"), violations(
                    "EditRequest", "{\"input\":\"" + uri + "\",\"operations\":{}}"), uri);
        }
        assertEquals(List.of(), violations("EditRequest", "{\"input\":\"storage://bucket\",\"operations\":{}}"));
    }
}
