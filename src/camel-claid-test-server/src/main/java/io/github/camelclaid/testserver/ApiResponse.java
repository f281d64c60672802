package io.github.camelclaid.testserver;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One complete answer, prepared before anything is written, so that faults can replace, delay or mangle it.
 *
 * @param length the body's length on the wire: {@code body}, then zero bytes up to this, written as they are sent
 */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers, long length) {

    static final String JSON = "application/json";

    ApiResponse {
        headers = Map.copyOf(headers);
        if (length < body.length) {
            throw new IllegalArgumentException("length " + length + " is shorter than the body");
        }
    }

    ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, body.length);
    }

    static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, JSON, Json.bytes(body), Map.of());
    }

    /** 200 with Claid's {@code {"data": ...}} envelope. */
    static ApiResponse data(JsonNode data) {
        return json(200, Json.data(data));
    }

    static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    ApiResponse withHeaders(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new ApiResponse(status, contentType, body, merged, length);
    }

    /** The same answer with only the first half of its body: a JSON client must fail to parse it. */
    ApiResponse truncated() {
        int keep = Math.max(1, body.length / 2);
        return new ApiResponse(status, contentType, Arrays.copyOf(body, Math.min(keep, body.length)), headers);
    }
}
