package io.github.camelclaid.examples.quarkus;

import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.component.ClaidConstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

/**
 * Product photos edited by Claid, behind a small HTTP API on Quarkus' server:
 * <ul>
 * <li>{@code POST /photos/edit} with an image URL: the edited image, at once (a sync edit);</li>
 * <li>{@code POST /photos/edit-async} with an image URL and a {@code ProductSku} header: Claid's task id, at once;
 * Claid works on it and the task is reported by Claid's webhook, or by polling when no notification came;</li>
 * <li>{@code GET /photos/tasks/{id}}: what became of that task, 404 while Claid is still at it.</li>
 * </ul>
 * The Claid settings (API key, address, webhook secret) are in application.properties.
 */
@ApplicationScoped
public class PhotoRoutes extends RouteBuilder {

    /** The product a photo belongs to: kept with its task, and back on the exchange that reports it. */
    static final String SKU_HEADER = "ProductSku";

    /** A white square 1200x1200 PNG with the background removed, Claid's usual product photo. */
    static final String OPERATIONS = "operations=RAW({\"resizing\":{\"width\":1200,\"height\":1200,\"fit\":\"canvas\"},"
            + "\"background\":{\"remove\":true,\"color\":\"#ffffff\"}})&output=RAW({\"format\":\"png\"})";

    @Inject
    FinishedPhotos finished;

    @Override
    public void configure() {
        from("platform-http:/photos/edit?httpMethodRestrict=POST").routeId("edit-now")
                .convertBodyTo(String.class)
                // the body is the edited image, Content-Type is Claid's (image/png); Camel* headers stay inside
                .to("claid:edit?" + OPERATIONS);

        from("platform-http:/photos/edit-async?httpMethodRestrict=POST").routeId("edit-later")
                .convertBodyTo(String.class)
                .to("claid:editAsync?" + OPERATIONS + "&correlationHeaders=" + SKU_HEADER)
                .process(PhotoRoutes::answerTaskId);

        // Claid's notification of a finished task, signed with the webhook secret, on Quarkus' HTTP server
        from("claid:webhook?webhookPath=/claid/webhook&downloadOutput=true").routeId("claid-webhook")
                .process(e -> finished.record(e.getMessage(), "claid:webhook"));

        // the fallback: tasks whose notification did not come within webhookGracePeriod are polled
        from("claid:tasks?downloadOutput=true").routeId("claid-tasks")
                .process(e -> finished.record(e.getMessage(), "claid:tasks"));

        from("platform-http:/photos/tasks/{id}?httpMethodRestrict=GET").routeId("task-report")
                .process(this::answerTaskReport);
    }

    static void answerTaskId(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain");
        message.setBody(String.valueOf(message.getBody(TaskAccepted.class).id()));
    }

    void answerTaskReport(Exchange exchange) {
        Message message = exchange.getMessage();
        long task = message.getHeader("id", Long.class);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain");
        finished.of(task).ifPresentOrElse(f -> message.setBody(f.describe()), () -> {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            message.setBody("task " + task + " not finished yet");
        });
        message.removeHeaders(ClaidConstants.TASK_ID);
    }
}
