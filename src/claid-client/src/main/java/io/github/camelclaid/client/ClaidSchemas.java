package io.github.camelclaid.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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

    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
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
        JsonSchema schema = compiled.computeIfAbsent(schemaName, name -> factory.getSchema(
                SchemaLocation.of(DOCUMENT_URI + "#/$defs/" + name), config));
        Set<ValidationMessage> messages = schema.validate(instance);
        return messages.isEmpty() ? List.of() : explainer.explain(messages, instance);
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
