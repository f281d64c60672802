package io.github.camelclaid.client.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generates request bodies that satisfy one of Claid's request schemas, by walking the schema: required members
 * always, optional ones at random (fewer the deeper they sit), a random branch of every anyOf, enum values, numbers
 * within their bounds (the bounds themselves often, as that is where validators slip), strings within their length
 * limits and the one pattern the schemas have.
 *
 * <p>
 * The result must also be accepted by the local Claid server, which adds rules Claid documents outside the schemas.
 * So generation keeps to a safe subset: URIs are short, example-like {@code https://images.example.com/...} URLs or
 * {@code storage://}{@value #STORAGE}{@code /...} references to a storage the property connects first (never the
 * words the server reads as test markers, such as "fail" or "hold"); output destinations are always storage folders
 * (the server cannot deliver elsewhere, and image generation requires a folder); unbounded integers stay small (the
 * server renders at most 64 megapixels); and a storage's {@code type} is made to fit its parameters.
 *
 * <p>
 * Every generated node is recorded as a {@link Site} with the schema it was generated from and the anyOf choices
 * above it: the mutations need both.
 */
final class ValidBodies {

    /** The storage name every generated {@code storage://} URI refers to. */
    static final String STORAGE = "props";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String TEXT_ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.,";
    private static final List<String> WORDS = List.of("chair", "lamp", "sofa", "vase", "shoe", "coat", "table", "mug",
            "bottle", "plant", "ring", "watch", "bag", "desk", "rug");
    private static final List<String> EXTENSIONS = List.of("jpg", "jpeg", "png", "webp");
    /** Unbounded integers (resizing width, dpi) stay in a range the local server renders quickly. */
    private static final int SMALL_INT = 1200;

    /** One generated value: where it is, the schema it satisfies, and the anyOf locations on the way to it. */
    record Site(JsonPath path, JsonNode schema, List<JsonPath> anyOfs) {
    }

    /** A body valid for {@code schemaName}, and every site in it. */
    record Body(String schemaName, ObjectNode json, List<Site> sites) {
    }

    private final RequestSchemaDocument schemas;

    ValidBodies(RequestSchemaDocument schemas) {
        this.schemas = schemas;
    }

    Body generate(String schemaName, Random random) {
        List<Site> sites = new ArrayList<>();
        JsonNode json = value(schemas.named(schemaName), JsonPath.ROOT, List.of(), random, sites);
        ServerRules.apply(schemaName, (ObjectNode) json, random);
        return new Body(schemaName, (ObjectNode) json, sites);
    }

    private JsonNode value(JsonNode schema, JsonPath path, List<JsonPath> anyOfs, Random random, List<Site> sites) {
        JsonNode s = schemas.resolve(schema);
        if (s.has("anyOf")) {
            List<JsonPath> withThis = new ArrayList<>(anyOfs);
            withThis.add(path);
            JsonNode branches = s.get("anyOf");
            return value(branches.get(random.nextInt(branches.size())), path, withThis, random, sites);
        }
        JsonNode generated;
        if (s.has("enum")) {
            JsonNode values = s.get("enum");
            generated = values.get(random.nextInt(values.size())).deepCopy();
        } else {
            String type = s.path("type").asText("");
            switch (type) {
                case "object":
                    generated = object(s, path, anyOfs, random, sites);
                    break;
                case "array":
                    generated = array(s, path, anyOfs, random, sites);
                    break;
                case "string":
                    generated = NODES.textNode(string(s, path, random));
                    break;
                case "integer":
                    generated = NODES.numberNode(integer(s, random));
                    break;
                case "number":
                    generated = DecimalNode.valueOf(number(s, random));
                    break;
                case "boolean":
                    generated = NODES.booleanNode(random.nextBoolean());
                    break;
                default:
                    throw new IllegalStateException("Cannot generate a value for " + s + " at " + path);
            }
        }
        sites.add(new Site(path, s, List.copyOf(anyOfs)));
        return generated;
    }

    private ObjectNode object(JsonNode s, JsonPath path, List<JsonPath> anyOfs, Random random, List<Site> sites) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = new HashSet<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        // two in three optional members at the top, fewer below, so bodies stay readable in failure reports
        int depth = path.segments().size();
        int percent = depth == 0 ? 70 : depth < 3 ? 50 : 35;
        for (var property : s.path("properties").properties()) {
            if (required.contains(property.getKey()) || random.nextInt(100) < percent) {
                object.set(property.getKey(), value(property.getValue(), path.member(property.getKey()), anyOfs,
                        random, sites));
            }
        }
        return object;
    }

    private ArrayNode array(JsonNode s, JsonPath path, List<JsonPath> anyOfs, Random random, List<Site> sites) {
        int min = s.path("minItems").asInt(0);
        int max = Math.min(s.path("maxItems").asInt(Integer.MAX_VALUE), min + 3);
        int size = min + random.nextInt(max - min + 1);
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < size; i++) {
            array.add(value(s.get("items"), path.index(i), anyOfs, random, sites));
        }
        return array;
    }

    private static String string(JsonNode s, JsonPath path, Random random) {
        if (s.has("format")) {
            if (!"uri".equals(s.get("format").asText())) {
                throw new IllegalStateException("No generator for format " + s.get("format") + " at " + path);
            }
            return uri(path, random);
        }
        if (s.has("pattern")) {
            return patterned(s.get("pattern").asText(), path, random);
        }
        int min = s.path("minLength").asInt(0);
        int max = Math.min(s.path("maxLength").asInt(Integer.MAX_VALUE), min + 24);
        // the limits themselves a third of the time
        int length = switch (random.nextInt(6)) {
            case 0 -> min;
            case 1 -> s.has("maxLength") ? s.get("maxLength").asInt() : max;
            default -> min + random.nextInt(max - min + 1);
        };
        return text(length, random);
    }

    static String text(int length, Random random) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(TEXT_ALPHABET.charAt(random.nextInt(TEXT_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Output destinations are storage folders; inputs an https URL or a storage file. */
    static String uri(JsonPath path, Random random) {
        String field = path.fieldName();
        String word = WORDS.get(random.nextInt(WORDS.size()));
        if ("output".equals(field) || "destination".equals(field)) {
            return "storage://" + STORAGE + "/out/" + word + "/";
        }
        String file = word + "-" + random.nextInt(1000) + "." + EXTENSIONS.get(random.nextInt(EXTENSIONS.size()));
        return random.nextBoolean() ? "https://images.example.com/" + word + "/" + file
                : "storage://" + STORAGE + "/in/" + file;
    }

    /** The schemas have one pattern, a percentage; a new one needs a generator here. */
    private static String patterned(String pattern, JsonPath path, Random random) {
        if (!pattern.equals("^[1-9][0-9]+[%]$|^[0-9][%]$")) {
            throw new IllegalStateException("No generator for pattern " + pattern + " at " + path);
        }
        return random.nextBoolean() ? random.nextInt(10) + "%" : (10 + random.nextInt(90)) + "%";
    }

    private static long integer(JsonNode s, Random random) {
        long[] bounds = integerBounds(s);
        long lo = bounds[0];
        long hi = bounds[1];
        return switch (random.nextInt(5)) {
            case 0 -> lo;
            case 1 -> hi;
            default -> lo + (long) (random.nextDouble() * (hi - lo + 1));
        };
    }

    /** Inclusive bounds; a missing side is {@link #SMALL_INT} away from the other (or from 1). */
    static long[] integerBounds(JsonNode s) {
        Long lo = s.has("minimum") ? Long.valueOf(s.get("minimum").asLong())
                : s.has("exclusiveMinimum") ? Long.valueOf(s.get("exclusiveMinimum").asLong() + 1) : null;
        Long hi = s.has("maximum") ? Long.valueOf(s.get("maximum").asLong())
                : s.has("exclusiveMaximum") ? Long.valueOf(s.get("exclusiveMaximum").asLong() - 1) : null;
        if (lo == null && hi == null) {
            lo = 1L;
        }
        if (lo == null) {
            lo = hi - SMALL_INT;
        }
        if (hi == null) {
            hi = lo + SMALL_INT;
        }
        return new long[] { lo, hi };
    }

    /** Two decimals, within bounds; inclusive bounds themselves a third of the time. */
    private static java.math.BigDecimal number(JsonNode s, Random random) {
        double lo = s.has("minimum") ? s.get("minimum").asDouble()
                : s.has("exclusiveMinimum") ? s.get("exclusiveMinimum").asDouble() + 0.01 : 0;
        double hi = s.has("maximum") ? s.get("maximum").asDouble()
                : s.has("exclusiveMaximum") ? s.get("exclusiveMaximum").asDouble() - 0.01 : lo + SMALL_INT;
        double n = switch (random.nextInt(6)) {
            case 0 -> lo;
            case 1 -> hi;
            default -> lo + random.nextDouble() * (hi - lo);
        };
        java.math.BigDecimal rounded = java.math.BigDecimal.valueOf(n).setScale(2, java.math.RoundingMode.HALF_UP);
        // rounding may step over a bound by half a hundredth
        if (rounded.doubleValue() < lo) {
            rounded = rounded.add(new java.math.BigDecimal("0.01"));
        }
        if (rounded.doubleValue() > hi) {
            rounded = rounded.subtract(new java.math.BigDecimal("0.01"));
        }
        return rounded;
    }
}
