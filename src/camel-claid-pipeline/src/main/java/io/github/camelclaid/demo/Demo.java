package io.github.camelclaid.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * result or a failure report (CI's smoke test); otherwise it keeps watching the bucket until Ctrl+C. The local S3
 * server keeps its buckets as folders under {@code target/demo/buckets}, so the results can be opened after it ends,
 * and {@code target/demo/index.html} shows each input beside its result.
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
        // the local S3 server keeps its buckets here, as folders and files, so the results outlive the demo
        Path buckets = work.resolve("buckets");
        deleteRecursively(buckets);
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
                localS3 = LocalS3Server.builder().workDir(work.resolve("s3")).storageDirectory(buckets).build().start();
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
            Path bucketsDir = localS3 == null ? null : buckets;
            System.out.println("Dropped " + samples.size() + " sample images into " + inputBucket + "/" + SAMPLE_PREFIX
                    + "; results go to " + outputBucket
                    + (bucketsDir == null ? "" : ", a folder of " + bucketsDir));

            // with real Claid the component reads CLAID_API_KEY itself
            Main main = BucketPipeline.main(settings, localClaid == null ? null : localClaid.apiKey());
            if (!exitWhenDone) {
                DemoResults results = new DemoResults(s3, inputBucket, outputBucket, "", bucketsDir,
                        work.resolve("index.html"));
                watch(main, results);
                return;
            }
            DemoResults results = new DemoResults(s3, inputBucket, outputBucket, SAMPLE_PREFIX, bucketsDir,
                    work.resolve("index.html"));
            main.start();
            try {
                awaitResults(results, samples.size(), Duration.ofMinutes(5));
            } finally {
                main.stop();
            }
            results.printSummary();
            if (results.results().size() != samples.size() || !results.failures().isEmpty()) {
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

    /**
     * Runs until Ctrl+C, telling each result as it lands. Ctrl+C stops the routes from a shutdown hook of this class:
     * Camel Main's own hook only signals its run loop, and the JVM would end before the routes had stopped.
     */
    private static void watch(Main main, DemoResults results) throws Exception {
        System.out.println("Watching the input bucket: put more images there; Ctrl+C stops.");
        ScheduledExecutorService teller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "demo-results");
            thread.setDaemon(true);
            return thread;
        });
        teller.scheduleWithFixedDelay(() -> {
            try {
                results.tellNew();
            } catch (RuntimeException e) {
                // the bucket could not be listed this time (the S3 server is starting or stopping): next time
            }
        }, 1, 1, TimeUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            teller.shutdownNow();
            main.stop();
            results.printSummary();
        }, "demo-stop"));
        main.run();
    }

    /**
     * Waits until every sample has a result or a failure report, checking the output bucket twice a second and
     * telling each as it lands.
     */
    private static void awaitResults(DemoResults results, int expected, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (results.tellNew() < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not all " + expected + " samples were processed within " + atMost);
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
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
