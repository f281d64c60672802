package io.github.camelclaid.client;

import java.net.ConnectException;
import java.net.UnknownHostException;

import io.github.camelclaid.client.CappedResponseConsumer.BodyTooLargeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.RequestNotExecutedException;

/**
 * The one place that decides, for a failed call to Claid, whether it may be sent again, whether Claid may have acted
 * on it, and whether it is a passing failure. Claid has no idempotency key, so a POST that Claid acted on and that is
 * sent again is paid twice: a call that is not safe to repeat (a POST, a DELETE) is repeated only when Claid surely
 * did not act on it. The table in {@code docs/architecture.md} ("Retrying without paying twice") is this class.
 * <p>
 * The transport asks it before each retry, {@link ClaidException#isTransient()} and
 * {@link ClaidException#mayHaveActed()} are answered by it, and the component's circuit asks it which failures mean
 * that Claid did not answer.
 */
public final class RetryRules {

    /** The rows of the table: the failures the rules tell apart. */
    public enum Failure {
        /** 429: Claid refused before doing anything. */
        RATE_LIMITED(true, false, true),
        /** 502, 503, 504: a gateway answered for Claid, which may have taken the request behind it. */
        GATEWAY_ERROR(true, true, false),
        /** Connection refused, connect timeout, unknown host, request not sent: nothing reached Claid. */
        NOT_SENT(true, false, false),
        /** Dropped connection, response timeout: the request went out and its answer was lost. */
        ANSWER_LOST(true, true, false),
        /** A 2xx whose body could not be read: Claid acted, and what it said is lost. */
        UNREADABLE_ANSWER(true, true, true),
        /** An answer larger than the caller allowed: it would be as large again. */
        TOO_LARGE(false, true, true),
        /** Any other error status (400, 401, 402, 403, 404, 422, 500...): Claid's answer stands. */
        REFUSED(false, false, true);

        private final boolean passing;
        private final boolean mayHaveActed;
        private final boolean claidAnswered;

        Failure(boolean passing, boolean mayHaveActed, boolean claidAnswered) {
            this.passing = passing;
            this.mayHaveActed = mayHaveActed;
            this.claidAnswered = claidAnswered;
        }

        /** Whether sending the same call again may succeed. */
        public boolean isPassing() {
            return passing;
        }

        /** Whether Claid may have acted on the request: for a paid submission, a task may exist. */
        public boolean mayHaveActed() {
            return mayHaveActed;
        }

        /** Whether Claid itself answered, rather than a gateway, or nothing at all. */
        public boolean claidAnswered() {
            return claidAnswered;
        }

        /**
         * Whether a call that failed so may be sent again: a call that is safe to repeat after any passing failure,
         * any other only when Claid surely did not act on it.
         *
         * @param idempotent what {@link RetryRules#isIdempotent(ApiOperation)} says of the call
         */
        public boolean mayRepeat(boolean idempotent) {
            return passing && (idempotent || !mayHaveActed);
        }
    }

    private RetryRules() {
    }

    /**
     * Whether an operation may be sent again after it may have reached Claid: GETs, and PATCH, which sets the same
     * values again. A POST or DELETE may not: a repeated POST is paid twice.
     */
    public static boolean isIdempotent(ApiOperation op) {
        return isIdempotent(op.method());
    }

    /** The same by HTTP method, for calls outside the operation table (downloads are GETs). */
    public static boolean isIdempotent(String method) {
        return "GET".equals(method) || "PATCH".equals(method);
    }

    /** The row of an error status of an answer. */
    public static Failure ofStatus(int status) {
        switch (status) {
            case 429:
                return Failure.RATE_LIMITED;
            case 502:
            case 503:
            case 504:
                return Failure.GATEWAY_ERROR;
            default:
                return Failure.REFUSED;
        }
    }

    /** The row of a call whose answer did not arrive whole, by what the HTTP client reported. */
    public static Failure ofTransportFailure(Throwable cause) {
        if (cause instanceof BodyTooLargeException) {
            return Failure.TOO_LARGE;
        }
        return cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException || cause instanceof RequestNotExecutedException
                ? Failure.NOT_SENT : Failure.ANSWER_LOST;
    }

    /**
     * The row of a failed call; null for failures outside the table (a task that failed or was not waited for to the
     * end, a request refused before sending).
     */
    public static Failure of(ClaidException e) {
        return of(e.getReason(), e.getStatusCode(), e.getCause());
    }

    /** The same, from what a {@link ClaidException} is made of, for deciding its class before it exists. */
    static Failure of(ClaidException.Reason reason, int status, Throwable cause) {
        switch (reason) {
            case HTTP_ERROR:
                return ofStatus(status);
            case NETWORK:
                return ofTransportFailure(cause);
            case INVALID_RESPONSE:
                return cause instanceof BodyTooLargeException ? Failure.TOO_LARGE : Failure.UNREADABLE_ANSWER;
            default:
                return null;
        }
    }

    /**
     * Whether repeating the same call later may succeed: {@link ClaidException#isTransient()}. A task still running
     * at the end of a wait is; an answer that could not be read is not, although the client repeats it at once
     * where that is safe: one that stays unreadable through those attempts is not something waiting mends.
     */
    public static boolean isTransient(ClaidException e) {
        switch (e.getReason()) {
            case TASK_TIMEOUT:
                return true;
            case HTTP_ERROR:
            case NETWORK:
                return of(e).isPassing();
            default:
                return false;
        }
    }

    /** Whether Claid may have acted on the failed call: {@link ClaidException#mayHaveActed()}. */
    public static boolean mayHaveActed(ClaidException e) {
        Failure failure = of(e);
        return failure != null && failure.mayHaveActed();
    }
}
