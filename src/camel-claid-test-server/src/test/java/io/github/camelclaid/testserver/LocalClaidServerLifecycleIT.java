package io.github.camelclaid.testserver;

import static io.github.camelclaid.testserver.TestHttp.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.camelclaid.client.ApiOperation;

/** Starting, configuring, recording, resetting and stopping the server. */
class LocalClaidServerLifecycleIT {

    @Test
    void bindsTheLoopbackAddressOnAnyFreePortByDefault() {
        try (LocalClaidServer server = LocalClaidServer.builder().build().start()) {
            assertTrue(server.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"), server.baseUrl());
            assertEquals(server.baseUrl() + "/v1/image/edit", server.url("/v1/image/edit"));
            assertEquals(LocalClaidServer.DEFAULT_API_KEY, server.apiKey());
        }
    }

    @Test
    void bindsTheConfiguredPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        try (LocalClaidServer server = LocalClaidServer.builder().port(port).build().start()) {
            assertEquals(port, server.port());
            assertEquals(200, new TestHttp(server).get("/v1/storage/storage-types").statusCode());
        }
    }

    @Test
    void closeStopsEveryThreadTheServerStartedAndTheListener() throws Exception {
        LocalClaidServer server = LocalClaidServer.builder().acceptedFor(Duration.ZERO)
                .processingFor(Duration.ofMillis(5)).build().start();
        TestHttp http = new TestHttp(server);
        http.postData("/v1/image/edit/async", "{\"input\":\"https://example.com/a.jpg\",\"operations\":{}}");
        server.faults().next(1).delay(Duration.ofMinutes(5)).onPath("/v1/storage/");
        var pending = http.client().sendAsync(http.request("/v1/storage/storages").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        eventually()
                .until(() -> server.requestCount("GET", "/v1/storage/") == 1);
        String baseUrl = server.baseUrl();

        server.close();

        assertNoThreadLeft(server);
        assertThrows(Exception.class, () -> pending.get(), "the delayed answer is abandoned");
        UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> new TestHttp(server).send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/storage/storages"))));
        assertTrue(refused.getCause() instanceof ConnectException, refused.getCause().toString());
        server.close(); // closing twice is harmless
    }

    @Test
    void closeAbortsAWebhookAttemptWaitingForItsReceiver() {
        try (WebhookReceiver receiver = new WebhookReceiver(WebhookReceiver.HANG)) {
            LocalClaidServer server = LocalClaidServer.builder().acceptedFor(Duration.ZERO)
                    .processingFor(Duration.ofMillis(5)).webhook(receiver.url(), "secret")
                    .webhookTimeout(Duration.ofMinutes(5)).build().start();
            new TestHttp(server).postData("/v1/image/edit/async",
                    "{\"input\":\"https://example.com/a.jpg\",\"operations\":{}}");
            eventually()
                    .until(() -> receiver.received().size() == 1);

            long started = System.nanoTime();
            server.close();

            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(4)) < 0,
                    "close did not wait for the receiver");
            assertNoThreadLeft(server);
        }
    }

    /**
     * None of the server's threads outlives its close. A pool's worker may still be leaving its run loop for a moment
     * after the pool reports itself terminated (which close waits for), hence the short patience.
     */
    private static void assertNoThreadLeft(LocalClaidServer server) {
        eventually().atMost(Duration.ofSeconds(1)).until(() -> serverThreads(server).isEmpty());
    }

    private static List<String> serverThreads(LocalClaidServer server) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(server.threadPrefix())).map(Thread::getName)
                .toList();
    }

    @Test
    void startsOnceAndOnlyServesWhenStarted() {
        LocalClaidServer server = LocalClaidServer.builder().build();
        assertThrows(IllegalStateException.class, server::baseUrl);
        server.start();
        assertThrows(IllegalStateException.class, server::start);
        server.close();
        assertThrows(IllegalStateException.class, server::start);
        LocalClaidServer.builder().build().close(); // closing an unstarted server is harmless
    }

    @Test
    void recordsEveryRequestWithHeadersBodyAndTime() {
        try (LocalClaidServer server = LocalClaidServer.builder().build().start()) {
            TestHttp http = new TestHttp(server);
            Instant before = Instant.now();
            http.post("/v1/image/generate?trace=1", "{\"input\":\"a cat\"}");
            http.get("/v1/storage/storages");

            List<RecordedRequest> requests = server.requests();
            assertEquals(2, requests.size());
            RecordedRequest post = requests.get(0);
            assertEquals("POST", post.method());
            assertEquals("/v1/image/generate", post.path());
            assertEquals("trace=1", post.query());
            assertEquals("application/json", post.header("content-type"));
            assertEquals("Bearer " + server.apiKey(), post.header("AUTHORIZATION"));
            assertEquals("{\"input\":\"a cat\"}", post.bodyAsString());
            assertTrue(!post.receivedAt().isBefore(before.minusMillis(1)));
            assertEquals(1, server.requestCount("POST", "/v1/image/"));
            assertEquals(2, server.requestCount(null, "/v1/"));
            assertEquals(1, server.requestCount("get", null));
            assertEquals(1, server.paidSubmissionCount(ApiOperation.GENERATE));
            PaidSubmission paid = server.paidSubmissions().get(0);
            assertEquals(post.requestId(), paid.requestId());
            assertNull(paid.taskId());
        }
    }

    @Test
    void resetForgetsStateButKeepsConfiguration() {
        try (LocalClaidServer server = LocalClaidServer.builder().apiKey("kept").build().start()) {
            TestHttp http = new TestHttp(server);
            http.postData("/v1/storage/storages", "{\"name\":\"s\",\"type\":\"s3\",\"parameters\":{\"bucket\":\"b\","
                    + "\"credentials\":{\"access_key\":\"a\",\"secret_access_key\":\"k\"}}}");
            long task = http.postData("/v1/image/edit/async",
                    "{\"input\":\"https://example.com/a.jpg\",\"operations\":{}}").get("id").asLong();
            String tmpUrl = http.postData("/v1/image/edit",
                    "{\"input\":\"https://example.com/a.jpg\",\"operations\":{},\"output\":\"storage://s/o/\"}")
                    .at("/output/claid_storage_uri").asText();
            server.faults().next(3).status(500).on(ApiOperation.EDIT);

            server.reset();

            assertEquals(0, server.requests().size());
            assertEquals(0, server.paidSubmissionCount());
            assertEquals(0, server.writtenObjects().size());
            assertEquals(0, server.faults().armed());
            assertEquals(0, http.getData("/v1/storage/storages").size());
            assertEquals(404, http.get("/v1/image/edit/async/" + task).statusCode());
            assertTrue(tmpUrl.startsWith("storage://s/"));
            long next = http.postData("/v1/image/edit/async",
                    "{\"input\":\"https://example.com/a.jpg\",\"operations\":{}}").get("id").asLong();
            assertTrue(next > task, "ids are never reused, so stale ids find nothing");
            assertEquals("kept", server.apiKey());
        }
    }

    @Test
    void builderRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> LocalClaidServer.builder().apiKey(" "));
        assertThrows(IllegalArgumentException.class, () -> LocalClaidServer.builder().acceptedFor(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> LocalClaidServer.builder().batchFolderSize(0));
        assertThrows(IllegalArgumentException.class, () -> LocalClaidServer.builder().webhookTimeScale(-1));
        assertThrows(IllegalArgumentException.class, () -> LocalClaidServer.builder().webhookTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> LocalClaidServer.builder().defaultInputSize(0, 10));
    }
}
