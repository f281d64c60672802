package io.github.camelclaid.testserver;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the server received it, whatever happened to it afterwards (answered, refused, dropped by a fault).
 *
 * @param requestId  the {@code x-request-id} the server gave it (also sent back when an answer was sent)
 * @param method     HTTP method, upper case
 * @param path       decoded path, e.g. {@code /v1/image/edit}
 * @param query      raw query string, or null
 * @param headers    request headers; names are matched case-insensitively
 * @param body       the body bytes (a copy); of an upload too large to keep in memory, its first 64 KiB
 * @param receivedAt when the request line arrived
 */
public record RecordedRequest(String requestId, String method, String path, String query,
        Map<String, List<String>> headers, byte[] body, Instant receivedAt) {

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " (" + body.length + " bytes, " + requestId
                + ")";
    }
}
