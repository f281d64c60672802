package io.github.camelclaid.testserver;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The three error body shapes Claid uses, and the answers for the status codes faults can inject.
 *
 * <ul>
 * <li>flat envelope {@code {"error_code","error_type","error_message","error_details"}} — most errors;</li>
 * <li>the same envelope wrapped in {@code {"detail": {...}}} — 429 only;</li>
 * <li>FastAPI's {@code {"detail": [{"loc","msg","type"}]}} — a path id that is not an integer.</li>
 * </ul>
 *
 * Claid documents only the error codes 111 (auth), 2001 (rate limit) and 9000 (validation). The other codes below are
 * this server's own choice, kept stable so that tests may assert them; do not expect them from the real API.
 */
final class ErrorBodies {

    static final String AUTH_CODE = "111";
    static final String RATE_LIMIT_CODE = "2001";
    static final String VALIDATION_CODE = "9000";
    static final String BAD_REQUEST_CODE = "4000";
    static final String BILLING_CODE = "4002";
    static final String FORBIDDEN_CODE = "4003";
    static final String NOT_FOUND_CODE = "4004";
    static final String STORAGE_CODE = "4010";
    static final String INPUT_CODE = "4011";
    static final String TOO_LARGE_CODE = "4013";
    static final String INTERNAL_CODE = "5000";

    private ErrorBodies() {
    }

    static ObjectNode envelope(String code, String type, String message, ObjectNode details) {
        ObjectNode body = Json.object();
        body.put("error_code", code);
        body.put("error_type", type);
        body.put("error_message", message);
        body.set("error_details", details == null ? Json.object() : details);
        return body;
    }

    static ApiResponse flat(int status, String code, String type, String message) {
        return ApiResponse.json(status, envelope(code, type, message, null));
    }

    static ApiError unauthorized() {
        return new ApiError(flat(401, AUTH_CODE, "auth", "Authorization is required."), "401");
    }

    static ApiError validation(String field, String message) {
        Map<String, List<String>> details = new LinkedHashMap<>();
        details.put(field, List.of(message));
        return validation(details);
    }

    /** 422 with {@code error_details} mapping each dotted field path to its messages. */
    static ApiError validation(Map<String, List<String>> problems) {
        ObjectNode details = Json.object();
        problems.forEach((field, messages) -> {
            ArrayNode list = details.putArray(field);
            messages.forEach(list::add);
        });
        String first = problems.entrySet().iterator().next().getKey();
        String message = "Validation error. " + first + ": " + problems.get(first).get(0) + ".";
        return new ApiError(ApiResponse.json(422, envelope(VALIDATION_CODE, "validation", message, details)), message);
    }

    static ApiError badRequest(String message) {
        return new ApiError(flat(400, BAD_REQUEST_CODE, "general", message), message);
    }

    static ApiError storage(String message) {
        return new ApiError(flat(400, STORAGE_CODE, "storage", message), message);
    }

    /**
     * 400 {@code error_type "input"}: an input that could not be read (a missing object in a storage, a URL answering
     * 404 or not at all). Claid documents 400 "when we can't get the object from storage"; the code and type are this
     * server's. Async tasks show the same message as their error instead.
     */
    static ApiError unreadableInput(String input, String reason) {
        String message = "Could not read the input " + input + ": " + reason + ".";
        return new ApiError(flat(400, INPUT_CODE, "input", message), message);
    }

    static ApiError notFound(String type, String message) {
        return new ApiError(flat(404, NOT_FOUND_CODE, type, message), message);
    }

    static ApiError tooLarge(long limit) {
        String message = "Request body is larger than " + limit + " bytes.";
        return new ApiError(flat(413, TOO_LARGE_CODE, "general", message), message);
    }

    /** FastAPI's own answer when a path parameter declared as int does not parse. */
    static ApiError pathNotInteger(String parameter) {
        ObjectNode item = Json.object();
        item.putArray("loc").add("path").add(parameter);
        item.put("msg", "value is not a valid integer");
        item.put("type", "type_error.integer");
        ObjectNode body = Json.object();
        body.putArray("detail").add(item);
        return new ApiError(ApiResponse.json(422, body), parameter + " is not an integer");
    }

    /** The detail-wrapped 429; the caller adds the RateLimit headers (and Retry-After, which Claid does not document). */
    static ApiResponse rateLimited(Map<String, String> rateLimitHeaders, Duration retryAfter) {
        ObjectNode detail = Json.object();
        detail.put("error_code", RATE_LIMIT_CODE);
        detail.put("error_type", "general");
        detail.put("error_message", "Too Many Requests. Rate limit exceeded.");
        ObjectNode body = Json.object();
        body.set("detail", detail);
        ApiResponse response = ApiResponse.json(429, body).withHeaders(rateLimitHeaders);
        if (retryAfter != null) {
            response = response.withHeaders(Map.of("Retry-After",
                    Long.toString(Math.max(0, (retryAfter.toMillis() + 999) / 1000))));
        }
        return response;
    }

    /** FastAPI's default for a path no route serves. */
    static ApiResponse routeNotFound() {
        ObjectNode body = Json.object();
        body.put("detail", "Not Found");
        return ApiResponse.json(404, body);
    }

    static ApiResponse methodNotAllowed() {
        ObjectNode body = Json.object();
        body.put("detail", "Method Not Allowed");
        return ApiResponse.json(405, body);
    }

    static ApiResponse internalError(String message) {
        return flat(500, INTERNAL_CODE, "general", message);
    }

    /**
     * The answer a fault of that status gives. 502, 503 and 504 come from a gateway in front of an API, not from the
     * API itself, so they carry an HTML page rather than JSON: clients must cope with a non-JSON error body.
     */
    static ApiResponse forStatus(int status) {
        switch (status) {
            case 400:
                return flat(400, BAD_REQUEST_CODE, "general", "Bad Request.");
            case 401:
                return unauthorized().response();
            case 402:
                return flat(402, BILLING_CODE, "billing", "No API calls left.");
            case 403:
                return flat(403, FORBIDDEN_CODE, "auth", "Not enough permissions.");
            case 404:
                return flat(404, NOT_FOUND_CODE, "general", "Not Found.");
            case 422:
                return ApiResponse.json(422, envelope(VALIDATION_CODE, "validation", "Validation error.", null));
            case 500:
                return internalError("Internal Server Error.");
            case 502:
                return gatewayPage(502, "Bad Gateway");
            case 503:
                return gatewayPage(503, "Service Temporarily Unavailable");
            case 504:
                return gatewayPage(504, "Gateway Time-out");
            default:
                return flat(status, status >= 500 ? INTERNAL_CODE : BAD_REQUEST_CODE, "general", "HTTP " + status + ".");
        }
    }

    private static ApiResponse gatewayPage(int status, String reason) {
        String title = status + " " + reason;
        return ApiResponse.text(status, "text/html; charset=utf-8", "<html>\r\n<head><title>" + title
                + "</title></head>\r\n<body>\r\n<center><h1>" + title + "</h1></center>\r\n</body>\r\n</html>\r\n");
    }
}
