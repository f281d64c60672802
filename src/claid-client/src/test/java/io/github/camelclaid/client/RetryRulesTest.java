package io.github.camelclaid.client;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelclaid.client.CappedResponseConsumer.BodyTooLargeException;
import io.github.camelclaid.client.RetryRules.Failure;
import io.github.camelclaid.client.model.TaskStatus;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The table of docs/architecture.md ("Retrying without paying twice"), row by row. */
class RetryRulesTest {

    @ParameterizedTest
    @EnumSource(ApiOperation.class)
    void getAndPatchMayBeRepeatedPostAndDeleteMayNot(ApiOperation op) {
        assertThat(RetryRules.isIdempotent(op)).as("%s %s", op, op.method())
                .isEqualTo(op.method().equals("GET") || op.method().equals("PATCH"));
    }

    @ParameterizedTest
    @CsvSource({
        // status, row, GET/PATCH repeated, POST/DELETE repeated, may have acted
        "429, RATE_LIMITED, true, true, false",
        "502, GATEWAY_ERROR, true, false, true",
        "503, GATEWAY_ERROR, true, false, true",
        "504, GATEWAY_ERROR, true, false, true",
        "400, REFUSED, false, false, false",
        "401, REFUSED, false, false, false",
        "402, REFUSED, false, false, false",
        "403, REFUSED, false, false, false",
        "404, REFUSED, false, false, false",
        "409, REFUSED, false, false, false",
        "422, REFUSED, false, false, false",
        "500, REFUSED, false, false, false"
    })
    void anErrorStatus(int status, Failure row, boolean idempotentRepeated, boolean otherRepeated,
            boolean mayHaveActed) {
        assertThat(RetryRules.ofStatus(status)).isEqualTo(row);
        assertThat(row.mayRepeat(true)).as("GET, PATCH").isEqualTo(idempotentRepeated);
        assertThat(row.mayRepeat(false)).as("POST, DELETE").isEqualTo(otherRepeated);
        ClaidException e = ClaidException.http("edit", status, ErrorBody.parse(null, new byte[0]), null, null);
        assertThat(e.mayHaveActed()).isEqualTo(mayHaveActed);
        assertThat(e.isTransient()).isEqualTo(idempotentRepeated);
    }

    static Stream<Arguments> transportFailures() {
        return Stream.of(
                arguments(new ConnectException("refused"), Failure.NOT_SENT),
                arguments(new ConnectTimeoutException("slow"), Failure.NOT_SENT),
                arguments(new UnknownHostException("api.claid.invalid"), Failure.NOT_SENT),
                arguments(new RequestNotExecutedException("not executed"), Failure.NOT_SENT),
                arguments(new ConnectionClosedException("dropped"), Failure.ANSWER_LOST),
                arguments(new SocketTimeoutException("read"), Failure.ANSWER_LOST),
                arguments(new IllegalStateException("the Claid client was closed before Claid answered"),
                        Failure.ANSWER_LOST));
    }

    /** Nothing reached Claid, or the request went out and its answer was lost. */
    @ParameterizedTest
    @MethodSource
    void transportFailures(Throwable cause, Failure row) {
        assertThat(RetryRules.ofTransportFailure(cause)).isEqualTo(row);
        ClaidException e = ClaidException.network("edit", cause);
        assertThat(e.mayHaveActed()).isEqualTo(row == Failure.ANSWER_LOST);
        assertThat(e.isTransient()).isTrue();
        assertThat(row.mayRepeat(true)).as("GET, PATCH").isTrue();
        assertThat(row.mayRepeat(false)).as("POST, DELETE").isEqualTo(row == Failure.NOT_SENT);
    }

    static Stream<Arguments> unreadableAnswers() {
        BodyTooLargeException tooLarge = new BodyTooLargeException(AnswerLimits.inMemory(100));
        return Stream.of(
                arguments(ClaidException.invalidResponse("edit", 200, "the answer is not valid JSON", "r-1", null),
                        Failure.UNREADABLE_ANSWER, true),
                arguments(ClaidException.invalidResponse("download", 0, tooLarge.getMessage(), null, tooLarge),
                        Failure.TOO_LARGE, false));
    }

    /** Claid acted and its answer cannot be used: repeated only where that is safe, and never if too large. */
    @ParameterizedTest
    @MethodSource
    void unreadableAnswers(ClaidException e, Failure row, boolean repeatedForGet) {
        assertThat(RetryRules.of(e)).isEqualTo(row);
        assertThat(row.mayRepeat(true)).as("GET, PATCH").isEqualTo(repeatedForGet);
        assertThat(row.mayRepeat(false)).as("POST, DELETE").isFalse();
        assertThat(e.mayHaveActed()).isTrue();
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void theTransportReportsAnAnswerLargerThanAllowedAsItsOwnRow() {
        assertThat(RetryRules.ofTransportFailure(new BodyTooLargeException(AnswerLimits.inMemory(100)))).isEqualTo(Failure.TOO_LARGE);
    }

    @Test
    void onlyGatewaysAndSilenceMeanClaidDidNotAnswer() {
        assertThat(List.of(Failure.values())).filteredOn(f -> !f.claidAnswered())
                .containsExactlyInAnyOrder(Failure.GATEWAY_ERROR, Failure.NOT_SENT, Failure.ANSWER_LOST);
    }

    @Test
    void failuresOutsideTheTableAreNeitherRepeatedNorActedOn() {
        ClaidException failed = ClaidException.taskFailed("task 1", 1, TaskStatus.ERROR, "u", List.of());
        assertThat(RetryRules.of(failed)).isNull();
        assertThat(failed.isTransient()).isFalse();
        assertThat(failed.mayHaveActed()).isFalse();
        ClaidException timedOut = ClaidException.taskTimeout("task 1", 1, TaskStatus.PROCESSING, "u", 10);
        assertThat(timedOut.isTransient()).as("the task may still finish").isTrue();
        assertThat(timedOut.mayHaveActed()).isFalse();
    }
}
