package io.github.camelclaid.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.demo.BucketPipeline;
import io.github.camelclaid.testserver.SampleImages;
import io.github.camelclaid.s3.LocalS3Server;
import io.github.camelclaid.s3.LocalS3ServerExtension;
import io.github.camelclaid.support.LocalPostgres;
import io.github.camelclaid.testserver.LocalClaidServer;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bucket pipeline of {@code routes/} end to end: images put into a real S3 server come out of Claid (the local
 * server) into the output bucket, each once, and a failure lands under {@code failed/} with its report.
 */
class BucketPipelineIT {

    @RegisterExtension
    static LocalS3ServerExtension s3 = new LocalS3ServerExtension(LocalS3Server.builder());

    @TempDir
    Path state;

    LocalClaidServer claid;
    Main main;

    @BeforeEach
    void start() {
        claid = LocalClaidServer.builder().apiKey("pipeline-key").acceptedFor(Duration.ofMillis(20))
                .processingFor(Duration.ofMillis(100)).processingSpread(Duration.ofMillis(200)).build().start();
        s3.server().clear();
        s3.server().createBucket(BucketPipeline.INPUT_BUCKET);
        s3.server().createBucket(BucketPipeline.OUTPUT_BUCKET);
    }

    @AfterEach
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
        claid.close();
    }

    private void run(String mode, String inputMode) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(BucketPipeline.local(claid, s3.server(), state));
        settings.put("pipeline.mode", mode);
        settings.put("pipeline.input-mode", inputMode);
        settings.put("pipeline.poll-delay", "100");
        settings.put("camel.component.claid.task-poll-interval", "50");
        main = BucketPipeline.main(settings, claid.apiKey());
        main.start();
    }

    private List<String> outputs(String prefix) {
        return s3.server().keys(BucketPipeline.OUTPUT_BUCKET, prefix);
    }

    private void putImages(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            s3.server().put(BucketPipeline.INPUT_BUCKET, "photos/image-" + i + ".jpg", SampleImages.jpeg(400, 300, i));
        }
    }

    @Test
    void asyncWithPresignedUrlsProcessesEveryImageOnceAndReportsAFailure() throws Exception {
        putImages(6);
        s3.server().put(BucketPipeline.INPUT_BUCKET, "photos/fail-this.jpg", SampleImages.jpeg(400, 300, 9));
        run("async", "presigned");
        await().atMost(Duration.ofSeconds(30)).until(() -> outputs("photos/").size() == 6
                && outputs("failed/").size() == 1);
        assertThat(outputs("photos/")).containsExactlyInAnyOrder("photos/image-0.png", "photos/image-1.png",
                "photos/image-2.png", "photos/image-3.png", "photos/image-4.png", "photos/image-5.png");
        HeadObjectResponse head = s3.server().client().headObject(b -> b.bucket(BucketPipeline.OUTPUT_BUCKET)
                .key("photos/image-0.png"));
        assertThat(head.contentType()).isEqualTo("image/png");
        assertThat(head.metadata()).containsKeys("claid-task-id", "claid-format", "claid-width", "source-etag")
                .containsEntry("source-key", "photos/image-0.jpg").containsEntry("claid-width", "800");
        JsonNode report = new ObjectMapper().readTree(s3.server().get(BucketPipeline.OUTPUT_BUCKET,
                "failed/photos/fail-this.jpg.json"));
        assertThat(report.path("source").path("key").asText()).isEqualTo("photos/fail-this.jpg");
        assertThat(report.path("taskStatus").asText()).isEqualTo("ERROR");
        assertThat(report.path("taskId").asLong()).isPositive();
        assertThat(report.path("taskErrors")).isNotEmpty();
        // more polls of the bucket change nothing: each image was submitted once
        long polls = s3Polls();
        await().atMost(Duration.ofSeconds(10)).until(() -> s3Polls() > polls + 3);
        assertThat(claid.paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(7);
        assertThat(outputs("")).hasSize(7);
    }

    @Test
    void withStorageConnectorsClaidReadsAndWritesTheBucketsItself() throws Exception {
        claid.close();
        claid = LocalClaidServer.builder().apiKey("pipeline-key").acceptedFor(Duration.ofMillis(20))
                .processingFor(Duration.ofMillis(100))
                .s3Endpoint(s3.server().endpoint(), s3.server().accessKey(), s3.server().secretKey())
                .s3Storage("incoming", BucketPipeline.INPUT_BUCKET)
                .s3Storage("processed", BucketPipeline.OUTPUT_BUCKET)
                .build().start();
        putImages(4);
        Map<String, String> settings = new LinkedHashMap<>(BucketPipeline.local(claid, s3.server(), state));
        settings.put("pipeline.mode", "async");
        settings.put("pipeline.input-mode", "storage");
        settings.put("pipeline.input-storage", "incoming");
        settings.put("pipeline.output", "storage://processed/results/");
        settings.put("pipeline.poll-delay", "100");
        settings.put("camel.component.claid.task-poll-interval", "50");
        main = BucketPipeline.main(settings, claid.apiKey());
        main.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> outputs("results/").size() == 4);
        // Claid read each image from the bucket by its storage URI, and wrote its result there itself
        assertThat(claid.requests().stream().filter(r -> r.path().equals("/v1/image/edit/async"))
                .map(r -> r.bodyAsString()))
                .hasSize(4).allSatisfy(body -> assertThat(body).contains("storage://incoming/photos/image-"));
        assertThat(claid.writtenObjects()).hasSize(4);
        assertThat(outputs("failed/")).isEmpty();
    }

    @Test
    void whenCreditsRunOutImagesWaitInsteadOfFailingAndGoOnceTheAccountTakesSubmissionsAgain() throws Exception {
        putImages(8);
        claid.faults().next(1).status(402).on(ApiOperation.EDIT_ASYNC);
        Map<String, String> settings = new LinkedHashMap<>(BucketPipeline.local(claid, s3.server(), state));
        settings.put("pipeline.poll-delay", "100");
        settings.put("camel.component.claid.task-poll-interval", "50");
        settings.put("camel.component.claid.credit-circuit-cooldown", "1500");
        main = BucketPipeline.main(settings, claid.apiKey());
        main.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> outputs("photos/").size() == 8);
        assertThat(outputs("failed/")).as("no image was reported failed for the account's 402").isEmpty();
        // one 402, then nothing sent while the circuit was open, then one trial and the rest: 8 paid, 9 sent
        assertThat(claid.paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(8);
        assertThat(claid.requestCount("POST", "/v1/image/edit/async")).isEqualTo(9);
    }

    @Test
    void syncWithUploadsProcessesEveryImageOnceAndReportsAFailedCall() throws Exception {
        putImages(4);
        claid.faults().next(1).status(422).on("POST", "/v1/image/edit/upload");
        run("sync", "upload");
        await().atMost(Duration.ofSeconds(30)).until(() -> outputs("photos/").size() + outputs("failed/").size() == 4);
        assertThat(outputs("failed/")).hasSize(1);
        JsonNode report = new ObjectMapper().readTree(s3.server().get(BucketPipeline.OUTPUT_BUCKET,
                outputs("failed/").get(0)));
        assertThat(report.path("httpStatus").asInt()).isEqualTo(422);
        assertThat(report.path("requestId").asText()).isNotBlank();
        long polls = s3Polls();
        await().atMost(Duration.ofSeconds(10)).until(() -> s3Polls() > polls + 3);
        assertThat(claid.requests().stream().filter(r -> r.path().equals("/v1/image/edit/upload"))
                .map(r -> r.receivedAt() + " " + r.bodyAsString().replaceAll("(?s).*filename=\"([^\"]*)\".*", "$1"))
                .toList()).as("uploads").hasSize(4);
        assertThat(claid.paidSubmissionCount(ApiOperation.EDIT_UPLOAD)).isEqualTo(3);
    }

    @Test
    void twoInstancesOnSharedDatabaseStoresSubmitEachImageOnce() throws Exception {
        String db = "jdbc:h2:mem:pipeline-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        twoInstancesOnOneDatabaseSubmitEachImageOnce(() -> {
            org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
            dataSource.setURL(db);
            return dataSource;
        });
    }

    @Test
    void twoInstancesOnPostgresSubmitEachImageOnce() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start()) {
            List<HikariDataSource> pools = new java.util.ArrayList<>();
            try {
                twoInstancesOnOneDatabaseSubmitEachImageOnce(() -> {
                    HikariDataSource pool = postgres.newPool("pipeline-" + pools.size(), 8);
                    pools.add(pool);
                    return pool;
                });
            } finally {
                pools.forEach(HikariDataSource::close);
            }
        }
    }

    /** Two pipelines configured as docs/bucket-pipeline.md says for several instances, each with its data source. */
    private void twoInstancesOnOneDatabaseSubmitEachImageOnce(Supplier<DataSource> dataSources) throws Exception {
        putImages(20);
        Main[] instances = new Main[2];
        try {
            for (int i = 0; i < instances.length; i++) {
                Map<String, String> settings = new LinkedHashMap<>(BucketPipeline.local(claid, s3.server(),
                        state.resolve("instance-" + i)));
                settings.put("pipeline.poll-delay", "50");
                settings.put("pipeline.images-per-poll", "5");
                settings.put("camel.component.claid.task-poll-interval", "50");
                // what docs/bucket-pipeline.md tells several instances to configure, around a DataSource bean
                settings.put("camel.component.claid.task-ledger",
                        "#class:io.github.camelclaid.ledger.JdbcTaskLedger(#bean:claidDb)");
                settings.put("camel.beans.claidSeenImages", "#class:org.apache.camel.processor.idempotent.jdbc"
                        + ".JdbcMessageIdRepository(#bean:claidDb, 'claid-pipeline')");
                settings.put("pipeline.claim-on-read", "true");
                instances[i] = BucketPipeline.main(settings, claid.apiKey());
                instances[i].bind("claidDb", dataSources.get());
                instances[i].start();
            }
            await().atMost(Duration.ofSeconds(40)).until(() -> outputs("photos/").size() == 20);
            long listed = instances[1].getCamelContext().getRoute("claid-pipeline-in").getConsumer()
                    instanceof org.apache.camel.support.ScheduledPollConsumer c ? c.getCounter() : 0;
            await().atMost(Duration.ofSeconds(10)).until(() -> instances[1].getCamelContext()
                    .getRoute("claid-pipeline-in").getConsumer() instanceof org.apache.camel.support.ScheduledPollConsumer c
                    && c.getCounter() > listed + 3);
        } finally {
            for (Main instance : instances) {
                if (instance != null) {
                    instance.stop();
                }
            }
        }
        assertThat(claid.paidSubmissionCount(ApiOperation.EDIT_ASYNC)).isEqualTo(20);
        assertThat(outputs("failed/")).isEmpty();
    }

    /** How often the pipeline has listed the input bucket, to wait for a few more polls without a fixed sleep. */
    private long s3Polls() {
        return main.getCamelContext().getRoute("claid-pipeline-in").getConsumer() instanceof
                org.apache.camel.support.ScheduledPollConsumer consumer ? consumer.getCounter() : 0;
    }
}
