package io.github.camelclaid.testserver;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
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
 * server.faults().next(5).afterTheFirst(30).status(503).on(ApiOperation.EDIT_ASYNC); // requests 31 to 35
 * server.faults().nextWebhooks(1).withForgedSignature();
 * server.faults().nextWebhooks(1).dropped();     // the task ends, no notification is ever sent
 * server.faults().randomly(42, mix);   // chaos: faults at random, from a seed, until clear()
 * }</pre>
 */
public final class Faults {

    /** What the next webhook notifications suffer. */
    enum WebhookFaultKind {
        DUPLICATE,
        FORGED_SIGNATURE,
        DROPPED
    }

    private final List<FaultRule> rules = new ArrayList<>();
    private final List<WebhookFaultKind> webhookFaults = new ArrayList<>();
    private final Map<InjectedFault, Long> injected = new EnumMap<>(InjectedFault.class);
    private Random random;
    private FaultMix mix;
    private int stormRemaining;
    /** The request fault kinds still to inject once each before drawing, with {@link FaultMix#everyKindFirst}. */
    private final List<InjectedFault> firstOfEach = new ArrayList<>();

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

    /**
     * Random mode, for fault-injection runs: from now on every API request that no armed rule catches may get one
     * fault, drawn from {@code mix} with a {@link Random} seeded by {@code seed}, and so may every webhook
     * notification. Downloads of {@code tmp_url}s are left alone. The sequence of draws is fixed by the seed; which
     * request gets which draw depends on the order requests arrive in. Counts go to {@link #injectedCounts()}.
     */
    public synchronized Faults randomly(long seed, FaultMix mix) {
        this.mix = Objects.requireNonNull(mix, "mix");
        this.random = new Random(seed);
        this.stormRemaining = 0;
        firstOfEach.clear();
        if (mix.everyKindFirst()) {
            firstOfEach.addAll(List.of(InjectedFault.RATE_LIMIT_STORM, InjectedFault.STATUS_500,
                    InjectedFault.STATUS_502, InjectedFault.STATUS_503, InjectedFault.DROPPED_BEFORE,
                    InjectedFault.DROPPED_AFTER, InjectedFault.SLOW_ANSWER, InjectedFault.MALFORMED_JSON));
        }
        return this;
    }

    /** Leaves random mode; armed faults stay. */
    public synchronized Faults stopRandom() {
        mix = null;
        random = null;
        stormRemaining = 0;
        firstOfEach.clear();
        return this;
    }

    /** The faults random mode has injected so far, by kind (every kind present, zero when none). */
    public synchronized Map<InjectedFault, Long> injectedCounts() {
        Map<InjectedFault, Long> counts = new EnumMap<>(InjectedFault.class);
        for (InjectedFault kind : InjectedFault.values()) {
            counts.put(kind, injected.getOrDefault(kind, 0L));
        }
        return counts;
    }

    /** Disarms the armed request faults only; random mode and its counts stay. */
    public synchronized Faults disarm() {
        rules.clear();
        return this;
    }

