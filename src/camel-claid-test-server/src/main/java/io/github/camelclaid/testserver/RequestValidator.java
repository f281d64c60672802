package io.github.camelclaid.testserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelclaid.client.ClaidSchemas;
import io.github.camelclaid.client.SchemaViolation;

/** Parses JSON bodies and checks them against Claid's published request schemas. */
final class RequestValidator {

    /** The {@code error_details} key for a problem with the body as a whole. */
    static final String WHOLE_BODY = "body";

    private RequestValidator() {
    }

    /**
     * @throws ApiError 400 when the body is not JSON; 422 when it is empty
     */
    static JsonNode parse(byte[] body, String what) {
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (JsonProcessingException e) {
            throw ErrorBodies.badRequest(what + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null) {
            throw ErrorBodies.validation(WHOLE_BODY, "field required");
        }
        return node;
    }

    /** @throws ApiError 422 naming every offending field, as Claid's {@code error_details} does */
    static void requireValid(String schemaName, JsonNode instance) {
        List<SchemaViolation> violations = ClaidSchemas.get().validate(schemaName, instance);
        if (violations.isEmpty()) {
            return;
        }
        Map<String, List<String>> details = new LinkedHashMap<>();
        for (SchemaViolation violation : violations) {
            String field = violation.path().isEmpty() ? WHOLE_BODY : violation.path();
            details.computeIfAbsent(field, k -> new ArrayList<>()).add(violation.message());
        }
        throw ErrorBodies.validation(details);
    }
}
