package io.github.camelclaid.examples.studio;

import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.component.ClaidConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The studio's HTTP API and Claid's two ways of telling that an async edit has ended. Every HTTP endpoint, Claid's
 * webhook included, is served by Spring Boot's web server through camel-platform-http-starter.
 */
@Component
public class PhotoRoutes extends RouteBuilder {

    /** The caller's reference of an async edit (query parameter {@code ref}), kept with the task at Claid's side. */
    static final String REFERENCE = "ref";
    /** Which route learnt that the task ended: {@code tasks} (polling) or {@code webhook}. */
    static final String REPORTED_BY = "StudioReportedBy";

    @Override
    public void configure() {
        // POST /photos/edit with an image URL as the body: the edited image, in the same answer. For edits that
        // take seconds; Claid's synchronous edit waits for the image.
        from("platform-http:/photos/edit?httpMethodRestrict=POST")
            .routeId("edit")
            .convertBodyTo(String.class)
            .to("claid:edit?operations={{studio.operations}}&output={{studio.output}}")
            // the body is the image's bytes, with Content-Type set by the component
            .removeHeaders("CamelClaid*");

        // POST /photos/jobs?ref=... with an image URL as the body: 202 and the task's id, at once. Claid works on
        // it meanwhile; one of the two routes below records the result.
        from("platform-http:/photos/jobs?httpMethodRestrict=POST")
            .routeId("submit")
            .convertBodyTo(String.class)
            .to("claid:editAsync?operations={{studio.operations}}&output={{studio.output}}"
                    + "&correlationHeaders=" + REFERENCE)
            .setBody(exchange -> String.valueOf(exchange.getMessage().getBody(TaskAccepted.class).id()))
            .removeHeaders("*")
            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
            .setHeader(Exchange.CONTENT_TYPE, constant("text/plain"));

        // GET /photos/jobs/{taskId}: the finished job as JSON, 404 while Claid works on it
        from("platform-http:/photos/jobs/{taskId}?httpMethodRestrict=GET")
            .routeId("job")
            .bean("finishedJobs", "find")
            .removeHeaders("*")
            .choice()
                .when(body().isNull())
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(404))
                .otherwise()
                    .marshal().json()
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
            .end();

        // Claid's webhook (POST /claid/webhook, signed with the secret of Claid's webhook settings): the usual way
        // to learn that a task ended, with no request to Claid.
        from("claid:webhook")
            .routeId("webhook")
            .setHeader(REPORTED_BY, constant("webhook"))
            .bean("finishedJobs", "finished");

        // Polling, for the tasks no notification came for within webhook-grace-period (a lost delivery, or no
        // webhook configured at Claid). A task is reported once, by one of the two.
        from("claid:tasks")
            .routeId("tasks")
            .setHeader(REPORTED_BY, constant("tasks"))
            .bean("finishedJobs", "finished");
    }
}
