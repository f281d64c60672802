package io.github.camelclaid.client;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's decisions on a clock the test controls. */
class RateLimitGateTest {

    static final long SECOND = Duration.ofSeconds(1).toNanos();

    static RateLimitInfo answer(String limit, int remaining, int resetSeconds) {
        return new RateLimitInfo(limit, remaining, resetSeconds, Instant.now());
    }

    @Test
    void beforeClaidHasDescribedItsLimitsOneRequestGoesFirstToLearnThem() {
        RateLimitGate gate = new RateLimitGate();
        assertThat(gate.reserve(0)).isZero();
        assertThat(gate.reserve(1)).isPositive();
        assertThat(gate.reserve(SECOND)).isPositive();
        // the first request got no answer in time: the next goes
        assertThat(gate.reserve(3 * SECOND)).isZero();
        gate.update(answer("120, 120;w=60", 100, 30), 200, -1, 3 * SECOND + 5);
        // 100 left over 30 s: spread, one every 0.3 s after the one that learnt them
        assertThat(gate.reserve(3 * SECOND + 6)).isBetween(SECOND / 4, SECOND / 3);
        assertThat(gate.reserve(3 * SECOND + SECOND / 3)).isZero();
    }

    @Test
    void anAnswerWithoutRateLimitHeadersOpensTheGate() {
        RateLimitGate gate = new RateLimitGate();
        assertThat(gate.reserve(0)).isZero();
        gate.update(null, 200, -1, 1);
        for (int i = 0; i < 100; i++) {
            assertThat(gate.reserve(2 + i)).isZero();
        }
    }

