package io.github.camelclaid.testserver;

import static io.github.camelclaid.testserver.TestHttp.eventually;
import static io.github.camelclaid.testserver.TestHttp.assertData;
import static io.github.camelclaid.testserver.TestHttp.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelclaid.client.ApiOperation;

/** Every one of the 20 operations answers 200 with the shape Claid's response schema describes. */
class EndpointShapesIT {

    @RegisterExtension
    static final LocalClaidServerExtension CLAID = new LocalClaidServerExtension(LocalClaidServer.builder()
            .apiKey("test-key").acceptedFor(Duration.ofMillis(10)).processingFor(Duration.ofMillis(30)));

    private TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(CLAID.server());
    }

    @Test
    void editAnswersEditResponseWithRateLimitAndRequestIdHeaders() {
        HttpResponse<byte[]> response = http.post("/v1/image/edit",
                "{\"input\":\"https://example.com/photo.jpg\",\"operations\":{\"resizing\":{\"width\":320,\"height\":240}}}");

        JsonNode data = assertData("Response_EditResponse_", response);
        assertEquals(640, data.at("/input/width").asInt());
        assertEquals(320, data.at("/output/width").asInt());
        assertEquals(240, data.at("/output/height").asInt());
        assertEquals("jpeg", data.at("/output/ext").asText());
        assertTrue(data.at("/output/tmp_url").asText().startsWith(CLAID.baseUrl() + "/tmp/"));
        assertNotNull(header(response, "x-request-id"));
        assertEquals("100000, 100000;w=60, 10000;w=1", header(response, "RateLimit-Limit"));
        assertEquals("99999", header(response, "RateLimit-Remaining"));
        assertNotNull(header(response, "RateLimit-Reset"));
        assertEquals("application/json", header(response, "Content-Type"));
    }

    @Test
    void requestIdsAreUnique() {
        String first = header(http.get("/v1/storage/storage-types"), "x-request-id");
        String second = header(http.get("/v1/storage/storage-types"), "x-request-id");
        assertNotEquals(first, second);
    }

    @Test
    void uploadReadsTheImagePartAndAnswersEditResponse() throws IOException {
        byte[] png = png(50, 40);
        String boundary = "b0undary-" + System.nanoTime();
        byte[] body = TestHttp.multipart(boundary,
                TestHttp.part("Content-Disposition: form-data; name=\"file\"; filename=\"product.png\"\r\n"
                        + "Content-Type: image/png", png),
                TestHttp.part("Content-Disposition: form-data; name=\"data\"\r\nContent-Type: application/json",
                        "{\"operations\":{\"resizing\":{\"width\":\"200%\"}},\"output\":{\"format\":\"png\"}}"
                                .getBytes(StandardCharsets.UTF_8)));

        HttpResponse<byte[]> response = http.send(http.request("/v1/image/edit/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        JsonNode data = assertData("Response_EditResponse_", response);
        assertEquals(50, data.at("/input/width").asInt());
        assertEquals(40, data.at("/input/height").asInt());
        assertEquals("png", data.at("/input/ext").asText());
        assertEquals(100, data.at("/output/width").asInt());
        assertEquals(80, data.at("/output/height").asInt());
        assertEquals(1, CLAID.server().paidSubmissionCount(ApiOperation.EDIT_UPLOAD));
    }

    @Test
    void generateAnswersFourSquarePngsByDefault() {
        JsonNode data = assertData("Response_GenerateResponse_",
                http.post("/v1/image/generate", "{\"input\":\"a red bicycle against a white wall\"}"));

        assertEquals("a red bicycle against a white wall", data.at("/input/text").asText());
        assertEquals(4, data.get("output").size());
        for (JsonNode image : data.get("output")) {
            assertEquals(1024, image.get("width").asInt());
            assertEquals(1024, image.get("height").asInt());
            assertEquals("png", image.get("ext").asText());
            assertTrue(image.has("tmp_url"));
        }
    }

    @Test
    void generateHonoursNumberOfImages() {
        JsonNode data = http.postData("/v1/image/generate",
                "{\"input\":\"a lamp\",\"options\":{\"number_of_images\":2,\"guidance_scale\":7.5}}");
        assertEquals(2, data.get("output").size());
    }

    @Test
    void sceneAnswersTheRequestedNumberOfImagesInTheSceneAspectRatio() {
        JsonNode data = assertData("Response_ScenePipelineResponseOut_", http.post("/v1/scene/create",
                "{\"object\":{\"image_url\":\"https://example.com/bottle.png\"},"
                        + "\"scene\":{\"prompt\":\"on a marble table\",\"aspect_ratio\":\"16:9\"},"
                        + "\"output\":{\"number_of_images\":2,\"format\":\"jpeg\"}}"));

        assertEquals("png", data.at("/input/ext").asText());
        assertEquals(2, data.get("output").size());
        assertEquals(1024, data.at("/output/0/width").asInt());
        assertEquals(576, data.at("/output/0/height").asInt());
        assertEquals("jpeg", data.at("/output/0/ext").asText());
    }

    @Test
    void editAsyncAcceptsThenAnswersAsyncResult() {
        JsonNode accepted = assertData("Response_AsyncAcceptedResponse_", http.post("/v1/image/edit/async",
                "{\"input\":\"https://example.com/a.jpg\",\"operations\":{\"resizing\":{\"width\":100}}}"));
        assertEquals("ACCEPTED", accepted.get("status").asText());
        assertEquals(CLAID.baseUrl() + "/v1/image/edit/async/" + accepted.get("id").asLong(),
                accepted.get("result_url").asText());
        assertEquals("https://example.com/a.jpg", accepted.at("/request/input").asText());

        JsonNode done = awaitDone(accepted, "Response_AsyncResultResponse_");
        assertEquals(100, done.at("/result/output_object/width").asInt());
        assertEquals(75, done.at("/result/output_object/height").asInt());
        assertEquals(0, done.get("errors").size());
    }

    @Test
    void batchAcceptsThenAnswersBatchResult() {
        JsonNode accepted = assertData("Response_BatchAcceptedResponse_", http.post("/v1/image/edit/batch",
                "{\"input\":[\"https://example.com/1.jpg\",\"https://example.com/2.png\"],\"operations\":{}}"));
        assertEquals("ACCEPTED", accepted.get("status").asText());

        JsonNode done = awaitDone(accepted, "Response_BatchResultResponse_");
        assertEquals(2, done.get("results").size());
    }

    @Test
    void aiEditAcceptsThenAnswersAiEditResult() {
        JsonNode accepted = assertData("Response_AiEditAcceptedResponse_", http.post("/v1/image/ai-edit",
                "{\"input\":\"https://example.com/room.jpg\",\"options\":{\"prompt\":\"make it night\","
                        + "\"aspect_ratio\":\"3:4\"},\"output\":{\"number_of_images\":2}}"));

        JsonNode done = awaitDone(accepted, "Response_AiEditResultResponse_");
        assertEquals(2, done.at("/result/output_objects").size());
        assertEquals(768, done.at("/result/output_objects/0/width").asInt());
        assertEquals(1024, done.at("/result/output_objects/0/height").asInt());
        assertEquals("png", done.at("/result/output_objects/0/ext").asText());
    }

    @Test
    void fashionModelsAcceptsThenAnswersTryOnResult() {
        JsonNode accepted = assertData("Response_TryOnAPIAcceptedResponse_", http.post(
                "/v1/image/ai-fashion-models",
                "{\"input\":{\"model\":\"https://example.com/model.jpg\",\"clothing\":[\"https://example.com/shirt.png\"]},"
                        + "\"options\":{\"pose\":\"full body, front view\"}}"));

        JsonNode done = awaitDone(accepted, "Response_TryOnAPIResultResponse_");
        assertEquals(2, done.at("/result/input_objects").size());
        assertEquals(1, done.at("/result/output_objects").size());
    }

    @Test
    void videoIsProcessingOnAcceptanceThenAnswersVideoStatusWithAnMp4() {
        JsonNode accepted = assertData("Response_VideoAcceptedResponse_", http.post("/v1/video/generate",
                "{\"input\":\"https://example.com/shoe.jpg\",\"options\":{\"prompt\":{\"generate\":true},\"duration\":\"5\"}}"));
        assertEquals("PROCESSING", accepted.get("status").asText());

        JsonNode done = awaitDone(accepted, "Response_VideoStatusResponse_");
        assertEquals("mp4", done.at("/result/output_object/ext").asText());
        assertEquals("video/mp4", done.at("/result/output_object/mime").asText());
        assertTrue(done.at("/result/input_object/generated_prompt").isTextual());
    }

    @Test
    void storageTypesAreClaids() {
        JsonNode data = assertData("Response_List_apps.storage.models.StorageType__",
                http.get("/v1/storage/storage-types"));
        assertEquals(TestHttp.json("[\"web_folder\",\"s3\",\"gcs\"]"), data);
    }

    @Test
    void storageCrudAnswersClaidShapesAndNeverEchoesTheSecret() {
        HttpResponse<byte[]> created = http.post("/v1/storage/storages", "{\"name\":\"shop\",\"type\":\"s3\","
                + "\"parameters\":{\"bucket\":\"shop-images\",\"path\":\"in/\","
                + "\"credentials\":{\"access_key\":\"AKIAEXAMPLE\",\"secret_access_key\":\"s3cr3t\"}}}");
        JsonNode storage = assertData("Response_StorageOutDetailed_Pydantic_", created);
        assertFalse(TestHttp.text(created).contains("s3cr3t"));
        assertEquals("AKIAEXAMPLE", storage.at("/parameters/credentials/access_key").asText());
        long id = storage.get("id").asLong();

        JsonNode listed = assertData("Response_List_apps.storage.serializers.StorageOut_Pydantic__",
                http.get("/v1/storage/storages"));
        assertEquals(1, listed.size());
        assertFalse(listed.get(0).get("parameters").has("credentials"));

        assertEquals("shop", assertData("Response_StorageOutDetailed_Pydantic_",
                http.get("/v1/storage/storages/" + id)).get("name").asText());

        JsonNode patched = assertData("Response_StorageOutDetailed_Pydantic_", http.patch(
                "/v1/storage/storages/" + id, "{\"name\":\"shop2\",\"parameters\":{\"path\":\"out/\"}}"));
        assertEquals("shop2", patched.get("name").asText());
        assertEquals("out/", patched.at("/parameters/path").asText());
        assertEquals("shop-images", patched.at("/parameters/bucket").asText());

        HttpResponse<byte[]> deleted = http.delete("/v1/storage/storages/" + id);
        assertData("Response", deleted);
        assertEquals(404, http.get("/v1/storage/storages/" + id).statusCode());
    }

    @Test
    void webFolderStorageHasABaseUrl() {
        JsonNode storage = assertData("Response_StorageOutDetailed_Pydantic_", http.post("/v1/storage/storages",
                "{\"name\":\"cdn\",\"type\":\"web_folder\",\"parameters\":{\"base_url\":\"https://cdn.example.com/\"}}"));
        assertEquals("https://cdn.example.com/", storage.at("/parameters/base_url").asText());
    }

    /** Polls the task's result_url until it is DONE and checks the answer against the schema. */
    private JsonNode awaitDone(JsonNode accepted, String schema) {
        String resultUrl = accepted.get("result_url").asText();
        String path = resultUrl.substring(CLAID.baseUrl().length());
        eventually()
                .until(() -> "DONE".equals(http.getData(path).get("status").asText()));
        return assertData(schema, http.get(path));
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