    /** Disarms everything, leaves random mode and forgets the counts. */
    public synchronized Faults clear() {
        rules.clear();
        webhookFaults.clear();
        injected.clear();
        return stopRandom();
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
                if (rule.letsThrough()) {
                    continue;
                }
                FaultAction action = rule.consume();
                if (rule.exhausted()) {
                    it.remove();
                }
                return action;
            }
        }
        return mix == null || operation == null ? null : draw(operation);
    }

    /** Random mode's fault for an API request, or null; the caller holds the lock. */
    private FaultAction draw(ApiOperation operation) {
        if (stormRemaining > 0) {
            stormRemaining--;
            return count(InjectedFault.RATE_LIMITED_REQUEST, stormAction());
        }
        if (!firstOfEach.isEmpty()) {
            return forced(firstOfEach.remove(0));
        }
        boolean everyKindMet = !mix.everyKindFirst() || injected.containsKey(InjectedFault.TASK_ERROR);
        if (!everyKindMet && Routes.TASK_SUBMISSIONS.contains(operation)) {
            return count(InjectedFault.TASK_ERROR, action(FaultAction.Kind.TASK_OUTCOME, false, 0, null,
                    TaskStatus.ERROR));
        }
        double r = random.nextDouble();
        if ((r -= mix.rateLimitStorm()) < 0) {
            count(InjectedFault.RATE_LIMIT_STORM, null);
            stormRemaining = mix.stormLength() - 1;
            return count(InjectedFault.RATE_LIMITED_REQUEST, stormAction());
        }
        if ((r -= mix.status500()) < 0) {
            return count(InjectedFault.STATUS_500, action(FaultAction.Kind.STATUS, false, 500, null, null));
        }
        if ((r -= mix.status502()) < 0) {
            return count(InjectedFault.STATUS_502, action(FaultAction.Kind.STATUS, false, 502, null, null));
        }
        if ((r -= mix.status503()) < 0) {
            return count(InjectedFault.STATUS_503, action(FaultAction.Kind.STATUS, false, 503, null, null));
        }
        if ((r -= mix.dropBefore()) < 0) {
            return count(InjectedFault.DROPPED_BEFORE, action(FaultAction.Kind.DROP_CONNECTION, false, 0, null, null));
        }
        if ((r -= mix.dropAfter()) < 0) {
            return count(InjectedFault.DROPPED_AFTER, action(FaultAction.Kind.DROP_CONNECTION, true, 0, null, null));
        }
        if ((r -= mix.slowAnswer()) < 0) {
            return count(InjectedFault.SLOW_ANSWER, action(FaultAction.Kind.DELAY, false, 0, mix.delay(), null));
        }
        if ((r -= mix.malformedJson()) < 0) {
            return count(InjectedFault.MALFORMED_JSON, action(FaultAction.Kind.MALFORMED_JSON, false, 200, null,
                    null));
        }
        if (Routes.TASK_SUBMISSIONS.contains(operation) && random.nextDouble() < mix.taskError()) {
            return count(InjectedFault.TASK_ERROR, action(FaultAction.Kind.TASK_OUTCOME, false, 0, null,
                    TaskStatus.ERROR));
        }
        return null;
    }

    /** The request fault of this kind, as a draw would have made it. */
    private FaultAction forced(InjectedFault kind) {
        switch (kind) {
            case RATE_LIMIT_STORM:
                count(InjectedFault.RATE_LIMIT_STORM, null);
                stormRemaining = mix.stormLength() - 1;
                return count(InjectedFault.RATE_LIMITED_REQUEST, stormAction());
            case STATUS_500:
                return count(kind, action(FaultAction.Kind.STATUS, false, 500, null, null));
            case STATUS_502:
                return count(kind, action(FaultAction.Kind.STATUS, false, 502, null, null));
            case STATUS_503:
                return count(kind, action(FaultAction.Kind.STATUS, false, 503, null, null));
            case DROPPED_BEFORE:
                return count(kind, action(FaultAction.Kind.DROP_CONNECTION, false, 0, null, null));
            case DROPPED_AFTER:
                return count(kind, action(FaultAction.Kind.DROP_CONNECTION, true, 0, null, null));
            case SLOW_ANSWER:
                return count(kind, action(FaultAction.Kind.DELAY, false, 0, mix.delay(), null));
            case MALFORMED_JSON:
                return count(kind, action(FaultAction.Kind.MALFORMED_JSON, false, 200, null, null));
            default:
                throw new IllegalArgumentException("Not a request fault: " + kind);
        }
    }

    private static FaultAction stormAction() {
        return action(FaultAction.Kind.RATE_LIMIT_STORM, false, 429, null, null);
    }

    private static FaultAction action(FaultAction.Kind kind, boolean afterProcessing, int status,
                                      java.time.Duration duration, TaskStatus outcome) {
        return new FaultAction(kind, afterProcessing, status, null, null, duration, outcome);
    }

    private FaultAction count(InjectedFault kind, FaultAction action) {
        injected.merge(kind, 1L, Long::sum);
        return action;
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
        if (mix != null) {
            boolean first = mix.everyKindFirst();
            if (first && !injected.containsKey(InjectedFault.WEBHOOK_DUPLICATED)) {
                taken.add(WebhookFaultKind.DUPLICATE);
                count(InjectedFault.WEBHOOK_DUPLICATED, null);
            } else if (first && !injected.containsKey(InjectedFault.WEBHOOK_FORGED)) {
                taken.add(WebhookFaultKind.FORGED_SIGNATURE);
                count(InjectedFault.WEBHOOK_FORGED, null);
            } else {
                if (random.nextDouble() < mix.webhookDuplicated() && taken.add(WebhookFaultKind.DUPLICATE)) {
                    count(InjectedFault.WEBHOOK_DUPLICATED, null);
                }
                if (random.nextDouble() < mix.webhookForged() && taken.add(WebhookFaultKind.FORGED_SIGNATURE)) {
                    count(InjectedFault.WEBHOOK_FORGED, null);
                }
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
