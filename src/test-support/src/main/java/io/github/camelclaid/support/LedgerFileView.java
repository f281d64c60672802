package io.github.camelclaid.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A file task ledger as seen from outside while another process writes it (a FileTaskLedger refuses a second
 * opener): the last line of each task wins, a purge forgets keys, and a line being written is not read yet.
 */
public final class LedgerFileView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerFileView() {
    }

    /**
     * The tasks Claid named (positive ids) by task key, leaving out the records the component keeps for work with no
     * task yet: request-key claims and placeholders for lost answers, whose ids are negative.
     */
    public static Map<String, JsonNode> namedTasksByKey(Path ledger) throws IOException {
        Map<String, JsonNode> tasks = tasksByKey(ledger);
        tasks.keySet().removeIf(key -> key.substring(key.indexOf('/') + 1).startsWith("-"));
        return tasks;
    }

    /** Every record in the file by task key (as the file writes it), each as its last JSON line. */
    public static Map<String, JsonNode> tasksByKey(Path ledger) throws IOException {
        Map<String, JsonNode> tasks = new HashMap<>();
        for (String line : ChildJvm.completeLines(ledger)) {
            JsonNode json = JSON.readTree(line);
            if ("task".equals(json.path("type").asText())) {
                tasks.put(json.path("key").asText(), json);
            } else {
                json.path("keys").forEach(key -> tasks.remove(key.asText()));
            }
        }
        return tasks;
    }
}
