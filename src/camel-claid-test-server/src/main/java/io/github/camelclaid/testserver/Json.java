package io.github.camelclaid.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the server, and the few tree helpers every endpoint needs. */
final class Json {

    /** Trailing garbage after a complete document is rejected, as a strict API server would. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Claid's success envelope: {@code {"data": ...}}. */
    static ObjectNode data(JsonNode data) {
        ObjectNode envelope = object();
        envelope.set("data", data);
        return envelope;
    }

    /**
     * Parses a request body.
     *
     * @return the document, or null when the body is empty
     * @throws JsonProcessingException when the body is not one well-formed JSON document
     */
    static JsonNode parse(byte[] body) throws JsonProcessingException {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a member, or null when it is absent or not a string. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode member = node.get(field);
        return member != null && member.isTextual() ? member.asText() : null;
    }

    /** An integer member, or the fallback when it is absent or not an integer. */
    static int integer(JsonNode node, String field, int fallback) {
        if (node == null) {
            return fallback;
        }
        JsonNode member = node.get(field);
        return member != null && member.canConvertToInt() && member.isIntegralNumber() ? member.asInt() : fallback;
    }
}
