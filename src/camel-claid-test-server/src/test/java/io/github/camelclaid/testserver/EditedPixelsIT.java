package io.github.camelclaid.testserver;

import static io.github.camelclaid.testserver.TestPictures.colour;
import static io.github.camelclaid.testserver.TestPictures.fill;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** Through HTTP: outputs are edits of the inputs' own pixels, and what the response reports describes the bytes. */
class EditedPixelsIT {

    @RegisterExtension
    static final LocalClaidServerExtension CLAID = new LocalClaidServerExtension(LocalClaidServer.builder()
            .defaultInputSize(400, 300));

    private TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(CLAID.server());
    }

    @Test
    void anUploadIsResizedFromItsOwnPixelsAndItsOutputChainsIntoTheNextEdit() throws IOException {
        JsonNode output = upload(redAndBlue(200, 100), "{\"operations\":{\"resizing\":{\"width\":100}},"
                + "\"output\":{\"format\":\"png\"}}").get("output");
        BufferedImage resized = download(output);
        assertThat(colour(resized, 10, 25)).isEqualTo(Color.RED);
        assertThat(colour(resized, 90, 25)).isEqualTo(Color.BLUE);

        JsonNode chained = http.postData("/v1/image/edit", "{\"input\":\"" + output.get("tmp_url").asText()
                + "\",\"operations\":{\"padding\":\"20%\",\"background\":{\"color\":\"#00ff00\"}},"
                + "\"output\":{\"format\":\"png\"}}");
        assertThat(chained.at("/input/width").asInt()).isEqualTo(100);
        BufferedImage padded = download(chained.get("output"));
        assertThat(colour(padded, 50, 1)).isEqualTo(Color.GREEN);
        assertThat(colour(padded, 40, 25)).as("the first edit's pixels, shrunk").isEqualTo(Color.RED);
    }

    @Test
    void unreachableUrlsGiveDifferentStandInsOfTheReportedSize() throws IOException {
        JsonNode shoe = http.postData("/v1/image/edit",
                "{\"input\":\"https://example.com/shoe.jpg\",\"operations\":{}}").get("output");
        JsonNode bag = http.postData("/v1/image/edit",
                "{\"input\":\"https://example.com/bag.jpg\",\"operations\":{}}").get("output");

        BufferedImage shoeImage = download(shoe);
        assertThat(shoeImage.getWidth()).isEqualTo(400);
        assertThat(shoeImage.getHeight()).isEqualTo(300);
        assertThat(http.download(shoe.get("tmp_url").asText()).body())
                .isNotEqualTo(http.download(bag.get("tmp_url").asText()).body());
    }

    @Test
    void aRemovedBackgroundIsTransparentInTheDownloadedPng() throws IOException {
        BufferedImage product = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        fill(product, 0, 0, 200, 150, new Color(245, 245, 245));
        fill(product, 60, 40, 80, 70, new Color(0x1f77b4));

        JsonNode output = upload(product, "{\"operations\":{\"background\":{\"remove\":true}},"
                + "\"output\":{\"format\":\"png\"}}").get("output");
        BufferedImage cut = download(output);

        assertThat(cut.getRGB(0, 0) >>> 24).isZero();
        assertThat(cut.getRGB(199, 149) >>> 24).isZero();
        assertThat(cut.getRGB(100, 75)).isEqualTo(0xff1f77b4);
    }

    private JsonNode upload(BufferedImage image, String data) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        String boundary = "pixels-boundary";
        byte[] body = TestHttp.multipart(boundary,
                TestHttp.part("Content-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\n"
                        + "Content-Type: image/png", png.toByteArray()),
                TestHttp.part("Content-Disposition: form-data; name=\"data\"\r\nContent-Type: application/json",
                        data.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<byte[]> response = http.send(http.request("/v1/image/edit/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(response.statusCode()).isEqualTo(200);
        return TestHttp.dataOf(response);
    }

    /** Downloads an output and checks it is the size the response reported. */
    private BufferedImage download(JsonNode output) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                http.download(output.get("tmp_url").asText()).body()));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(output.get("width").asInt());
        assertThat(image.getHeight()).isEqualTo(output.get("height").asInt());
        return image;
    }

    private static BufferedImage redAndBlue(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        fill(image, 0, 0, width / 2, height, Color.RED);
        fill(image, width / 2, 0, width - width / 2, height, Color.BLUE);
        return image;
    }
}
