package io.github.camelclaid.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelclaid.client.model.TaskStatus;

/**
 * The lines of a {@link FileTaskLedger}: one JSON object each, written and read field by field rather than by
 * reflection, so that renaming a Java field cannot silently change the file format.
 *
 * <pre>
 * {"v":1,"type":"task","key":"EDIT_ASYNC/7","resultUrl":"...","submittedAt":"2026-11-21T10:00:00Z",
 *  "correlation":{"orderId":"o-7"},"state":"OPEN","lastStatus":"PROCESSING","polls":3,
 *  "nextPollAt":"2026-11-21T10:00:09Z","delivered":[0],"finishedAt":"2026-11-21T10:01:00Z"}
 * {"v":1,"type":"purge","keys":["EDIT_ASYNC/7","AI_EDIT/9"]}
 * </pre>
 * Times are ISO-8601 instants in UTC, enums their constant names, absent values omitted. A task's owner and lease are
 * never written: they belong to a running process, and a restarted one holds nothing.
 */
final class LedgerLines {

    /** The format written; a reader refuses any other rather than guess at it. */
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // "{...}garbage" is a damaged line, not a task followed by noise
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private LedgerLines() {
    }

    /** One line read back: either the whole state of a task, or keys purged. */
    record Entry(TrackedTask task, List<TaskKey> purged) {
    }

    /** The line holding a task's whole current state, newline included. */
    static byte[] task(TrackedTask task) {
        ObjectNode line = header("task");
        line.put("key", task.key().toString());
        putIfPresent(line, "resultUrl", task.resultUrl());
        line.put("submittedAt", task.submittedAt().toString());
        if (!task.correlation().isEmpty()) {
            ObjectNode correlation = line.putObject("correlation");
            task.correlation().forEach(correlation::put);
        }
        putIfPresent(line, "requestKey", task.requestKey());
        line.put("state", task.state().name());
        putIfPresent(line, "lastStatus", task.lastStatus() == null ? null : task.lastStatus().name());
        line.put("polls", task.polls());
        line.put("nextPollAt", task.nextPollAt().toString());
        if (!task.deliveredOutputs().isEmpty()) {
            ArrayNode delivered = line.putArray("delivered");
            task.deliveredOutputs().forEach(delivered::add);
        }
        putIfPresent(line, "finishedAt", task.finishedAt() == null ? null : task.finishedAt().toString());
        return bytes(line);
    }

    /** The line saying these keys were forgotten, newline included. */
    static byte[] purge(List<TaskKey> keys) {
        ObjectNode line = header("purge");
        ArrayNode array = line.putArray("keys");
        keys.forEach(k -> array.add(k.toString()));
        return bytes(line);
    }

    /**
     * Parses the JSON of one line (without its newline). Throws when the bytes are not one complete JSON value, as
     * when a write was cut short.
     */
    static JsonNode parse(byte[] line) throws IOException {
        return MAPPER.readTree(line);
    }

    /**
     * Reads a parsed line. Throws IllegalArgumentException when it is valid JSON but not a line this version writes:
     * never the mark of an interrupted write, so never to be skipped.
     */
    static Entry decode(JsonNode line) {
        if (!line.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode version = line.get("v");
        if (version == null || !version.isInt() || version.intValue() != VERSION) {
            throw new IllegalArgumentException("format version " + version + " is not the supported version "
                    + VERSION + " (was the file written by a newer camel-claid?)");
        }
        String type = required(line, "type");
        return switch (type) {
            case "task" -> new Entry(decodeTask(line), null);
            case "purge" -> new Entry(null, decodeKeys(line));
            default -> throw new IllegalArgumentException("unknown line type '" + type + "'");
        };
    }

    private static TrackedTask decodeTask(JsonNode line) {
        Map<String, String> correlation = new LinkedHashMap<>();
        line.path("correlation").properties().forEach(e -> correlation.put(e.getKey(), e.getValue().asText()));
        TreeSet<Integer> delivered = new TreeSet<>();
        line.path("delivered").forEach(i -> delivered.add(i.intValue()));
        String lastStatus = optional(line, "lastStatus");
        String finishedAt = optional(line, "finishedAt");
        return new TrackedTask(TaskKey.parse(required(line, "key")), optional(line, "resultUrl"),
                Instant.parse(required(line, "submittedAt")), correlation, optional(line, "requestKey"),
                LedgerEntryState.valueOf(required(line, "state")),
                lastStatus == null ? null : TaskStatus.valueOf(lastStatus),
                line.path("polls").asInt(0), Instant.parse(required(line, "nextPollAt")), null, null, delivered,
                finishedAt == null ? null : Instant.parse(finishedAt));
    }

    private static List<TaskKey> decodeKeys(JsonNode line) {
        List<TaskKey> keys = new ArrayList<>();
        line.path("keys").forEach(k -> keys.add(TaskKey.parse(k.asText())));
        return keys;
    }

    private static ObjectNode header(String type) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("v", VERSION);
        line.put("type", type);
        return line;
    }

    private static void putIfPresent(ObjectNode line, String field, String value) {
        if (value != null) {
            line.put(field, value);
        }
    }

    private static String required(JsonNode line, String field) {
        String value = optional(line, field);
        if (value == null) {
            throw new IllegalArgumentException("no '" + field + "'");
        }
        return value;
    }

    private static String optional(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static byte[] bytes(ObjectNode line) {
        try {
            // Jackson escapes control characters in strings, so the only raw newline is the one ending the line
            return (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a ledger line", e);
        }
    }
}
