package io.github.camelclaid.component;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.AsyncFailures;
import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.RetryPolicy;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The circuit's states on a clock the test moves, with real ClaidExceptions from the local server. */
class SubmissionCircuitIT {

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder().apiKey("k"));

    static ClaidException payment;
    static ClaidException badRequest;
    static ClaidException serverError;
    static ClaidException gateway;

    /** A clock that moves only when told. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final SubmissionCircuit circuit = new SubmissionCircuit("acc", "http://claid", Duration.ofMinutes(5), 3,
            Duration.ofSeconds(30), clock);

    @BeforeAll
    static void answers() {
        try (ClaidClient client = ClaidClient.builder().apiKey("k").baseUrl(claid.server().baseUrl())
                .retryPolicy(RetryPolicy.NONE).build()) {
            payment = answer(client, 402);
            badRequest = answer(client, 400);
            serverError = answer(client, 500);
            gateway = answer(client, 503);
        }
    }

    private static ClaidException answer(ClaidClient client, int status) {
        claid.server().faults().next(1).status(status).onAny();
        try {
            client.listStorages().join();
            throw new AssertionError("the fault was not served");
        } catch (java.util.concurrent.CompletionException e) {
            return (ClaidException) AsyncFailures.unwrap(e);
        }
    }

    @Test
    void a402OpensForTheCooldownThenOneTrialDecides() {
        circuit.acquire("edit").done(payment);
        assertThat(circuit.snapshot().state()).isEqualTo(SubmissionCircuit.State.OPEN);
        assertThat(circuit.snapshot().until()).isEqualTo(clock.now.plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> circuit.acquire("edit")).isInstanceOf(ClaidCircuitOpenException.class)
                .hasMessageContaining("until 2026-01-01T00:05:00Z (creditCircuitCooldown)");

        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(circuit.snapshot().state()).isEqualTo(SubmissionCircuit.State.HALF_OPEN);
        SubmissionCircuit.Permit trial = circuit.acquire("edit");
        assertThat(trial.isTrial()).isTrue();
        assertThatThrownBy(() -> circuit.acquire("edit")).isInstanceOf(ClaidCircuitOpenException.class)
                .hasMessageContaining("a trial submission is out");

        // a 400 does not answer the trial's question: the next submission is the trial
        trial.done(badRequest);
        assertThat(circuit.snapshot().state()).isEqualTo(SubmissionCircuit.State.HALF_OPEN);
        SubmissionCircuit.Permit second = circuit.acquire("edit");
        assertThat(second.isTrial()).isTrue();
        second.done(null);
        second.done(payment); // reported twice: ignored
        assertThat(circuit.snapshot().state()).isEqualTo(SubmissionCircuit.State.CLOSED);
        assertThat(circuit.acquire("edit").isTrial()).isFalse();
    }

    @Test
    void answersToSubmissionsSentBeforeTheOpeningChangeNothing() {
        SubmissionCircuit.Permit early = circuit.acquire("edit");
        SubmissionCircuit.Permit late = circuit.acquire("edit");
        circuit.acquire("edit").done(payment);
        Instant openedAt = circuit.snapshot().openedAt();
        clock.now = clock.now.plusSeconds(10);
        early.done(null);
        late.done(payment);
        assertThat(circuit.snapshot().state()).isEqualTo(SubmissionCircuit.State.OPEN);
        assertThat(circuit.snapshot().openedAt()).isEqualTo(openedAt);
    }

    @Test
    void gatewayErrorsAndLostConnectionsInARowOpenItForTheOutageCooldown() {
        circuit.acquire("edit").done(gateway);
        circuit.acquire("edit").done(serverError); // a 500 is about one request: an answer, which resets the count
        circuit.acquire("edit").done(gateway);
        circuit.acquire("edit").done(new java.util.concurrent.CompletionException(gateway));
        assertThat(circuit.snapshot().consecutiveFailures()).isEqualTo(2);
        assertThat(circuit.snapshot().state()).isEqualTo(SubmissionCircuit.State.CLOSED);

        circuit.acquire("edit").done(gateway);
        SubmissionCircuit.Snapshot open = circuit.snapshot();
        assertThat(open.state()).isEqualTo(SubmissionCircuit.State.OPEN);
        assertThat(open.trip()).isEqualTo(SubmissionCircuit.Trip.CLAID_FAILING);
        assertThat(open.until()).isEqualTo(clock.now.plusSeconds(30));

        clock.now = clock.now.plusSeconds(30);
        circuit.acquire("edit").done(gateway);
        assertThat(circuit.snapshot().state()).as("a failed trial reopens").isEqualTo(SubmissionCircuit.State.OPEN);
    }

    @Test
    void a402TurnsAnOutageOpeningIntoACreditsOne() {
        SubmissionCircuit.Permit inFlight = circuit.acquire("edit");
        for (int i = 0; i < 3; i++) {
            circuit.acquire("edit").done(gateway);
        }
        assertThat(circuit.snapshot().trip()).isEqualTo(SubmissionCircuit.Trip.CLAID_FAILING);
        inFlight.done(payment);
        assertThat(circuit.snapshot().trip()).isEqualTo(SubmissionCircuit.Trip.CREDITS_EXHAUSTED);
        assertThat(circuit.snapshot().until()).isEqualTo(clock.now.plus(Duration.ofMinutes(5)));
    }

    @Test
    void failuresWithoutAClaidAnswerLeaveTheCountAlone() {
        circuit.acquire("edit").done(gateway);
        circuit.acquire("edit").done(new IllegalArgumentException("invalid request"));
        circuit.acquire("edit").done(new ConnectException("not a ClaidException"));
        assertThat(circuit.snapshot().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void aThresholdOfZeroNeverOpensOnOutages() {
        SubmissionCircuit never = new SubmissionCircuit("acc", "http://claid", Duration.ofMinutes(5), 0,
                Duration.ofSeconds(30), clock);
        for (int i = 0; i < 10; i++) {
            never.acquire("edit").done(gateway);
        }
        assertThat(never.snapshot().state()).isEqualTo(SubmissionCircuit.State.CLOSED);
        assertThat(never.describe()).isNull();
    }
    @Test
    void aSendRefusedByTheOpenCircuitMakesNoCallAndASendGoesOnOnlyAfterTheCircuitHeardItsOutcome() {
        java.util.concurrent.CompletableFuture<Object> answer = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<SubmissionCircuit.State> seenAfter = circuit
                .send(ApiOperation.EDIT_ASYNC, () -> answer)
                .handle((ignored, failure) -> circuit.snapshot().state());
        answer.completeExceptionally(payment);
        assertThat(seenAfter.join()).isEqualTo(SubmissionCircuit.State.OPEN);

        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(circuit.send(ApiOperation.EDIT_ASYNC, () -> {
            calls.incrementAndGet();
            return java.util.concurrent.CompletableFuture.completedFuture("sent");
        })).failsWithin(java.time.Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(ClaidCircuitOpenException.class).withMessageContaining("edit async");
        assertThat(calls).hasValue(0);
    }

    @Test
    void aSendThatThrowsBeforeItsCallStillGivesBackItsTrial() {
        circuit.acquire("edit").done(payment);
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThatThrownBy(() -> circuit.send(ApiOperation.EDIT, () -> {
            throw new IllegalArgumentException("no body");
        })).hasMessage("no body");
        // the trial did not answer the circuit's question, and is not out any longer: the next submission is the trial
        assertThat(circuit.acquire("edit").isTrial()).isTrue();
    }
}
