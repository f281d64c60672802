package io.github.camelclaid.testserver;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.github.camelclaid.client.ApiOperation;

/**
 * Every request received and every paid submission acted on, for tests to count. The request log keeps the latest
 * {@value #MAX_REQUESTS} requests so a long-running demo server does not grow without bound; the counts tests make
 * are far below that.
 */
final class RequestJournal {

    static final int MAX_REQUESTS = 10_000;

    private final Deque<RecordedRequest> requests = new ArrayDeque<>();
    private final List<PaidSubmission> paid = new ArrayList<>();

    synchronized void record(RecordedRequest request) {
        if (requests.size() == MAX_REQUESTS) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    synchronized void recordPaid(ApiOperation operation, Long taskId, String requestId) {
        paid.add(new PaidSubmission(operation, taskId, requestId, Instant.now()));
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests with that method (null: any) whose path starts with the prefix (null: any). */
    synchronized long count(String method, String pathPrefix) {
        return requests.stream()
                .filter(r -> method == null || r.method().equalsIgnoreCase(method))
                .filter(r -> pathPrefix == null || r.path().startsWith(pathPrefix))
                .count();
    }

    synchronized List<PaidSubmission> paid() {
        return List.copyOf(paid);
    }

    synchronized void clear() {
        requests.clear();
        paid.clear();
    }
}
