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
        gate.update(answer("120, 120;w=60", 100, 30), 200, 3 * SECOND + 5);
        assertThat(gate.reserve(3 * SECOND + 6)).isZero();
        assertThat(gate.reserve(3 * SECOND + 7)).isZero();
    }

    @Test
    void answersWithoutRateLimitHeadersLeaveTheGateLearning() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(null, 200, 0);
        assertThat(gate.reserve(1)).isZero();
        assertThat(gate.reserve(2)).isPositive();
    }

    @Test
    void aSpentWindowHoldsRequestsUntilItResets() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("120, 120;w=60", 2, 30), 200, 0);
        assertThat(gate.reserve(1)).isZero();
        assertThat(gate.reserve(2)).isZero();
        assertThat(gate.reserve(3)).isEqualTo(30 * SECOND - 3);
        assertThat(gate.reserve(30 * SECOND)).isZero();
    }

    @Test
    void aPerSecondPolicyPacesRequestsCountedAsTheyAreSent() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("120, 120;w=60, 4;w=1", 100, 50), 200, 0);
        for (int i = 0; i < 4; i++) {
            assertThat(gate.reserve(i)).isZero();
        }
        assertThat(gate.reserve(10)).isEqualTo(SECOND - 10);
        assertThat(gate.reserve(SECOND)).isZero();
    }

    @Test
    void anAnswerDoesNotKnowOfTheRequestsStillInFlight() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("120", 100, 30), 200, 0);
        gate.update(answer("120", 100, 30), 200, 0);
        for (int i = 0; i < 5; i++) {
            assertThat(gate.reserve(i + 1)).isZero();
        }
        // the first of the five answers: 4 are still out, so 3 - 4 of the reported are left
        gate.update(answer("120", 7, 40), 200, 10);
        assertThat(gate.reserve(11)).isZero();
        assertThat(gate.reserve(12)).isZero();
        assertThat(gate.reserve(13)).isZero();
        assertThat(gate.reserve(14)).isPositive();
    }

    @Test
    void anOlderAnswerDoesNotGiveBackRequestsAlreadySpentInTheSameWindow() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("120", 5, 30), 200, 0);
        gate.update(answer("120", 1, 30), 200, 1);
        gate.update(answer("120", 4, 30), 200, 2);
        assertThat(gate.reserve(3)).isZero();
        assertThat(gate.reserve(4)).isPositive();
    }

    @Test
    void aRefusalTakesTheRefusingWindowEvenIfItIsShorter() {
        RateLimitGate gate = new RateLimitGate();
        gate.update(answer("120, 120;w=60, 4;w=1", 100, 55), 200, 0);
        gate.update(answer("4, 120;w=60, 4;w=1", -1, 1), 429, 0);
        assertThat(gate.reserve(SECOND / 2)).isEqualTo(SECOND / 2);
        assertThat(gate.reserve(SECOND)).isZero();
    }
}
