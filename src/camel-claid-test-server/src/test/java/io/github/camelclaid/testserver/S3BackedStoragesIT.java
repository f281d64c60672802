package io.github.camelclaid.testserver;

import static io.github.camelclaid.testserver.TestHttp.eventually;
import static io.github.camelclaid.testserver.TestHttp.json;
import static io.github.camelclaid.testserver.TestHttp.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelclaid.s3.LocalS3Server;
import io.github.camelclaid.s3.LocalS3ServerExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@link LocalClaidServer} with an S3 endpoint (a {@link LocalS3Server}): storage inputs read from the bucket, outputs
 * PUT into it, loopback input URLs (presigned ones) fetched, and unreadable inputs failing as Claid's input error.
 * One S3 server and one Claid server serve the class; tests use keys of their own.
 */
class S3BackedStoragesIT {

    @RegisterExtension
    static final LocalS3ServerExtension S3 = new LocalS3ServerExtension();

    private static final String IN_BUCKET = "claid-incoming";
    private static final String OUT_BUCKET = "claid-processed";

    private static LocalClaidServer claid;
    private TestHttp http;

    @BeforeAll
    static void startClaid() {
        LocalS3Server s3 = S3.server();
        s3.createBucket(IN_BUCKET);
        s3.createBucket(OUT_BUCKET);
        claid = LocalClaidServer.builder()
                .acceptedFor(Duration.ofMillis(10)).processingFor(Duration.ofMillis(30))
                .s3Endpoint(s3.endpoint(), s3.accessKey(), s3.secretKey())
                .s3Storage("incoming", IN_BUCKET)
                .s3Storage("processed", OUT_BUCKET)
                .build().start();
    }

    @AfterAll
    static void stopClaid() {
        claid.close();
    }

    @BeforeEach
    void reset() {
        claid.reset();
        http = new TestHttp(claid);
    }

    @Test
    void syncEditReadsTheStorageInputFromTheBucketAndPutsTheOutputIntoTheBucket() throws IOException {
        S3.server().put(IN_BUCKET, "sync/photo.png", image(300, 200, "png"));

        JsonNode data = http.postData("/v1/image/edit", "{\"input\":\"storage://incoming/sync/photo.png\","
                + "\"operations\":{\"resizing\":{\"width\":\"50%\"}},\"output\":\"storage://processed/sync-out/\"}");

        assertEquals(300, data.at("/input/width").asInt());
        assertEquals(200, data.at("/input/height").asInt());
        assertEquals("png", data.at("/input/ext").asText());
        JsonNode output = data.get("output");
        assertEquals(150, output.get("width").asInt());
        assertEquals(100, output.get("height").asInt());
        assertEquals(OUT_BUCKET, output.get("object_bucket").asText());
        String key = output.get("object_key").asText();
        assertTrue(key.startsWith("sync-out/photo"), key);
        assertFalse(output.has("tmp_url"));

        byte[] stored = S3.server().get(OUT_BUCKET, key);
        assertSize(stored, 150, 100);
        List<WrittenObject> written = claid.writtenObjects();
        assertEquals(1, written.size());
        assertEquals(key, written.get(0).key());
        assertTrue(written.get(0).inBucket());
        assertArrayEquals(written.get(0).bytes(), stored);
    }

    @Test
    void asyncEditReadsTheInputWhileProcessingAndWritesTheOutputWhenDone() throws IOException {
        // "hold" keeps the task PROCESSING until released: the object must not be in the bucket before the end
        S3.server().put(IN_BUCKET, "async/hold-photo.jpg", image(400, 300, "jpeg"));
        JsonNode accepted = http.postData("/v1/image/edit/async", "{\"input\":\"storage://incoming/async/"
                + "hold-photo.jpg\",\"operations\":{\"resizing\":{\"width\":200}},"
                + "\"output\":\"storage://processed/async-out/\"}");
        String path = "/v1/image/edit/async/" + accepted.get("id").asLong();
        eventually().until(() -> "PROCESSING".equals(http.getData(path).get("status").asText()));
        assertEquals(List.of(), S3.server().keys(OUT_BUCKET, "async-out/"));
        assertEquals(List.of(), claid.writtenObjects());

        assertEquals(1, claid.releaseHeldTasks());
        JsonNode task = awaitFinal(path);

        assertEquals("DONE", task.get("status").asText(), task::toString);
        assertEquals(400, task.at("/result/input_object/width").asInt());
        assertEquals(300, task.at("/result/input_object/height").asInt());
        JsonNode output = task.at("/result/output_object");
        assertEquals(200, output.get("width").asInt());
        assertEquals(150, output.get("height").asInt());
        String key = output.get("object_key").asText();
        assertEquals(List.of(key), S3.server().keys(OUT_BUCKET, "async-out/"));
        assertSize(S3.server().get(OUT_BUCKET, key), 200, 150);
        assertEquals(1, claid.writtenObjects().size());
        assertTrue(claid.writtenObjects().get(0).inBucket());
    }

