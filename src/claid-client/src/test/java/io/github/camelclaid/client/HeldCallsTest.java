package io.github.camelclaid.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.camelclaid.client.RateLimitGateTest.answer;
import static org.assertj.core.api.Assertions.assertThat;

/** The calls a gate holds back: in what order they go, and how many timers they cost. */
class HeldCallsTest {

    private static final String LIMIT = "100, 100;w=60";

    private final CountingScheduler scheduler = new CountingScheduler();
    private final List<Integer> sent = new CopyOnWriteArrayList<>();
    private final List<Integer> failed = new CopyOnWriteArrayList<>();
    private final List<Integer> refused = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aThousandHeldCallsWaitBehindOneTimerAndGoInTheOrderTheyCameWhenAnAnswerOpensTheGate() {
        RateLimitGate gate = new RateLimitGate();
        // the account's window is spent for the next 30 seconds
        gate.update(answer(LIMIT, 0, 30), 200, -1, System.nanoTime());
        HeldCalls held = new HeldCalls(gate, scheduler, new AtomicLong());
        for (int i = 0; i < 1000; i++) {
            held.add(new Call(i));
        }
        assertThat(sent).isEmpty();
        assertThat(scheduler.timers).hasValue(1);

        // an answer shows the window has reset: the first in line goes at once, the others stay in line, paced
        gate.update(answer(LIMIT, 99, 60), 200, -1, System.nanoTime());
        held.release();
        assertThat(sent).containsExactly(0);
        assertThat(scheduler.timers).hasValue(2);
    }

    @Test
    void aCallGivenUpWhileHeldTakesNoPlace() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer(LIMIT, 0, 30), 200, -1, System.nanoTime());
        HeldCalls held = new HeldCalls(gate, scheduler, new AtomicLong());
        Call givenUp = new Call(0);
        held.add(givenUp);
        held.add(new Call(1));
        givenUp.abandoned = true;
        gate.update(answer(LIMIT, 99, 60), 200, -1, System.nanoTime());
        held.release();
        assertThat(sent).containsExactly(1);
    }

    @Test
    void heldCallsFailWhenNothingCanTimeThemAnyMore() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer(LIMIT, 0, 30), 200, -1, System.nanoTime());
        HeldCalls held = new HeldCalls(gate, scheduler, new AtomicLong());
        scheduler.shutdownNow();
        held.add(new Call(0));
        assertThat(sent).isEmpty();
        assertThat(failed).containsExactly(0);
    }

    @Test
    void aRefusalLongerThanACallMayWaitFailsItInsteadOfHoldingIt() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer(LIMIT, 0, 30), 200, -1, System.nanoTime());
        HeldCalls held = new HeldCalls(gate, scheduler, new AtomicLong());
        Call patient = new Call(0, TimeUnit.HOURS.toNanos(2));
        Call hurried = new Call(1, TimeUnit.SECONDS.toNanos(60));
        held.add(patient);
        held.add(hurried);
        // another call of the account is answered 429 with Retry-After: an hour
        gate.update(null, 429, TimeUnit.HOURS.toNanos(1), System.nanoTime());
        held.release();
        assertThat(refused).containsExactly(1);
        // a call that comes while the gate is closed so long fails at once; one that may wait waits, unsent
        held.add(new Call(2, TimeUnit.SECONDS.toNanos(60)));
        held.add(new Call(3, TimeUnit.HOURS.toNanos(2)));
        assertThat(refused).containsExactly(1, 2);
        assertThat(sent).isEmpty();
    }

    private final class Call implements HeldCalls.Held {
        private final int id;
        private final long mayWaitNanos;
        private volatile boolean abandoned;

        Call(int id) {
            this(id, Long.MAX_VALUE);
        }

        Call(int id, long mayWaitNanos) {
            this.id = id;
            this.mayWaitNanos = mayWaitNanos;
        }

        @Override
        public boolean mayWaitForRefusal(long waitNanos) {
            return waitNanos <= mayWaitNanos;
        }

        @Override
        public void refuse(long waitNanos) {
            assertThat(waitNanos).isPositive();
            refused.add(id);
        }

        @Override
        public boolean abandoned() {
            return abandoned;
        }

        @Override
        public void send() {
            sent.add(id);
        }

        @Override
        public void fail(RuntimeException e) {
            assertThat(e).isInstanceOf(RejectedExecutionException.class);
            failed.add(id);
        }
    }

    /** Counts the timers set on it. */
    private static final class CountingScheduler extends ScheduledThreadPoolExecutor {
        private final AtomicInteger timers = new AtomicInteger();

        CountingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            timers.incrementAndGet();
            return super.schedule(command, delay, unit);
        }
    }
}
