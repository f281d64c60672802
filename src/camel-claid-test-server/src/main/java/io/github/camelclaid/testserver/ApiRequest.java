package io.github.camelclaid.testserver;

/**
 * A request on its way through the server: what was received, plus the task outcome a fault imposes on it (null when
 * none does).
 *
 * @param bodyFile the whole body, when it was too large to keep in memory (an upload); {@code received} then holds
 *                 only its beginning. Null when the body is in {@code received}.
 */
record ApiRequest(RecordedRequest received, TaskStatus forcedOutcome, java.nio.file.Path bodyFile) {

    String requestId() {
        return received.requestId();
    }

    String method() {
        return received.method();
    }

    String path() {
        return received.path();
    }

    String header(String name) {
        return received.header(name);
    }

    byte[] body() {
        return received.body();
    }

    ApiRequest withForcedOutcome(TaskStatus outcome) {
        return new ApiRequest(received, outcome, bodyFile);
    }
}
