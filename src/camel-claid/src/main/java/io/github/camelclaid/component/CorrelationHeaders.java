package io.github.camelclaid.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Message;

/**
 * The message headers a route keeps with a task it submits ({@code correlationHeaders=OrderId,Customer*}), so that
 * the exchange reporting the task later carries them again. Values are kept as text: they must survive a restart in
 * a file or a database, and a header worth correlating on is an id, not an object.
 */
final class CorrelationHeaders {

    static final CorrelationHeaders NONE = new CorrelationHeaders(List.of(), List.of());

    private final List<String> names;
    private final List<String> prefixes;

    private CorrelationHeaders(List<String> names, List<String> prefixes) {
        this.names = names;
        this.prefixes = prefixes;
    }

    /** Parses a comma-separated list of header names; a name ending in {@code *} matches every header it starts. */
    static CorrelationHeaders parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<String> names = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String part : spec.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (name.endsWith("*")) {
                prefixes.add(name.substring(0, name.length() - 1).toLowerCase(Locale.ROOT));
            } else {
                names.add(name);
            }
        }
        return new CorrelationHeaders(List.copyOf(names), List.copyOf(prefixes));
    }

    /** The matching headers of the message, as text; headers without a value are left out. */
    Map<String, String> capture(Message message) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : names) {
            String value = message.getHeader(name, String.class);
            if (value != null) {
                kept.put(name, value);
            }
        }
        if (!prefixes.isEmpty()) {
            for (String name : message.getHeaders().keySet()) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (prefixes.stream().anyMatch(lower::startsWith)) {
                    String value = message.getHeader(name, String.class);
                    if (value != null) {
                        kept.put(name, value);
                    }
                }
            }
        }
        return kept;
    }
}
