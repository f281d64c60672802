package io.github.camelclaid.component;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.imageio.ImageIO;

import io.github.camelclaid.client.ClaidException;
import io.github.camelclaid.client.ClaidRequestInvalidException;
import io.github.camelclaid.client.model.EditResponse;
import io.github.camelclaid.client.model.MultiOutputResponse;
import io.github.camelclaid.client.model.Storage;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.testserver.SampleImages;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routes written only from the public contract's names, against the local Claid-compatible server. */
class ClaidProducerIT extends CamelTestSupport {

    static final String KEY = "route-key-7a2b9e";

    @RegisterExtension
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey(KEY)
            .acceptedFor(Duration.ofMillis(30))
            .processingFor(Duration.ofMillis(80)));

    static String common() {
        return "apiKey=" + KEY + "&baseUrl=" + claid.server().baseUrl()
                + "&taskPollInterval=20&taskPollMaxInterval=100&retryInitialDelay=10";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("claid:edit?" + common() + "&operations=RAW({\"resizing\":{\"width\":100}})");
                from("direct:async").to("claid:editAsync?" + common()
                        + "&waitForCompletion=true&operations=RAW({\"resizing\":{\"width\":120}})");
                from("direct:asyncDownload").to("claid:editAsync?" + common()
                        + "&waitForCompletion=true&downloadOutput=true&operations=RAW({\"resizing\":{\"width\":90}})");
                from("direct:submit").to("claid:editAsync?" + common() + "&operations=RAW({})");
                from("direct:shortWait").to("claid:editAsync?" + common()
                        + "&waitForCompletion=true&maxWait=150&operations=RAW({})");
                from("direct:getTask").to("claid:getTask?" + common() + "&waitForCompletion=true");
                from("direct:batch").to("claid:editBatch?" + common() + "&waitForCompletion=true&operations=RAW({})");
                from("direct:batchFolder").to("claid:editBatch?" + common()
                        + "&recursive=true&operations=RAW({})&output=storage://bucket/out/");
                from("direct:aiEdit").to("claid:aiEdit?" + common()
                        + "&waitForCompletion=true&options=RAW({\"prompt\":\"replace the sky with a sunset\"})");
                from("direct:fashion").to("claid:fashionModels?" + common()
                        + "&waitForCompletion=true&options=RAW({\"pose\":\"walking\"})");
                from("direct:video").to("claid:generateVideo?" + common()
                        + "&waitForCompletion=true&options=RAW({\"prompt\":\"slow zoom in\"})");
                from("direct:generate").to("claid:generate?" + common()
                        + "&options=RAW({\"number_of_images\":2})");
                from("direct:scene").to("claid:createScene?" + common()
                        + "&options=RAW({\"effect\":\"shadows\"})&downloadOutput=true");
                from("direct:storage").to("claid:listStorages?" + common());
            }
        };
    }

    static BufferedImage decode(Object body) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream((byte[]) body));
        assertNotNull(image, "the body is not an image");
        return image;
    }

    @Test
    void theContractsEditRouteReturnsTheOutputImageBytes() throws Exception {
        Exchange out = template.request("direct:a", e -> e.getMessage().setBody("https://example.com/chair.jpg"));
        assertEquals(100, decode(out.getMessage().getBody()).getWidth());
        assertTrue(out.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class).startsWith("image/"));
        assertNotNull(out.getMessage().getHeader(ClaidConstants.OUTPUT_URL));
        assertEquals(1, out.getMessage().getHeader(ClaidConstants.OUTPUT_URLS, List.class).size());
        assertNotNull(out.getMessage().getHeader(ClaidConstants.REQUEST_ID));
        assertNotNull(out.getMessage().getHeader(ClaidConstants.RATE_LIMIT_REMAINING));
        assertNotNull(out.getMessage().getHeader(ClaidConstants.RATE_LIMIT_RESET));
        assertEquals(100, out.getMessage().getHeader(ClaidConstants.OUTPUT_WIDTH));
        assertInstanceOf(EditResponse.class, out.getMessage().getHeader(ClaidConstants.RESPONSE));
    }

    @Test
    void editAsyncWithWaitForCompletionEndsDone() {
        Exchange out = template.request("direct:async", e -> e.getMessage().setBody("https://example.com/a.jpg"));
        assertEquals("DONE", out.getMessage().getHeader(ClaidConstants.TASK_STATUS));
        assertNotNull(out.getMessage().getHeader(ClaidConstants.TASK_ID));
        assertNotNull(out.getMessage().getHeader(ClaidConstants.RESULT_URL));
        TaskResult result = out.getMessage().getBody(TaskResult.class);
        assertEquals(120, result.outputs().get(0).width());
        assertEquals(result.outputs().get(0).tmpUrl(), out.getMessage().getHeader(ClaidConstants.OUTPUT_URL));
    }

    @Test
    void downloadOutputAfterAnAsyncWaitPutsTheImageInTheBody() throws Exception {
        Exchange out = template.request("direct:asyncDownload",
                e -> e.getMessage().setBody("https://example.com/a.jpg"));
        assertEquals(90, decode(out.getMessage().getBody()).getWidth());
        assertInstanceOf(TaskResult.class, out.getMessage().getHeader(ClaidConstants.RESPONSE));
    }

    @Test
    void aFailedTaskFailsTheExchangeWithClaidsErrorsAndTheTaskId() {
        Exchange out = template.request("direct:async", e -> e.getMessage().setBody("https://example.com/fail.jpg"));
        ClaidException e = assertInstanceOf(ClaidException.class, out.getException());
        assertEquals(ClaidException.Reason.TASK_FAILED, e.getReason());
        assertEquals("ERROR", String.valueOf(e.getTaskStatus()));
        assertNotNull(e.getTaskId());
        assertTrue(!e.getTaskErrors().isEmpty());
        assertEquals(e.getTaskId(), out.getMessage().getHeader(ClaidConstants.TASK_ID, Long.class));
    }

    @Test
    void cancelledAndPausedTasksEndTheWaitToo() {
        for (String marker : new String[] {"cancel", "pause"}) {
            Exchange out = template.request("direct:async",
                    e -> e.getMessage().setBody("https://example.com/" + marker + ".jpg"));
            ClaidException e = assertInstanceOf(ClaidException.class, out.getException());
            assertEquals(ClaidException.Reason.TASK_FAILED, e.getReason());
            assertEquals(marker.equals("cancel") ? "CANCELLED" : "PAUSED", String.valueOf(e.getTaskStatus()));
        }
    }

    @Test
    void aWaitPastMaxWaitFailsWithTheTaskIdSoTheTaskIsNotLost() {
        try (LocalClaidServer slow = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(50))
                .processingFor(Duration.ofSeconds(1)).build().start()) {
            Exchange out = template.request("claid:editAsync?apiKey=" + KEY + "&baseUrl=" + slow.baseUrl()
                    + "&waitForCompletion=true&maxWait=200&taskPollInterval=20&operations=RAW({})",
                    e -> e.getMessage().setBody("https://example.com/big.jpg"));
            ClaidException e = assertInstanceOf(ClaidException.class, out.getException());
            assertEquals(ClaidException.Reason.TASK_TIMEOUT, e.getReason());
            assertNotNull(e.getTaskId());
            assertTrue(e.getMessage().contains("task " + e.getTaskId()), e.getMessage());
            assertTrue(e.getMessage().contains(e.getResultUrl()), e.getMessage());
            // the task goes on; asking later finds it done
            Exchange later = template.request("claid:getTask?apiKey=" + KEY + "&baseUrl=" + slow.baseUrl()
                    + "&waitForCompletion=true&taskPollInterval=50",
                    x -> x.getMessage().setHeader(ClaidConstants.RESULT_URL, e.getResultUrl()));
            assertEquals("DONE", later.getMessage().getHeader(ClaidConstants.TASK_STATUS));
            assertEquals(1, slow.paidSubmissions().size());
        }
    }

    @Test
    void submitHereAndAskThereByTaskIdAndKind() {
        Exchange submitted = template.request("direct:submit", e -> e.getMessage().setBody("https://example.com/a.jpg"));
        TaskAccepted accepted = submitted.getMessage().getBody(TaskAccepted.class);
        assertEquals("ACCEPTED", submitted.getMessage().getHeader(ClaidConstants.TASK_STATUS));
        Exchange status = template.request("direct:getTask", e -> {
            e.getMessage().setHeader(ClaidConstants.TASK_ID, accepted.id());
            e.getMessage().setHeader(ClaidConstants.TASK_KIND, "editAsync");
        });
        assertEquals("DONE", status.getMessage().getHeader(ClaidConstants.TASK_STATUS));
        assertEquals(accepted.id(), status.getMessage().getBody(TaskResult.class).id());
    }

    @Test
    void aBinaryBodyIsUploaded() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(SampleImages.render(400, 300, Color.ORANGE), "jpg", jpeg);
        Exchange out = template.request("direct:a", e -> {
            e.getMessage().setBody(jpeg.toByteArray());
            e.getMessage().setHeader(Exchange.FILE_NAME, "lamp.jpg");
        });
        assertEquals(100, decode(out.getMessage().getBody()).getWidth());
        String upload = claid.server().requests().stream().filter(r -> r.path().equals("/v1/image/edit/upload"))
                .findFirst().orElseThrow().bodyAsString();
        assertTrue(upload.contains("filename=\"lamp\""), "the extension is left out of the file name");
    }

    @Test
    void anInputStreamBodyIsUploadedToo() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(SampleImages.render(200, 200, Color.GREEN), "png", png);
        Object body = template.requestBody("direct:a", new ByteArrayInputStream(png.toByteArray()));
        assertEquals(100, decode(body).getWidth());
    }

    @Test
    void fileAndPathBodiesAreUploaded() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("claid-upload");
        java.nio.file.Path image = SampleImages.write(dir, 1).get(0);
        assertEquals(100, decode(template.requestBody("direct:a", image)).getWidth());
        assertEquals(100, decode(template.requestBody("direct:a", image.toFile())).getWidth());
    }

    @Test
    void operationsMayBeATypedBeanReference() throws Exception {
        context.getRegistry().bind("thumbnail", io.github.camelclaid.client.model.request.ImageOperations.builder()
                .resizing(io.github.camelclaid.client.model.request.ResizingOptions.builder().width(48).build())
                .build());
        Object body = template.requestBody("claid:edit?" + common() + "&operations=#thumbnail",
                "https://example.com/a.jpg");
        assertEquals(48, decode(body).getWidth());
    }

    @Test
    void theOperationsHeaderOverridesTheOption() throws Exception {
        Exchange out = template.request("direct:a", e -> {
            e.getMessage().setBody("https://example.com/a.jpg");
            e.getMessage().setHeader(ClaidConstants.OPERATIONS, Map.of("resizing", Map.of("width", 64)));
            e.getMessage().setHeader(ClaidConstants.OUTPUT, "{\"format\":\"png\"}");
        });
        assertEquals(64, decode(out.getMessage().getBody()).getWidth());
        assertEquals("image/png", out.getMessage().getHeader(Exchange.CONTENT_TYPE));
    }

    @Test
    void aWholeRequestInTheBodyIsSentAsGiven() {
        Object body = template.requestBodyAndHeader("direct:submit",
                "{\"input\":\"https://example.com/x.jpg\",\"operations\":{\"restorations\":{\"upscale\":\"smart_enhance\"}}}",
                ClaidConstants.OPERATION, "editAsync");
        assertInstanceOf(TaskAccepted.class, body);
        String sent = claid.server().requests().get(0).bodyAsString();
        assertTrue(sent.contains("smart_enhance"), sent);
    }

    @Test
    void aMapBodyIsTheWholeRequestForEveryOptionsOperation() {
        Exchange out = template.request("direct:aiEdit", e -> e.getMessage().setBody(Map.of(
                "input", "https://example.com/room.jpg",
                "options", Map.of("prompt", "paint the door green", "model", "v2"))));
        assertEquals("DONE", out.getMessage().getHeader(ClaidConstants.TASK_STATUS), String.valueOf(out.getException()));
        String sent = claid.server().requests().get(0).bodyAsString();
        assertTrue(sent.contains("paint the door green"), sent);
    }

    @Test
    void theOperationHeaderOverridesTheUri() {
        Object body = template.requestBodyAndHeader("direct:storage", null, ClaidConstants.OPERATION,
                "listStorageTypes");
        assertEquals(List.of("web_folder", "s3", "gcs"), body);
    }

    @Test
    void batchOfAListAndOfAStorageFolder() {
        Exchange list = template.request("direct:batch", e -> e.getMessage().setBody(
                List.of("https://example.com/1.jpg", "https://example.com/2.jpg")));
        assertEquals("DONE", list.getMessage().getHeader(ClaidConstants.TASK_STATUS));
        assertEquals(2, list.getMessage().getHeader(ClaidConstants.OUTPUT_URLS, List.class).size());

        template.requestBody("claid:createStorage?" + common(), Map.of("name", "bucket", "type", "s3",
                "parameters", Map.of("bucket", "b", "credentials", Map.of("access_key", "a", "secret_access_key", "s"))));
        Exchange folder = template.request("direct:batchFolder", e -> e.getMessage().setBody("storage://bucket/in/"));
        assertInstanceOf(TaskAccepted.class, folder.getMessage().getBody());
        String sent = claid.server().requests().stream().filter(r -> r.path().equals("/v1/image/edit/batch"))
                .reduce((a, b) -> b).orElseThrow().bodyAsString();
        assertTrue(sent.contains("\"recursive\":true") && sent.contains("\"output\":\"storage://bucket/out/\""), sent);
    }

    @Test
    void aiEditFashionModelsAndVideoWaitUntilDone() {
        assertEquals("DONE", template.request("direct:aiEdit", e -> e.getMessage().setBody("https://example.com/a.jpg"))
                .getMessage().getHeader(ClaidConstants.TASK_STATUS));
        assertEquals("DONE", template.request("direct:fashion", e -> e.getMessage().setBody("https://example.com/shirt.png"))
                .getMessage().getHeader(ClaidConstants.TASK_STATUS));
        Exchange video = template.request("direct:video", e -> e.getMessage().setBody("https://example.com/car.jpg"));
        assertEquals("DONE", video.getMessage().getHeader(ClaidConstants.TASK_STATUS));
        assertNotNull(video.getMessage().getHeader(ClaidConstants.OUTPUT_URL));
    }

    @Test
    void generateTakesThePromptAndSceneDownloadsTheFirstOutput() throws Exception {
        Exchange generated = template.request("direct:generate", e -> e.getMessage().setBody("a ceramic vase"));
        assertEquals(2, generated.getMessage().getBody(MultiOutputResponse.class).outputs().size());
        assertEquals(2, generated.getMessage().getHeader(ClaidConstants.OUTPUT_URLS, List.class).size());
        Exchange scene = template.request("direct:scene", e -> e.getMessage().setBody("https://example.com/vase.png"));
        decode(scene.getMessage().getBody());
    }

    @Test
    void storageOperationsTakeTheIdFromTheHeader() {
        Storage created = template.requestBody("claid:createStorage?" + common(),
                "{\"name\":\"web\",\"type\":\"web_folder\",\"parameters\":{\"base_url\":\"https://example.com/img/\"}}",
                Storage.class);
        Storage read = template.requestBodyAndHeader("claid:getStorage?" + common(), null,
                ClaidConstants.STORAGE_ID, created.id(), Storage.class);
        assertEquals("web", read.name());
        Storage renamed = template.requestBodyAndHeader("claid:updateStorage?" + common(), Map.of("name", "web2"),
                ClaidConstants.STORAGE_ID, created.id(), Storage.class);
        assertEquals("web2", renamed.name());
        template.requestBodyAndHeader("claid:deleteStorage?" + common(), null, ClaidConstants.STORAGE_ID, created.id());
        assertEquals(List.of(), template.requestBody("direct:storage", null, List.class));
    }

    @Test
    void anInvalidMessageFailsBeforeAnyCall() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBodyAndHeader(
                "direct:a", "https://example.com/a.jpg", ClaidConstants.OPERATIONS, "{\"adjustments\":{\"exposure\":-300}}"));
        assertInstanceOf(ClaidRequestInvalidException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("operations.adjustments.exposure: must be >= -100"));
        CamelExecutionException notUrl = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:a", "chair.jpg"));
        assertTrue(notUrl.getCause().getMessage().contains("needs an image URL"), notUrl.getCause().getMessage());
        assertEquals(0, claid.server().requests().size());
    }

    @Test
    void anInvalidOperationsOptionFailsWhenTheEndpointStarts() {
        Exception e = assertThrows(Exception.class, () -> template.requestBody("claid:edit?" + common()
                + "&operations=RAW({\"resizing\":{\"fit\":\"squash\"}})", "https://example.com/a.jpg"));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof ClaidRequestInvalidException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(ClaidRequestInvalidException.class, cause);
        assertTrue(cause.getMessage().contains("resizing.fit: must be one of"), cause.getMessage());
        assertEquals(0, claid.server().requests().size());
    }

    @Test
    void aMissingApiKeyFailsAtStartWithAMessageSayingHowToSetIt() {
        context.getComponent("claid", ClaidComponent.class).setEnvironment(name -> null);
        Exception e = assertThrows(Exception.class, () -> template.requestBody(
                "claid:edit?baseUrl=" + claid.server().baseUrl(), "https://example.com/a.jpg"));
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("needs an API key"), cause.getMessage());
    }

    @Test
    void getTaskWithWaitForCompletionFailsOnATaskThatAlreadyFailed() {
        Exchange submitted = template.request("direct:submit", e -> e.getMessage().setBody("https://example.com/fail.jpg"));
        String resultUrl = submitted.getMessage().getHeader(ClaidConstants.RESULT_URL, String.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> "ERROR".equals(template.request(
                "claid:getTask?" + common(), e -> e.getMessage().setHeader(ClaidConstants.RESULT_URL, resultUrl))
                .getMessage().getHeader(ClaidConstants.TASK_STATUS)));
        Exchange waited = template.request("direct:getTask",
                e -> e.getMessage().setHeader(ClaidConstants.RESULT_URL, resultUrl));
        ClaidException e = assertInstanceOf(ClaidException.class, waited.getException());
        assertEquals(ClaidException.Reason.TASK_FAILED, e.getReason());
    }

    @Test
    void stoppingTheEndpointAnswersEveryWaitingExchange() throws Exception {
        try (LocalClaidServer slow = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(50))
                .processingFor(Duration.ofSeconds(30)).build().start()) {
            ClaidEndpoint endpoint = context.getEndpoint("claid:editAsync?apiKey=" + KEY + "&baseUrl=" + slow.baseUrl()
                    + "&waitForCompletion=true&taskPollInterval=50&operations=RAW({})", ClaidEndpoint.class);
            org.apache.camel.AsyncProducer producer = endpoint.createAsyncProducer();
            producer.start();
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody("https://example.com/slow.jpg");
            java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(1);
            producer.process(exchange, doneSync -> answered.countDown());
            await().atMost(Duration.ofSeconds(5)).until(() -> slow.paidSubmissionCount() == 1);
            endpoint.stop();
            assertTrue(answered.await(5, java.util.concurrent.TimeUnit.SECONDS), "the exchange was answered");
            ClaidException e = assertInstanceOf(ClaidException.class, exchange.getException());
            assertEquals(ClaidException.Reason.TASK_TIMEOUT, e.getReason());
            assertTrue(e.getMessage().contains("when the endpoint stopped"), e.getMessage());
            assertNotNull(exchange.getMessage().getHeader(ClaidConstants.TASK_ID));
        }
    }

    @Test
    void filesFromAFileConsumerAreUploaded() throws Exception {
        java.nio.file.Path inbox = java.nio.file.Files.createTempDirectory("claid-inbox");
        SampleImages.write(inbox, 2);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?noop=true").routeId("files").to("direct:a").to("mock:edited");
            }
        });
        org.apache.camel.component.mock.MockEndpoint edited = getMockEndpoint("mock:edited");
        edited.expectedMessageCount(2);
        edited.assertIsSatisfied(10_000);
        for (Exchange e : edited.getExchanges()) {
            assertEquals(100, decode(e.getMessage().getBody()).getWidth());
        }
        assertEquals(2, claid.server().requestCount("POST", "/v1/image/edit/upload"));
    }

    @Test
    void waitingExchangesHoldNoThreads() throws Exception {
        int waiting = 40;
        try (LocalClaidServer slow = LocalClaidServer.builder().apiKey(KEY).acceptedFor(Duration.ofMillis(50))
                .processingFor(Duration.ofMillis(600)).build().start()) {
            org.apache.camel.AsyncProducer producer = context.getEndpoint("claid:editAsync?apiKey=" + KEY
                    + "&baseUrl=" + slow.baseUrl() + "&waitForCompletion=true&taskPollInterval=50&operations=RAW({})")
                    .createAsyncProducer();
            producer.start();
            // the completion pool's threads are a fixed cost, not one per waiting exchange: count them in the baseline
            if (context.getComponent("claid", ClaidComponent.class).completionExecutor()
                    instanceof java.util.concurrent.ThreadPoolExecutor pool) {
                pool.prestartAllCoreThreads();
            }
            long threadsBefore = threadsOutsideTheServer();
            java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(waiting);
            List<Exchange> exchanges = new java.util.ArrayList<>();
            for (int i = 0; i < waiting; i++) {
                Exchange exchange = context.getEndpoint("direct:unused").createExchange();
                exchange.getMessage().setBody("https://example.com/item-" + i + ".jpg");
                exchanges.add(exchange);
                // the test's own thread sends all of them: it could not if each call blocked it
                producer.process(exchange, doneSync -> finished.countDown());
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> slow.paidSubmissionCount() == waiting);
            long threadsWhileWaiting = threadsOutsideTheServer();
            assertTrue(finished.await(20, java.util.concurrent.TimeUnit.SECONDS), "all tasks finished");
            for (Exchange exchange : exchanges) {
                assertEquals("DONE", exchange.getMessage().getHeader(ClaidConstants.TASK_STATUS),
                        String.valueOf(exchange.getException()));
            }
            assertTrue(threadsWhileWaiting - threadsBefore < waiting / 4,
                    waiting + " waiting exchanges grew the threads from " + threadsBefore + " to "
                            + threadsWhileWaiting);
            producer.stop();
        }
    }

    /** Live threads, less those of local Claid servers (whose pools grow with concurrent requests). */
    private static long threadsOutsideTheServer() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith("local-claid-"))
                .count();
    }
}
