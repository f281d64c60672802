package io.github.camelclaid.component.springboot;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.component.ClaidConstants;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
 * A claid:webhook route served by Spring Boot's own web server (Tomcat on a random port, through
 * camel-platform-http-starter), receiving the local Claid server's signed notifications over real HTTP.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ClaidWebhookSpringBootIT.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "camel.component.claid.api-key=" + ClaidWebhookSpringBootIT.API_KEY,
            "camel.component.claid.webhook-secret=" + ClaidWebhookSpringBootIT.SECRET,
            "server.address=127.0.0.1"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ClaidWebhookSpringBootIT {

    static final String API_KEY = "spring-boot-webhook-key-91d2";
    static final String SECRET = "whsec-spring-boot-77ab";

    static final LocalClaidServer CLAID = LocalClaidServer.builder().apiKey(API_KEY)
            .acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(60)).webhookTimeScale(0.02)
            .build().start();

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

        @Bean
        List<Message> notified() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        RouteBuilder webhookRoutes(List<Message> notified) {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:submit").to("claid:editAsync?correlationHeaders=OrderId&operations=RAW({})");
                    // the default webhookPath, /claid/webhook
                    from("claid:webhook").routeId("webhook").process(e -> notified.add(e.getMessage().copy()));
                }
            };
        }
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Autowired
    List<Message> notified;

    @LocalServerPort
    int port;

    /** Known only once Spring Boot's server listens: Claid's webhook settings name the application's URL. */
    @BeforeEach
    void pointClaidsWebhookAtTheApplication() {
        CLAID.webhook(URI.create("http://127.0.0.1:" + port + "/claid/webhook"), SECRET);
    }

    @Test
    void aSignedNotificationReachesTheWebhookRouteThroughSpringBootsServer() {
        Exchange out = template.request("direct:submit", e -> {
            e.getMessage().setBody("https://images.example/vase.jpg");
            e.getMessage().setHeader("OrderId", "order-42");
        });
        assertThat(out.getException()).isNull();
        long task = out.getMessage().getBody(TaskAccepted.class).id();

        await().atMost(Duration.ofSeconds(20)).until(() -> !notifiedOf(task).isEmpty() && !deliveries(task).isEmpty());
        assertThat(notifiedOf(task)).singleElement().satisfies(m -> {
            assertThat(m.getHeader(ClaidConstants.TASK_STATUS)).isEqualTo("DONE");
            assertThat(m.getHeader("OrderId")).isEqualTo("order-42");
        });
        assertThat(deliveries(task)).singleElement().extracting(WebhookDelivery::statusCode).isEqualTo(200);
        assertThat(CLAID.requestCount("GET", "/v1/image/edit/async/")).as("no polling was needed").isZero();
        // served by Spring Boot's web server, not a server of platform-http's own (Vert.x)
        assertThat(camelContext.getComponent("platform-http", PlatformHttpComponent.class).getEngine().getClass()
                .getSimpleName()).isEqualTo("SpringBootPlatformHttpEngine");
    }

    @Test
    void aForgedSignatureIsRefused() {
        CLAID.faults().nextWebhooks(1).withForgedSignature();
        Exchange out = template.request("direct:submit", e -> e.getMessage().setBody("https://images.example/cup.jpg"));
        long task = out.getMessage().getBody(TaskAccepted.class).id();

        await().atMost(Duration.ofSeconds(20)).until(() -> !deliveries(task).isEmpty());
        assertThat(deliveries(task)).singleElement().extracting(WebhookDelivery::statusCode).isEqualTo(401);
        assertThat(notifiedOf(task)).isEmpty();
    }

    /** While the webhook route is stopped, its notifications are told to come again, and reach it once it runs. */
    @Test
    void aNotificationWhileTheRouteIsStoppedIsDeliveredAgainAndReachesItOnceItRuns() throws Exception {
        camelContext.getRouteController().stopRoute("webhook");
        long task;
        try {
            Exchange out = template.request("direct:submit", e -> {
                e.getMessage().setBody("https://images.example/lamp.jpg");
                e.getMessage().setHeader("OrderId", "order-43");
            });
            task = out.getMessage().getBody(TaskAccepted.class).id();
            await().atMost(Duration.ofSeconds(20)).until(() -> !deliveries(task).isEmpty());
            assertThat(deliveries(task)).first().extracting(WebhookDelivery::statusCode).isEqualTo(503);
        } finally {
            camelContext.getRouteController().startRoute("webhook");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> !notifiedOf(task).isEmpty());
        assertThat(notifiedOf(task)).singleElement().satisfies(m -> assertThat(m.getHeader("OrderId"))
                .isEqualTo("order-43"));
        assertThat(deliveries(task)).extracting(WebhookDelivery::statusCode).containsOnly(503, 200).endsWith(200);
    }

    private List<Message> notifiedOf(long task) {
        return notified.stream().filter(m -> Long.valueOf(task).equals(m.getHeader(ClaidConstants.TASK_ID, Long.class)))
                .toList();
    }

    private static List<WebhookDelivery> deliveries(long task) {
        return CLAID.webhookDeliveries().stream().filter(d -> d.taskId() == task).toList();
    }
}
