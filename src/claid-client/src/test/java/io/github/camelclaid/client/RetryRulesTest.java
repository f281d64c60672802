package io.github.camelclaid.client;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;

import io.github.camelclaid.client.CappedResponseConsumer.BodyTooLargeException;
import io.github.camelclaid.client.RetryRules.Failure;
import io.github.camelclaid.client.model.TaskStatus;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void nothingReachedClaid() {
        for (Throwable notSent : List.of(new ConnectException("refused"), new ConnectTimeoutException("slow"),
                new UnknownHostException("api.claid.invalid"), new RequestNotExecutedException("not executed"))) {
            assertThat(RetryRules.ofTransportFailure(notSent)).as("%s", notSent).isEqualTo(Failure.NOT_SENT);
            ClaidException e = ClaidException.network("edit", notSent);
            assertThat(e.mayHaveActed()).as("%s", notSent).isFalse();
            assertThat(e.isTransient()).as("%s", notSent).isTrue();
        }
        assertThat(Failure.NOT_SENT.mayRepeat(true)).isTrue();
        assertThat(Failure.NOT_SENT.mayRepeat(false)).isTrue();
    }

    @Test
    void theAnswerWasLostAfterSending() {
        for (Throwable lost : List.of(new ConnectionClosedException("dropped"), new SocketTimeoutException("read"),
                new IllegalStateException("the Claid client was closed before Claid answered"))) {
            assertThat(RetryRules.ofTransportFailure(lost)).as("%s", lost).isEqualTo(Failure.ANSWER_LOST);
            ClaidException e = ClaidException.network("edit", lost);
            assertThat(e.mayHaveActed()).as("%s", lost).isTrue();
            assertThat(e.isTransient()).as("%s", lost).isTrue();
        }
        assertThat(Failure.ANSWER_LOST.mayRepeat(true)).isTrue();
        assertThat(Failure.ANSWER_LOST.mayRepeat(false)).isFalse();
    }

    @Test
    void anUnreadableSuccessIsRepeatedOnlyWhereThatIsSafe() {
        ClaidException e = ClaidException.invalidResponse("edit", 200, "the answer is not valid JSON", "r-1", null);
        assertThat(RetryRules.of(e)).isEqualTo(Failure.UNREADABLE_ANSWER);
        assertThat(Failure.UNREADABLE_ANSWER.mayRepeat(true)).isTrue();
        assertThat(Failure.UNREADABLE_ANSWER.mayRepeat(false)).isFalse();
        assertThat(e.mayHaveActed()).isTrue();
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void anAnswerLargerThanAllowedIsNeverRepeated() {
        BodyTooLargeException tooLarge = new BodyTooLargeException(100);
        assertThat(RetryRules.ofTransportFailure(tooLarge)).isEqualTo(Failure.TOO_LARGE);
        ClaidException e = ClaidException.invalidResponse("download", 0, tooLarge.getMessage(), null, tooLarge);
        assertThat(RetryRules.of(e)).isEqualTo(Failure.TOO_LARGE);
        assertThat(Failure.TOO_LARGE.mayRepeat(true)).isFalse();
        assertThat(Failure.TOO_LARGE.mayRepeat(false)).isFalse();
        assertThat(e.mayHaveActed()).isTrue();
        assertThat(e.isTransient()).isFalse();
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
