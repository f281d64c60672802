package io.github.camelclaid.testserver;

import static io.github.camelclaid.testserver.TestHttp.assertSchema;
import static io.github.camelclaid.testserver.TestHttp.header;
import static io.github.camelclaid.testserver.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Claid's three error shapes, each where Claid uses it. */
class ErrorShapesIT {

    private static final String EDIT = "{\"input\":\"https://example.com/a.jpg\",\"operations\":{}}";

    @RegisterExtension
    static final LocalClaidServerExtension CLAID = new LocalClaidServerExtension(
            LocalClaidServer.builder().apiKey("right-key"));

    private TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(CLAID.server());
    }

    @Test
    void missingAuthorizationIs401WithTheAuthEnvelope() {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                java.net.URI.create(CLAID.server().url("/v1/image/edit")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(EDIT)));

        assertEquals(401, response.statusCode());
        assertEquals(json("{\"error_code\":\"111\",\"error_type\":\"auth\",\"error_message\":"
                + "\"Authorization is required.\",\"error_details\":{}}"), json(response));
        assertNotNull(header(response, "x-request-id"));
        assertEquals(0, CLAID.server().paidSubmissionCount());
    }

    @Test
    void wrongKeyIs401() {
        HttpResponse<byte[]> response = http.send(http.request("/v1/storage/storages")
                .setHeader("Authorization", "Bearer wrong-key").GET());
        assertEquals(401, response.statusCode());
        assertSchema("HttpErrorDetails", json(response));
    }

    @Test
    void schemaViolationIs422NamingTheField() {
        HttpResponse<byte[]> response = http.post("/v1/image/edit",
                "{\"input\":\"https://example.com/a.jpg\",\"operations\":{\"adjustments\":{\"exposure\":500}}}");

        assertEquals(422, response.statusCode());
        JsonNode body = json(response);
        assertSchema("HttpErrorDetails", body);
        assertEquals("9000", body.get("error_code").asText());
        assertEquals("validation", body.get("error_type").asText());
        assertEquals("must be <= 100", body.at("/error_details/operations.adjustments.exposure/0").asText());
        assertEquals(0, CLAID.server().paidSubmissionCount());
    }

    @Test
    void missingRequiredFieldAndUnknownFieldAreNamed() {
        JsonNode body = json(http.post("/v1/image/edit", "{\"input\":\"https://example.com/a.jpg\",\"colour\":1}"));
        assertEquals("is required", body.at("/error_details/operations/0").asText());
        assertEquals("is not a known field", body.at("/error_details/colour/0").asText());
    }

    @Test
    void unparseableJsonIs400WithTheFlatEnvelope() {
        HttpResponse<byte[]> response = http.post("/v1/image/edit", "{\"input\": ");
        assertEquals(400, response.statusCode());
        JsonNode body = json(response);
        assertSchema("HttpErrorDetails", body);
        assertEquals("general", body.get("error_type").asText());
        assertTrue(body.get("error_message").asText().contains("not valid JSON"));
    }

    @Test
    void emptyBodyIs422() {
        HttpResponse<byte[]> response = http.post("/v1/image/edit", "");
        assertEquals(422, response.statusCode());
        assertEquals("field required", json(response).at("/error_details/body/0").asText());
    }

    @ParameterizedTest
    @CsvSource({
            "/v1/image/edit/async/abc, task_id",
            "/v1/image/edit/batch/1.5, task_id",
            "/v1/image/ai-edit/x, ai_edit_id",
            "/v1/image/ai-fashion-models/one, processing_request_id",
            "/v1/video/generate/null, animation_id",
            "/v1/storage/storages/shop, storage_id" })
    void nonIntegerPathIdIsFastApis422(String path, String parameter) {
        HttpResponse<byte[]> response = http.get(path);

        assertEquals(422, response.statusCode());
        JsonNode body = json(response);
        assertSchema("HTTPValidationError", body);
        assertEquals(json("{\"detail\":[{\"loc\":[\"path\",\"" + parameter + "\"],"
                + "\"msg\":\"value is not a valid integer\",\"type\":\"type_error.integer\"}]}"), body);
    }

    @ParameterizedTest
    @CsvSource({ "/v1/image/edit/async/987654", "/v1/image/edit/batch/987654", "/v1/image/ai-edit/987654",
            "/v1/image/ai-fashion-models/987654", "/v1/video/generate/987654", "/v1/storage/storages/987654",
            "/v1/image/edit/async/99999999999999999999999" })
    void unknownIdIs404WithTheFlatEnvelope(String path) {
        HttpResponse<byte[]> response = http.get(path);
        assertEquals(404, response.statusCode());
        assertSchema("HttpErrorDetails", json(response));
    }

    @Test
    void taskIdsAreNotSharedBetweenKinds() {
        long id = http.postData("/v1/image/edit/async", EDIT).get("id").asLong();
        assertEquals(404, http.get("/v1/image/ai-edit/" + id).statusCode());
        assertEquals(200, http.get("/v1/image/edit/async/" + id).statusCode());
    }

    @Test
    void unknownStorageIs400StorageNamingTheField() {
        HttpResponse<byte[]> response = http.post("/v1/image/edit", "{\"input\":\"https://example.com/a.jpg\","
                + "\"operations\":{},\"output\":{\"destination\":\"storage://nowhere/out/\"}}");

        assertEquals(400, response.statusCode());
        JsonNode body = json(response);
        assertSchema("HttpErrorDetails", body);
        assertEquals("storage", body.get("error_type").asText());
        String message = body.get("error_message").asText();
        assertTrue(message.contains("'nowhere'") && message.contains("output.destination"), message);
        assertEquals(0, CLAID.server().paidSubmissionCount());
    }

    @Test
    void unknownStorageInABatchListIsNamedWithItsIndex() {
        HttpResponse<byte[]> response = http.post("/v1/image/edit/batch", "{\"input\":[\"https://example.com/a.jpg\","
                + "\"storage://gone/b.jpg\"],\"operations\":{}}");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error_message").asText().contains("input[1]"));
    }

    @Test
    void destinationOutsideAStorageIs400() {
        HttpResponse<byte[]> response = http.post("/v1/image/edit", "{\"input\":\"https://example.com/a.jpg\","
                + "\"operations\":{},\"output\":\"https://example.com/out.jpg\"}");
        assertEquals(400, response.statusCode());
        assertEquals("storage", json(response).get("error_type").asText());
    }

    @Test
    void webFolderCannotReceiveOutputs() {
        http.postData("/v1/storage/storages",
                "{\"name\":\"cdn\",\"type\":\"web_folder\",\"parameters\":{\"base_url\":\"https://cdn.example.com/\"}}");
        HttpResponse<byte[]> response = http.post("/v1/image/edit", "{\"input\":\"storage://cdn/a.jpg\","
                + "\"operations\":{},\"output\":\"storage://cdn/out/\"}");
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error_message").asText().contains("web_folder"));
    }

    @Test
    void generateOutputMustBeAFolder() {
        HttpResponse<byte[]> response = http.post("/v1/image/generate",
                "{\"input\":\"a lamp\",\"output\":\"storage://any/file.png\"}");
        assertEquals(422, response.statusCode());
        assertTrue(json(response).at("/error_details/output/0").asText().contains("end with /"));
    }

    @Test
    void duplicateStorageNameIs422() {
        String storage = "{\"name\":\"twice\",\"type\":\"gcs\",\"parameters\":{\"bucket\":\"b\","
                + "\"credentials\":{\"access_key\":\"k\",\"secret_access_key\":\"s\"}}}";
        assertEquals(200, http.post("/v1/storage/storages", storage).statusCode());
        HttpResponse<byte[]> again = http.post("/v1/storage/storages", storage);
        assertEquals(422, again.statusCode());
        assertTrue(json(again).at("/error_details/name/0").asText().contains("already exists"));
    }

    @Test
    void storageParametersMustFitTheType() {
        HttpResponse<byte[]> response = http.post("/v1/storage/storages",
                "{\"name\":\"odd\",\"type\":\"s3\",\"parameters\":{\"base_url\":\"https://x.example.com/\"}}");
        assertEquals(422, response.statusCode());
    }

    @Test
    void uploadWithoutTheDataPartIs422NamingIt() {
        String boundary = "xyz";
        byte[] body = TestHttp.multipart(boundary, TestHttp.part(
                "Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"", new byte[] { 1, 2, 3 }));
        HttpResponse<byte[]> response = http.send(http.request("/v1/image/edit/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertEquals(422, response.statusCode());
        JsonNode error = json(response);
        assertEquals("field required", error.at("/error_details/data/0").asText());
        assertTrue(error.at("/error_details/file").isMissingNode());
    }

    @Test
    void uploadWithoutMultipartIs422ForBothParts() {
        JsonNode error = json(http.post("/v1/image/edit/upload", "{\"operations\":{}}"));
        assertEquals("field required", error.at("/error_details/file/0").asText());
        assertEquals("field required", error.at("/error_details/data/0").asText());
    }

    @Test
    void uploadDataIsValidatedAgainstUploadEditData() {
        String boundary = "b";
        byte[] body = TestHttp.multipart(boundary,
                TestHttp.part("Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"", new byte[] { 1 }),
                TestHttp.part("Content-Disposition: form-data; name=\"data\"",
                        "{\"input\":\"https://example.com/a.jpg\",\"operations\":{}}".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<byte[]> response = http.send(http.request("/v1/image/edit/upload")
                .header("Content-Type", "multipart/form-data; boundary=\"" + boundary + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertEquals(422, response.statusCode());
        assertEquals("is not a known field", json(response).at("/error_details/input/0").asText());
    }

    @Test
    void unknownPathIsFastApis404AndWrongMethodIs405() {
        HttpResponse<byte[]> unknown = http.get("/v1/image/nothing");
        assertEquals(404, unknown.statusCode());
        assertEquals(json("{\"detail\":\"Not Found\"}"), json(unknown));
        assertEquals(405, http.get("/v1/image/edit").statusCode());
    }

    @Test
    void hugeResizeIsRefusedRatherThanRendered() {
        HttpResponse<byte[]> response = http.post("/v1/image/edit", "{\"input\":\"https://example.com/a.jpg\","
                + "\"operations\":{\"resizing\":{\"width\":20000,\"height\":20000}}}");
        assertEquals(422, response.statusCode());
        assertTrue(json(response).has("error_details"));
    }
}
