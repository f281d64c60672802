package io.github.camelclaid.testserver;

/**
 * A request on its way through the server: what was received, plus the task outcome a fault imposes on it (null when
 * none does).
 */
record ApiRequest(RecordedRequest received, TaskStatus forcedOutcome) {

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
        return new ApiRequest(received, outcome);
    }
}
