package io.github.camelclaid.client.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Breaks a valid body with exactly one change at a known place, of one of the kinds in {@link Kind}. A change the
 * {@link SchemaOracle} still accepts (a string where one anyOf branch wants an integer and another takes any string)
 * is not a break and is never returned.
 */
final class Mutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Values for a URI field that Claid cannot use: not RFC 3986 URIs (a space, a bad percent escape, characters a URI
     * cannot hold, no scheme at all), or {@code storage:} references without the storage's name. Most are
     * {@code storage://name/path} references as they get mistyped.
     */
    static final List<String> BAD_URIS = List.of(
            "storage://" + ValidBodies.STORAGE + "/in/my photo.jpg",
            "storage://" + ValidBodies.STORAGE + "/in/100%.jpg",
            "storage://" + ValidBodies.STORAGE + "/in/<chair>.jpg",
            "storage://" + ValidBodies.STORAGE + "\\in\\chair.jpg",
            "storage://my bucket/in/chair.jpg",
            "storage:// /in/chair.jpg",
            "storage://" + ValidBodies.STORAGE + "/in/chair.jpg#a#b",
            ValidBodies.STORAGE + "/in/chair.jpg",
            "/in/chair.jpg",
            "chair.jpg",
            "not a uri",
            "https://images.example.com/a chair.jpg",
            "https://images.example.com/{chair}.jpg",
            "https://images example com/chair.jpg",
            // well-formed URIs, but storage references that name no storage: Claid cannot resolve them
            "storage:///in/chair.jpg",
            "storage://",
            "storage:" + ValidBodies.STORAGE + "/in/chair.jpg",
            "storage:/" + ValidBodies.STORAGE + "/in/chair.jpg",
            "STORAGE:///in/chair.jpg");

    private static final List<String> UNKNOWN_NAMES = List.of("colour", "outptu", "qualty", "widht", "extra", "x_");

    enum Kind {
        OUT_OF_RANGE,
        WRONG_ENUM,
        UNKNOWN_PROPERTY,
        WRONG_TYPE,
        TOO_LONG,
        TOO_SHORT,
        BAD_URI,
        MISSING_REQUIRED
    }

    /**
     * A broken body.
     *
     * @param path       the field the change is about: the changed value, the added member or the removed one
     * @param acceptable the paths a violation may name for this change: {@code path} itself, or any anyOf location at
     *                   or above it (see {@link #acceptablePaths})
     * @param shapes     whether the value at {@code path} may take several shapes: then a value of the wrong type for
     *                   one shape may be judged as another shape (1.5 where an integer in 0..1 or a number in 0.01..1
     *                   goes is "must be <= 1")
     */
    record Invalid(String schemaName, Kind kind, JsonPath path, Set<String> acceptable, boolean shapes, String change,
            ObjectNode json) {

        @Override
        public String toString() {
            return schemaName + " " + kind + " at " + path + " (" + change + "): " + json;
        }
    }

    private record Candidate(Kind kind, ValidBodies.Site site) {
    }

    private final SchemaOracle oracle;

    Mutations(SchemaOracle oracle) {
        this.oracle = oracle;
    }

    /**
     * One mutation of the body: a kind chosen evenly among those the body offers a place for, then a place. Null when
     * no change of any kind breaks the body (never with Claid's schemas: every body has a required member).
     */
    Invalid mutate(ValidBodies.Body body, Random random) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        Collections.shuffle(kinds, random);
        for (Kind kind : kinds) {
            List<ValidBodies.Site> sites = new ArrayList<>(body.sites());
            Collections.shuffle(sites, random);
            for (ValidBodies.Site site : sites) {
                Invalid invalid = apply(new Candidate(kind, site), body, random);
                if (invalid != null && !oracle.accepts(body.schemaName(), invalid.json())) {
                    return invalid;
                }
            }
        }
        return null;
    }

    private static Invalid apply(Candidate c, ValidBodies.Body body, Random random) {
        ValidBodies.Site site = c.site();
        JsonNode s = site.schema();
        String type = s.path("type").asText("");
        switch (c.kind()) {
            case OUT_OF_RANGE:
                return outOfRange(site, body, random);
            case WRONG_ENUM:
                if (!s.has("enum")) {
                    return null;
                }
                return replace(body, site, Kind.WRONG_ENUM, NODES.textNode("no-such-" + site.path().fieldName()));
            case UNKNOWN_PROPERTY:
                if (!"object".equals(type) || !s.path("additionalProperties").isBoolean()
                        || s.get("additionalProperties").asBoolean()) {
                    return null;
                }
                String name = UNKNOWN_NAMES.get(random.nextInt(UNKNOWN_NAMES.size()));
                if (s.path("properties").has(name)) {
                    return null;
                }
                return change(body, site, site.path().member(name), Kind.UNKNOWN_PROPERTY, "added " + name,
                        json -> ((ObjectNode) site.path().find(json)).put(name, "x"));
            case WRONG_TYPE:
                if (site.path().isRoot()) {
                    return null;
                }
                return replace(body, site, Kind.WRONG_TYPE, wrongType(s, random));
            case TOO_LONG:
                if (!"string".equals(type) || !s.has("maxLength")) {
                    return null;
                }
                return replace(body, site, Kind.TOO_LONG,
                        NODES.textNode(sized(s, s.get("maxLength").asInt() + 1 + random.nextInt(3), random)));
            case TOO_SHORT:
                if (!"string".equals(type) || s.path("minLength").asInt(0) < 1) {
                    return null;
                }
                return replace(body, site, Kind.TOO_SHORT,
                        NODES.textNode(sized(s, s.get("minLength").asInt() - 1, random)));
            case BAD_URI:
                if (!"uri".equals(s.path("format").asText())) {
                    return null;
                }
                return replace(body, site, Kind.BAD_URI, NODES.textNode(BAD_URIS.get(random.nextInt(BAD_URIS.size()))));
            case MISSING_REQUIRED:
                if (!"object".equals(type) || !s.has("required")) {
                    return null;
                }
                JsonNode required = s.get("required");
                String missing = required.get(random.nextInt(required.size())).asText();
                return change(body, site, site.path().member(missing), Kind.MISSING_REQUIRED, "removed " + missing,
                        json -> ((ObjectNode) site.path().find(json)).remove(missing));
            default:
                throw new IllegalStateException(c.kind().name());
        }
    }

    private static Invalid outOfRange(ValidBodies.Site site, ValidBodies.Body body, Random random) {
        JsonNode s = site.schema();
        String type = s.path("type").asText("");
        if (!"integer".equals(type) && !"number".equals(type)) {
            return null;
        }
        boolean integer = "integer".equals(type);
        List<JsonNode> outside = new ArrayList<>();
        int beyond = random.nextInt(3) == 0 ? 1 + random.nextInt(1000) : 0;
        if (s.has("maximum")) {
            outside.add(integer ? NODES.numberNode(s.get("maximum").asLong() + 1 + beyond)
                    : DecimalNode.valueOf(s.get("maximum").decimalValue().add(new java.math.BigDecimal("0.5"))
                            .add(java.math.BigDecimal.valueOf(beyond))));
        }
        if (s.has("exclusiveMaximum")) {
            // the bound itself is the first value out
            outside.add(integer ? NODES.numberNode(s.get("exclusiveMaximum").asLong() + beyond)
                    : DecimalNode.valueOf(s.get("exclusiveMaximum").decimalValue().add(java.math.BigDecimal.valueOf(beyond))));
        }
        if (s.has("minimum")) {
            outside.add(integer ? NODES.numberNode(s.get("minimum").asLong() - 1 - beyond)
                    : DecimalNode.valueOf(s.get("minimum").decimalValue().subtract(new java.math.BigDecimal("0.5"))
                            .subtract(java.math.BigDecimal.valueOf(beyond))));
        }
        if (outside.isEmpty()) {
            return null;
        }
        return replace(body, site, Kind.OUT_OF_RANGE, outside.get(random.nextInt(outside.size())));
    }

    /** A value of another JSON type than the schema's; for an enum, a number. */
    private static JsonNode wrongType(JsonNode s, Random random) {
        String type = s.path("type").asText("");
        switch (type) {
            case "string":
                return random.nextBoolean() ? NODES.numberNode(42) : NODES.booleanNode(true);
            case "integer":
                return random.nextBoolean() ? NODES.textNode("12") : DecimalNode.valueOf(new java.math.BigDecimal("1.5"));
            case "number":
                return random.nextBoolean() ? NODES.textNode("0.5") : NODES.booleanNode(false);
            case "boolean":
                return random.nextBoolean() ? NODES.textNode("true") : NODES.numberNode(1);
            // not a string: several objects share an anyOf with a string shape, which would judge it by its length
            case "object":
                return random.nextBoolean() ? NODES.numberNode(7) : NODES.arrayNode().add(1);
            case "array":
                return random.nextBoolean() ? NODES.textNode("https://images.example.com/a.jpg") : NODES.objectNode();
            default:
                throw new IllegalStateException("No wrong type for " + s);
        }
    }

    /** A string of exactly {@code length} characters, a well-formed URI when the field wants one. */
    private static String sized(JsonNode s, int length, Random random) {
        if ("uri".equals(s.path("format").asText()) && length > 40) {
            String prefix = "https://images.example.com/";
            return prefix + "a".repeat(length - prefix.length());
        }
        return ValidBodies.text(length, random);
    }

    private static Invalid replace(ValidBodies.Body body, ValidBodies.Site site, Kind kind, JsonNode value) {
        return change(body, site, site.path(), kind, "set to " + abbreviate(value.toString()),
                json -> site.path().set(json, value));
    }

    private static Invalid change(ValidBodies.Body body, ValidBodies.Site site, JsonPath path, Kind kind, String what,
            java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode copy = body.json().deepCopy();
        edit.accept(copy);
        return new Invalid(body.schemaName(), kind, path, acceptablePaths(path, site), site.anyOfs().contains(path),
                what, copy);
    }

    /**
     * The rule the properties assert: a violation must name the changed field itself, or a field at or above it whose
     * value may take several shapes (anyOf). The validator reports an anyOf by the shape that fits best; a change can
     * make another shape fit best (a member unknown to the object shape of {@code output}, which may also be a URI
     * string), and that shape's complaint is about the anyOf's own location.
     */
    private static Set<String> acceptablePaths(JsonPath path, ValidBodies.Site site) {
        Set<String> paths = new LinkedHashSet<>();
        paths.add(path.toString());
        for (JsonPath anyOf : site.anyOfs()) {
            if (path.within(anyOf)) {
                paths.add(anyOf.toString());
            }
        }
        return paths;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 40) + "...(" + text.length() + " chars)";
    }
}
