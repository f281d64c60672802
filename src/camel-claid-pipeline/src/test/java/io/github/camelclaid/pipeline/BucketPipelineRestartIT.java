package io.github.camelclaid.pipeline;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.demo.BucketPipeline;
import io.github.camelclaid.testserver.SampleImages;
import io.github.camelclaid.s3.LocalS3Server;
import io.github.camelclaid.component.ClaidComponent;
import io.github.camelclaid.support.ChildJvm;
import io.github.camelclaid.support.LedgerFileView;
import io.github.camelclaid.s3.LocalS3ServerExtension;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.PaidSubmission;
import io.github.camelclaid.testserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The release requirement for the bucket pipeline of {@code routes/}: stopped abruptly halfway through {@value #IMAGES}
 * images and started again, it stores every output, once per image, and no image is submitted to Claid twice (the
 * local Claid server counts the submissions it would bill).
 *
 * <p>
 * The pipeline runs as a user runs it (Camel Main, {@link BucketPipelineProcess}) in a JVM of its own, killed with
 * SIGKILL; the local Claid server and the S3 server (S3Proxy) belong to this JVM, so they outlive the kill, and both
 * runs share one state dir (task ledger, images handed to Claid).
 *
 * <p>
 * <b>Timing the kill.</b> It lands at a point the test sets up, not after a duration. Half the images are in the input
 * bucket at the first start; a quarter of those carry the local server's {@code hold} marker in their key (and so in
 * their presigned URL), which keeps their tasks PROCESSING until {@link LocalClaidServer#releaseHeldTasks()}, called
 * only after the kill. The test waits until that half is submitted, its other images stored and finished in the ledger,
 * and its held tasks polled at least once. Then it closes a gate on the Claid server (every further submission waits,
 * unanswered and not acted on, for longer than the test runs) and puts the other half into the bucket while the
 * pipeline runs; once a submission of theirs is caught at the gate, the pipeline is killed. So at the kill some images
 * are done, some are genuinely in flight at Claid, at least one was read and being submitted, and usually the rest
 * are not read yet. The test checks that premise before going on, so a broken premise does not read as a duplicate.
 *
 * <p>
 * <b>What it does not aim at.</b> A kill in the microseconds between Claid accepting a task and the ledger recording it
 * would make the restarted pipeline submit that one image again: no local bookkeeping can close that window (only an
 * idempotency key honoured by Claid could). The gate keeps the kill out of it, so that the test is deterministic. Nor
 * does it aim at the window between storing an output and marking its task finished, where a kill makes the output be
 * stored again after the restart (same key, overwritten; nothing paid).
 */
class BucketPipelineRestartIT {

    static final int IMAGES = 32;
    /** The images in the bucket at the first start; the others are put while it runs. */
    static final int FIRST_HALF = IMAGES / 2;
    static final int IMAGES_PER_POLL = 4;
    /** Far beyond what any step takes even on a busy machine; waits end as soon as their condition holds. */
    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** How long the gate holds a submission: longer than the test; closing the server abandons it. */
    static final Duration GATE = Duration.ofMinutes(10);
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static LocalS3ServerExtension s3 = new LocalS3ServerExtension(LocalS3Server.builder());

    @TempDir
    Path dir;
    LocalClaidServer claid;
    final List<ChildJvm> children = new ArrayList<>();

    @BeforeEach
    void startServers() {
        // tasks end 0.1 to 0.3 s after submission, unless held
        claid = LocalClaidServer.builder().apiKey("restart-pipeline-key").acceptedFor(Duration.ofMillis(20))
                .processingFor(Duration.ofMillis(100)).processingSpread(Duration.ofMillis(200)).randomSeed(7)
                .build().start();
        s3.server().clear();
        s3.server().createBucket(BucketPipeline.INPUT_BUCKET);
        s3.server().createBucket(BucketPipeline.OUTPUT_BUCKET);
    }

    @AfterEach
    void stopEverything() {
        try {
            // a failed test must not leave a JVM behind
            children.forEach(ChildJvm::kill);
        } finally {
            claid.close();
        }
    }

    @Test
    void killedHalfwayAndStartedAgainThePipelineStoresEveryOutputOnceAndPaysForEveryImageOnce() throws Exception {
        Path stateDir = Files.createDirectories(dir.resolve("state"));
        Path ledger = stateDir.resolve("claid-tasks.jsonl");
        Path settings = writeSettings(stateDir);
        List<String> inputs = IntStream.range(0, IMAGES).mapToObj(BucketPipelineRestartIT::inputKey).toList();
        List<String> firstHalf = inputs.subList(0, FIRST_HALF);
        List<String> held = firstHalf.stream().filter(k -> k.contains("-hold")).toList();
        List<String> free = firstHalf.stream().filter(k -> !held.contains(k)).toList();
        assertThat(free.size()).as("done at the kill: at least a third").isGreaterThanOrEqualTo(IMAGES / 3);
        firstHalf.forEach(this::putImage);

        ChildJvm first = start(settings);
        await(first, "the first half submitted, its free images stored and finished, its held tasks polled", () -> {
            Map<String, JsonNode> tasks = ledgerTasksBySourceKey(ledger);
            return claid.paidSubmissionCount(ApiOperation.EDIT_ASYNC) == FIRST_HALF
                    && tasks.keySet().containsAll(firstHalf)
                    && free.stream().allMatch(k -> "FINISHED".equals(tasks.get(k).path("state").asText()))
                    && held.stream().allMatch(k -> "OPEN".equals(tasks.get(k).path("state").asText())
                            && tasks.get(k).path("polls").asInt() > 0)
                    && outputs("photos/").size() == free.size();
        });

        // the gate: from here on Claid keeps every submission waiting, before acting on it, so that no task can be
        // accepted in the instant of the kill
        claid.faults().next(10_000).delay(GATE).on(ApiOperation.EDIT_ASYNC);
        inputs.subList(FIRST_HALF, IMAGES).forEach(this::putImage);
        await(first, "a submission of the second half caught at the gate",
                () -> submissions().size() > FIRST_HALF);
        first.kill();

        // the premise: done, in flight, cut off while being submitted; nothing paid beyond the first half
        assertThat(claid.paidSubmissionCount(ApiOperation.EDIT_ASYNC)).as("paid at the kill").isEqualTo(FIRST_HALF);
        assertThat(outputs("")).as("stored at the kill").containsExactlyInAnyOrderElementsOf(outputKeys(free));
        Set<String> paidAtKill = claid.paidSubmissions().stream().map(PaidSubmission::requestId)
                .collect(Collectors.toSet());
        List<String> cutOff = submissions().stream().filter(r -> !paidAtKill.contains(r.requestId()))
                .map(BucketPipelineRestartIT::sourceKey).toList();
        assertThat(cutOff).as("submissions cut off by the kill").isNotEmpty()
                .allMatch(k -> inputs.indexOf(k) >= FIRST_HALF);
        System.out.printf("At the kill: %d images stored, %d in flight at Claid, %d being submitted, %d not submitted"
                + " yet%n", free.size(), held.size(), cutOff.size(), IMAGES - FIRST_HALF - cutOff.size());

        claid.faults().clear();
        assertThat(claid.releaseHeldTasks()).as("held tasks").isEqualTo(held.size());
        ChildJvm second = start(settings);
        await(second, "every output stored and every task finished", () -> outputs("photos/").size() == IMAGES
                && ledgerTasksBySourceKey(ledger).values().stream()
                        .filter(t -> "FINISHED".equals(t.path("state").asText())).count() == IMAGES);
        // a full round of listings more: every image is read again, and none may be submitted again
        long polls = polls(second);
        await(second, "another round of bucket polls", () -> polls(second) > polls + IMAGES / IMAGES_PER_POLL + 1);
        second.stop();

        assertThat(outputs("failed/")).as("failure reports").isEmpty();
        assertThat(outputs("")).as("outputs").containsExactlyInAnyOrderElementsOf(outputKeys(inputs));
        List<PaidSubmission> paid = claid.paidSubmissions();
        assertThat(paid).extracting(PaidSubmission::operation).containsOnly(ApiOperation.EDIT_ASYNC);
        assertThat(claid.paidSubmissionCount(ApiOperation.EDIT_ASYNC)).as("paid submissions").isEqualTo(IMAGES);
        Map<String, RecordedRequest> requests = claid.requests().stream()
                .collect(Collectors.toMap(RecordedRequest::requestId, Function.identity()));
        Map<String, Long> taskOfImage = new HashMap<>();
        for (PaidSubmission submission : paid) {
            String image = sourceKey(requests.get(submission.requestId()));
            assertThat(taskOfImage.put(image, submission.taskId())).as("a second paid submission of %s", image)
                    .isNull();
        }
        assertThat(taskOfImage.keySet()).as("images paid for").containsExactlyInAnyOrderElementsOf(inputs);
        // each output is the result of the one task paid for its image (the held ones: submitted before the kill)
        for (String image : inputs) {
            Map<String, String> metadata = s3.server().client().headObject(b -> b.bucket(BucketPipeline.OUTPUT_BUCKET)
                    .key(outputKey(image))).metadata();
            assertThat(metadata).as("metadata of %s", outputKey(image))
                    .containsEntry("source-key", image)
                    .containsEntry("claid-task-id", String.valueOf(taskOfImage.get(image)));
        }
    }

    /** Image i's key; a quarter of the first half carries the {@code hold} marker. */
    static String inputKey(int i) {
        boolean hold = i < FIRST_HALF && i % 4 == 3;
        return String.format("photos/image-%02d%s.jpg", i, hold ? "-hold" : "");
    }

    static String outputKey(String inputKey) {
        return inputKey.substring(0, inputKey.lastIndexOf('.')) + ".png";
    }

    static List<String> outputKeys(List<String> inputKeys) {
        return inputKeys.stream().map(BucketPipelineRestartIT::outputKey).toList();
    }

    private void putImage(String key) {
        s3.server().put(BucketPipeline.INPUT_BUCKET, key, SampleImages.jpeg(200, 150, key.hashCode() & 0xff));
    }

    private List<String> outputs(String prefix) {
        return s3.server().keys(BucketPipeline.OUTPUT_BUCKET, prefix);
    }

    /** The submissions Claid received, acted on or not. */
    private List<RecordedRequest> submissions() {
        return claid.requests().stream().filter(r -> r.method().equals(ApiOperation.EDIT_ASYNC.method())
                && r.path().equals(ApiOperation.EDIT_ASYNC.pathTemplate())).toList();
    }

    /** The image a submission is for: the key in the path of its presigned input URL. */
    private static String sourceKey(RecordedRequest submission) {
        try {
            String path = URI.create(JSON.readTree(submission.body()).path("input").asText()).getPath();
            String bucketPath = "/" + BucketPipeline.INPUT_BUCKET + "/";
            assertThat(path).as("input URL path of %s", submission).startsWith(bucketPath);
            return path.substring(bucketPath.length());
        } catch (IOException e) {
            throw new AssertionError("Unreadable submission " + submission, e);
        }
    }

    /** The pipeline's settings over {@code routes/application.properties}: the local servers, small polls. */
    private Path writeSettings(Path stateDir) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(BucketPipeline.local(claid, s3.server(), stateDir));
        settings.put("pipeline.mode", "async");
        settings.put("pipeline.input-mode", "presigned");
        // a few images per poll, so that submissions spread over time as they would in a busy bucket
        settings.put("pipeline.poll-delay", "100");
        settings.put("pipeline.images-per-poll", String.valueOf(IMAGES_PER_POLL));
        settings.put("camel.component.claid.task-poll-interval", "50");
        // held tasks are polled again and again; keep the back-off short so the restart sees them end soon
        settings.put("camel.component.claid.task-poll-max-interval", "200");
        Properties properties = new Properties();
        properties.putAll(settings);
        Path file = dir.resolve("pipeline.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "BucketPipelineRestartIT");
        }
        return file;
    }

    private ChildJvm start(Path settings) throws IOException {
        ChildJvm child = ChildJvm.start("pipeline-" + (children.size() + 1), BucketPipelineProcess.class,
                List.of(settings.toString()), Map.of(ClaidComponent.API_KEY_VARIABLE, claid.apiKey()), PATIENCE,
                line -> line.startsWith(BucketPipelineProcess.POLLS) || line.equals(BucketPipelineProcess.STARTED));
        children.add(child);
        return child;
    }

    /** How many times the child's input route has listed the bucket, by its last report. */
    private static long polls(ChildJvm child) {
        String last = child.lastLine(BucketPipelineProcess.POLLS);
        return last == null ? 0 : Long.parseLong(last.substring(BucketPipelineProcess.POLLS.length()).trim());
    }

    /**
     * Waits for the condition, failing at once if the pipeline wrote a failure report (no image here should fail) or
     * paid for more submissions than there are images: the promise is broken, and waiting on would only time out.
     */
    private void await(ChildJvm child, String what, ChildJvm.Condition condition) {
        child.await(what, () -> {
            List<String> failed = outputs("failed/");
            if (!failed.isEmpty()) {
                fail("failures " + failed + " reported while waiting for " + what);
            }
            long paid = claid.paidSubmissionCount(ApiOperation.EDIT_ASYNC);
            if (paid > IMAGES) {
                fail(paid + " paid submissions for " + IMAGES + " images while waiting for " + what);
            }
            return condition.holds();
        });
    }

    /**
     * The ledger file as seen from outside while the pipeline writes it: the last line of each task wins, a purge
     * forgets keys, a line being written is not read yet. By the image each task is for (its correlation header).
     */
    private static Map<String, JsonNode> ledgerTasksBySourceKey(Path ledger) throws IOException {
        Map<String, JsonNode> tasks = LedgerFileView.namedTasksByKey(ledger);
        Map<String, JsonNode> bySource = new HashMap<>();
        for (JsonNode task : tasks.values()) {
            String source = task.path("correlation").path(PipelineHeaders.SOURCE_KEY).asText();
            if (bySource.put(source, task) != null) {
                fail("Two tasks in the ledger for " + source + ": " + tasks.values());
            }
        }
        return bySource;
    }
}
