package io.github.camelclaid.testserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelclaid.s3.LocalS3Server;
import io.github.camelclaid.s3.LocalS3ServerExtension;

/**
 * Both extensions on one class: the Claid server's builder is supplied when it starts, after the S3 server, so its
 * storages are buckets there.
 */
class LocalClaidServerExtensionWithS3IT {

    @RegisterExtension
    @Order(1)
    static final LocalS3ServerExtension S3 = new LocalS3ServerExtension();

    @RegisterExtension
    @Order(2)
    static final LocalClaidServerExtension CLAID = new LocalClaidServerExtension(() -> LocalClaidServer.builder()
            .s3Endpoint(S3.endpoint(), S3.server().accessKey(), S3.server().secretKey())
            .s3Storage("incoming", "ext-incoming")
            .s3Storage("processed", "ext-processed"));

    @BeforeAll
    static void createBuckets() {
        S3.server().createBucket("ext-incoming");
        S3.server().createBucket("ext-processed");
    }

    @Test
    void theStoragesOfTheSuppliedBuilderAreBucketsOfTheS3Server(LocalClaidServer claid) {
        LocalS3Server s3 = S3.server();
        s3.put("ext-incoming", "lamp.jpg", SampleImages.jpeg(120, 80, 1));

        JsonNode data = new TestHttp(claid).postData("/v1/image/edit", "{\"input\":\"storage://incoming/lamp.jpg\","
                + "\"operations\":{},\"output\":\"storage://processed/out/\"}");

        assertEquals(120, data.at("/input/width").asInt());
        assertEquals(List.of("out/lamp.jpeg"), s3.keys("ext-processed", "out/"));
    }
}
