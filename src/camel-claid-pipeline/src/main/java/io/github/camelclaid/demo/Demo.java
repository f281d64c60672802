package io.github.camelclaid.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import io.github.camelclaid.s3.LocalS3Server;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.SampleImages;
import org.apache.camel.main.Main;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The README's first command: the bucket pipeline of {@code routes/} over a handful of sample images it makes itself.
 *
 * <p>
 * With nothing set it works offline: it starts a real S3-compatible server (S3Proxy, in a child JVM) and the local
 * Claid-compatible server, both on 127.0.0.1, creates the buckets and drops the samples in. With {@code CLAID_API_KEY}
 * it calls the real Claid API; Claid cannot read a bucket on this machine, so the images are then uploaded (sync
 * mode) unless {@code PIPELINE_INPUT_BUCKET} names a real bucket, in which case AWS is used as configured in the
 * environment and the routes' own settings apply. {@code -Ddemo.exitWhenDone=true} stops it once every sample has a
 * result or a failure report (CI's smoke test); otherwise it keeps watching the bucket until Ctrl+C.
 */
public final class Demo {

    static final int SAMPLES = 5;
    static final String SAMPLE_PREFIX = "samples/";

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        boolean exitWhenDone = Boolean.getBoolean("demo.exitWhenDone");
        Path work = Path.of("target", "demo").toAbsolutePath();
        // each run starts afresh: the samples are the same every time, and a kept record would call them done
        deleteRecursively(work.resolve("state"));
        Files.createDirectories(work);
        String apiKey = System.getenv("CLAID_API_KEY");
        boolean realClaid = apiKey != null && !apiKey.isBlank();
        boolean realS3 = realClaid && System.getenv("PIPELINE_INPUT_BUCKET") != null;

        LocalClaidServer localClaid = null;
        LocalS3Server localS3 = null;
        try {
            Map<String, String> settings = new LinkedHashMap<>();
            String inputBucket = envOr("PIPELINE_INPUT_BUCKET", BucketPipeline.INPUT_BUCKET);
            String outputBucket = envOr("PIPELINE_OUTPUT_BUCKET", BucketPipeline.OUTPUT_BUCKET);
            S3Client s3;
            if (realS3) {
                System.out.println("Using Claid at " + envOr("CLAID_BASE_URL", "https://api.claid.ai")
                        + " and the buckets " + inputBucket + " -> " + outputBucket + " as configured for AWS");
                s3 = S3Client.create();
            } else {
                localS3 = LocalS3Server.builder().workDir(work.resolve("s3")).build().start();
                s3 = localS3.client();
                localS3.createBucket(inputBucket);
                localS3.createBucket(outputBucket);
                if (realClaid) {
                    settings.putAll(BucketPipeline.local(envOr("CLAID_BASE_URL", "https://api.claid.ai"), localS3,
                            work.resolve("state")));
                    // Claid cannot reach a bucket on this machine: the bytes go up with each call
                    settings.put("pipeline.mode", "sync");
                    settings.put("pipeline.input-mode", "upload");
                    System.out.println("Using Claid at " + settings.get("camel.component.claid.base-url")
                            + " and a local S3 server at " + localS3.endpoint() + " (images are uploaded)");
                } else {
                    localClaid = LocalClaidServer.builder().apiKey("demo-key").build().start();
                    settings.putAll(BucketPipeline.local(localClaid, localS3, work.resolve("state")));
                    System.out.println("No CLAID_API_KEY set: a local Claid-compatible server at "
                            + localClaid.baseUrl() + " and a local S3 server at " + localS3.endpoint());
                }
                settings.put("pipeline.poll-delay", "500");
            }
            List<String> samples = dropSamples(s3, inputBucket, work.resolve("samples"));
            System.out.println("Dropped " + samples.size() + " sample images into " + inputBucket + "/" + SAMPLE_PREFIX
                    + "; results go to " + outputBucket);

            // with real Claid the component reads CLAID_API_KEY itself
            Main main = BucketPipeline.main(settings, localClaid == null ? null : localClaid.apiKey());
            if (!exitWhenDone) {
                System.out.println("Watching " + inputBucket + ": put more images there; Ctrl+C stops.");
                main.run();
                return;
            }
            main.start();
            try {
                awaitResults(s3, outputBucket, samples.size(), Duration.ofMinutes(5));
            } finally {
                main.stop();
            }
            List<String> results = keys(s3, outputBucket, SAMPLE_PREFIX);
            List<String> failed = keys(s3, outputBucket, "failed/" + SAMPLE_PREFIX);
            System.out.println();
            System.out.println("Processed " + samples.size() + " samples: " + results.size() + " results in "
                    + outputBucket + "/" + SAMPLE_PREFIX + (failed.isEmpty() ? ""
                            : ", " + failed.size() + " failure reports in " + outputBucket + "/failed/"));
            for (String result : results) {
                System.out.println("  " + outputBucket + "/" + result);
            }
            if (results.size() != samples.size() || !failed.isEmpty()) {
                System.exit(1);
            }
        } finally {
            if (localClaid != null) {
                localClaid.close();
            }
            if (localS3 != null) {
                localS3.close();
            }
        }
    }

    /** Puts the sample images under {@value #SAMPLE_PREFIX} in the input bucket; returns their keys. */
    private static List<String> dropSamples(S3Client s3, String bucket, Path dir) throws IOException {
        return SampleImages.write(dir, SAMPLES).stream().map(file -> {
            String key = SAMPLE_PREFIX + file.getFileName();
            s3.putObject(b -> b.bucket(bucket).key(key), file);
            return key;
        }).toList();
    }

    /** Waits until every sample has a result or a failure report, checking the output bucket twice a second. */
    private static void awaitResults(S3Client s3, String bucket, int expected, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (keys(s3, bucket, SAMPLE_PREFIX).size() + keys(s3, bucket, "failed/" + SAMPLE_PREFIX).size() < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not all " + expected + " samples were processed within " + atMost);
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
    }

    private static List<String> keys(S3Client s3, String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(o -> o.key()).sorted().toList();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
