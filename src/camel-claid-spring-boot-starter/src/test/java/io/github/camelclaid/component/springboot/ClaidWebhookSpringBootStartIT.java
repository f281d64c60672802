package io.github.camelclaid.component.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Boot starts its web server before Camel starts the routes; until the claid:webhook route runs, a delivery to
 * its path is answered 503 (deliver again), not the 404 after which Claid does not deliver again.
 */
class ClaidWebhookSpringBootStartIT {

    static final String API_KEY = "spring-boot-start-key-4c1e";
    static final String SECRET = "whsec-spring-boot-start-0b3f";
    static final CountDownLatch WARMING_UP = new CountDownLatch(1);
    static final CountDownLatch LET_IT_WARM_UP = new CountDownLatch(1);

    @Test
    void whileCamelStartsTheWebhookPathAnswers503() throws Exception {
        try (LocalClaidServer claid = LocalClaidServer.builder().apiKey(API_KEY).build().start()) {
            AtomicInteger port = new AtomicInteger();
            AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();
            SpringApplicationBuilder app = new SpringApplicationBuilder(App.class).properties(
                    "server.address=127.0.0.1", "server.port=0",
                    "camel.component.claid.api-key=" + API_KEY,
                    "camel.component.claid.base-url=" + claid.baseUrl(),
                    "camel.component.claid.webhook-secret=" + SECRET)
                    .listeners((ApplicationListener<WebServerInitializedEvent>) e ->
                            port.set(e.getWebServer().getPort()));
            Thread start = new Thread(() -> started.set(app.run()), "starting-spring-boot");
            start.start();
            try {
                assertThat(WARMING_UP.await(60, TimeUnit.SECONDS)).isTrue();
                assertThat(port.get()).as("the web server listens while Camel warms its routes up").isPositive();
                HttpRequest delivery = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get()
                        + "/claid/webhook")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
                HttpResponse<String> answer = HttpClient.newHttpClient().send(delivery,
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                LET_IT_WARM_UP.countDown();
                start.join(60_000);
                await("the route answers once it runs: an unsigned delivery is refused").atMost(Duration.ofSeconds(30))
                        .until(() -> HttpClient.newHttpClient().send(delivery, HttpResponse.BodyHandlers.discarding())
                                .statusCode() == 401);
                HttpRequest elsewhere = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.get()
                        + "/claid/elsewhere")).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
                assertThat(HttpClient.newHttpClient().send(elsewhere, HttpResponse.BodyHandlers.discarding())
                        .statusCode()).as("other paths are left to the server").isEqualTo(404);
            } finally {
                LET_IT_WARM_UP.countDown();
                start.join(60_000);
                if (started.get() != null) {
                    started.get().close();
                }
            }
        }
    }

    @SpringBootApplication
    static class App {

        @Bean
        RouteBuilder routes() {
            Processor slowToStart = new SlowToStart();
            return new RouteBuilder() {
                @Override
                public void configure() {
                    // a route whose producer takes its time to start, as an S3 client or a connection pool does
                    from("direct:first").routeId("first").startupOrder(1).process(slowToStart);
                    from("claid:webhook").routeId("webhook").startupOrder(2).log("notified");
                }
            };
        }
    }

    private static final class SlowToStart extends ServiceSupport implements Processor {

        @Override
        protected void doStart() throws InterruptedException {
            WARMING_UP.countDown();
            LET_IT_WARM_UP.await();
        }

        @Override
        public void process(Exchange exchange) {
        }
    }
}
