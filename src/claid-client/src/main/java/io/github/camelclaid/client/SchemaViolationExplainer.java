package io.github.camelclaid.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

/**
 * Puts what the schema validator reports into words a caller can act on, one line per field (see {@link #explain}).
 * It reads the schema document to follow {@code $ref}s and to see which members a shape declares.
 */
final class SchemaViolationExplainer {

    private final JsonNode document;

    SchemaViolationExplainer(JsonNode document) {
        this.document = document;
    }

    /**
     * Turns the validator's messages into one line per offending field. Where a field may take one of several shapes
     * (anyOf/oneOf), the validator reports every shape's complaints; only the complaints about the shape the caller
     * most likely meant are kept (see {@link #closestBranches}). When two shapes fit equally well, neither is picked:
     * one line at the field names what each would need.
     */
    List<SchemaViolation> explain(Set<ValidationMessage> messages, JsonNode root) {
        Map<String, Set<String>> undecided = new LinkedHashMap<>();
        List<ValidationMessage> kept = new ArrayList<>(closestBranches(new ArrayList<>(messages), root, undecided));
        kept.removeIf(m -> isSummary(m.getType()));
        Set<SchemaViolation> out = new LinkedHashSet<>();
        // outer alternatives first: an undecided one takes the messages of any undecided alternative inside it
        List<String> outerFirst = new ArrayList<>(undecided.keySet());
        outerFirst.sort(Comparator.comparingInt(String::length));
        for (String alternative : outerFirst) {
            Map<String, List<ValidationMessage>> byBranch = new LinkedHashMap<>();
            for (ValidationMessage m : kept) {
                String branch = branchOf(m, alternative);
                if (branch != null && undecided.get(alternative).contains(branch)) {
                    byBranch.computeIfAbsent(branch, k -> new ArrayList<>()).add(m);
                }
            }
            if (byBranch.size() < 2) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            Set<Set<String>> fieldsOfShapes = new HashSet<>();
            List<String> shapes = new ArrayList<>();
            List<ValidationMessage> all = new ArrayList<>();
            for (List<ValidationMessage> branchMessages : byBranch.values()) {
                List<SchemaViolation> needs = toViolations(branchMessages);
                needs.forEach(v -> fields.add(v.path()));
                fieldsOfShapes.add(needs.stream().map(SchemaViolation::path).collect(Collectors.toSet()));
                shapes.add(needs.stream().map(SchemaViolation::toString).collect(Collectors.joining("; ")));
                all.addAll(branchMessages);
                kept.removeAll(branchMessages);
            }
            if (fieldsOfShapes.size() == 1) {
                // every shape complains about the same fields (a discriminator none of them takes, s3 and gcs
                // parameters alike): one line per field, with what any shape would take
                out.addAll(toViolations(all));
            } else {
                out.add(new SchemaViolation(commonParent(fields), "fits none of its shapes, and the request does not"
                        + " tell which one is meant: either " + String.join(", or ", shapes)));
            }
        }
        out.addAll(toViolations(kept));
        if (out.isEmpty()) {
            for (ValidationMessage m : messages) {
                out.add(new SchemaViolation(fieldPath(m), describe(m)));
            }
        }
        List<SchemaViolation> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(SchemaViolation::path));
        return sorted;
    }

    /** One violation per field: its complaints, with the types it may have merged into one. */
    private static List<SchemaViolation> toViolations(List<ValidationMessage> messages) {
        Map<String, List<ValidationMessage>> byPath = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            byPath.computeIfAbsent(fieldPath(m), k -> new ArrayList<>()).add(m);
        }
        Set<SchemaViolation> out = new LinkedHashSet<>();
        for (Map.Entry<String, List<ValidationMessage>> e : byPath.entrySet()) {
            String path = e.getKey();
            Set<String> expectedTypes = new TreeSet<>();
            Set<String> allowedValues = new LinkedHashSet<>();
            for (ValidationMessage m : e.getValue()) {
                if ("type".equals(m.getType())) {
                    expectedTypes.add(m.getSchemaNode().asText());
                } else if ("enum".equals(m.getType())) {
                    allowedValues.addAll(enumValues(m.getSchemaNode()));
                } else {
                    out.add(new SchemaViolation(path, describe(m)));
                }
            }
            if (!allowedValues.isEmpty()) {
                out.add(new SchemaViolation(path, "must be one of " + allowedValues + ", not "
                        + e.getValue().get(0).getInstanceNode()));
            }
            if (!expectedTypes.isEmpty()) {
                String actual = typeOf(e.getValue().get(0).getInstanceNode());
                String expected = String.join(" or ", expectedTypes);
                out.add(new SchemaViolation(path, "must be " + article(expected) + ", not " + article(actual)));
            }
        }
        return new ArrayList<>(out);
    }

    /** The deepest field that holds all of these fields ({@code scene} for {@code scene.effect}, {@code scene.view}). */
    private static String commonParent(List<String> fields) {
        String common = fields.get(0);
        for (String field : fields) {
            while (!(field.equals(common) || field.startsWith(common + ".") || field.startsWith(common + "["))) {
                int cut = Math.max(common.lastIndexOf('.'), common.lastIndexOf('['));
                common = cut < 0 ? "" : common.substring(0, cut);
            }
        }
        return common;
    }

    /**
     * For every anyOf/oneOf that failed, keeps the messages of the one branch that fits best: the fewest complaints,
     * where a field unknown to the branch or a value of another type counts as strong evidence that the caller meant
     * another branch. Inner alternatives are settled before the outer ones, so an outer branch is judged by its best
     * inner shape. Where several branches fit equally well, the messages of all of them are kept and the alternative
     * goes into {@code undecided}, for {@link #explain} to word.
     */
    private List<ValidationMessage> closestBranches(List<ValidationMessage> messages, JsonNode root,
            Map<String, Set<String>> undecided) {
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
            Map<String, Set<String>> fieldsByBranch = new LinkedHashMap<>();
            byBranch.forEach((branch, branchMessages) -> fieldsByBranch.put(branch,
                    branchMessages.stream().map(SchemaViolationExplainer::fieldPath).collect(Collectors.toSet())));
            Map<String, Integer> scores = new LinkedHashMap<>();
            byBranch.forEach((branch, branchMessages) -> scores.put(branch,
                    misfit(branch, onceForEachTie(branchMessages, undecided), alternative, fieldsByBranch)
                            + undeclaredMembers(root, branchMessages.get(0), alternative, branch)));
            int bestScore = scores.values().stream().min(Integer::compare).orElseThrow();
            Set<String> best = new LinkedHashSet<>();
            scores.forEach((branch, score) -> {
                if (score == bestScore) {
                    best.add(branch);
                }
            });
            if (best.size() > 1) {
                // the body itself cannot tell which shape was meant: explain() names what each would need
                undecided.put(alternative, best);
            }
            List<ValidationMessage> kept = new ArrayList<>();
            for (ValidationMessage m : remaining) {
                String branch = branchOf(m, alternative);
                if (branch == null || best.contains(branch)) {
                    kept.add(m);
                }
            }
            remaining = kept;
        }
        return remaining;
    }

    /** Counts an undecided inner alternative by one of its tied shapes, not by all of them together. */
    private static List<ValidationMessage> onceForEachTie(List<ValidationMessage> messages,
            Map<String, Set<String>> undecided) {
        List<ValidationMessage> counted = new ArrayList<>();
        for (ValidationMessage m : messages) {
            boolean anotherTiedShape = false;
            for (Map.Entry<String, Set<String>> tie : undecided.entrySet()) {
                String branch = branchOf(m, tie.getKey());
                anotherTiedShape |= branch != null && !branch.equals(tie.getValue().iterator().next());
            }
            if (!anotherTiedShape) {
                counted.add(m);
            }
        }
        return counted;
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

    /**
     * How badly a branch fits. Two things say most clearly which shape the caller meant, and count most:
     * <ul>
     * <li>the value's own JSON type: an object with one misspelt member is still an object, and is not to be
     * reported as "output: must be a string, not an object" (the URI shape of {@code output}) because the unknown
     * member would otherwise count more;</li>
     * <li>an enum value that another branch takes at the same place, as a discriminator names its shape
     * ({@code "placement_type": "padding"}, {@code "type": "png"}): a padding placement without its padding is to be
     * reported as missing its padding, not as "placement_type: must be one of [absolute]".</li>
     * </ul>
     *
     * @param fieldsByBranch the fields each branch of the alternative complains about
     */
    private static int misfit(String branch, List<ValidationMessage> branchMessages, String alternative,
            Map<String, Set<String>> fieldsByBranch) {
        int score = 0;
        for (ValidationMessage m : branchMessages) {
            if ("type".equals(m.getType())) {
                score += isAboutTheAlternativeItself(m, alternative) ? 50 : 5;
            } else if ("enum".equals(m.getType())) {
                // taken by a branch that complains neither about this field nor about anything holding it
                String field = fieldPath(m);
                boolean takenElsewhere = fieldsByBranch.entrySet().stream()
                        .anyMatch(other -> !other.getKey().equals(branch) && other.getValue().stream()
                                .noneMatch(complaint -> isAtOrAbove(complaint, field)));
                score += takenElsewhere ? 50 : 1;
            } else {
                score += "additionalProperties".equals(m.getType()) ? 10 : 1;
            }
        }
        return score;
    }

    private static boolean isAtOrAbove(String field, String other) {
        return field.isEmpty() || other.equals(field) || other.startsWith(field + ".") || other.startsWith(field + "[");
    }

    /** Whether a message of a branch is about the value at the alternative, rather than about a member or item of it. */
    private static boolean isAboutTheAlternativeItself(ValidationMessage m, String alternative) {
        String inBranch = m.getEvaluationPath().toString().substring(alternative.length());
        return !inBranch.contains(".properties") && !inBranch.contains(".items");
    }

    /**
     * Ten misfit points per member of the value that the branch neither declares nor forbids. A branch that allows
     * undeclared members (WebFolderParameters has no additionalProperties: false) never complains about them, so
     * without this an object meant for another branch would look like a near fit for it: storage parameters
     * {@code {"bucket": "b", "credentials": "oops"}} would be reported as "parameters.base_url: is required" instead
     * of "parameters.credentials: must be an object". Branches that forbid undeclared members already score them
     * through their additionalProperties messages.
     *
     * @param sample a message of the branch, whose evaluation path leads through the alternative
     */
    private int undeclaredMembers(JsonNode root, ValidationMessage sample, String alternative, String branchIndex) {
        JsonNodePath path = sample.getEvaluationPath();
        int length = path.getNameCount();
        for (JsonNodePath p = path; p != null && !p.toString().equals(alternative); p = p.getParent()) {
            length--;
        }
        // walk schema and instance together from the root down to the alternative
        if (length < 3 || !"$defs".equals(path.getElement(0))) {
            return 0;
        }
        JsonNode schema = document.path("$defs").path(String.valueOf(path.getElement(1)));
        JsonNode instance = root;
        for (int i = 2; i < length; i++) {
            Object element = path.getElement(i);
            if ("properties".equals(element) && i + 1 < length) {
                String name = String.valueOf(path.getElement(++i));
                schema = schema.path("properties").path(name);
                instance = instance.path(name);
            } else if ("$ref".equals(element)) {
                schema = resolve(schema);
            } else if (("allOf".equals(element) || "anyOf".equals(element) || "oneOf".equals(element))
                    && i + 1 < length) {
                schema = schema.path((String) element).path(((Number) path.getElement(++i)).intValue());
            } else if (!(i == length - 1 && ("anyOf".equals(element) || "oneOf".equals(element)))) {
                return 0; // items and the like: the value at the alternative is not known, so no evidence
            }
        }
        if (!instance.isObject()) {
            return 0;
        }
        String keyword = String.valueOf(path.getElement(length - 1));
        JsonNode branch = resolve(schema.path(keyword).path(Integer.parseInt(branchIndex)));
        if (!branch.has("properties") || branch.path("additionalProperties").isBoolean()
                && !branch.get("additionalProperties").asBoolean()) {
            return 0;
        }
        int undeclared = 0;
        for (Iterator<String> it = instance.fieldNames(); it.hasNext(); ) {
            if (!branch.get("properties").has(it.next())) {
                undeclared++;
            }
        }
        return 10 * undeclared;
    }

    /** Follows {@code $ref}s into this document (the only kind the schemas use). */
    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            current = ref.startsWith("#/$defs/") ? document.path("$defs").path(ref.substring("#/$defs/".length()))
                    : MissingNode.getInstance();
        }
        return current;
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
                if ("uri".equals(s.asText()) && ClaidSchemas.ClaidUriFormat.isStorageReference(m.getInstanceNode())) {
                    return "must be a valid uri: storage://<storage name>/<path>";
                }
                return "must be a valid " + s.asText();
            default:
                return m.getMessage().replaceFirst("^\\S+: ", "");
        }
    }

    private static String number(JsonNode n) {
        return n.isNumber() ? new BigDecimal(n.asText()).stripTrailingZeros().toPlainString() : n.asText();
    }

    private static List<String> enumValues(JsonNode values) {
        List<String> list = new ArrayList<>();
        for (Iterator<JsonNode> it = values.elements(); it.hasNext(); ) {
            JsonNode v = it.next();
            list.add(v.isTextual() ? v.asText() : v.toString());
        }
        return list;
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
}
