package io.github.camelclaid.client;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelclaid.client.model.TaskError;
import io.github.camelclaid.client.model.TaskStatus;

/**
 * Every failure of a call to Claid that got past validation: an error answer, no answer, an answer we could not read,
 * or an async task that ended badly or not in time. It carries what support and error handlers need (HTTP status,
 * Claid's error code/type/message/details, the {@code x-request-id}, and for tasks the id, so a timed-out task is not
 * lost). The API key never appears in it.
 */
public class ClaidException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for error handlers that route on it. */
    public enum Reason {
        /** Claid answered with a non-2xx status. */
        HTTP_ERROR,
        /** No answer: connection refused or dropped, timeout. */
        NETWORK,
        /** An answer arrived but could not be read (malformed JSON, unexpected shape, too large). */
        INVALID_RESPONSE,
        /** The task ended in ERROR, CANCELLED or PAUSED. */
        TASK_FAILED,
        /** The task was still running when the wait's deadline passed; it may still finish. */
        TASK_TIMEOUT,
        /**
         * Not sent: a circuit in front of paid submissions is open, because Claid said the account has no API calls
         * left (402) or because Claid kept failing. No HTTP call was made.
         */
        CIRCUIT_OPEN,
        /** Not sent: the request breaks Claid's schema ({@link ClaidRequestInvalidException}). */
        REQUEST_INVALID
    }

    private final Reason reason;
    private final int statusCode;
    private final String errorCode;
    private final String errorType;
    private final String errorMessage;
    private final JsonNode errorDetails;
    private final String requestId;
    private final RateLimitInfo rateLimit;
    private final Long taskId;
    private final TaskStatus taskStatus;
    private final String resultUrl;
    private final List<TaskError> taskErrors;

    ClaidException(Builder b, Throwable cause) {
        super(b.message(), cause);
        this.reason = b.reason;
        this.statusCode = b.statusCode;
        this.errorCode = b.errorCode;
        this.errorType = b.errorType;
        this.errorMessage = b.errorMessage;
        this.errorDetails = b.errorDetails;
        this.requestId = b.requestId;
        this.rateLimit = b.rateLimit;
        this.taskId = b.taskId;
        this.taskStatus = b.taskStatus;
        this.resultUrl = b.resultUrl;
        this.taskErrors = b.taskErrors == null ? List.of() : List.copyOf(b.taskErrors);
    }

    /**
     * For failures raised on this side without an answer from Claid, such as a call refused by a circuit breaker:
     * the message reads {@code Claid <what> failed: <errorMessage>}.
     */
    protected ClaidException(Reason reason, String what, String errorMessage, Throwable cause) {
        this(local(reason, what, errorMessage), cause);
    }

    private static Builder local(Reason reason, String what, String errorMessage) {
        Builder b = new Builder(reason, what);
        b.errorMessage = errorMessage;
        return b;
    }

    /** A non-2xx answer, with Claid's error body already parsed by {@link ErrorBody}. */
    static ClaidException http(String what, int status, ErrorBody body, String requestId, RateLimitInfo rateLimit) {
        Builder b = new Builder(Reason.HTTP_ERROR, what);
        b.statusCode = status;
        b.errorCode = body.errorCode();
        b.errorType = body.errorType();
        b.errorMessage = body.errorMessage();
        b.errorDetails = body.errorDetails();
        b.requestId = requestId;
        b.rateLimit = rateLimit;
        return typed(b, null);
    }

    /**
     * Not sent: another call of the account was answered 429, and the wait it imposed passes this call's
     * {@code maxRateLimitWait}. Typed as the 429 it would have got, so that a route handles both alike.
     */
    static ClaidException heldPastRateLimitWait(String what, long waitMillis, long maxRateLimitWaitMillis) {
        Builder b = new Builder(Reason.HTTP_ERROR, what);
        b.statusCode = 429;
        b.errorMessage = "not sent: the account was answered 429 (rate limit) and may ask again in " + waitMillis
                + " ms, more than maxRateLimitWait (" + maxRateLimitWaitMillis + " ms) allows this call to wait."
                + " Send it again later, or raise maxRateLimitWait.";
        return typed(b, null);
    }

    static ClaidException network(String what, Throwable cause) {
        Builder b = new Builder(Reason.NETWORK, what);
        b.errorMessage = describe(cause);
        return typed(b, cause);
    }

    /**
     * No answer from the server, after every attempt the call was allowed: the message says how many and where to, so
     * that a wrong address is told from a passing fault.
     *
     * @param origin scheme, host and port the calls went to (never a path or query: no secret is in it)
     */
    static ClaidException unanswered(String what, int attempts, String origin, Throwable cause) {
        Builder b = new Builder(Reason.NETWORK, what);
        b.errorMessage = describe(cause) + ", after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " to "
                + origin + ". Check the baseUrl option (CLAID_BASE_URL in the demo) and that the address is reachable"
                + " from here.";
        return typed(b, cause);
    }

    static ClaidException invalidResponse(String what, int status, String problem, String requestId, Throwable cause) {
        Builder b = new Builder(Reason.INVALID_RESPONSE, what);
        b.statusCode = status;
        b.errorMessage = problem;
        b.requestId = requestId;
        return typed(b, cause);
    }

    /** The class a route's {@code onException} picks this failure by; the plain class for the others. */
    private static ClaidException typed(Builder b, Throwable cause) {
        RetryRules.Failure failure = RetryRules.of(b.reason, b.statusCode, cause);
        if (failure != null && failure.mayHaveActed()) {
            return new ClaidOutcomeUnknownException(b, cause);
        }
        if (b.reason != Reason.HTTP_ERROR) {
            return new ClaidException(b, cause);
        }
        switch (b.statusCode) {
            case 401:
            case 403:
                return new ClaidAccessDeniedException(b, cause);
            case 402:
                return new ClaidCreditsExhaustedException(b, cause);
            case 422:
                return new ClaidRequestRejectedException(b, cause);
            case 429:
                return new ClaidRateLimitException(b, cause);
            default:
                return new ClaidException(b, cause);
        }
    }

    /** A task that ended in ERROR, CANCELLED or PAUSED, with Claid's errors[]. */
    public static ClaidException taskFailed(String what, long taskId, TaskStatus status, String resultUrl,
            List<TaskError> errors) {
        Builder b = new Builder(Reason.TASK_FAILED, what);
        b.taskId = taskId;
        b.taskStatus = status;
        b.resultUrl = resultUrl;
        b.taskErrors = errors;
        b.errorMessage = errors == null || errors.isEmpty()
                ? "task ended " + status
                : "task ended " + status + ": " + errors.stream().map(TaskError::error).collect(Collectors.joining("; "));
        return new ClaidException(b, null);
    }

    /** The wait for a task ran out; the task is still known by id and result URL, and may yet finish. */
    public static ClaidException taskTimeout(String what, long taskId, TaskStatus lastStatus, String resultUrl,
            long waitedMillis) {
        return stoppedWaiting(what, taskId, lastStatus, resultUrl, "after waiting " + waitedMillis + " ms");
    }

    /**
     * The wait for a task ended before the task did (deadline, shutdown). The task is not cancelled at Claid: the
     * message says where to ask for it again.
     */
    public static ClaidException stoppedWaiting(String what, long taskId, TaskStatus lastStatus, String resultUrl,
            String why) {
        Builder b = new Builder(Reason.TASK_TIMEOUT, what);
        b.taskId = taskId;
        b.taskStatus = lastStatus;
        b.resultUrl = resultUrl;
        b.errorMessage = "task " + taskId + " still " + lastStatus + " " + why
                + "; it was not cancelled and may still finish: ask for it again with getTask at " + resultUrl;
        return new ClaidException(b, null);
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "no answer";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    public Reason getReason() {
        return reason;
    }

    /** HTTP status of Claid's answer; 0 when there was none. */
    public int getStatusCode() {
        return statusCode;
    }

    /** Claid's {@code error_code}, e.g. {@code 9000} for validation; null when the answer had none. */
    public String getErrorCode() {
        return errorCode;
    }

    /** Claid's {@code error_type}, e.g. {@code validation}, {@code auth}, {@code billing}. */
    public String getErrorType() {
        return errorType;
    }

    /** Claid's {@code error_message}, or our description of the failure. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** Claid's {@code error_details}: for validation errors, field paths to messages. Never null (may be empty). */
    public JsonNode getErrorDetails() {
        return errorDetails;
    }

    /** The answer's {@code x-request-id}, to quote to Claid's support. */
    public String getRequestId() {
        return requestId;
    }

    public RateLimitInfo getRateLimit() {
        return rateLimit;
    }

    public Long getTaskId() {
        return taskId;
    }

    public TaskStatus getTaskStatus() {
        return taskStatus;
    }

    public String getResultUrl() {
        return resultUrl;
    }

    public List<TaskError> getTaskErrors() {
        return taskErrors;
    }

    /**
     * Whether repeating the same call later may succeed: rate limits, gateway errors, network failures and timeouts.
     * Authentication, billing, permission and validation errors are not. {@link RetryRules} decides.
     */
    public boolean isTransient() {
        return RetryRules.isTransient(this);
    }

    /**
     * Whether Claid may have acted on the request although no usable answer came back: the connection was lost after
     * the request went out, a gateway answered 502/503/504 (Claid behind it may have taken the request), or the
     * answer could not be read. For a paid submission this means a task may exist, and sending again could pay twice.
     */
    public boolean mayHaveActed() {
        return RetryRules.mayHaveActed(this);
    }

    static final class Builder {
        private final Reason reason;
        private final String what;
        /** The whole message, for failures whose message is not {@code Claid <what> failed: ...}. */
        private String message;
        private int statusCode;
        private String errorCode;
        private String errorType;
        private String errorMessage;
        private JsonNode errorDetails;
        private String requestId;
        private RateLimitInfo rateLimit;
        private Long taskId;
        private TaskStatus taskStatus;
        private String resultUrl;
        private List<TaskError> taskErrors;

        Builder(Reason reason, String what) {
            this.reason = reason;
            this.what = what;
        }

        static Builder withMessage(Reason reason, String message, String errorMessage) {
            Builder b = new Builder(reason, null);
            b.message = message;
            b.errorMessage = errorMessage;
            return b;
        }

        String message() {
            if (message != null) {
                return message;
            }
            StringBuilder sb = new StringBuilder("Claid ").append(what).append(" failed: ");
            if (statusCode > 0) {
                sb.append("HTTP ").append(statusCode);
                if (errorType != null || errorCode != null) {
                    sb.append(" (");
                    if (errorType != null) {
                        sb.append(errorType);
                    }
                    if (errorCode != null) {
                        sb.append(errorType != null ? ", " : "").append("error_code ").append(errorCode);
                    }
                    sb.append(')');
                }
                sb.append(": ");
            }
            sb.append(errorMessage == null ? "no error message" : errorMessage);
            if (errorDetails != null && errorDetails.size() > 0) {
                sb.append(" Details: ").append(errorDetails);
            }
            sb.append(hint());
            if (requestId != null) {
                sb.append(" [x-request-id ").append(requestId).append(']');
            }
            return sb.toString();
        }

        /** What a person can do about it, for the statuses where the fix is always the same. */
        private String hint() {
            if (reason != Reason.HTTP_ERROR) {
                return "";
            }
            switch (statusCode) {
                case 401:
                    return " Check the apiKey option: Claid did not accept the key.";
                case 402:
                    return " The Claid account has no API calls left: add credits before sending more.";
                case 403:
                    return " The API key lacks the permission scope for this operation: edit the key's scopes in Claid.";
                case 429:
                    return " Rate limit reached" + (rateLimit != null && rateLimit.resetSeconds() != null
                            ? "; the window resets in " + rateLimit.resetSeconds() + " s." : ".");
                default:
                    return "";
            }
        }
    }
}
