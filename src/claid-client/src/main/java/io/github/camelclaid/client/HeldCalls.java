package io.github.camelclaid.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls the account's {@link RateLimitGate} holds back, in the order they came. One timer stands for all of them,
 * set for when the gate next has room; and every answer lets them ask again at once, as it may have brought news of
 * the account (a window that reset early, a count that others spent). A thousand calls offered at once thus wait
 * behind one timer, instead of a thousand timers that all wake for each request that may go.
 */
final class HeldCalls {

    /** A call waiting for the gate. */
    interface Held {

        /** Whether the call was given up meanwhile (the client closed): it no longer takes a place. */
        boolean abandoned();

        void send();

        /** Whether the call may wait {@code waitNanos} for a gate closed by a 429: no longer than its maxRateLimitWait. */
        boolean mayWaitForRefusal(long waitNanos);

        /** It may not: the gate stays closed by a 429 for {@code waitNanos} more. */
        void refuse(long waitNanos);

        /** Nothing will send it: the client's scheduler is shut down. */
        void fail(RuntimeException e);
    }

    private record Waiting(Held call, long sinceNanos) {
    }

    private final RateLimitGate gate;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong heldBackNanos;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private boolean timerSet;
    private long timerNanos;
    /** The end of the gate's refusal the waiting calls were last asked about. */
    private long refusalEndAsked;

    /** @param heldBackNanos adds up how long calls waited here */
    HeldCalls(RateLimitGate gate, ScheduledExecutorService scheduler, AtomicLong heldBackNanos) {
        this.gate = gate;
        this.scheduler = scheduler;
        this.heldBackNanos = heldBackNanos;
    }

    /** Sends the call now if the gate lets it and none came before it, else holds it behind the others. */
    void add(Held call) {
        add(call, false);
    }

    /** The same for a call that was first in line already (the account refused it): it keeps its place. */
    void addFirst(Held call) {
        add(call, true);
    }

    private void add(Held call, boolean first) {
        long refusedFor;
        boolean refuse;
        boolean sendNow = false;
        synchronized (this) {
            long nowNanos = System.nanoTime();
            refusedFor = gate.refusedForNanos(nowNanos);
            refuse = refusedFor > 0 && !call.mayWaitForRefusal(refusedFor);
            if (!refuse) {
                sendNow = waiting.isEmpty() && gate.reserve(nowNanos) == 0;
                if (!sendNow) {
                    Waiting held = new Waiting(call, nowNanos);
                    if (first) {
                        waiting.addFirst(held);
                    } else {
                        waiting.addLast(held);
                    }
                }
            }
        }
        if (refuse) {
            call.refuse(refusedFor);
        } else if (sendNow) {
            call.send();
        } else {
            release();
        }
    }

    /** Sends as many held calls as the gate lets through now, and sets the timer for the next. */
    void release() {
        List<Held> go = new ArrayList<>();
        List<Held> orphaned = List.of();
        List<Held> refused = List.of();
        long refusedFor;
        RejectedExecutionException noScheduler = null;
        synchronized (this) {
            long nowNanos = System.nanoTime();
            refusedFor = gate.refusedForNanos(nowNanos);
            // a call that may wait for a refusal's end may wait for what is left of it too: only a new end asks again
            if (refusedFor > 0 && nowNanos + refusedFor != refusalEndAsked) {
                refusalEndAsked = nowNanos + refusedFor;
                refused = dropThoseThatMayNotWait(refusedFor);
            }
            while (!waiting.isEmpty()) {
                Waiting next = waiting.peekFirst();
                if (next.call.abandoned()) {
                    waiting.pollFirst();
                    continue;
                }
                long wait = gate.reserve(nowNanos);
                if (wait > 0) {
                    try {
                        setTimer(nowNanos, wait);
                    } catch (RejectedExecutionException e) {
                        noScheduler = e;
                        orphaned = waiting.stream().map(Waiting::call).toList();
                        waiting.clear();
                    }
                    break;
                }
                waiting.pollFirst();
                heldBackNanos.addAndGet(nowNanos - next.sinceNanos);
                go.add(next.call);
            }
        }
        // outside the lock: handing a request to the HTTP client is not free, and the others need not wait for it
        go.forEach(Held::send);
        for (Held call : orphaned) {
            call.fail(noScheduler);
        }
        for (Held call : refused) {
            call.refuse(refusedFor);
        }
    }

    /**
     * A 429 closed the gate: the calls that may not wait that long leave the line. A Retry-After of an hour thus fails
     * the calls allowed a minute at once instead of holding them, silent, for the hour.
     */
    private List<Held> dropThoseThatMayNotWait(long refusedFor) {
        List<Held> dropped = new ArrayList<>();
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext();) {
            Held call = it.next().call;
            if (!call.abandoned() && !call.mayWaitForRefusal(refusedFor)) {
                it.remove();
                dropped.add(call);
            }
        }
        return dropped;
    }

    /** Sets the timer for {@code waitNanos} from now, unless it is set for then or sooner already. */
    private void setTimer(long nowNanos, long waitNanos) {
        long at = nowNanos + waitNanos;
        if (timerSet && at - timerNanos >= 0) {
            return;
        }
        scheduler.schedule(() -> timerFired(at), waitNanos, TimeUnit.NANOSECONDS);
        timerSet = true;
        timerNanos = at;
    }

    private void timerFired(long at) {
        synchronized (this) {
            if (timerSet && timerNanos == at) {
                timerSet = false;
            }
        }
        release();
    }
}
