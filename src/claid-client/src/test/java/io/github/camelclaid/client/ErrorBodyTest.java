package io.github.camelclaid.client;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three error body shapes Claid answers with, and what is left when the body is none of them. */
class ErrorBodyTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private ErrorBody parse(String body) {
        return ErrorBody.parse(mapper, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void flatEnvelope() {
        ErrorBody e = parse("{\"error_code\":\"9000\",\"error_type\":\"validation\",\"error_message\":\"Invalid.\","
                + "\"error_details\":{\"name\":[\"field required\"]}}");
        assertEquals("9000", e.errorCode());
        assertEquals("validation", e.errorType());
        assertEquals("Invalid.", e.errorMessage());
        assertEquals("field required", e.errorDetails().get("name").get(0).asText());
    }

    @Test
    void envelopeUnderDetailAsOn429() {
        ErrorBody e = parse("{\"detail\":{\"error_code\":\"2001\",\"error_type\":\"general\","
                + "\"error_message\":\"Too Many Requests. Rate limit exceeded.\"}}");
        assertEquals("2001", e.errorCode());
        assertEquals("general", e.errorType());
        assertEquals("Too Many Requests. Rate limit exceeded.", e.errorMessage());
        assertEquals(0, e.errorDetails().size());
    }

    @Test
    void fastApiValidationList() {
        ErrorBody e = parse("{\"detail\":[{\"loc\":[\"path\",\"task_id\"],\"msg\":\"value is not a valid integer\","
                + "\"type\":\"type_error.integer\"}]}");
        assertEquals("validation", e.errorType());
        assertTrue(e.errorMessage().contains("path.task_id: value is not a valid integer"), e.errorMessage());
        assertEquals("value is not a valid integer", e.errorDetails().get("path.task_id").get(0).asText());
    }

    @Test
    void anythingElseIsQuoted() {
        ErrorBody e = parse("<html><body>502 Bad Gateway</body></html>");
        assertTrue(e.errorMessage().startsWith("unrecognised error body: <html>"), e.errorMessage());
        assertEquals("empty answer", ErrorBody.parse(mapper, new byte[0]).errorMessage());
    }
}
