package io.github.camelclaid.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Claid's published request and response schemas (JSON Schema 2020-12, as embedded in Claid's OpenAPI 3.1 document),
 * checked with the networknt validator. A copy of the schemas, without their prose, ships as a resource so that
 * validation works offline and before any credit is spent.
 */
public final class ClaidSchemas {

    private static final String RESOURCE = "claid-api-schemas.json";
    /** Only a name for the resolver: the document is served from memory, never fetched. */
    private static final String DOCUMENT_URI = "https://schemas.camel-claid.invalid/claid-api-schemas.json";
    private static final ClaidSchemas INSTANCE = new ClaidSchemas();

    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private ClaidSchemas() {
        String text = readResource();
        try {
            this.document = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Claid schema resource is not valid JSON", e);
        }
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, text))));
        this.config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
    }

    /** The shared instance; schemas are compiled on first use and kept. */
    public static ClaidSchemas get() {
        return INSTANCE;
    }

    /** Whether a schema of that name exists. */
    public boolean has(String schemaName) {
        return document.path("$defs").has(schemaName);
    }

    /**
     * Validates an instance against the named schema.
     *
     * @return the violations, most specific first; empty when the instance is valid
     */
    public List<SchemaViolation> validate(String schemaName, JsonNode instance) {
        if (!has(schemaName)) {
            throw new IllegalArgumentException("No Claid schema named " + schemaName);
        }
        JsonSchema schema = compiled.computeIfAbsent(schemaName, name -> factory.getSchema(
                SchemaLocation.of(DOCUMENT_URI + "#/$defs/" + name), config));
        Set<ValidationMessage> messages = schema.validate(instance);
        return messages.isEmpty() ? List.of() : explain(messages);
    }

    /**
     * Turns the validator's messages into one line per offending field. Where a field may take one of several shapes
     * (anyOf/oneOf), the validator reports every shape's complaints; only the complaints about the shape the caller
     * most likely meant are kept (see {@link #closestBranches}).
     */
    private static List<SchemaViolation> explain(Set<ValidationMessage> messages) {
        Map<String, List<ValidationMessage>> byPath = new LinkedHashMap<>();
        for (ValidationMessage m : closestBranches(new ArrayList<>(messages))) {
            if (isSummary(m.getType())) {
                continue;
            }
            byPath.computeIfAbsent(fieldPath(m), k -> new ArrayList<>()).add(m);
        }
        Set<SchemaViolation> out = new LinkedHashSet<>();
        for (Map.Entry<String, List<ValidationMessage>> e : byPath.entrySet()) {
            String path = e.getKey();
            Set<String> expectedTypes = new TreeSet<>();
            for (ValidationMessage m : e.getValue()) {
                if ("type".equals(m.getType())) {
                    expectedTypes.add(m.getSchemaNode().asText());
                } else {
                    out.add(new SchemaViolation(path, describe(m)));
                }
            }
            if (!expectedTypes.isEmpty()) {
                String actual = typeOf(e.getValue().get(0).getInstanceNode());
                String expected = String.join(" or ", expectedTypes);
                out.add(new SchemaViolation(path, "must be " + article(expected) + ", not " + article(actual)));
            }
        }
        if (out.isEmpty()) {
            for (ValidationMessage m : messages) {
                out.add(new SchemaViolation(fieldPath(m), describe(m)));
            }
        }
        List<SchemaViolation> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(SchemaViolation::path));
        return sorted;
    }

    /**
     * For every anyOf/oneOf that failed, keeps the messages of the one branch that fits best: the fewest complaints,
     * where a field unknown to the branch or a value of another type counts as strong evidence that the caller meant
     * another branch. Inner alternatives are settled before the outer ones, so an outer branch is judged by its best
     * inner shape.
     */
    private static List<ValidationMessage> closestBranches(List<ValidationMessage> messages) {
        Set<String> alternatives = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (ValidationMessage m : messages) {
            Matcher matcher = BRANCH.matcher(m.getEvaluationPath().toString());
            while (matcher.find()) {
                alternatives.add(m.getEvaluationPath().toString().substring(0, matcher.start(2) - 1));
            }
        }
        List<ValidationMessage> remaining = messages;
        for (String alternative : alternatives) {
            Map<String, List<ValidationMessage>> byBranch = new LinkedHashMap<>();
            for (ValidationMessage m : remaining) {
                String branch = branchOf(m, alternative);
                if (branch != null) {
                    byBranch.computeIfAbsent(branch, k -> new ArrayList<>()).add(m);
                }
            }
            if (byBranch.size() < 2) {
                continue;
            }
            String best = byBranch.entrySet().stream()
                    .min(Comparator.comparingInt((Map.Entry<String, List<ValidationMessage>> b) -> misfit(b.getValue())))
                    .map(Map.Entry::getKey).orElseThrow();
            List<ValidationMessage> kept = new ArrayList<>();
            for (ValidationMessage m : remaining) {
                String branch = branchOf(m, alternative);
                if (branch == null || branch.equals(best)) {
                    kept.add(m);
                }
            }
            remaining = kept;
        }
        return remaining;
    }

    private static final Pattern BRANCH = Pattern.compile("\\.(anyOf|oneOf)\\[(\\d+)]");

    /** The branch index a message belongs to under the given alternative, or null when it is not under it. */
    private static String branchOf(ValidationMessage m, String alternative) {
        String path = m.getEvaluationPath().toString();
        if (!path.startsWith(alternative + "[")) {
            return null;
        }
        int end = path.indexOf(']', alternative.length());
        return path.substring(alternative.length() + 1, end);
    }

    private static int misfit(List<ValidationMessage> branchMessages) {
        int score = 0;
        for (ValidationMessage m : branchMessages) {
            score += "additionalProperties".equals(m.getType()) ? 10 : "type".equals(m.getType()) ? 5 : 1;
        }
        return score;
    }

    private static boolean isSummary(String type) {
        return "anyOf".equals(type) || "oneOf".equals(type) || "allOf".equals(type) || "not".equals(type);
    }

    /** Dotted path of the field a message is about; for required/additionalProperties, the named member. */
    private static String fieldPath(ValidationMessage m) {
        String base = dotted(m.getInstanceLocation());
        String property = m.getProperty();
        if (property != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
            return base.isEmpty() ? property : base + "." + property;
        }
        return base;
    }

    private static String dotted(JsonNodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer) {
                sb.append('[').append(element).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(element);
            }
        }
        return sb.toString();
    }

    private static String describe(ValidationMessage m) {
        JsonNode s = m.getSchemaNode();
        switch (m.getType()) {
            case "maximum":
                return "must be <= " + number(s);
            case "exclusiveMaximum":
                return "must be < " + number(s);
            case "minimum":
                return "must be >= " + number(s);
            case "exclusiveMinimum":
                return "must be > " + number(s);
            case "maxLength":
                return "must be at most " + s.asInt() + " characters long";
            case "minLength":
                return "must be at least " + s.asInt() + " characters long";
            case "maxItems":
                return "must have at most " + s.asInt() + " items";
            case "minItems":
                return "must have at least " + s.asInt() + " items";
            case "enum":
                return "must be one of " + enumValues(s) + ", not " + m.getInstanceNode();
            case "const":
                return "must be " + s;
            case "required":
                return "is required";
            case "additionalProperties":
                return "is not a known field";
            case "pattern":
                return "must match the pattern " + s.asText();
            case "format":
                return "must be a valid " + s.asText();
            default:
                return m.getMessage().replaceFirst("^\\S+: ", "");
        }
    }

    private static String number(JsonNode n) {
        return n.isNumber() ? new BigDecimal(n.asText()).stripTrailingZeros().toPlainString() : n.asText();
    }

    private static String enumValues(JsonNode values) {
        List<String> list = new ArrayList<>();
        for (Iterator<JsonNode> it = values.elements(); it.hasNext(); ) {
            JsonNode v = it.next();
            list.add(v.isTextual() ? v.asText() : v.toString());
        }
        return list.toString();
    }

    private static String typeOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isIntegralNumber()) {
            return "integer";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return node.isArray() ? "array" : "object";
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String readResource() {
        try (InputStream in = ClaidSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Claid schema resource " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
