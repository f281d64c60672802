package io.github.camelclaid.quarkus.deployment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.component.ClaidConstants;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An async edit submitted, then reported by a {@code claid:tasks} route of the application once Claid finished it:
 * the ledger, the poller and the typed answer working in a Quarkus application.
 */
class ClaidTasksTest {

    @RegisterExtension
    static final QuarkusUnitTest QUARKUS = LocalClaid.quarkusUnitTest(TaskRoutes.class, TaskReports.class);

    @Inject
    ProducerTemplate template;

    @Inject
    TaskReports reports;

    @Test
    void anAsyncEditIsReportedDoneByTheTasksRoute() {
        Exchange submitted = template.request("claid:editAsync?operations=RAW({})&correlationHeaders=OrderId", e -> {
            e.getMessage().setBody("https://images.example.com/lamp.jpg");
            e.getMessage().setHeader("OrderId", "order-7");
        });
        assertThat(submitted.getException()).isNull();
        long id = submitted.getMessage().getBody(TaskAccepted.class).id();

        await().atMost(Duration.ofSeconds(20)).until(() -> reports.of(id).size() == 1);
        Message report = reports.of(id).get(0);
        assertThat(report.getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("DONE");
        assertThat(report.getHeader("OrderId")).as("the correlation header comes back").isEqualTo("order-7");
        assertThat(report.getBody(TaskResult.class).outputs()).hasSize(1);
    }

    /** What the tasks route reported. */
    @ApplicationScoped
    public static class TaskReports {

        private final List<Message> seen = new CopyOnWriteArrayList<>();

        void add(Exchange exchange) {
            seen.add(exchange.getMessage().copy());
        }

        List<Message> of(long taskId) {
            return seen.stream().filter(m -> m.getHeader(ClaidConstants.TASK_ID, Long.class) == taskId).toList();
        }
    }

    /** A route as an application writes it: found by Camel Quarkus as a bean. */
    @ApplicationScoped
    public static class TaskRoutes extends RouteBuilder {

        @Inject
        TaskReports reports;

        @Override
        public void configure() {
            from("claid:tasks?delay=20").routeId("claid-tasks").process(reports::add);
        }
    }
}
