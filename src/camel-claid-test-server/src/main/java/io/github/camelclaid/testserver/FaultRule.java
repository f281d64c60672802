package io.github.camelclaid.testserver;

import io.github.camelclaid.client.ApiOperation;

/** An armed fault: which requests it catches, what it does, and how many more times. */
final class FaultRule {

    private final String method;
    private final String pathPrefix;
    private final ApiOperation operation;
    private final FaultAction action;
    private int remaining;
    private int letThrough;

    /**
     * @param method     HTTP method to match, any when null
     * @param pathPrefix path prefix to match, any when null
     * @param operation  when set, only requests for exactly this operation match (method and prefix are ignored)
     * @param letThrough how many matching requests pass untouched before the fault catches any
     */
    FaultRule(String method, String pathPrefix, ApiOperation operation, FaultAction action, int times,
              int letThrough) {
        this.method = method;
        this.pathPrefix = pathPrefix;
        this.operation = operation;
        this.action = action;
        this.remaining = times;
        this.letThrough = letThrough;
    }

    /** Only requests that create a task can be given a task outcome; no other request uses up such a fault. */
    boolean matches(String requestMethod, String path, ApiOperation requestOperation) {
        if (action.kind() == FaultAction.Kind.TASK_OUTCOME
                && (requestOperation == null || !Routes.TASK_SUBMISSIONS.contains(requestOperation))) {
            return false;
        }
        if (operation != null) {
            return operation == requestOperation;
        }
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (pathPrefix == null || path.startsWith(pathPrefix));
    }

    /** Counts a matching request off the ones to let through, if any are left; the caller must hold the lock. */
    boolean letsThrough() {
        if (letThrough == 0) {
            return false;
        }
        letThrough--;
        return true;
    }

    /** Uses the fault up once; the caller must hold the lock of {@link Faults}. */
    FaultAction consume() {
        remaining--;
        return action;
    }

    boolean exhausted() {
        return remaining <= 0;
    }

    int remaining() {
        return remaining;
    }
}
