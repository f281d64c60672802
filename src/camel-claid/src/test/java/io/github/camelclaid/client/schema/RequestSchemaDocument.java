package io.github.camelclaid.client.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelclaid.client.ClaidSchemas;

/**
 * Claid's request schemas as plain JSON, read from the very resource {@link ClaidSchemas} validates with, so the
 * generators follow whatever schemas the client ships. Only the shapes of schema the request schemas use are
 * understood: anything else fails loudly, so a schema update cannot silently shrink what the generators cover.
 */
final class RequestSchemaDocument {

    private static final String RESOURCE = "claid-api-schemas.json";
    private static final RequestSchemaDocument INSTANCE = new RequestSchemaDocument();

    private final JsonNode defs;

    private RequestSchemaDocument() {
        try (InputStream in = ClaidSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath next to ClaidSchemas");
            }
            this.defs = new ObjectMapper().readTree(in).get("$defs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RequestSchemaDocument get() {
        return INSTANCE;
    }

    /** The names of the schemas {@code schemaName} refers to, directly or not, itself included. */
    Set<String> reachableFrom(String schemaName) {
        Set<String> names = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(schemaName));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (names.add(name)) {
                named(name).findValues("$ref").forEach(ref -> pending.push(ref.asText().substring("#/$defs/".length())));
            }
        }
        return names;
    }

    /** The name of the schema that is this very node, or null when the node is not a whole named schema. */
    String nameOf(JsonNode schema) {
        for (var def : defs.properties()) {
            if (def.getValue() == schema) {
                return def.getKey();
            }
        }
        return null;
    }

    JsonNode named(String schemaName) {
        JsonNode schema = defs.get(schemaName);
        if (schema == null) {
            throw new IllegalArgumentException("No schema " + schemaName + " in " + RESOURCE);
        }
        return schema;
    }

    /**
     * Follows {@code $ref} and single-member {@code allOf} wrappers (how Claid's OpenAPI export attaches a default to a
     * referenced schema) down to a schema that says something itself. Sibling {@code default}s are dropped: they
     * never constrain a value.
     */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < 20; hops++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                if (!ref.startsWith("#/$defs/")) {
                    throw new IllegalStateException("Unsupported $ref " + ref);
                }
                current = named(ref.substring("#/$defs/".length()));
            } else if (current.has("allOf")) {
                if (current.get("allOf").size() != 1) {
                    throw new IllegalStateException("Only single-member allOf is supported: " + current);
                }
                current = current.get("allOf").get(0);
            } else {
                return current;
            }
        }
        throw new IllegalStateException("$ref chain too long at " + schema);
    }
}
