package io.github.camelclaid.examples.quarkus;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.WebhookDelivery;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application as it ships, over real HTTP on a random port, against a local Claid server on 127.0.0.1 whose
 * webhook notifications, signed with the configured secret, are posted back to the application.
 */
@QuarkusTest
@WithTestResource(LocalClaidResource.class)
class PhotoRoutesTest {

    static final String PHOTO = "https://images.example.com/products/shoe-001.jpg";

    @InjectLocalClaid
    LocalClaidServer claid;

    @TestHTTPResource("/claid/webhook")
    URL webhook;

    @Inject
    CamelContext camel;

    @AfterEach
    void noWebhookUnlessATestAsksForIt() {
        claid.disableWebhook();
    }

    @Test
    void aSyncEditAnswersWithTheEditedImage() throws Exception {
        byte[] png = given().body(PHOTO)
                .when().post("/photos/edit")
                .then().statusCode(200).contentType("image/png")
                .extract().asByteArray();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("the answer is an image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(1200);
    }

    @Test
    void anAsyncEditWithoutNotificationIsFinishedByPolling() {
        long task = submitAsync("LAMP-007");

        assertThat(awaitReport(task)).isEqualTo("DONE 1200x1200 LAMP-007 via claid:tasks");
        assertThat(claid.webhookDeliveries()).noneMatch(d -> d.taskId() == task);
    }

    @Test
    void aSignedWebhookNotificationFinishesAnAsyncEdit() throws Exception {
        claid.webhook(webhook.toURI(), LocalClaidResource.WEBHOOK_SECRET);
        long task = submitAsync("BAG-042");

        assertThat(awaitReport(task)).isEqualTo("DONE 1200x1200 BAG-042 via claid:webhook");
        // acknowledged; on a busy machine the notification can overtake the submission's answer, and the first
        // delivery is then told to come again (503) until the application has recorded the task
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveryStatuses(task).contains(200));
        assertThat(deliveryStatuses(task)).last().isEqualTo(200);
        assertThat(deliveryStatuses(task)).allMatch(status -> status == 200 || status == 503);
    }

    @Test
    void aForgedNotificationIsRefused() throws Exception {
        claid.webhook(webhook.toURI(), LocalClaidResource.WEBHOOK_SECRET);
        claid.faults().nextWebhooks(1).withForgedSignature();
        long task = submitAsync("MUG-013");

        await().atMost(Duration.ofSeconds(10)).until(() -> claid.webhookDeliveries().stream()
                .anyMatch(d -> d.taskId() == task));
        assertThat(deliveryStatuses(task)).first().isEqualTo(401);
        // the task is still finished, by polling once the grace period is over
        assertThat(awaitReport(task)).isEqualTo("DONE 1200x1200 MUG-013 via claid:tasks");
        assertThat(claid.paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isPositive();
    }

    /**
     * Quarkus' server keeps listening while the webhook route is stopped (as it does while Camel starts its routes), and
     * would answer 404, which Claid does not deliver again: the component answers 503 on the path until the route runs.
     */
    @Test
    void aNotificationWhileTheWebhookRouteIsStoppedIsDeliveredAgainAndReachesItOnceItRuns() throws Exception {
        claid.webhook(webhook.toURI(), LocalClaidResource.WEBHOOK_SECRET);
        camel.getRouteController().stopRoute("claid-webhook");
        long task;
        try {
            task = submitAsync("VASE-019");
            await().atMost(Duration.ofSeconds(10)).until(() -> !deliveryStatuses(task).isEmpty());
            assertThat(deliveryStatuses(task)).first().isEqualTo(503);
        } finally {
            camel.getRouteController().startRoute("claid-webhook");
        }

        assertThat(awaitReport(task)).isEqualTo("DONE 1200x1200 VASE-019 via claid:webhook");
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveryStatuses(task).contains(200));
        assertThat(deliveryStatuses(task)).containsOnly(503, 200).endsWith(200);
    }

    /** The component's limits hold on Quarkus' server too: a body over maxWebhookBodySize is refused unread. */
    @Test
    void aDeliveryDeclaringMoreThanTheWebhookBodyLimitIsRefusedBeforeItsBodyIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", webhook.getPort())) {
            socket.setSoTimeout(10_000);
            // 10 MB, under Quarkus' own 10 MiB limit and over the component's 1 MiB; no byte of the body follows
            String headers = "POST /claid/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10000000\r\n\r\n";
            socket.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than 1048576 bytes");
        }
    }

    private List<Integer> deliveryStatuses(long task) {
        return claid.webhookDeliveries().stream().filter(d -> d.taskId() == task).map(WebhookDelivery::statusCode)
                .toList();
    }

    private long submitAsync(String sku) {
        String id = given().header("ProductSku", sku).body(PHOTO)
                .when().post("/photos/edit-async")
                .then().statusCode(202)
                .extract().asString();
        return Long.parseLong(id.strip());
    }

    private String awaitReport(long task) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().get("/photos/tasks/" + task).statusCode() == 200);
        return given().get("/photos/tasks/" + task).then().statusCode(200).extract().asString();
    }
}
