package io.github.camelclaid.client;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Claid's error body, read from any of the three shapes Claid answers with:
 * <ol>
 * <li>the flat envelope {@code {"error_code","error_type","error_message","error_details"}} (most errors);</li>
 * <li>the same envelope under {@code detail} (429 rate-limit answers);</li>
 * <li>FastAPI's {@code {"detail":[{"loc":[...],"msg":"...","type":"..."}]}} (422 on status endpoints).</li>
 * </ol>
 * Anything else (an HTML page from a gateway, an empty body) becomes a message quoting the start of the text.
 */
record ErrorBody(String errorCode, String errorType, String errorMessage, JsonNode errorDetails) {

    private static final int QUOTED_TEXT = 200;

    static ErrorBody parse(ObjectMapper mapper, byte[] body) {
        if (body == null || body.length == 0) {
            return new ErrorBody(null, null, "empty answer", JsonNodeFactory.instance.objectNode());
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (Exception e) {
            root = null;
        }
        if (root != null && root.isObject()) {
            if (root.has("error_message") || root.has("error_code")) {
                return envelope(root);
            }
            JsonNode detail = root.get("detail");
            if (detail != null && detail.isObject()) {
                return envelope(detail);
            }
            if (detail != null && detail.isArray()) {
                return fastApi(detail);
            }
            if (detail != null && detail.isTextual()) {
                return new ErrorBody(null, null, detail.asText(), JsonNodeFactory.instance.objectNode());
            }
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.length() > QUOTED_TEXT) {
            text = text.substring(0, QUOTED_TEXT) + "...";
        }
        return new ErrorBody(null, null, "unrecognised error body: " + text, JsonNodeFactory.instance.objectNode());
    }

    private static ErrorBody envelope(JsonNode node) {
        JsonNode details = node.get("error_details");
        return new ErrorBody(text(node, "error_code"), text(node, "error_type"), text(node, "error_message"),
                details != null && details.isObject() ? details : JsonNodeFactory.instance.objectNode());
    }

    /** FastAPI lists one item per field; they become error_details keyed by the dotted location, as Claid does. */
    private static ErrorBody fastApi(JsonNode items) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        StringBuilder message = new StringBuilder("Validation failed:");
        for (JsonNode item : items) {
            StringBuilder loc = new StringBuilder();
            for (JsonNode part : item.path("loc")) {
                if (loc.length() > 0) {
                    loc.append('.');
                }
                loc.append(part.asText());
            }
            String msg = item.path("msg").asText("invalid");
            String key = loc.toString();
            (details.has(key) ? (ArrayNode) details.get(key) : details.putArray(key)).add(msg);
            message.append(' ').append(loc).append(": ").append(msg).append('.');
        }
        return new ErrorBody(null, "validation", message.toString(), details);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
