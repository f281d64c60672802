package io.github.camelclaid.testserver;

import static io.github.camelclaid.testserver.TestHttp.eventually;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Signed notifications of finished tasks, delivered on Claid's retry schedule. */
class WebhookDeliveryIT {

    private static final String SECRET = "whsec-test";
    private static final String EDIT = "{\"input\":\"https://example.com/a.jpg\",\"operations\":{}}";

    @Test
    void aDoneTaskIsPostedAsItsStatusAnswerSignedWithTheSecret() {
        try (WebhookReceiver receiver = new WebhookReceiver();
             LocalClaidServer server = fastServer().webhook(receiver.url(), SECRET).build().start()) {
            TestHttp http = new TestHttp(server);
            long id = http.postData("/v1/image/edit/async", EDIT).get("id").asLong();

            eventually().until(() -> receiver.received().size() == 1);

            WebhookReceiver.Received notification = receiver.received().get(0);
            assertEquals("application/json", notification.contentType());
            assertEquals(WebhookSigner.PREFIX + WebhookSigner.sign(SECRET, notification.body()),
                    notification.signature());
            assertTrue(WebhookSigner.verify(SECRET, notification.body(), notification.signature()));
            JsonNode posted = TestHttp.json(new String(notification.body(), java.nio.charset.StandardCharsets.UTF_8));
            TestHttp.assertSchema("Response_AsyncResultResponse_", posted);
            JsonNode polled = TestHttp.json(http.get("/v1/image/edit/async/" + id));
            assertEquals(polled, posted, "the notification is the status answer");
            eventually().until(() -> server.webhookDeliveries().size() == 1);
            WebhookDelivery delivery = server.webhookDeliveries().get(0);
            assertEquals(id, delivery.taskId());
            assertEquals(1, delivery.attempt());
            assertEquals(200, delivery.statusCode());
            assertTrue(delivery.delivered());
            assertArrayEquals(notification.body(), delivery.body());
        }
    }

