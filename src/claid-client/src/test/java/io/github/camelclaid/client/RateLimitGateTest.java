package io.github.camelclaid.client;

import java.time.Duration;
import java.time.Instant;

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
        // a Retry-After of two seconds
        gate.update(null, 429, 2 * SECOND, 10);
        assertThat(gate.reserve(11)).isEqualTo(2 * SECOND - 1);
        assertThat(gate.reserve(2 * SECOND + 10)).isZero();
        // a 429 that names no wait holds the gate a second
        gate.update(null, 429, -1, 3 * SECOND);
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
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("1000, 1000;w=60", 1000, 60), 200, -1, 0);
        long alone = gate.reserve(SECOND);
        assertThat(alone).isZero();
        long spacingAlone = gate.reserve(SECOND + 1);
        // twice this JVM's sends went from the account between each two answers, ten times over
        for (int i = 0; i < 10; i++) {
            gate.update(answer("1000, 1000;w=60", 998 - 2 * i, 60), 200, -1, SECOND);
            assertThat(gate.reserve(2 * SECOND + i * SECOND)).isZero();
        }
        assertThat(gate.reserve(11 * SECOND + 1)).isGreaterThan(spacingAlone * 13 / 10);
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