    @Test
    void aMissingInputObjectIsA400InputErrorAndNothingIsBilled() {
        HttpResponse<byte[]> response = http.post("/v1/image/edit", "{\"input\":\"storage://incoming/missing/"
                + "nothing.jpg\",\"operations\":{},\"output\":\"storage://processed/missing-out/\"}");

        assertEquals(400, response.statusCode(), () -> text(response));
        JsonNode body = json(response);
        assertEquals("input", body.get("error_type").asText());
        assertEquals(ErrorBodies.INPUT_CODE, body.get("error_code").asText());
        String message = body.get("error_message").asText();
        assertTrue(message.contains("storage://incoming/missing/nothing.jpg"), message);
        assertTrue(message.contains("NoSuchKey"), message);
        assertEquals(0, claid.paidSubmissionCount());
        assertEquals(List.of(), claid.writtenObjects());
        assertEquals(List.of(), S3.server().keys(OUT_BUCKET, "missing-out/"));
    }

    @Test
    void aMissingInputObjectEndsAnAsyncTaskInError() {
        JsonNode accepted = http.postData("/v1/image/edit/async", "{\"input\":\"storage://incoming/missing/"
                + "gone.jpg\",\"operations\":{},\"output\":\"storage://processed/missing-async/\"}");

        JsonNode task = awaitFinal("/v1/image/edit/async/" + accepted.get("id").asLong());

        assertEquals("ERROR", task.get("status").asText());
        assertFalse(task.has("result"));
        assertEquals(1, task.get("errors").size());
        String error = task.at("/errors/0/error").asText();
        assertTrue(error.contains("storage://incoming/missing/gone.jpg") && error.contains("NoSuchKey"), error);
        assertEquals(1, claid.paidSubmissionCount(), "accepted, hence billed, as Claid does");
        assertEquals(List.of(), claid.writtenObjects());
        assertEquals(List.of(), S3.server().keys(OUT_BUCKET, "missing-async/"));
    }

    @Test
    void aPresignedLoopbackUrlIsFetchedAndItsRealSizeUsed() throws IOException {
        S3.server().put(IN_BUCKET, "presigned/shot.png", image(320, 240, "png"));
        String url = presign(IN_BUCKET, "presigned/shot.png");

        JsonNode data = http.postData("/v1/image/edit", "{\"input\":\"" + url + "\","
                + "\"operations\":{\"resizing\":{\"height\":120}}}");

        assertEquals(320, data.at("/input/width").asInt());
        assertEquals(240, data.at("/input/height").asInt());
        assertEquals(160, data.at("/output/width").asInt());
        assertEquals(120, data.at("/output/height").asInt());
        assertTrue(data.at("/output/tmp_url").asText().startsWith(claid.baseUrl()));
    }

    @Test
    void aPresignedUrlIsFetchedByAnAsyncTask() throws IOException {
        S3.server().put(IN_BUCKET, "presigned/async.jpg", image(500, 100, "jpeg"));

        JsonNode accepted = http.postData("/v1/image/edit/async", "{\"input\":\""
                + presign(IN_BUCKET, "presigned/async.jpg") + "\",\"operations\":{},"
                + "\"output\":\"storage://processed/presigned-out/\"}");
        JsonNode task = awaitFinal("/v1/image/edit/async/" + accepted.get("id").asLong());

        assertEquals("DONE", task.get("status").asText(), task::toString);
        assertEquals(500, task.at("/result/output_object/width").asInt());
        assertEquals(100, task.at("/result/output_object/height").asInt());
        assertSize(S3.server().get(OUT_BUCKET, task.at("/result/output_object/object_key").asText()), 500, 100);
    }

    @Test
    void aLoopbackUrlAnsweringAnErrorIsAnInputError() {
        // the object exists, but S3 refuses an unsigned GET: 403
        S3.server().put(IN_BUCKET, "unsigned/a.jpg", "bytes".getBytes(StandardCharsets.UTF_8));
        String url = S3.endpoint() + "/" + IN_BUCKET + "/unsigned/a.jpg";

        HttpResponse<byte[]> response = http.post("/v1/image/edit", "{\"input\":\"" + url + "\",\"operations\":{}}");

        assertEquals(400, response.statusCode(), () -> text(response));
        assertEquals("input", json(response).get("error_type").asText());
        assertTrue(json(response).get("error_message").asText().contains("HTTP 403"), () -> text(response));
    }