    @Test
    void anErrorTaskIsNotifiedToo() {
        try (WebhookReceiver receiver = new WebhookReceiver();
             LocalClaidServer server = fastServer().webhook(receiver.url(), SECRET).build().start()) {
            new TestHttp(server).postData("/v1/image/ai-edit",
                    "{\"input\":\"https://example.com/fail.jpg\",\"options\":{\"prompt\":\"snow\"}}");

            eventually().until(() -> receiver.received().size() == 1);

            JsonNode posted = TestHttp.json(new String(receiver.received().get(0).body(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("ERROR", posted.at("/data/status").asText());
            assertEquals(1, posted.at("/data/errors").size());
        }
    }

    @Test
    void after5xxAnswersTheDeliveryIsRetriedOnClaidsScaledSchedule() {
        try (WebhookReceiver receiver = new WebhookReceiver(503, 500, 502);
             LocalClaidServer server = fastServer().webhook(receiver.url(), SECRET).webhookTimeScale(0.01).build()
                     .start()) {
            new TestHttp(server).postData("/v1/image/edit/async", EDIT);

            eventually().until(() -> server.webhookDeliveries().size() == 4);

            List<WebhookDelivery> deliveries = server.webhookDeliveries();
            assertEquals(List.of(1, 2, 3, 4), deliveries.stream().map(WebhookDelivery::attempt)
                    .collect(Collectors.toList()));
            assertEquals(List.of(503, 500, 502, 200), deliveries.stream().map(WebhookDelivery::statusCode)
                    .collect(Collectors.toList()));
            // 3, 6 and 12 s scaled by 0.01: each wait is at least that long
            assertGapAtLeast(deliveries.get(0), deliveries.get(1), Duration.ofMillis(30));
            assertGapAtLeast(deliveries.get(1), deliveries.get(2), Duration.ofMillis(60));
            assertGapAtLeast(deliveries.get(2), deliveries.get(3), Duration.ofMillis(120));
            assertEquals(4, receiver.received().size());
            assertArrayEquals(receiver.received().get(0).body(), receiver.received().get(3).body(),
                    "every attempt sends the same bytes");
        }
    }

    @Test
    void fourFailedAttemptsAreTheLast() {
        try (WebhookReceiver receiver = new WebhookReceiver(500, 500, 500, 500, 500, 500);
             LocalClaidServer server = fastServer().webhook(receiver.url(), SECRET).webhookTimeScale(0.005).build()
                     .start()) {
            new TestHttp(server).postData("/v1/image/edit/async", EDIT);

            eventually().until(() -> server.webhookDeliveries().size() == 4);
            // hold for longer than a doubled next wait would be (24 s * 0.005): no fifth attempt comes
            await().during(Duration.ofMillis(250)).atMost(Duration.ofSeconds(2))
                    .until(() -> server.webhookDeliveries().size() == 4);
        }
    }

    @Test
    void a4xxAnswerIsNotRetried() {
        try (WebhookReceiver receiver = new WebhookReceiver(401);
             LocalClaidServer server = fastServer().webhook(receiver.url(), SECRET).webhookTimeScale(0.01).build()
                     .start()) {
            new TestHttp(server).postData("/v1/image/edit/async", EDIT);

            eventually().until(() -> server.webhookDeliveries().size() == 1);
            // a retry would follow 30 ms after the answer
            await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(2))
                    .until(() -> server.webhookDeliveries().size() == 1);
            assertEquals(401, server.webhookDeliveries().get(0).statusCode());
        }
    }

    @Test
    void aTimedOutAttemptIsRetried() {
        try (WebhookReceiver receiver = new WebhookReceiver(WebhookReceiver.HANG);
             LocalClaidServer server = fastServer().webhook(receiver.url(), SECRET).webhookTimeScale(0.01)
                     .webhookTimeout(Duration.ofMillis(150)).build().start()) {
            new TestHttp(server).postData("/v1/image/edit/async", EDIT);

            eventually().until(() -> server.webhookDeliveries().size() == 2);

            WebhookDelivery timedOut = server.webhookDeliveries().get(0);
            assertEquals(-1, timedOut.statusCode());
            assertTrue(timedOut.failure().contains("timed out"), timedOut.failure());
            assertEquals(200, server.webhookDeliveries().get(1).statusCode());
        }
    }

    @Test
    void anUnreachableReceiverUsesAllFourAttempts() throws Exception {
        URI nobody;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook");
        }
        try (LocalClaidServer server = fastServer().webhook(nobody, SECRET).webhookTimeScale(0.01).build().start()) {
            new TestHttp(server).postData("/v1/image/edit/batch",
                    "{\"input\":[\"https://example.com/a.jpg\"],\"operations\":{}}");

            eventually().until(() -> server.webhookDeliveries().size() == 4);

            server.webhookDeliveries().forEach(d -> {
                assertEquals(-1, d.statusCode());
                assertTrue(d.failure().startsWith("connection failed"), d.failure());
            });
        }
    }

    @Test
    void bareHexSignaturesCanBeChosen() {
        try (WebhookReceiver receiver = new WebhookReceiver();
             LocalClaidServer server = fastServer().webhook(receiver.url(), SECRET)
                     .webhookSignatureStyle(WebhookSignatureStyle.BARE_HEX).build().start()) {
            new TestHttp(server).postData("/v1/image/ai-fashion-models",
                    "{\"input\":{\"clothing\":[\"https://example.com/shirt.jpg\"]},\"options\":{}}");

            eventually().until(() -> receiver.received().size() == 1);

            WebhookReceiver.Received notification = receiver.received().get(0);
            assertTrue(notification.signature().matches("[0-9a-f]{64}"), notification.signature());
            assertTrue(WebhookSigner.verify(SECRET, notification.body(), notification.signature()));
        }
    }

    @Test
    void aDuplicatedNotificationArrivesTwiceIdentically() {
        try (WebhookReceiver receiver = new WebhookReceiver();
             LocalClaidServer server = fastServer().webhook(receiver.url(), SECRET).build().start()) {
            server.faults().nextWebhooks(1).duplicated();
            new TestHttp(server).postData("/v1/image/edit/async", EDIT);

            eventually().until(() -> receiver.received().size() == 2);

            assertArrayEquals(receiver.received().get(0).body(), receiver.received().get(1).body());
            assertEquals(receiver.received().get(0).signature(), receiver.received().get(1).signature());
            eventually().until(() -> server.webhookDeliveries().size() == 2);
            assertEquals(1, server.webhookDeliveries().stream().filter(WebhookDelivery::duplicate).count());
        }
    }

    @Test
    void aForgedSignatureDoesNotVerify() {
        try (WebhookReceiver receiver = new WebhookReceiver();
             LocalClaidServer server = fastServer().webhook(receiver.url(), SECRET).build().start()) {
            server.faults().nextWebhooks(1).withForgedSignature();
            TestHttp http = new TestHttp(server);
            http.postData("/v1/image/edit/async", EDIT);
            eventually().until(() -> receiver.received().size() == 1);
            http.postData("/v1/image/edit/async", EDIT);
            eventually().until(() -> receiver.received().size() == 2);

            WebhookReceiver.Received forged = receiver.received().get(0);
            assertTrue(forged.signature().startsWith(WebhookSigner.PREFIX));
            assertFalse(WebhookSigner.verify(SECRET, forged.body(), forged.signature()));
            assertTrue(WebhookSigner.verify(SECRET, receiver.received().get(1).body(),
                    receiver.received().get(1).signature()), "only the next notification is forged");
        }
    }

    @Test
    void aDroppedNotificationIsNeverSent() {
        try (WebhookReceiver receiver = new WebhookReceiver();
             LocalClaidServer server = fastServer().webhook(receiver.url(), SECRET).build().start()) {
            server.faults().nextWebhooks(1).dropped();
            TestHttp http = new TestHttp(server);
            long dropped = http.postData("/v1/image/edit/async", EDIT).get("id").asLong();
            eventually().until(() -> "DONE".equals(TestHttp.json(http.get("/v1/image/edit/async/" + dropped))
                    .at("/data/status").asText()));
            long next = http.postData("/v1/image/edit/async", EDIT).get("id").asLong();

            eventually().until(() -> receiver.received().size() == 1);

            JsonNode notified = TestHttp.json(new String(receiver.received().get(0).body(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(next, notified.at("/data/id").asLong(), "only the next notification is sent");
            eventually().until(() -> server.webhookDeliveries().size() == 1);
            assertTrue(server.webhookDeliveries().stream().noneMatch(d -> d.taskId() == dropped));
        }
    }

    @Test
    void withoutASecretNotificationsAreUnsignedAndVideosAreNotNotified() {
        try (WebhookReceiver receiver = new WebhookReceiver();
             LocalClaidServer server = fastServer().build().start()) {
            server.webhook(receiver.url(), null);
            TestHttp http = new TestHttp(server);
            http.postData("/v1/video/generate",
                    "{\"input\":\"https://example.com/a.jpg\",\"options\":{\"prompt\":\"spin\"}}");
            http.postData("/v1/image/edit/async", EDIT);

            eventually().until(() -> receiver.received().size() == 1);
            assertNull(receiver.received().get(0).signature());
            String video = "/v1/video/generate/" + server.paidSubmissions().get(0).taskId();
            eventually().until(() -> "DONE".equals(http.getData(video).get("status").asText()));
            await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2))
                    .until(() -> receiver.received().size() == 1);
        }
    }

    @Test
    void resetAbandonsPendingRetries() {
        try (WebhookReceiver receiver = new WebhookReceiver(500, 500, 500, 500);
             LocalClaidServer server = fastServer().webhook(receiver.url(), SECRET).webhookTimeScale(0.03).build()
                     .start()) {
            new TestHttp(server).postData("/v1/image/edit/async", EDIT);
            eventually().until(() -> server.webhookDeliveries().size() == 1);

            server.reset();

            // the second attempt would come 90 ms after the first
            await().during(Duration.ofMillis(250)).atMost(Duration.ofSeconds(2))
                    .until(() -> server.webhookDeliveries().isEmpty());
        }
    }

    private static LocalClaidServer.Builder fastServer() {
        return LocalClaidServer.builder().acceptedFor(Duration.ofMillis(5)).processingFor(Duration.ofMillis(20));
    }

    private static void assertGapAtLeast(WebhookDelivery earlier, WebhookDelivery later, Duration gap) {
        Duration actual = Duration.between(earlier.sentAt(), later.sentAt());
        assertTrue(actual.compareTo(gap) >= 0, "waited " + actual + ", expected at least " + gap);
    }
}
