package io.github.camelclaid.client;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads Claid's answers: the {@code data} of a success into the expected type, an error answer into a
 * {@link ClaidException}. It also remembers when Claid's API last answered with success, which is proof, as of then,
 * that Claid was reachable and took the key.
 */
final class AnswerDecoder {

    private final ObjectMapper mapper;
    private final AtomicReference<Instant> lastSuccessAt = new AtomicReference<>();

    AnswerDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A success's {@code data} as {@code dataType}; an error answer or an unreadable success is thrown. */
    <T> ClaidResponse<T> data(String what, HttpAnswer answer, JavaType dataType) {
        String requestId = answer.header("x-request-id");
        RateLimitInfo rateLimit = answer.rateLimit();
        if (!answer.isSuccess()) {
            throw ClaidException.http(what, answer.status(), ErrorBody.parse(mapper, answer.body()), requestId,
                    rateLimit);
        }
        lastSuccessAt.set(Instant.now());
        // read straight into the type, the envelope's other members skipped: no tree of the whole answer first
        try (JsonParser parser = mapper.createParser(answer.body())) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean isData = "data".equals(parser.currentName());
                    parser.nextToken();
                    if (isData) {
                        T data = mapper.readValue(parser, dataType);
                        return new ClaidResponse<>(data, answer.status(), requestId, rateLimit, answer.attempts());
                    }
                    parser.skipChildren();
                }
            }
        } catch (DatabindException e) {
            throw ClaidException.invalidResponse(what, answer.status(),
                    "the answer's data does not have the expected shape: " + e.getMessage(), requestId, e);
        } catch (IOException e) {
            throw ClaidException.invalidResponse(what, answer.status(),
                    "the answer is not valid JSON (" + e.getClass().getSimpleName() + ")", requestId, e);
        }
        throw ClaidException.invalidResponse(what, answer.status(), "the answer has no 'data' member", requestId,
                null);
    }

    /**
     * The result behind a temporary URL, taking over the answer's temporary file when it has one; an error answer is
     * thrown. Not counted as Claid's API answering: the URL carries no key and is usually served by another host.
     */
    Download download(String what, String url, HttpAnswer answer) {
        if (!answer.isSuccess()) {
            throw ClaidException.http(what, answer.status(), ErrorBody.parse(mapper, answer.body()),
                    answer.header("x-request-id"), null);
        }
        return answer.file() == null ? Download.inMemory(url, answer.body(), answer.contentType())
                : Download.inFile(url, answer.file(), answer.length(), answer.contentType());
    }

    /** When Claid's API last answered with a 2xx; null before any. */
    Instant lastSuccessAt() {
        return lastSuccessAt.get();
    }
}
