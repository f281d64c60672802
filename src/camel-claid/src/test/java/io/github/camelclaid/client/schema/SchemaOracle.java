package io.github.camelclaid.client.schema;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A second, deliberately small JSON Schema checker for the keywords Claid's request schemas use. The properties ask it
 * whether a mutation really broke the body (a wrong type in one anyOf branch may be another branch's right type) so
 * that they never depend on the validator under test to decide what "invalid" means. Unknown keywords and formats
 * throw rather than pass.
 */
final class SchemaOracle {

    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties",
            "items", "enum", "anyOf", "allOf", "$ref", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "minLength", "maxLength", "minItems", "maxItems", "pattern", "format", "default");

    private final RequestSchemaDocument schemas;

    SchemaOracle(RequestSchemaDocument schemas) {
        this.schemas = schemas;
    }

    boolean accepts(String schemaName, JsonNode value) {
        return accepts(schemas.named(schemaName), value);
    }

    boolean accepts(JsonNode schema, JsonNode value) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String keyword = it.next();
            if (!KEYWORDS.contains(keyword)) {
                throw new IllegalStateException("The oracle does not know the keyword " + keyword + " in " + schema);
            }
        }
        if (schema.has("$ref") && !accepts(schemas.resolve(schema), value)) {
            return false;
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                if (!accepts(part, value)) {
                    return false;
                }
            }
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode branch : schema.get("anyOf")) {
                any |= accepts(branch, value);
            }
            if (!any) {
                return false;
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                return false;
            }
        }
        if (schema.has("type") && !hasType(schema.get("type").asText(), value)) {
            return false;
        }
        if (value.isNumber() && !inRange(schema, value.decimalValue().doubleValue())) {
            return false;
        }
        if (value.isTextual() && !acceptsText(schema, value.asText())) {
            return false;
        }
        if (value.isArray() && !acceptsArray(schema, value)) {
            return false;
        }
        return !value.isObject() || acceptsObject(schema, value);
    }

    private static boolean hasType(String type, JsonNode value) {
        switch (type) {
            case "object":
                return value.isObject();
            case "array":
                return value.isArray();
            case "string":
                return value.isTextual();
            case "boolean":
                return value.isBoolean();
            // JSON Schema counts 2.0 as an integer; the generators never produce such values, so the stricter Java view
            // is enough here
            case "integer":
                return value.isIntegralNumber();
            case "number":
                return value.isNumber();
            default:
                throw new IllegalStateException("Unknown type " + type);
        }
    }

    private static boolean inRange(JsonNode schema, double n) {
        return !(schema.has("minimum") && n < schema.get("minimum").asDouble())
                && !(schema.has("maximum") && n > schema.get("maximum").asDouble())
                && !(schema.has("exclusiveMinimum") && n <= schema.get("exclusiveMinimum").asDouble())
                && !(schema.has("exclusiveMaximum") && n >= schema.get("exclusiveMaximum").asDouble());
    }

    private static boolean acceptsText(JsonNode schema, String text) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            return false;
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            return false;
        }
        // JSON Schema patterns are unanchored: find, not matches
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            return false;
        }
        if (schema.has("format")) {
            String format = schema.get("format").asText();
            if (!"uri".equals(format)) {
                throw new IllegalStateException("The oracle does not know the format " + format);
            }
            return isAbsoluteUri(text);
        }
        return true;
    }

    /**
     * RFC 3986 "URI" (not a reference): parses, and has a scheme. A {@code storage:} URI must also name its storage,
     * {@code storage://name/path}: the client adds that rule to the schemas, as Claid cannot resolve anything else.
     */
    static boolean isAbsoluteUri(String text) {
        try {
            URI uri = new URI(text);
            if ("storage".equalsIgnoreCase(uri.getScheme())) {
                return uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty();
            }
            return uri.isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean acceptsArray(JsonNode schema, JsonNode array) {
        if (schema.has("minItems") && array.size() < schema.get("minItems").asInt()) {
            return false;
        }
        if (schema.has("maxItems") && array.size() > schema.get("maxItems").asInt()) {
            return false;
        }
        if (schema.has("items")) {
            for (JsonNode item : array) {
                if (!accepts(schema.get("items"), item)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean acceptsObject(JsonNode schema, JsonNode object) {
        if (schema.has("required")) {
            for (JsonNode name : schema.get("required")) {
                if (!object.has(name.asText())) {
                    return false;
                }
            }
        }
        JsonNode properties = schema.path("properties");
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            JsonNode propertySchema = properties.get(member.getKey());
            if (propertySchema == null) {
                if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                    return false;
                }
            } else if (!accepts(propertySchema, member.getValue())) {
                return false;
            }
        }
        return true;
    }
}