    @Test
    void anUnreachableLoopbackUrlIsA400ForSyncAndErrorForAsync() throws IOException {
        String url = "http://127.0.0.1:" + closedPort() + "/images/a.jpg";

        HttpResponse<byte[]> response = http.post("/v1/image/edit", "{\"input\":\"" + url + "\",\"operations\":{}}");
        assertEquals(400, response.statusCode(), () -> text(response));
        assertEquals(ErrorBodies.INPUT_CODE, json(response).get("error_code").asText());
        assertTrue(json(response).get("error_message").asText().contains(url), () -> text(response));

        JsonNode accepted = http.postData("/v1/image/edit/async", "{\"input\":\"" + url + "\",\"operations\":{}}");
        JsonNode task = awaitFinal("/v1/image/edit/async/" + accepted.get("id").asLong());
        assertEquals("ERROR", task.get("status").asText());
        assertTrue(task.at("/errors/0/error").asText().contains(url), task::toString);
    }

    @Test
    void theFileOfAWebFolderOnALoopbackHostIsFetchedToo() throws IOException {
        String base = "http://127.0.0.1:" + closedPort() + "/cdn/";
        http.postData("/v1/storage/storages", "{\"name\":\"cdn\",\"type\":\"web_folder\","
                + "\"parameters\":{\"base_url\":\"" + base + "\"}}");

        HttpResponse<byte[]> response = http.post("/v1/image/edit", "{\"input\":\"storage://cdn/a.jpg\","
                + "\"operations\":{}}");

        assertEquals(400, response.statusCode(), () -> text(response));
        assertEquals("input", json(response).get("error_type").asText());
        assertTrue(json(response).get("error_message").asText().contains(base + "a.jpg"), () -> text(response));
    }

    @Test
    void bytesThatAreNoImageKeepTheDefaultSize() {
        S3.server().put(IN_BUCKET, "odd/not-an-image.jpg", "not an image".getBytes(StandardCharsets.UTF_8));

        JsonNode data = http.postData("/v1/image/edit", "{\"input\":\"storage://incoming/odd/not-an-image.jpg\","
                + "\"operations\":{}}");

        assertEquals(640, data.at("/input/width").asInt());
        assertEquals(480, data.at("/input/height").asInt());
    }

    @Test
    void aBatchOverAStorageFolderProcessesTheFilesListedInTheBucket() throws IOException {
        S3.server().put(IN_BUCKET, "batch/one.png", image(100, 50, "png"));
        S3.server().put(IN_BUCKET, "batch/two.png", image(60, 80, "png"));

        JsonNode accepted = http.postData("/v1/image/edit/batch", "{\"input\":\"storage://incoming/batch/\","
                + "\"operations\":{},\"output\":\"storage://processed/batch-out/\"}");
        JsonNode task = awaitFinal("/v1/image/edit/batch/" + accepted.get("id").asLong());

        assertEquals("DONE", task.get("status").asText(), task::toString);
        JsonNode results = task.get("results");
        assertEquals(2, results.size());
        assertEquals(100, results.at("/0/output_object/width").asInt());
        assertEquals(80, results.at("/1/output_object/height").asInt());
        assertEquals(2, S3.server().keys(OUT_BUCKET, "batch-out/").size());
    }

    @Test
    void storagesCreatedThroughTheApiAreBackedToo() throws IOException {
        // the storage's own credentials are not checked: the server signs with the endpoint's keys
        http.postData("/v1/storage/storages", "{\"name\":\"shop\",\"type\":\"s3\",\"parameters\":{\"bucket\":\""
                + IN_BUCKET + "\",\"path\":\"shop/\",\"credentials\":{\"access_key\":\"AKIAEXAMPLE\","
                + "\"secret_access_key\":\"whatever\"}}}");
        S3.server().put(IN_BUCKET, "shop/p.png", image(90, 30, "png"));

        JsonNode data = http.postData("/v1/image/edit", "{\"input\":\"storage://shop/p.png\",\"operations\":{},"
                + "\"output\":\"storage://shop/out/\"}");

        assertEquals(90, data.at("/input/width").asInt());
        String key = data.at("/output/object_key").asText();
        assertTrue(key.startsWith("shop/out/"), key);
        assertSize(S3.server().get(IN_BUCKET, key), 90, 30);
    }

