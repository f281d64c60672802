package io.github.camelclaid.pipeline;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.component.ClaidConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns an image Claid could not process into a JSON report for the {@code failed/} prefix of the output bucket, so
 * that a failure is a file someone can find and act on rather than a log line. The report says which image, what
 * happened (HTTP status, Claid's error code, type, message and details, or the task's status and errors), and the ids
 * Claid's support asks for (request id, task id, result URL).
 *
 * <p>
 * Works on both paths: a synchronous call that failed (the exception is {@link Exchange#EXCEPTION_CAUGHT}, as in an
 * {@code onException} block), and a task a consumer reported as ERROR, CANCELLED or PAUSED (the task headers). Sets the
 * body to the report and {@code CamelAwsS3Key} to {@link #setPrefix prefix} + the image's key + {@code .json}.
 */
public class FailureReport implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String prefix = "failed/";

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        ObjectNode report = JSON.createObjectNode();
        String sourceKey = message.getHeader(PipelineHeaders.SOURCE_KEY, String.class);
        ObjectNode source = report.putObject("source");
        source.put("bucket", message.getHeader(PipelineHeaders.SOURCE_BUCKET, String.class));
        source.put("key", sourceKey);
        source.put("etag", message.getHeader(PipelineHeaders.SOURCE_ETAG, String.class));
        report.put("failedAt", Instant.now().toString());
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        ClaidException claid = claidException(failure);
        if (claid != null) {
            describe(report, claid);
        } else if (failure != null) {
            report.put("reason", "ERROR");
            report.put("message", failure.getMessage());
        } else {
            describeTask(report, message);
        }
        message.setBody(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        message.removeHeaders(ResultObject.S3_HEADERS);
        message.setHeader(ResultObject.S3_KEY, prefix + (sourceKey == null ? "unknown" : sourceKey) + ".json");
        message.setHeader(ResultObject.S3_CONTENT_TYPE, "application/json");
    }

    private static void describe(ObjectNode report, ClaidException e) {
        report.put("reason", e.getReason().name());
        if (e.getStatusCode() > 0) {
            report.put("httpStatus", e.getStatusCode());
        }
        ObjectNode error = report.putObject("claidError");
        error.put("code", e.getErrorCode());
        error.put("type", e.getErrorType());
        error.put("message", e.getErrorMessage());
        if (e.getErrorDetails() != null) {
            error.set("details", e.getErrorDetails());
        }
        if (e.getTaskStatus() != null) {
            report.put("taskStatus", e.getTaskStatus().name());
        }
        e.getTaskErrors().forEach(t -> report.withArray("taskErrors").add(t.error()));
        report.put("requestId", e.getRequestId());
        if (e.getTaskId() != null) {
            report.put("taskId", e.getTaskId());
        }
        report.put("resultUrl", e.getResultUrl());
        report.put("message", e.getMessage());
    }

    private static void describeTask(ObjectNode report, Message message) {
        String status = message.getHeader(ClaidConstants.TASK_STATUS, String.class);
        // UNCONFIRMED: the submission's answer was lost and Claid named no task for it; it may have processed it
        report.put("reason",
                ClaidConstants.TaskStatuses.UNCONFIRMED.equals(status) ? status : "TASK_FAILED");
        report.put("taskStatus", status);
        List<?> errors = message.getHeader(ClaidConstants.TASK_ERRORS, List.class);
        if (errors != null) {
            errors.forEach(t -> report.withArray("taskErrors").add(String.valueOf(t)));
        }
        report.put("taskId", message.getHeader(ClaidConstants.TASK_ID, Long.class));
        report.put("resultUrl", message.getHeader(ClaidConstants.RESULT_URL, String.class));
        report.put("requestId", message.getHeader(ClaidConstants.REQUEST_ID, String.class));
    }

    private static ClaidException claidException(Throwable t) {
        while (t != null) {
            if (t instanceof ClaidException) {
                return (ClaidException) t;
            }
            t = t.getCause();
        }
        return null;
    }

    public String getPrefix() {
        return prefix;
    }

    /** Where reports go in the output bucket; {@code failed/} by default. */
    public void setPrefix(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }
}
