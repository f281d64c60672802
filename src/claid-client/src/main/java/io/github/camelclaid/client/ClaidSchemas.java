package io.github.camelclaid.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.format.UriFormat;

/**
 * Claid's published request and response schemas (JSON Schema 2020-12, as embedded in Claid's OpenAPI 3.1 document),
 * checked with the networknt validator. A copy of the schemas, without their prose, ships as a resource so that
 * validation works offline and before any credit is spent. What the validator reports is put into words by
 * {@link SchemaViolationExplainer}.
 */
public final class ClaidSchemas {

    private static final String RESOURCE = "claid-api-schemas.json";
    /** Only a name for the resolver: the document is served from memory, never fetched. */
    private static final String DOCUMENT_URI = "https://schemas.camel-claid.invalid/claid-api-schemas.json";
    private static final ClaidSchemas INSTANCE = new ClaidSchemas();
    /** How many valid request members are remembered before the memory starts again. */
    private static final int REMEMBERED_MEMBERS = 1024;
    /** The keywords of a request schema that {@link #validByMembers} can check member by member. */
    private static final Set<String> MEMBERWISE_KEYWORDS = Set.of("type", "properties", "required",
            "additionalProperties");

    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final Map<ValidMember, Boolean> validMembers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> checkableByMembers = new ConcurrentHashMap<>();
    private final SchemaViolationExplainer explainer;

    private ClaidSchemas() {
        String text = readResource();
        try {
            this.document = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Claid schema resource is not valid JSON", e);
        }
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .format(new ClaidUriFormat())
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(metaSchema)
                        .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_URI, text))));
        this.config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
        this.explainer = new SchemaViolationExplainer(document);
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
        if (validByMembers(schemaName, instance)) {
            return List.of();
        }
        Set<ValidationMessage> messages = compiled(DOCUMENT_URI + "#/$defs/" + schemaName).validate(instance);
        return messages.isEmpty() ? List.of() : explainer.explain(messages, instance);
    }

    /**
     * Whether a request is valid, checked member by member with the members' own schemas, remembering the object and
     * array members found valid. Most requests repeat their endpoint's options (an edit's {@code operations} tree is
     * most of its check) with a new input, so only the input is checked again. Members are remembered by value, as
     * copies, so a tree changed after it was sent is checked again. A schema that is more than an object of
     * properties, or a request it does not find valid, goes to the whole check, which also words the violations.
     */
    private boolean validByMembers(String schemaName, JsonNode instance) {
        if (!instance.isObject() || !checkableByMembers.computeIfAbsent(schemaName, this::isCheckableByMembers)) {
            return false;
        }
        JsonNode schema = document.path("$defs").path(schemaName);
        for (JsonNode required : schema.path("required")) {
            if (!instance.has(required.asText())) {
                return false;
            }
        }
        boolean othersAllowed = schema.path("additionalProperties").asBoolean(true);
        for (Map.Entry<String, JsonNode> member : instance.properties()) {
            if (!schema.path("properties").has(member.getKey())) {
                if (othersAllowed) {
                    continue;
                }
                return false;
            }
            if (!validMember(schemaName, member.getKey(), member.getValue())) {
                return false;
            }
        }
        return true;
    }

    private boolean validMember(String schemaName, String property, JsonNode value) {
        boolean remembered = value.isContainerNode();
        ValidMember key = remembered ? new ValidMember(schemaName, property, value) : null;
        if (remembered && validMembers.containsKey(key)) {
            return true;
        }
        boolean valid = compiled(DOCUMENT_URI + "#/$defs/" + schemaName + "/properties/" + property)
                .validate(value).isEmpty();
        if (valid && remembered) {
            if (validMembers.size() >= REMEMBERED_MEMBERS) {
                validMembers.clear();
            }
            validMembers.put(new ValidMember(schemaName, property, value.deepCopy()), Boolean.TRUE);
        }
        return valid;
    }

    /** An object schema whose only rules are per property, so that valid members make a valid object. */
    private boolean isCheckableByMembers(String schemaName) {
        JsonNode schema = document.path("$defs").path(schemaName);
        Set<String> keywords = new HashSet<>();
        schema.fieldNames().forEachRemaining(keywords::add);
        JsonNode others = schema.path("additionalProperties");
        return "object".equals(schema.path("type").asText()) && MEMBERWISE_KEYWORDS.containsAll(keywords)
                && (others.isMissingNode() || others.isBoolean());
    }

    private JsonSchema compiled(String location) {
        return compiled.computeIfAbsent(location, at -> factory.getSchema(SchemaLocation.of(at), config));
    }

    /** A request member found valid against its property's schema; compared by value. */
    private record ValidMember(String schema, String property, JsonNode value) {
    }

    /**
     * JSON Schema's {@code uri} format, plus the shape of Claid's storage references: a {@code storage:} URI must name
     * its storage, {@code storage://name/path}. {@code storage:///in/a.jpg} or {@code storage:name/a.jpg} are valid
     * RFC 3986 URIs, so the schemas let them through, and Claid refuses them (400) only after the request is sent.
     */
    static final class ClaidUriFormat extends UriFormat {

        @Override
        protected boolean validate(URI uri) {
            if ("storage".equalsIgnoreCase(uri.getScheme())) {
                return uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty() && super.validate(uri);
            }
            return super.validate(uri);
        }

        /** The base format lets text such as {@code storage://} through even where java.net.URI cannot parse it. */
        @Override
        protected boolean handleException(URISyntaxException e) {
            return !isStorageReference(e.getInput()) && super.handleException(e);
        }

        static boolean isStorageReference(JsonNode node) {
            return node != null && node.isTextual() && isStorageReference(node.asText());
        }

        static boolean isStorageReference(String text) {
            return text != null && text.regionMatches(true, 0, "storage:", 0, "storage:".length());
        }
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
