package io.github.camelclaid.examples.bucket;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.s3.LocalS3Server;
import io.github.camelclaid.s3.LocalS3ServerExtension;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.LocalClaidServerExtension;
import io.github.camelclaid.testserver.SampleImages;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application as it ships, against a local S3 server and a local Claid server whose storage connectors
 * {@code incoming} and {@code processed} are buckets of that S3 server, as Claid's are buckets on AWS: the local
 * Claid server reads the input from one bucket and writes the result into the other.
 */
class BucketEditRoutesTest {

    static final String API_KEY = "example-key";
    static final String INPUT_BUCKET = "shop-incoming";
    static final String OUTPUT_BUCKET = "shop-processed";

    /** Started first: the Claid server below needs its endpoint. */
    @RegisterExtension
    @Order(1)
    static LocalS3ServerExtension s3 = new LocalS3ServerExtension();

    /** Built when it starts, after the S3 server, so that its storages can be buckets there. */
    @RegisterExtension
    @Order(2)
    static LocalClaidServerExtension claid = new LocalClaidServerExtension(() -> LocalClaidServer.builder()
            .apiKey(API_KEY)
            .s3Endpoint(s3.endpoint(), s3.server().accessKey(), s3.server().secretKey())
            .s3Storage("incoming", INPUT_BUCKET)
            .s3Storage("processed", OUTPUT_BUCKET));

    Main main;

    @BeforeAll
    static void createBuckets() {
        s3.server().createBucket(INPUT_BUCKET);
        s3.server().createBucket(OUTPUT_BUCKET);
    }

    @BeforeEach
    void startApp() {
        main = BucketEditApp.newMain();
        // what CLAID_API_KEY, CLAID_BASE_URL, EDIT_INPUT_BUCKET and the AWS settings would set
        main.addOverrideProperty("camel.component.claid.api-key", API_KEY);
        main.addOverrideProperty("camel.component.claid.base-url", claid.baseUrl());
        main.addOverrideProperty("edit.input-bucket", INPUT_BUCKET);
        main.addOverrideProperty("edit.poll-delay", "100");
        main.addOverrideProperty("camel.component.aws2-s3.use-default-credentials-provider", "false");
        s3.server().camelProperties().forEach(main::addOverrideProperty);
        main.start();
    }

    @AfterEach
    void stopApp() {
        main.stop();
    }

    @Test
    void imagesPutIntoTheInputBucketAreEditedByClaidIntoTheOutputBucket() throws IOException {
        LocalS3Server server = s3.server();
        server.put(INPUT_BUCKET, "new/shelf.jpg", SampleImages.jpeg(1200, 800, 1));
        server.put(INPUT_BUCKET, "new/lamp.jpg", SampleImages.jpeg(600, 900, 2));

        await().atMost(Duration.ofSeconds(30)).until(() -> server.keys(OUTPUT_BUCKET, "edited/").size() == 2
                && server.keys(INPUT_BUCKET, "new/").isEmpty());

        assertEquals(List.of("edited/lamp.jpeg", "edited/shelf.jpeg"), server.keys(OUTPUT_BUCKET, "edited/"));
        // operations.json: 400 px wide, the height in proportion
        BufferedImage shelf = ImageIO.read(new ByteArrayInputStream(server.get(OUTPUT_BUCKET, "edited/shelf.jpeg")));
        assertEquals(400, shelf.getWidth());
        assertEquals(267, shelf.getHeight());
        // each image paid for once, and read by Claid from the bucket: nothing uploaded
        assertEquals(2, claid.server().paidSubmissionCount(ApiOperation.EDIT));
        assertEquals(0, claid.server().requestCount("POST", "/v1/image/edit/upload"));
    }
}
