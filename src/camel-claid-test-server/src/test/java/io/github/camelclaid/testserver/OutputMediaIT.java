package io.github.camelclaid.testserver;

import static io.github.camelclaid.testserver.TestHttp.eventually;
import static io.github.camelclaid.testserver.TestHttp.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelclaid.client.ApiOperation;

/** Outputs are real bytes: decodable images of the size asked for, at tmp_url or in a storage. */
class OutputMediaIT {

    @RegisterExtension
    static final LocalClaidServerExtension CLAID = new LocalClaidServerExtension(LocalClaidServer.builder()
            .acceptedFor(Duration.ofMillis(10)).processingFor(Duration.ofMillis(30)).defaultInputSize(800, 600));

    private TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(CLAID.server());
    }

    @ParameterizedTest
    @CsvSource({
            "jpeg, image/jpeg, jpeg",
            "png, image/png, png",
            "tiff, image/tiff, tiff",
            "webp, image/webp, webp",
            // PNG where libavif's avifenc is not installed
            "avif, image/avif, avif" })
    void tmpUrlServesADecodableImageOfTheRequestedSize(String format, String servedType, String reportedExt) {
        JsonNode output = http.postData("/v1/image/edit", "{\"input\":\"https://example.com/a.jpg\","
                + "\"operations\":{\"resizing\":{\"width\":300,\"height\":200}},\"output\":{\"format\":\"" + format
                + "\"}}").get("output");
        assertEquals(reportedExt, output.get("ext").asText());
        String tmpUrl = output.get("tmp_url").asText();
        assertTrue(tmpUrl.endsWith("." + reportedExt), tmpUrl);

        HttpResponse<byte[]> download = http.download(tmpUrl);

        assertEquals(200, download.statusCode());
        boolean avifAtHand = AvifTool.canEncode() || !format.equals("avif");
        assertEquals(avifAtHand ? servedType : "image/png", header(download, "Content-Type"));
        assertEquals(Integer.toString(download.body().length), header(download, "Content-Length"));
        BufferedImage image = ImageDecoder.decode(download.body()).orElse(null);
        assertNotNull(image, "not decodable");
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
    }

    @Test
    void avifIsRealAvifWithAlphaWhereAvifencIsInstalled() {
        assumeTrue(AvifTool.canEncode(), "libavif's avifenc is not installed (Debian: libavif-bin)");
        String tmpUrl = http.postData("/v1/image/edit", "{\"input\":\"https://example.com/a.jpg\","
                + "\"operations\":{\"resizing\":{\"width\":300,\"height\":200},\"background\":{\"remove\":true}},"
                + "\"output\":{\"format\":{\"type\":\"avif\",\"compression\":{\"type\":\"lossy\",\"quality\":60}}}}")
                .at("/output/tmp_url").asText();
        byte[] avif = http.download(tmpUrl).body();
        assertTrue(AvifTool.isAvif(avif), "not an AVIF file");
        BufferedImage image = ImageDecoder.decode(avif).orElseThrow();
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
        // the background taken away: the corners are transparent
        assertEquals(0, image.getRGB(0, 0) >>> 24);
        assertEquals(0, image.getRGB(299, 199) >>> 24);
    }

    @Test
    void downloadsNeedNoAuthorizationAndRepeatIdentically() {
        String tmpUrl = http.postData("/v1/image/edit",
                "{\"input\":\"https://example.com/a.png\",\"operations\":{}}").at("/output/tmp_url").asText();
        byte[] first = http.download(tmpUrl).body();
        byte[] second = http.download(tmpUrl).body();
        assertArrayEquals(first, second);
        assertEquals(404, http.download(CLAID.baseUrl() + "/tmp/unknown.png").statusCode());
    }

    @ParameterizedTest
    @CsvSource({
            "'{\"width\":400}', 400, 300",
            "'{\"height\":300}', 400, 300",
            "'{\"width\":\"50%\",\"height\":\"25%\"}', 400, 150",
            "'{\"width\":\"auto\",\"height\":\"auto\"}', 800, 600",
            "'{}', 800, 600" })
    void resizingDecidesTheOutputSize(String resizing, int width, int height) {
        JsonNode output = http.postData("/v1/image/edit", "{\"input\":\"https://example.com/a.jpg\","
                + "\"operations\":{\"resizing\":" + resizing + "}}").get("output");
        assertEquals(width, output.get("width").asInt());
        assertEquals(height, output.get("height").asInt());
        assertEquals(width * height / 1_000_000.0, output.get("mps").asDouble(), 1e-9);
    }

    @Test
    void anOutputOfThisServerKeepsItsSizeWhenUsedAsInput() {
        String tmpUrl = http.postData("/v1/image/edit", "{\"input\":\"https://example.com/a.jpg\","
                + "\"operations\":{\"resizing\":{\"width\":123,\"height\":45}},\"output\":{\"format\":\"png\"}}")
                .at("/output/tmp_url").asText();

        JsonNode input = http.postData("/v1/image/edit", "{\"input\":\"" + tmpUrl + "\",\"operations\":{}}")
                .get("input");

        assertEquals(123, input.get("width").asInt());
        assertEquals(45, input.get("height").asInt());
        assertEquals("png", input.get("ext").asText());
    }

    @Test
    void outputToAStorageIsRecordedAsAWrittenObjectWithoutTmpUrl() throws IOException {
        createS3Storage("shop", "shop-bucket", "prefix");

        JsonNode output = http.postData("/v1/image/edit", "{\"input\":\"https://example.com/photos/shoe.jpg\","
                + "\"operations\":{\"resizing\":{\"width\":64,\"height\":32}},"
                + "\"output\":{\"destination\":\"storage://shop/results/\",\"format\":\"png\"}}").get("output");

        assertFalse(output.has("tmp_url"));
        assertEquals("prefix/results/shoe.png", output.get("object_key").asText());
        assertEquals("shop-bucket", output.get("object_bucket").asText());
        assertEquals("s3://shop-bucket/prefix/results/shoe.png", output.get("object_uri").asText());
        assertEquals("storage://shop/results/shoe.png", output.get("claid_storage_uri").asText());
        List<WrittenObject> written = CLAID.server().writtenObjects();
        assertEquals(1, written.size());
        WrittenObject object = written.get(0);
        assertEquals("shop", object.storageName());
        assertEquals("prefix/results/shoe.png", object.key());
        assertEquals("image/png", object.mimeType());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(object.bytes()));
        assertEquals(64, image.getWidth());
        assertEquals(32, image.getHeight());
    }

    @Test
    void aDestinationFileKeepsItsNameAndGivesTheFormat() {
        createS3Storage("files", "bucket", "");
        JsonNode output = http.postData("/v1/image/edit", "{\"input\":\"https://example.com/a.jpg\","
                + "\"operations\":{},\"output\":\"storage://files/out/final.png\"}").get("output");
        assertEquals("png", output.get("ext").asText());
        assertEquals("out/final.png", output.get("object_key").asText());
    }

    @Test
    void aWrittenObjectCanBeTheInputOfTheNextRequest() {
        createS3Storage("chain", "bucket", "");
        String uri = http.postData("/v1/image/edit", "{\"input\":\"https://example.com/a.jpg\","
                + "\"operations\":{\"resizing\":{\"width\":77,\"height\":66}},\"output\":\"storage://chain/x/\"}")
                .at("/output/claid_storage_uri").asText();

        JsonNode input = http.postData("/v1/image/edit", "{\"input\":\"" + uri + "\",\"operations\":{}}")
                .get("input");

        assertEquals(77, input.get("width").asInt());
    }

    @Test
    void generateToAFolderWritesEveryImage() {
        createS3Storage("gen", "gen-bucket", "");
        JsonNode outputs = http.postData("/v1/image/generate", "{\"input\":\"three apples\","
                + "\"options\":{\"number_of_images\":3},\"output\":\"storage://gen/apples/\"}").get("output");
        assertEquals(3, outputs.size());
        outputs.forEach(o -> assertTrue(o.get("object_key").asText().startsWith("apples/generated-")));
        assertEquals(3, CLAID.server().writtenObjects().size());
    }

    @Test
    void asyncStorageOutputsAppearOnlyWhenTheTaskIsDone() {
        createS3Storage("later", "bucket", "");
        String request = "{\"input\":\"https://example.com/a.jpg\",\"operations\":{},"
                + "\"output\":\"storage://later/done/\"}";
        // a task held in PROCESSING never writes: outputs are not published at submission
        CLAID.server().faults().next(1).taskEndsWith(TaskStatus.PROCESSING).on(ApiOperation.EDIT_ASYNC);
        String stuck = "/v1/image/edit/async/" + http.postData("/v1/image/edit/async", request).get("id").asLong();
        eventually()
                .until(() -> "PROCESSING".equals(http.getData(stuck).get("status").asText()));
        assertTrue(CLAID.server().writtenObjects().isEmpty());

        String path = "/v1/image/edit/async/" + http.postData("/v1/image/edit/async", request).get("id").asLong();
        eventually()
                .until(() -> "DONE".equals(http.getData(path).get("status").asText()));

        assertEquals(1, CLAID.server().writtenObjects().size());
        assertEquals("storage://later/done/a.jpeg",
                http.getData(path).at("/result/output_object/claid_storage_uri").asText());
    }

    @Test
    void videoTmpUrlServesMp4Bytes() {
        JsonNode accepted = http.postData("/v1/video/generate",
                "{\"input\":\"https://example.com/a.jpg\",\"options\":{\"prompt\":\"slow zoom\"}}");
        String path = "/v1/video/generate/" + accepted.get("id").asLong();
        eventually()
                .until(() -> "DONE".equals(http.getData(path).get("status").asText()));
        String tmpUrl = http.getData(path).at("/result/output_object/tmp_url").asText();

        HttpResponse<byte[]> video = http.download(tmpUrl);

        assertEquals("video/mp4", header(video, "Content-Type"));
        assertEquals("ftyp", new String(Arrays.copyOfRange(video.body(), 4, 8), StandardCharsets.US_ASCII));
    }

    private void createS3Storage(String name, String bucket, String path) {
        http.postData("/v1/storage/storages", "{\"name\":\"" + name + "\",\"type\":\"s3\",\"parameters\":{"
                + "\"bucket\":\"" + bucket + "\",\"path\":\"" + path + "\","
                + "\"credentials\":{\"access_key\":\"AK\",\"secret_access_key\":\"SK\"}}}");
    }
}
