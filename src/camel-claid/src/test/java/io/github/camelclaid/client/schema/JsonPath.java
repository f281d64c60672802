package io.github.camelclaid.client.schema;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A location in a request body: member names and array indexes from the root. Printed the way
 * {@link io.github.camelclaid.client.SchemaViolation#path()} prints it ({@code input.clothing[0]}), so the properties
 * compare the two as text.
 */
record JsonPath(List<Object> segments) {

    static final JsonPath ROOT = new JsonPath(List.of());

    JsonPath {
        segments = List.copyOf(segments);
    }

    JsonPath member(String name) {
        List<Object> next = new ArrayList<>(segments);
        next.add(name);
        return new JsonPath(next);
    }

    JsonPath index(int i) {
        List<Object> next = new ArrayList<>(segments);
        next.add(i);
        return new JsonPath(next);
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    JsonPath parent() {
        return new JsonPath(segments.subList(0, segments.size() - 1));
    }

    Object last() {
        return segments.get(segments.size() - 1);
    }

    /** The nearest member name: the field an array item belongs to, or the field itself. */
    String fieldName() {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i) instanceof String name) {
                return name;
            }
        }
        return "";
    }

    /** Whether this is {@code other} or lies inside it. */
    boolean within(JsonPath other) {
        return segments.size() >= other.segments.size()
                && segments.subList(0, other.segments.size()).equals(other.segments);
    }

    JsonNode find(JsonNode root) {
        JsonNode node = root;
        for (Object s : segments) {
            node = s instanceof Integer i ? node.get(i) : node.get((String) s);
        }
        return node;
    }

    /** Puts a value at this (non-root) path of the body; the parent must exist. */
    void set(JsonNode root, JsonNode value) {
        JsonNode parent = parent().find(root);
        if (last() instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last(), value);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer) {
                sb.append('[').append(s).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(s);
            }
        }
        return sb.toString();
    }
}
