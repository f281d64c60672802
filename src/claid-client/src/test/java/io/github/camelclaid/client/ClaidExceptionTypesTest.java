package io.github.camelclaid.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each failure a route acts on has its own class, so that {@code onException} can pick it by class. */
class ClaidExceptionTypesTest {

    private static ClaidException answered(int status) {
        ErrorBody body = new ErrorBody(null, null, "refused", JsonNodeFactory.instance.objectNode());
        return ClaidException.http("edit", status, body, "req-1", null);
    }

    @ParameterizedTest
    @CsvSource({
        "401, ClaidAccessDeniedException",
        "403, ClaidAccessDeniedException",
        "402, ClaidCreditsExhaustedException",
        "422, ClaidRequestRejectedException",
        "429, ClaidRateLimitException",
        "502, ClaidOutcomeUnknownException",
        "503, ClaidOutcomeUnknownException",
        "504, ClaidOutcomeUnknownException",
        "400, ClaidException",
        "404, ClaidException",
        "500, ClaidException"
    })
    void eachStatusHasItsClass(int status, String className) {
        ClaidException e = answered(status);
        assertThat(e.getClass().getSimpleName()).isEqualTo(className);
        assertThat(e.getReason()).isEqualTo(ClaidException.Reason.HTTP_ERROR);
        assertThat(e.getStatusCode()).isEqualTo(status);
    }

    @Test
    void anAnswerLostAfterSendingMayHaveBeenActedOn() {
        ClaidException lost = ClaidException.network("edit", new SocketTimeoutException("read timed out"));
        assertThat(lost).isInstanceOf(ClaidOutcomeUnknownException.class);
        assertThat(lost.mayHaveActed()).isTrue();
    }

    @Test
    void aRequestThatNeverLeftIsNotOfUnknownOutcome() {
        ClaidException refused = ClaidException.network("edit", new ConnectException("refused"));
        assertThat(refused).isNotInstanceOf(ClaidOutcomeUnknownException.class);
        assertThat(refused.mayHaveActed()).isFalse();
    }

    @Test
    void anUnreadableAnswerMayHaveBeenActedOn() {
        ClaidException garbled = ClaidException.invalidResponse("edit", 200, "not JSON", "req-2", new IOException());
        assertThat(garbled).isInstanceOf(ClaidOutcomeUnknownException.class);
    }

    @Test
    void theClassDecidesExactlyWhenMayHaveActedHolds() {
        for (int status : new int[] {400, 401, 402, 403, 404, 422, 429, 500, 502, 503, 504}) {
            ClaidException e = answered(status);
            assertThat(e instanceof ClaidOutcomeUnknownException).as("%d", status).isEqualTo(e.mayHaveActed());
        }
    }

    @Test
    void aRequestBreakingTheSchemaIsAClaidExceptionWithItsMessageKept() {
        ClaidRequestInvalidException e = new ClaidRequestInvalidException("edit", "EditRequest",
                List.of(new SchemaViolation("input", "is required")));
        assertThat(e).isInstanceOf(ClaidException.class);
        assertThat(e.getReason()).isEqualTo(ClaidException.Reason.REQUEST_INVALID);
        assertThat(e.getMessage()).isEqualTo("Invalid Claid edit request (EditRequest): " + e.getViolations().get(0)
                + ". Fix these fields; nothing was sent to Claid.");
        assertThat(e.isTransient()).isFalse();
        assertThat(e.mayHaveActed()).isFalse();
    }
}
