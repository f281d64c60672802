package io.github.camelclaid.testserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelclaid.client.ClaidSchemas;
import io.github.camelclaid.client.SchemaViolation;

/**
 * A small JDK-HttpClient wrapper for the server's own tests: authenticated JSON calls and schema assertions. Each
 * instance has its own client, hence its own connections.
 */
final class TestHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final LocalClaidServer server;
    private final HttpClient client;

    TestHttp(LocalClaidServer server) {
        this.server = server;
        // HTTP/1.1 explicitly: the JDK client would otherwise offer an h2c upgrade the server ignores
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpClient client() {
        return client;
    }

    /** An authenticated request builder for a server path. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + server.apiKey());
    }

    HttpResponse<byte[]> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<byte[]> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<byte[]> patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<byte[]> delete(String path) {
        return send(request(path).DELETE());
    }

    /** An unauthenticated GET of an absolute URL, e.g. a {@code tmp_url}. */
    HttpResponse<byte[]> download(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET());
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs and returns the {@code data} of a 200 answer. */
    JsonNode postData(String path, String json) {
        return dataOf(post(path, json));
    }

    JsonNode getData(String path) {
        return dataOf(get(path));
    }

    static JsonNode dataOf(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode(), () -> "expected 200 but got " + response.statusCode() + ": "
                + text(response));
        return json(response).get("data");
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text(response), e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Waits (polling every 10 ms, for up to 5 s) for something the server does in the background. */
    static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10));
    }

    /** Asserts the instance satisfies the named schema of Claid's API. */
    static void assertSchema(String schemaName, JsonNode instance) {
        List<SchemaViolation> violations = ClaidSchemas.get().validate(schemaName, instance);
        if (!violations.isEmpty()) {
            fail(schemaName + " violated: " + violations + " by " + instance);
        }
    }

    /** Asserts a 200 body is {@code {"data": ...}} satisfying the response wrapper schema; returns the data. */
    static JsonNode assertData(String wrapperSchema, HttpResponse<byte[]> response) {
        JsonNode data = dataOf(response);
        assertSchema(wrapperSchema, json(response));
        assertTrue(data != null && !data.isMissingNode(), "no data member");
        return data;
    }

    /** One multipart part: its header lines (CRLF-separated) and its content. */
    record FormPart(String headers, byte[] content) {
    }

    static FormPart part(String headers, byte[] content) {
        return new FormPart(headers, content);
    }

    /** A multipart/form-data body with the given boundary, written as RFC 7578 says. */
    static byte[] multipart(String boundary, FormPart... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (FormPart part : parts) {
            out.writeBytes(("--" + boundary + "\r\n" + part.headers() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(part.content());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
