package io.github.camelclaid.testserver;

import java.util.Objects;

import io.github.camelclaid.client.ApiOperation;

/** The last step of arming a fault: which requests it catches. Each method arms the fault and returns the faults. */
public final class FaultTarget {

    private final Faults faults;
    private final int times;
    private final int letThrough;
    private final FaultAction action;

    FaultTarget(Faults faults, int times, int letThrough, FaultAction action) {
        this.faults = faults;
        this.times = times;
        this.letThrough = letThrough;
        this.action = action;
    }

    /**
     * Requests with this method whose path starts with the prefix. Note that {@code /v1/image/edit} also matches
     * {@code /v1/image/edit/async}; use {@link #on(ApiOperation)} for one operation exactly.
     */
    public Faults on(String method, String pathPrefix) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        return arm(new FaultRule(method, pathPrefix, null, action, times, letThrough));
    }

    /** Requests for exactly this operation. */
    public Faults on(ApiOperation operation) {
        Objects.requireNonNull(operation, "operation");
        return arm(new FaultRule(null, null, operation, action, times, letThrough));
    }

    /** Requests of any method whose path starts with the prefix. */
    public Faults onPath(String pathPrefix) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        return arm(new FaultRule(null, pathPrefix, null, action, times, letThrough));
    }

    /** Any request the server receives, including {@code tmp_url} downloads. */
    public Faults onAny() {
        return arm(new FaultRule(null, null, null, action, times, letThrough));
    }

    private Faults arm(FaultRule rule) {
        faults.arm(rule);
        return faults;
    }
}