    @Test
    void anOutputTheBucketRefusesIsA400StorageErrorForSyncAndErrorForAsync() throws IOException {
        http.postData("/v1/storage/storages", "{\"name\":\"nowhere\",\"type\":\"s3\",\"parameters\":{\"bucket\":"
                + "\"no-such-bucket\",\"credentials\":{\"access_key\":\"a\",\"secret_access_key\":\"b\"}}}");

        HttpResponse<byte[]> response = http.post("/v1/image/edit", "{\"input\":\"https://example.com/a.jpg\","
                + "\"operations\":{},\"output\":\"storage://nowhere/out/\"}");
        assertEquals(400, response.statusCode(), () -> text(response));
        assertEquals("storage", json(response).get("error_type").asText());
        assertTrue(json(response).get("error_message").asText().contains("NoSuchBucket"), () -> text(response));

        JsonNode accepted = http.postData("/v1/image/edit/async", "{\"input\":\"https://example.com/a.jpg\","
                + "\"operations\":{},\"output\":\"storage://nowhere/out/\"}");
        JsonNode task = awaitFinal("/v1/image/edit/async/" + accepted.get("id").asLong());
        assertEquals("ERROR", task.get("status").asText());
        assertTrue(task.at("/errors/0/error").asText().contains("NoSuchBucket"), task::toString);
        assertEquals(List.of(), claid.writtenObjects());
    }

    @Test
    void presetStoragesSurviveAReset() {
        claid.reset();

        JsonNode storages = http.getData("/v1/storage/storages");

        assertEquals(2, storages.size());
        assertEquals("incoming", storages.at("/0/name").asText());
        assertEquals(IN_BUCKET, storages.at("/0/parameters/bucket").asText());
        assertEquals("processed", storages.at("/1/name").asText());
    }

    @Test
    void withoutAnEndpointPresetStoragesAreNamesOnly() {
        try (LocalClaidServer plain = LocalClaidServer.builder().s3Storage("incoming", IN_BUCKET, "in/")
                .build().start()) {
            TestHttp client = new TestHttp(plain);

            JsonNode data = client.postData("/v1/image/edit", "{\"input\":\"storage://incoming/nowhere.jpg\","
                    + "\"operations\":{},\"output\":\"storage://incoming/out/\"}");

            assertEquals(640, data.at("/input/width").asInt());
            assertEquals("in/out/nowhere.jpeg", data.at("/output/object_key").asText());
            assertFalse(plain.writtenObjects().get(0).inBucket());
        }
        assertEquals(List.of(), S3.server().keys(IN_BUCKET, "in/"));
    }

    @Test
    void theCommandLineReadsTheS3EndpointAndStoragesFromTheEnvironment() throws IOException {
        LocalS3Server s3 = S3.server();
        S3.server().put(IN_BUCKET, "env/in/e.png", image(70, 70, "png"));
        Map<String, String> env = Map.of(
                LaunchOption.S3_ENDPOINT.variable(), s3.endpoint().toString(),
                LaunchOption.S3_ACCESS_KEY.variable(), s3.accessKey(),
                LaunchOption.S3_SECRET_KEY.variable(), s3.secretKey(),
                LaunchOption.STORAGE.variable(), "incoming=" + IN_BUCKET + "/env/in/, processed=" + OUT_BUCKET);
        try (LocalServers servers = LocalServers.start(LaunchSettings.parse(new String[0], env))) {
            JsonNode data = new TestHttp(servers.claid()).postData("/v1/image/edit",
                    "{\"input\":\"storage://incoming/e.png\",\"operations\":{},\"output\":\"storage://processed/env-out/\"}");

            assertEquals(70, data.at("/input/width").asInt());
            assertSize(s3.get(OUT_BUCKET, data.at("/output/object_key").asText()), 70, 70);
        }
    }

    private JsonNode awaitFinal(String path) {
        eventually().until(() -> TaskStatus.valueOf(http.getData(path).get("status").asText()).isFinal());
        return http.getData(path);
    }

    private static String presign(String bucket, String key) {
        LocalS3Server s3 = S3.server();
        try (S3Presigner presigner = S3Presigner.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build()) {
            String url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(10))
                    .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString();
            assertTrue(url.startsWith("http://127.0.0.1:"), url);
            return url;
        }
    }

    private static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, out), format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void assertSize(byte[] bytes, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, "not decodable");
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