    @Test
    void withoutRateLimitHeadersA429StillTeachesTheGateToWait() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(null, 200, -1, 0);
        // a Retry-After of two seconds: never sooner, and up to a second later
        long closed = gate.update(null, 429, 2 * SECOND, 10);
        assertThat(closed).isBetween(2 * SECOND, 3 * SECOND);
        assertThat(gate.reserve(11)).isEqualTo(closed - 1);
        assertThat(gate.reserve(3 * SECOND + 10)).isZero();
        // a 429 that names no wait holds the gate a second
        assertThat(gate.update(null, 429, -1, 3 * SECOND)).isEqualTo(SECOND);
        assertThat(gate.reserve(3 * SECOND + 1)).isEqualTo(SECOND - 1);
        assertThat(gate.reserve(4 * SECOND)).isZero();
    }

    @Test
    void whatIsLeftOfTheWindowIsSpreadOverTheTimeToItsReset() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("20", 9, 1), 200, -1, 0);
        assertThat(gate.reserve(0)).isZero();
        // 8 left over one second: the next goes an eighth of a second later, not at once
        long wait = gate.reserve(1);
        assertThat(wait).isBetween(SECOND / 10, SECOND / 8);
        assertThat(gate.reserve(1 + wait)).isZero();
    }

    @Test
    void theAccountsCountIsTrustedOverTheSendsOfThisJvm() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("20", 19, 30), 200, -1, 0);
        assertThat(gate.reserve(1)).isZero();
        // other instances of the account spent the rest of the window meanwhile
        gate.update(answer("20", 0, 30), 200, -1, 2);
        assertThat(gate.reserve(3)).isEqualTo(30 * SECOND - 3);
    }

    @Test
    void aSpentWindowHoldsRequestsUntilItResets() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("120, 120;w=60", 2, 30), 200, -1, 0);
        assertThat(gate.reserve(1)).isZero();
        assertThat(gate.reserve(15 * SECOND + 1)).isZero();
        assertThat(gate.reserve(15 * SECOND + 2)).isEqualTo(15 * SECOND - 2);
        assertThat(gate.reserve(30 * SECOND)).isZero();
    }

    @Test
    void aPerSecondPolicyPacesRequestsCountedAsTheyAreSent() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("1200, 1200;w=60, 4;w=1", 1000, 50), 200, -1, 0);
        for (int i = 0; i < 4; i++) {
            assertThat(gate.reserve(i * SECOND / 8)).isZero();
        }
        assertThat(gate.reserve(SECOND / 2)).isEqualTo(SECOND / 2);
        assertThat(gate.reserve(SECOND)).isZero();
    }

    @Test
    void aRefusalThoughThePolicyWasKeptTakesItsWindowAFiftiethLonger() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("1200, 1200;w=60, 4;w=1", 1000, 50), 200, -1, 0);
        // refused by the per-second policy this JVM kept to: the server counted arrivals closer than the sends
        gate.update(answer("4, 1200;w=60, 4;w=1", -1, 1), 429, -1, 0);
        long later = 10 * SECOND;
        for (int i = 0; i < 4; i++) {
            assertThat(gate.reserve(later + i * SECOND / 8)).isZero();
        }
        assertThat(gate.reserve(later + SECOND / 2)).isEqualTo(SECOND / 2 + SECOND / 50);
        assertThat(gate.reserve(later + SECOND)).isEqualTo(SECOND / 50);
        assertThat(gate.reserve(later + SECOND + SECOND / 50)).isZero();
    }

    @Test
    void anAnswerDoesNotKnowOfTheRequestsStillInFlight() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("120", 12, 5), 200, -1, 0);
        gate.update(answer("120", 12, 5), 200, -1, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(gate.reserve((i + 1) * SECOND)).isZero();
        }
        // the first of the five answers: 4 are still out, so 7 - 4 of the reported are left
        gate.update(answer("120", 7, 40), 200, -1, 5 * SECOND + 10);
        assertThat(gate.reserve(16 * SECOND)).isZero();
        assertThat(gate.reserve(27 * SECOND)).isZero();
        assertThat(gate.reserve(38 * SECOND)).isZero();
        assertThat(gate.reserve(39 * SECOND)).isPositive();
    }

    @Test
    void anAccountSpentFasterThanThisJvmSendsIsSharedWithOthers() {
        RateLimitGate alone = new RateLimitGate();
        RateLimitGate shared = new RateLimitGate();
        String limit = "1000, 1000;w=60";
        for (RateLimitGate gate : List.of(alone, shared)) {
            gate.update(answer(limit, 999, 60), 200, -1, 0);
        }
        long step = SECOND / 5;
        for (int i = 1; i <= 150; i++) {
            int reset = 60 - (int) (i * step / SECOND);
            assertThat(alone.reserve(i * step)).isZero();
            alone.update(answer(limit, 999 - i, reset), 200, -1, i * step + 1);
            // the account spends two requests for each of this JVM's: another instance is as busy
            assertThat(shared.reserve(i * step)).isZero();
            shared.update(answer(limit, 999 - 2 * i, reset), 200, -1, i * step + 1);
        }
        // the shared gate has fewer left (0.82 of the lone gate's count), and leaves the others room besides
        long spacingAlone = alone.reserve(150 * step + 2);
        assertThat(spacingAlone).isPositive();
        assertThat(shared.reserve(150 * step + 2)).isGreaterThan(spacingAlone * 3 / 2);
    }

    @Test
    void instancesRefusedAtAWindowsEndDoNotAllComeBackTogether() {
        Set<Long> waits = new HashSet<>();
        for (int seed = 0; seed < 10; seed++) {
            RateLimitGate gate = new RateLimitGate(new SplittableRandom(seed));
            gate.update(answer("20, 20;w=1", -1, 1), 429, SECOND, 10);
            long wait = gate.reserve(10);
            // what Reset asked, never less, and up to a second more
            assertThat(wait).isBetween(SECOND, 2 * SECOND);
            waits.add(wait);
        }
        assertThat(waits).hasSizeGreaterThan(5);
    }

    @Test
    void aShortWindowEndsWhenItsCountSaysItBeganNotASecondAfterTheAnswer() {
        RateLimitGate gate = new RateLimitGate();
        // all 20 spent, 19 of them before this one at the budget's pace (one per 50 ms): the window began 0.95 s ago
        gate.update(answer("20, 20;w=1", 0, 1), 200, -1, 0);
        long wait = gate.reserve(10);
        assertThat(wait).isBetween(SECOND / 50, SECOND / 10);
    }

    @Test
    void answersThatCameTogetherDoNotHoldThisJvmBackInTheWindowsAfter() {
        RateLimitGate gate = new RateLimitGate(new SplittableRandom(1));
        String limit = "20, 20;w=1";
        long ms = SECOND / 1000;
        // a one-second window shared with another instance: the account spends two for each answer of this JVM's
        gate.update(answer(limit, 19, 1), 200, -1, 0);
        for (int i = 1; i <= 4; i++) {
            gate.reserve(i * 100 * ms);
            gate.update(answer(limit, 19 - 2 * i, 1), 200, -1, i * 100 * ms + ms);
        }
        // two answers a microsecond apart, the account having spent six meanwhile
        gate.reserve(500 * ms);
        gate.reserve(520 * ms);
        gate.update(answer(limit, 9, 1), 200, -1, 530 * ms);
        gate.update(answer(limit, 3, 1), 200, -1, 530 * ms + 1000);
        // the next windows: a request goes, and after its answer the next goes at the window's pace, not at its end
        for (int window = 2; window <= 4; window++) {
            long start = window * 3 * SECOND / 2;
            assertThat(gate.reserve(start)).isZero();
            gate.update(answer(limit, 19, 1), 200, -1, start + ms);
            long wait = gate.reserve(start + 2 * ms);
            assertThat(wait).as("window %d", window).isLessThan(SECOND / 4);
            assertThat(gate.reserve(start + 2 * ms + wait)).isZero();
            gate.update(answer(limit, 17, 1), 200, -1, start + 3 * ms + wait);
        }
    }

    @Test
    void anOlderAnswerDoesNotGiveBackRequestsAlreadySpentInTheSameWindow() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("120", 5, 30), 200, -1, 0);
        gate.update(answer("120", 1, 30), 200, -1, 1);
        gate.update(answer("120", 4, 30), 200, -1, 2);
        assertThat(gate.reserve(3)).isZero();
        assertThat(gate.reserve(4)).isPositive();
    }

    @Test
    void aRefusalTakesTheRefusingWindowEvenIfItIsShorter() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("120, 120;w=60, 4;w=1", 100, 55), 200, -1, 0);
        gate.update(answer("4, 120;w=60, 4;w=1", -1, 1), 429, -1, 0);
        assertThat(gate.reserve(SECOND / 2)).isEqualTo(SECOND / 2);
        assertThat(gate.reserve(SECOND)).isZero();
    }
}
