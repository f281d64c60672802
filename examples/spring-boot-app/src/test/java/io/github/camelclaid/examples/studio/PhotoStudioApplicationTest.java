package io.github.camelclaid.examples.studio;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.WebhookDelivery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as it ships, on a random port, with only the Claid address, the key, the webhook secret and a
 * shorter webhook grace period set: each of its three ways of using Claid driven over real HTTP, against the local
 * Claid server on 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camel.component.claid.api-key=" + PhotoStudioApplicationTest.API_KEY,
    "camel.component.claid.webhook-secret=" + PhotoStudioApplicationTest.WEBHOOK_SECRET,
    // a task the webhook does not report within 3 s is polled (60 s as shipped)
    "camel.component.claid.webhook-grace-period=3s",
    "camel.component.claid.task-poll-interval=100ms",
    "server.address=127.0.0.1"
})
class PhotoStudioApplicationTest {

    static final String API_KEY = "studio-example-key";
    static final String WEBHOOK_SECRET = "studio-example-webhook-secret";

    /** Tasks take about a tenth of a second here; Claid takes seconds to minutes. */
    static final LocalClaidServer CLAID = LocalClaidServer.builder().apiKey(API_KEY)
            .acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(100)).webhookTimeScale(0.02)
            .build().start();

    @DynamicPropertySource
    static void claidAddress(DynamicPropertyRegistry properties) {
        properties.add("camel.component.claid.base-url", CLAID::baseUrl);
    }

    @AfterAll
    static void stopClaid() {
        CLAID.close();
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anEditReturnsTheEditedImage() throws Exception {
        HttpResponse<byte[]> response = http.send(post("/photos/edit", "https://images.example/chair.jpg"),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        // claid/operations.json: a 1200 px square
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(1200);
        assertThat(CLAID.paidSubmissionCount(ApiOperation.EDIT)).isEqualTo(1);
    }

    @Test
    void anAsyncEditWithoutAWebhookIsReportedByPolling() throws Exception {
        CLAID.disableWebhook();
        long task = submit("order-1", "https://images.example/lamp.jpg");

        JsonNode job = awaitJob(task);
        assertThat(job.path("status").asText()).isEqualTo("DONE");
        assertThat(job.path("reference").asText()).isEqualTo("order-1");
        assertThat(job.path("reportedBy").asText()).isEqualTo("tasks");
        assertThat(job.path("outputUrl").asText()).isNotBlank();
    }

    @Test
    void anAsyncEditIsReportedBySignedWebhookWithoutPolling() throws Exception {
        CLAID.webhook(URI.create("http://127.0.0.1:" + port + "/claid/webhook"), WEBHOOK_SECRET);
        try {
            long task = submit("order-2", "https://images.example/vase.jpg");

            JsonNode job = awaitJob(task);
            assertThat(job.path("status").asText()).isEqualTo("DONE");
            assertThat(job.path("reference").asText()).isEqualTo("order-2");
            assertThat(job.path("reportedBy").asText()).isEqualTo("webhook");
            assertThat(CLAID.webhookDeliveries()).filteredOn(d -> d.taskId() == task)
                    .extracting(WebhookDelivery::statusCode).containsExactly(200);
            assertThat(CLAID.requestCount("GET", "/v1/image/edit/async/" + task)).as("no status request").isZero();
        } finally {
            CLAID.disableWebhook();
        }
    }

    @Test
    void theHealthEndpointListsTheClaidCheck() throws Exception {
        // the check is there as soon as the routes started; UP once Claid answered
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode camel = new ObjectMapper().readTree(response.body()).path("components").path("camelHealth");
            assertThat(camel.path("details").properties()).anySatisfy(detail -> {
                assertThat(detail.getKey()).startsWith("producer:claid-");
                assertThat(detail.getValue().asText()).isEqualTo("UP");
            });
            assertThat(response.body()).doesNotContain(API_KEY);
        });
    }

    /** POST /photos/jobs?ref=...: 202 and the task's id. */
    private long submit(String reference, String imageUrl) throws IOException, InterruptedException {
        HttpResponse<String> accepted = http.send(post("/photos/jobs?ref=" + reference, imageUrl),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        return Long.parseLong(accepted.body().trim());
    }

    /** GET /photos/jobs/{id} answers 404 until one of the two routes recorded the finished task. */
    private JsonNode awaitJob(long task) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(uri("/photos/jobs/" + task)).build();
        String[] body = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
            body[0] = response.body();
            return response.statusCode() == 200;
        });
        return new ObjectMapper().readTree(body[0]);
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "text/plain").build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
