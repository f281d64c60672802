package io.github.camelclaid.testserver;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import io.github.camelclaid.client.ApiOperation;

/**
 * Misbehaviour on demand, for the next N matching requests. Thread-safe; rules fire in the order they were armed, and
 * one request is caught by at most one rule.
 *
 * <pre>{@code
 * server.faults().next(3).status(503).on("POST", "/v1/image/edit");
 * server.faults().next(1).rateLimited(Duration.ofSeconds(2)).onAny();
 * server.faults().next(1).dropConnection().on(ApiOperation.EDIT_ASYNC_STATUS);
 * server.faults().next(1).delay(Duration.ofSeconds(5)).onPath("/v1/image/generate");
 * server.faults().next(1).malformedJson().on(ApiOperation.EDIT);
 * server.faults().next(1).afterProcessing().dropConnection().on(ApiOperation.EDIT_ASYNC); // task created, no answer
 * server.faults().next(1).taskEndsWith(TaskStatus.ERROR).on(ApiOperation.AI_EDIT);
 * server.faults().nextWebhooks(1).withForgedSignature();
 * }</pre>
 */
public final class Faults {

    /** What the next webhook notifications suffer. */
    enum WebhookFaultKind {
        DUPLICATE,
        FORGED_SIGNATURE
    }

    private final List<FaultRule> rules = new ArrayList<>();
    private final List<WebhookFaultKind> webhookFaults = new ArrayList<>();

    Faults() {
    }

    /** Starts a fault for the next {@code times} requests it matches. */
    public RequestFault next(int times) {
        return new RequestFault(this, requirePositive(times));
    }

    /** Starts a fault for the next {@code times} webhook notifications (each with all its retries). */
    public WebhookFault nextWebhooks(int times) {
        return new WebhookFault(this, requirePositive(times));
    }

    /** Disarms everything. */
    public synchronized Faults clear() {
        rules.clear();
        webhookFaults.clear();
        return this;
    }

    /** How many more requests armed faults will catch. */
    public synchronized int armed() {
        return rules.stream().mapToInt(FaultRule::remaining).sum();
    }

    synchronized void arm(FaultRule rule) {
        rules.add(rule);
    }

    synchronized void armWebhooks(WebhookFaultKind kind, int times) {
        for (int i = 0; i < times; i++) {
            webhookFaults.add(kind);
        }
    }

    /** The fault that catches this request, used up once; null when none does. */
    synchronized FaultAction take(String method, String path, ApiOperation operation) {
        for (Iterator<FaultRule> it = rules.iterator(); it.hasNext();) {
            FaultRule rule = it.next();
            if (rule.matches(method, path, operation)) {
                FaultAction action = rule.consume();
                if (rule.exhausted()) {
                    it.remove();
                }
                return action;
            }
        }
        return null;
    }

    /** The faults of the next webhook notification: at most one of each kind, used up. */
    synchronized Set<WebhookFaultKind> takeForWebhook() {
        Set<WebhookFaultKind> taken = EnumSet.noneOf(WebhookFaultKind.class);
        for (Iterator<WebhookFaultKind> it = webhookFaults.iterator(); it.hasNext();) {
            WebhookFaultKind kind = it.next();
            if (taken.add(kind)) {
                it.remove();
            }
        }
        return taken;
    }

    private static int requirePositive(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("A fault must apply to at least one request, not " + times);
        }
        return times;
    }
}
