package io.github.camelclaid.client.model.request;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelclaid.client.ClaidSchemas;
import io.github.camelclaid.client.SchemaViolation;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helpers: serialize as the client would (to text, then parse) and check against Claid's schemas. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode tree(Object value) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static List<SchemaViolation> violations(String schemaName, Object value) {
        return ClaidSchemas.get().validate(schemaName, tree(value));
    }

    static void assertValid(ClaidRequest request) {
        assertValid(request.schemaName(), request);
    }

    static void assertValid(String schemaName, Object value) {
        assertEquals(List.of(), violations(schemaName, value), () -> schemaName + ": " + tree(value));
    }

    static void assertJson(String expected, Object value) {
        assertEquals(parse(expected), tree(value));
    }
}
