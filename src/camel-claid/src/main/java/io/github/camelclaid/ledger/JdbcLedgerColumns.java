package io.github.camelclaid.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelclaid.client.model.TaskStatus;

import static io.github.camelclaid.ledger.JdbcTaskLedger.DATA_LIMIT;

/**
 * How a {@link TrackedTask} is kept in the columns of a {@link JdbcTaskLedger}'s table: times as epoch milliseconds,
 * enums by name, and the {@code data} column's JSON of correlation headers and delivered outputs (as ranges), checked
 * against the column's size so that a task that does not fit is refused naming the field that made it grow.
 */
final class JdbcLedgerColumns {

    /** Every column, in the order {@link #read} and {@link #write} use. */
    static final String COLUMNS = "task_key, task_id, kind, result_url, submitted_at, state, last_status, polls,"
            + " next_poll_at, owner, lease_until, finished_at, data, request_key";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The table, named in error messages. */
    private final String table;
    /** Times are stored on the database's clock. */
    private final DatabaseClock clock;

    JdbcLedgerColumns(String table, DatabaseClock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** Sets the parameters 1 to 14 of an INSERT of every column, in {@link #COLUMNS} order. */
    void write(PreparedStatement ps, TrackedTask task, String data) throws SQLException {
        ps.setString(1, task.key().toString());
        ps.setLong(2, task.key().id());
        ps.setString(3, task.key().kind().name());
        setString(ps, 4, task.resultUrl());
        ps.setLong(5, millis(task.submittedAt()));
        ps.setString(6, task.state().name());
        setString(ps, 7, task.lastStatus() == null ? null : task.lastStatus().name());
        ps.setInt(8, task.polls());
        ps.setLong(9, millis(task.nextPollAt()));
        setString(ps, 10, task.owner());
        setTime(ps, 11, task.leaseUntil());
        setTime(ps, 12, task.finishedAt());
        ps.setString(13, data);
        setString(ps, 14, task.requestKey());
    }

    /** A row in {@link #COLUMNS} order. */
    TrackedTask read(ResultSet rs) throws SQLException {
        String key = rs.getString(1);
        TaskKey taskKey = TaskKey.parse(key);
        String resultUrl = rs.getString(4);
        Instant submittedAt = time(rs, 5);
        LedgerEntryState state = LedgerEntryState.valueOf(rs.getString(6));
        String lastStatus = rs.getString(7);
        int polls = rs.getInt(8);
        Instant nextPollAt = time(rs, 9);
        String owner = rs.getString(10);
        Instant leaseUntil = time(rs, 11);
        Instant finishedAt = time(rs, 12);
        Data data = decode(key, rs.getString(13));
        return new TrackedTask(taskKey, resultUrl, submittedAt, data.correlation, rs.getString(14), state,
                lastStatus == null ? null : TaskStatus.valueOf(lastStatus), polls, nextPollAt, owner, leaseUntil,
                data.delivered, finishedAt);
    }

    /** A time of this JVM as stored: milliseconds on the database's clock. */
    long millis(Instant time) {
        return clock.toDatabase(time);
    }

    Instant time(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : clock.fromDatabase(millis);
    }

    void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
        if (time == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, millis(time));
        }
    }

    static void setString(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** What the {@code data} column holds, mutable while an operation works on it. */
    record Data(Map<String, String> correlation, SortedSet<Integer> delivered) {
    }

    /**
     * The JSON for the {@code data} column. {@code field} names what made it grow, for the error when it does not fit.
     */
    String encode(String operation, String key, String field, Map<String, String> correlation,
            SortedSet<Integer> delivered) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode headers = root.putObject("correlation");
        new TreeMap<>(correlation).forEach(headers::put);
        if (!delivered.isEmpty()) {
            root.put("delivered", ranges(delivered));
        }
        String json;
        try {
            json = JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new TaskLedgerException("Task ledger table " + table + ": " + operation + " of " + key
                    + " could not write the data JSON", e);
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > DATA_LIMIT) {
            throw refused(operation, key, field, bytes + " bytes of JSON", DATA_LIMIT, "data");
        }
        return json;
    }

    TaskLedgerException refused(String operation, String key, String field, String size, int limit,
            String column) {
        return new TaskLedgerException("Task ledger table " + table + ": " + operation + " of " + key + " refused: "
                + field + " takes " + size + ", over the " + limit + " of column " + column
                + ("correlation".equals(field) ? "; keep fewer or shorter correlation headers" : ""));
    }

    Data decode(String key, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, String> correlation = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : root.path("correlation").properties()) {
                correlation.put(e.getKey(), e.getValue().asText());
            }
            SortedSet<Integer> delivered = parseRanges(root.path("delivered").asText(""));
            return new Data(correlation, delivered);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new TaskLedgerException("Task ledger table " + table + ": the data column of " + key
                    + " is not the JSON this ledger writes: " + json, e);
        }
    }

    /**
     * Outputs as ranges, {@code 0-41,43}: outputs are mostly delivered in order, so a batch of hundreds stays a few
     * characters instead of outgrowing the column.
     */
    static String ranges(SortedSet<Integer> outputs) {
        StringBuilder text = new StringBuilder();
        Integer start = null;
        Integer previous = null;
        for (int i : outputs) {
            if (previous != null && i == previous + 1) {
                previous = i;
                continue;
            }
            appendRange(text, start, previous);
            start = i;
            previous = i;
        }
        appendRange(text, start, previous);
        return text.toString();
    }

    private static void appendRange(StringBuilder text, Integer start, Integer end) {
        if (start == null) {
            return;
        }
        if (text.length() > 0) {
            text.append(',');
        }
        text.append(start);
        if (!start.equals(end)) {
            text.append('-').append(end);
        }
    }

    static SortedSet<Integer> parseRanges(String text) {
        SortedSet<Integer> outputs = new TreeSet<>();
        if (text.isEmpty()) {
            return outputs;
        }
        for (String part : text.split(",")) {
            int dash = part.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1));
            for (int i = from; i <= to; i++) {
                outputs.add(i);
            }
        }
        return outputs;
    }
}
