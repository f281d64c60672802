package io.github.camelclaid.component.springboot;

import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.component.ClaidComponent;
import io.github.camelclaid.component.ClaidConfiguration;
import io.github.camelclaid.component.ClaidConstants;
import io.github.camelclaid.ledger.InMemoryTaskLedger;
import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application whose claid component is configured by application properties only, against a local
 * Claid server on 127.0.0.1: a synchronous edit, an async edit reported by a claid:tasks route, and the component's
 * health check on Actuator's health endpoint.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ClaidStarterIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camel.component.claid.api-key=" + ClaidStarterIT.API_KEY,
            "camel.component.claid.task-poll-interval=20ms",
            "camel.component.claid.task-poll-max-interval=100",
            "camel.component.claid.retry-initial-delay=10ms",
            // a bean of the application, by name (ClaidComponentConverter)
            "camel.component.claid.task-ledger=#bean:starterLedger",
            "camel.health.producers-enabled=true",
            // Camel's default exposure lists only the checks that are DOWN
            "camel.health.exposure-level=full",
            "management.endpoint.health.show-details=always",
            "server.address=127.0.0.1"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClaidStarterIT {

    static final String API_KEY = "spring-boot-key-5c07";

    static final LocalClaidServer CLAID = LocalClaidServer.builder().apiKey(API_KEY)
            .acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(100)).build().start();

    /** Set before the application starts: its properties point the component at the local server. */
    @DynamicPropertySource
    static void claidAddress(DynamicPropertyRegistry properties) {
        properties.add("camel.component.claid.base-url", CLAID::baseUrl);
    }

    @AfterAll
    static void stopClaid() {
        CLAID.close();
    }

    @SpringBootApplication
    static class App {

        /** What the claid:tasks route saw, in order. */
        @Bean
        List<Message> reported() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        InMemoryTaskLedger starterLedger() {
            return new InMemoryTaskLedger();
        }

        @Bean
        RouteBuilder claidRoutes(List<Message> reported) {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:edit").to("claid:edit?operations=RAW({\"resizing\":{\"width\":100}})");
                    from("direct:submit").to("claid:editAsync?correlationHeaders=OrderId&operations=RAW({})");
                    from("claid:tasks?delay=20").routeId("tasks").process(e -> reported.add(e.getMessage().copy()));
                }
            };
        }
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Autowired
    List<Message> reported;

    @Autowired
    InMemoryTaskLedger starterLedger;

    @LocalServerPort
    int port;

    @Test
    void applicationPropertiesConfigureTheComponent() {
        ClaidConfiguration configuration = camelContext.getComponent("claid", ClaidComponent.class).getConfiguration();
        assertThat(configuration.getBaseUrl()).isEqualTo(CLAID.baseUrl());
        assertThat(configuration.getApiKey()).isEqualTo(API_KEY);
        // 20ms in Spring Boot's notation, 100 a bare number of milliseconds as in an endpoint URI
        assertThat(configuration.getTaskPollInterval()).isEqualTo(20);
        assertThat(configuration.getTaskPollMaxInterval()).isEqualTo(100);
        assertThat(configuration.getTaskLedger()).isSameAs(starterLedger);
        // defaults of the metadata are the component's own
        assertThat(configuration.getResponseTimeout()).isEqualTo(Duration.ofSeconds(180).toMillis());
    }

    @Test
    void aSynchronousEditReturnsTheEditedImage() throws Exception {
        Exchange out = template.request("direct:edit", e -> e.getMessage().setBody("https://images.example/chair.jpg"));
        assertThat(out.getException()).isNull();
        // downloadOutput is left to the operation: edit downloads its output
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.getMessage().getBody(byte[].class)));
        assertThat(image.getWidth()).isEqualTo(100);
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class)).startsWith("image/");
        assertThat(CLAID.paidSubmissionCount(ApiOperation.EDIT)).isPositive();
    }

    @Test
    void anAsyncEditIsReportedDoneByTheTasksRoute() {
        Exchange out = template.request("direct:submit", e -> {
            e.getMessage().setBody("https://images.example/lamp.jpg");
            e.getMessage().setHeader("OrderId", "order-17");
        });
        assertThat(out.getException()).isNull();
        long task = out.getMessage().getBody(TaskAccepted.class).id();

        await().atMost(Duration.ofSeconds(20)).until(() -> reported.stream()
                .anyMatch(m -> Long.valueOf(task).equals(m.getHeader(ClaidConstants.TASK_ID, Long.class))));
        Message report = reported.stream()
                .filter(m -> Long.valueOf(task).equals(m.getHeader(ClaidConstants.TASK_ID, Long.class)))
                .findFirst().orElseThrow();
        assertThat(report.getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("DONE");
        assertThat(report.getHeader("OrderId")).isEqualTo("order-17");
        // finished tasks stay in the ledger for finishedRetention: the one named in the properties kept it
        assertThat(starterLedger.findById(task)).as("the task in the ledger named by the properties").isNotEmpty();
        assertThat(starterLedger.openCount()).isZero();
    }

    @Test
    void actuatorsHealthListsTheClaidCheckWithoutTheKey() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(30)).build();
        // the check is registered when the first claid producer starts, with the routes
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode camel = new ObjectMapper().readTree(response.body()).path("components").path("camelHealth");
            Map.Entry<String, JsonNode> claid = claidCheck(camel.path("details"));
            assertThat(claid.getValue().asText()).isEqualTo("UP");
            assertThat(camel.path("details").path(claid.getKey() + ".data").path("claid.baseUrl").asText())
                    .isEqualTo(CLAID.baseUrl());
            assertThat(response.body()).doesNotContain(API_KEY);
        });
        assertThat(CLAID.requestCount("GET", "/v1/storage/storage-types") + CLAID.paidSubmissionCount())
                .as("a probe, or a submission's answer, told the check Claid was reachable").isPositive();
    }

    private static Map.Entry<String, JsonNode> claidCheck(JsonNode details) {
        for (var it = details.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> detail = it.next();
            if (detail.getKey().startsWith("producer:claid-") && !detail.getKey().endsWith(".data")) {
                return detail;
            }
        }
        throw new AssertionError("no producer:claid-* check in " + details);
    }
}
