package io.github.camelclaid.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.component.ClaidComponent;
import io.github.camelclaid.demo.BucketPipeline;
import io.github.camelclaid.testserver.SampleImages;
import io.github.camelclaid.s3.LocalS3Server;
import io.github.camelclaid.testserver.FaultMix;
import io.github.camelclaid.testserver.InjectedFault;
import io.github.camelclaid.testserver.LocalClaidServer;
import io.github.camelclaid.testserver.PaidSubmission;
import io.github.camelclaid.testserver.RecordedRequest;
import io.github.camelclaid.testserver.WebhookDelivery;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The fault-injection run of {@code docs/reliability.md}: pushes images through the bucket pipeline of {@code routes/}
 * (async, presigned input, webhook on) in a JVM of its own, against the local Claid server in random fault mode
 * ({@link io.github.camelclaid.testserver.Faults#randomly}), kills that JVM with SIGKILL part way (once two thirds
 * as many submissions as images have reached Claid) and starts it again on the same state, then prints one table of
 * what went in, what was injected, what came out and what was paid.
 *
 * <p>
 * Why a run and not only unit tests: each retry rule and each ledger state has its test, but the promises (no image
 * lost, none paid twice, no output twice) are about all of them together, under faults that overlap in time. The
 * figures come from the servers, not from the pipeline: outputs and reports are read from the S3 bucket, payments from
 * the local Claid server's paid submissions, output writes from the pipeline's {@code done} log lines.
 *
 * <p>
 * <b>Timing the kill.</b> The kill is abrupt (tasks in flight at Claid, outputs being stored, images being read), but
 * it avoids the one window no local bookkeeping can close: Claid acting on a submission whose answer the pipeline has
 * not recorded yet (Claid has no idempotency key; {@code docs/bucket-pipeline.md}, <i>The limits</i>). The server
 * holds every submission after the first two thirds as many as there are images unacted on, the run waits until the
 * submissions already in progress are answered and each paid submission is in the ledger or reported failed, and
 * kills. The held ones are never acted on; the restarted pipeline cannot tell them from submissions Claid may have
 * acted on, so it waits for Claid to name their task and reports them UNCONFIRMED. A kill that could not wait for that
 * is reported in the table. The hold is armed before the run and counted by the server, so it begins at that
 * submission whatever the timing: at least a third of the images have no output or report at the kill, even when the
 * submissions queued behind a 429 storm all go at once. The kill follows at once rather than at a moment with nothing
 * in progress, which with slow answers among the faults can come seconds later, when few images are left in flight.
 *
 * <p>
 * Run: {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=io.github.camelclaid.pipeline.FaultInjectionRun
 * -Dexec.classpathScope=test -Dexec.args="--images 300 --seed 42"}. {@link FaultInjectionRunIT} runs a small one.
 */
public final class FaultInjectionRun {

    static final String WEBHOOK_SECRET = "fault-injection-webhook-secret";
    static final ObjectMapper JSON = new ObjectMapper();
    /** A held submission waits this long, longer than any run; closing the server abandons it. */
    static final Duration HOLD = Duration.ofHours(1);
    static final int HOLD_TIMES = 1_000_000;
    static final Pattern DONE = Pattern.compile("claid-pipeline - done (\\S+): ");
    static final Pattern UNKNOWN_TASK = Pattern.compile("claid-pipeline - unknown task (\\S+) ");
    /** A submission whose answer was lost: the image goes on unconfirmed, waiting for Claid to name its task. */
    static final Pattern UNCONFIRMED = Pattern.compile("claid-pipeline - submitted (\\S+): task .*UNCONFIRMED");
    /** How long an unconfirmed submission waits for Claid's webhook to name its task. */
    static final Duration UNCONFIRMED_WAIT = Duration.ofSeconds(20);
    /**
     * Claid delivers again 3, 6 and 12 s after a failed notification; at half that pace the attempts still span a
     * pipeline restart (a few seconds here), as Claid's do. Compressed further, a notification sent during the restart
     * would be lost only because the test sped Claid up.
     */
    static final double WEBHOOK_TIME_SCALE = 0.5;

    /**
     * @param images   how many images go in
     * @param imagesPerPoll how many images the pipeline reads per poll (every 200 ms): small enough that images are
     *                 still arriving and in flight when the kill comes
     * @param everyKindFirst each fault kind once before the random draws (the CI-sized run)
     * @param seed     the seed of the fault draws (and of the task durations)
     * @param faultP   the probability of each request fault kind per API request (and of a 429 storm beginning)
     * @param patience the longest any phase may take
     * @param workDir  where state, settings and the pipeline's logs go
     */
    record Options(int images, int imagesPerPoll, long seed, double faultP, boolean everyKindFirst, Duration patience,
            Path workDir) {

        /** Each request fault kind with the same probability; tasks in ERROR 5 %, webhooks duplicated 10 %, forged 5 %. */
        FaultMix mix() {
            return new FaultMix(faultP, 3, faultP, faultP, faultP, faultP, faultP, faultP, SLOW_ANSWER, faultP,
                    0.05, 0.10, 0.05, everyKindFirst);
        }
    }

    /** The client's response timeout in the pipeline, and a slow answer, well past it. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration SLOW_ANSWER = Duration.ofSeconds(2);
    /**
     * How long the kill waits for the submissions in progress when the hold begins: the slowest is a slow answer,
     * and its outcome is recorded well within as long again.
     */
    static final Duration QUIET_WAIT = SLOW_ANSWER.multipliedBy(2);

    /** What a failure report says happened, grouped by who is to blame. */
    enum FailureClass {
        TASK_ERROR("task ended in ERROR (Claid failed it)", true),
        CLAID_500("Claid answered 500 (Claid failed it)", true),
        GATEWAY("502/503 answer to the submission: Claid may have acted, not re-sent", false),
        NO_ANSWER("no answer (dropped, timed out): Claid may have acted, not re-sent", false),
        UNREADABLE("unreadable answer: Claid may have acted, not re-sent", false),
        UNCONFIRMED("answer lost and no task named by Claid within the wait: Claid may have acted, not re-sent", false),
        OTHER("any other reason (a broken promise)", false);

        final String label;
        final boolean byClaid;

        FailureClass(String label, boolean byClaid) {
            this.label = label;
            this.byClaid = byClaid;
        }
    }

    /** Everything the table shows; the test asserts on it. */
    record Result(int images, long seed, Map<InjectedFault, Long> injected, Set<String> delivered,
            Map<String, FailureClass> reported, Map<FailureClass, Long> reportsByClass, List<String> otherReasons,
            Set<String> lost, Set<String> deliveredAndReported, Map<String, Integer> paidPerImage,
            int paidUnattributed, int deliveredNotFromItsPaidTask, List<String> duplicateOutputs, int restoredAfterKill,
            int paidTasksLost, int mayHaveActedAndPaid, int unknownTasksNotified, Set<String> unconfirmed,
            Set<String> unconfirmedNotifiedUnused,
            long errorsLogged, long deferred,
            int outputsAtKill, int openAtKill, boolean killPremiseMet, int heldAtKill, Duration runTime) {

        double paidPerDeliveredImage() {
            return delivered.stream().mapToInt(k -> paidPerImage.getOrDefault(k, 0)).average().orElse(Double.NaN);
        }

        int maxPaidPerImage() {
            return paidPerImage.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        long deliveredPaidOtherThanOnce() {
            return delivered.stream().filter(k -> paidPerImage.getOrDefault(k, 0) != 1).count();
        }

        String table() {
            StringBuilder t = new StringBuilder();
            t.append(String.format("Fault-injection run: %d images, seed %d, SIGKILL at %d outputs and restart%n%n",
                    images, seed, outputsAtKill));
            t.append("| | count |\n| --- | --- |\n");
            row(t, "images in", images);
            injected.forEach((kind, n) -> row(t, "fault injected: " + kind.label(), n));
            row(t, "submissions whose answer was lost after Claid may have acted (not re-sent; waited for Claid to"
                    + " name the task)", unconfirmed.size());
            row(t, "&nbsp;&nbsp;their task notified by Claid, adopted, output stored", unconfirmed.stream()
                    .filter(delivered::contains).count());
            row(t, "&nbsp;&nbsp;their task notified by Claid, ended in ERROR, reported", unconfirmed.stream()
                    .filter(k -> reported.get(k) == FailureClass.TASK_ERROR).count());
            row(t, "&nbsp;&nbsp;no task named within the wait, reported UNCONFIRMED", unconfirmed.stream()
                    .filter(k -> reported.get(k) == FailureClass.UNCONFIRMED).count());
            row(t, "&nbsp;&nbsp;of those, paid and notified genuinely while the pipeline ran, yet not used",
                    unconfirmedNotifiedUnused.size());
            row(t, "outputs delivered", delivered.size());
            row(t, "failures reported to failed/", reported.size());
            reportsByClass.forEach((c, n) -> row(t, "&nbsp;&nbsp;" + c.label, n));
            row(t, "&nbsp;&nbsp;of the \"may have acted\": Claid had acted (paid, no output)", mayHaveActedAndPaid);
            row(t, "tasks notified by Claid that the pipeline could not match to an image (logged, nothing stored)",
                    unknownTasksNotified);
            row(t, "images lost (in − delivered − reported)", lost.size());
            row(t, "images with both an output and a report", deliveredAndReported.size());
            t.append(String.format("| paid submissions per delivered image | %.2f (%d delivered images paid other"
                    + " than once) |%n", paidPerDeliveredImage(), deliveredPaidOtherThanOnce()));
            row(t, "most paid submissions for one image", maxPaidPerImage());
            row(t, "paid submissions not matched to an image", paidUnattributed);
            row(t, "paid tasks lost (paid, image neither delivered nor reported)", paidTasksLost);
            row(t, "outputs not from their image's paid task", deliveredNotFromItsPaidTask);
            row(t, "duplicate outputs (one image stored twice by one JVM, or from two tasks)", duplicateOutputs.size());
            row(t, "outputs stored again after the kill (same task, nothing paid)", restoredAfterKill);
            row(t, "images without an output or a report at the kill (in flight or not read yet)", openAtKill);
            row(t, "submissions held unacted at the kill (never acted on)", heldAtKill);
            row(t, "submissions refused by the open outage circuit (image read again later)", deferred);
            row(t, "other ERROR lines logged by the pipeline", errorsLogged);
            t.append(String.format("| kill outside the paid-but-unrecorded window | %s |%n",
                    killPremiseMet ? "yes" : "NO"));
            t.append(String.format("| run time | %.1f s |%n", runTime.toMillis() / 1000.0));
            return t.toString();
        }

        private static void row(StringBuilder t, String what, long n) {
            t.append("| ").append(what).append(" | ").append(n).append(" |\n");
        }
    }

    private FaultInjectionRun() {
    }

    /**
     * Options: {@code --images 300}, {@code --seed 42}, {@code --fault-probability 0.02} (each request fault kind),
     * {@code --every-kind-first false} (each kind once before the draws, as the CI-sized run does).
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int images = Integer.parseInt(options.getOrDefault("images", "300"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        double p = Double.parseDouble(options.getOrDefault("fault-probability", "0.02"));
        boolean everyKindFirst = Boolean.parseBoolean(options.getOrDefault("every-kind-first", "false"));
        Path workDir = Files.createTempDirectory("claid-fault-injection-");
        int perPoll = Integer.parseInt(options.getOrDefault("images-per-poll", "10"));
        Result result = run(new Options(images, perPoll, seed, p, everyKindFirst, Duration.ofMinutes(20), workDir),
                System.out);
        System.out.println();
        System.out.println(result.table());
        System.out.println("(state and the pipeline's logs: " + workDir + ")");
        // exec:java keeps the Maven JVM; the servers' threads are daemons but a clean exit is clearer
        System.exit(0);
    }

    /** One run; progress lines go to {@code progress}. */
    static Result run(Options options, java.io.PrintStream progress) throws Exception {
        long started = System.nanoTime();
        Path workDir = options.workDir();
        Path stateDir = Files.createDirectories(workDir.resolve("state"));
        int webhookPort = freeLoopbackPort();
        URI webhook = URI.create("http://127.0.0.1:" + webhookPort + "/claid/webhook");
        try (LocalS3Server s3 = LocalS3Server.builder().workDir(Files.createDirectories(workDir.resolve("s3")))
                .build().start();
             LocalClaidServer claid = LocalClaidServer.builder().apiKey("fault-injection-key")
                     .acceptedFor(Duration.ofMillis(20)).processingFor(Duration.ofMillis(100))
                     .processingSpread(Duration.ofMillis(300)).randomSeed(options.seed())
                     .webhook(webhook, WEBHOOK_SECRET).webhookTimeScale(WEBHOOK_TIME_SCALE).webhookTimeout(Duration.ofSeconds(2))
                     .build().start()) {
            s3.createBucket(BucketPipeline.INPUT_BUCKET);
            s3.createBucket(BucketPipeline.OUTPUT_BUCKET);
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i < options.images(); i++) {
                String key = String.format("photos/image-%04d.jpg", i);
                s3.put(BucketPipeline.INPUT_BUCKET, key, SampleImages.jpeg(120, 90, i));
                inputs.add(key);
            }
            Path settings = writeSettings(workDir, claid, s3, stateDir, webhookPort, options.imagesPerPoll());
            Path ledger = stateDir.resolve("claid-tasks.jsonl");
            claid.faults().randomly(options.seed(), options.mix());
            Run run = new Run(options, claid, settings, new ArrayList<>());
            try {
                return run(options, progress, inputs, claid, s3, ledger, run, started);
            } finally {
                // a failed run must not leave a JVM behind
                run.children().forEach(Child::killQuietly);
            }
        }
    }

    private static Result run(Options options, java.io.PrintStream progress, List<String> inputs,
                              LocalClaidServer claid, LocalS3Server s3, Path ledger, Run run, long started)
            throws Exception {
        progress.printf("%d images in; fault-injection run starting (seed %d)%n", inputs.size(), options.seed());

        // first JVM, killed once two thirds as many submissions as images have reached Claid: the hold is armed
        // before the run and counted by the server, so a burst of submissions (the rate budget back after a storm)
        // cannot overtake it, and at least a third of the images are still without an output or a report at the kill
        int beforeHold = options.images() * 2 / 3;
        claid.faults().next(HOLD_TIMES).afterTheFirst(beforeHold).delay(HOLD).on(ApiOperation.EDIT_ASYNC);
        Child first = run.start(1);
        first.await("two thirds as many submissions as images", () -> claid.faults().armed() < HOLD_TIMES);
        boolean premise = true;
        try {
            Awaitility.await("every paid submission recorded or reported, none acted on in progress")
                    .atMost(QUIET_WAIT).pollInterval(Duration.ofMillis(5)).until(() -> {
                        int held = HOLD_TIMES - claid.faults().armed();
                        return claid.submissionsInProgress() == held
                                && paidImagesUnrecorded(claid, s3, ledger).isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            premise = false;
        }
        int outputsAtKill = outputs(s3, "photos/").size();
        int openAtKill = inputs.size() - outputs(s3, "").size();
        first.kill();
        int heldAtKill = HOLD_TIMES - claid.faults().armed();
        claid.faults().disarm();
        progress.printf("killed the pipeline with SIGKILL at %d outputs, %d images without an output or a report"
                + " (%d submissions held unacted)%s%n", outputsAtKill, openAtKill, heldAtKill,
                premise ? "" : "; the kill could not wait for the quiet moment");

        // second JVM on the same state, until every image has an output or a report, then a round of polls more
        Child second = run.start(2);
        second.await("every image delivered or reported", () -> {
            Set<String> accounted = new HashSet<>(deliveredImages(s3));
            accounted.addAll(reportedImages(s3));
            return accounted.containsAll(inputs);
        });
        long polls = second.polls();
        second.await("another round of bucket polls", () -> second.polls() > polls + 3);
        second.stop();
        claid.faults().stopRandom();
        progress.println("done; counting");
        return count(options, progress, inputs, claid, s3, List.of(first, second), outputsAtKill, openAtKill, premise,
                heldAtKill,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static Result count(Options options, java.io.PrintStream progress, List<String> inputs,
                                LocalClaidServer claid, LocalS3Server s3, List<Child> children, int outputsAtKill,
                                int openAtKill, boolean premise, int heldAtKill, Duration runTime) throws IOException {
        Set<String> delivered = new HashSet<>(deliveredImages(s3));
        Map<String, FailureClass> reported = new TreeMap<>();
        List<String> otherReasons = new ArrayList<>();
        for (String reportKey : outputs(s3, "failed/")) {
            JsonNode report = JSON.readTree(s3.get(BucketPipeline.OUTPUT_BUCKET, reportKey));
            FailureClass failureClass = classify(report);
            reported.put(report.path("source").path("key").asText(), failureClass);
            if (failureClass == FailureClass.OTHER) {
                otherReasons.add(report.path("source").path("key").asText() + ": " + report.path("reason").asText()
                        + " " + report.path("httpStatus").asText() + " " + report.path("message").asText());
            }
        }
        Map<FailureClass, Long> byClass = new LinkedHashMap<>();
        for (FailureClass c : FailureClass.values()) {
            byClass.put(c, reported.values().stream().filter(c::equals).count());
        }
        Set<String> lost = new HashSet<>(inputs);
        lost.removeAll(delivered);
        lost.removeAll(reported.keySet());
        Set<String> both = new HashSet<>(delivered);
        both.retainAll(reported.keySet());

        Map<String, RecordedRequest> requests = claid.requests().stream()
                .collect(Collectors.toMap(RecordedRequest::requestId, r -> r, (a, b) -> a));
        Map<String, Integer> paidPerImage = new HashMap<>();
        Map<String, List<Long>> tasksOfImage = new HashMap<>();
        int unattributed = 0;
        for (PaidSubmission paid : claid.paidSubmissions()) {
            String image = sourceKey(requests.get(paid.requestId()));
            if (image == null) {
                unattributed++;
                continue;
            }
            paidPerImage.merge(image, 1, Integer::sum);
            tasksOfImage.computeIfAbsent(image, k -> new ArrayList<>()).add(paid.taskId());
        }
        int notFromPaidTask = 0;
        for (String image : delivered) {
            Map<String, String> metadata = s3.client().headObject(b -> b.bucket(BucketPipeline.OUTPUT_BUCKET)
                    .key(outputKey(image))).metadata();
            List<Long> tasks = tasksOfImage.getOrDefault(image, List.of());
            if (!tasks.contains(Long.valueOf(metadata.getOrDefault("claid-task-id", "-1")))) {
                notFromPaidTask++;
            }
        }
        int paidTasksLost = (int) tasksOfImage.keySet().stream()
                .filter(k -> !delivered.contains(k) && !reported.containsKey(k)).count();
        int mayHaveActedAndPaid = (int) reported.entrySet().stream()
                .filter(e -> !e.getValue().byClaid && e.getValue() != FailureClass.OTHER)
                .filter(e -> paidPerImage.getOrDefault(e.getKey(), 0) > 0).count();

        // output writes, from the "done <key>" lines: twice in one JVM, or from two tasks, is a duplicate; once
        // before and once after the kill is the output of the same task stored again (the ledger had not marked
        // the task finished when the kill came), nothing paid
        List<String> duplicates = new ArrayList<>();
        int restored = 0;
        Map<String, Integer> firstWrites = children.get(0).doneCounts();
        Map<String, Integer> secondWrites = children.get(1).doneCounts();
        for (String image : inputs) {
            int a = firstWrites.getOrDefault(image, 0);
            int b = secondWrites.getOrDefault(image, 0);
            if (a > 1 || b > 1 || tasksOfImage.getOrDefault(image, List.of()).size() > 1 && a + b > 1) {
                duplicates.add(image + " (stored " + a + " times before the kill, " + b + " after)");
            } else if (a == 1 && b == 1) {
                restored++;
            }
        }
        Set<String> unknownTasks = new HashSet<>();
        Set<String> unconfirmed = new HashSet<>();
        long errorsLogged = 0;
        long deferred = 0;
        for (Child child : children) {
            unknownTasks.addAll(child.unknownTasks());
            unconfirmed.addAll(child.unconfirmed());
            errorsLogged += child.errors();
            deferred += child.deferred();
        }
        // an unconfirmed submission whose task Claid notified, with a genuine signature, to the pipeline's webhook
        // consumer must have been matched. One notified only forged (this server's forged fault replaces the genuine
        // notification), or only while the pipeline was down (no answer) or starting (the HTTP server answers 404
        // until the webhook route is up, and a 4xx is not delivered again) cannot be
        Set<Long> genuinelyReceived = claid.webhookDeliveries().stream()
                .filter(d -> !d.forgedSignature() && (d.statusCode() / 100 == 2 || d.statusCode() >= 500))
                .map(d -> d.taskId()).collect(Collectors.toSet());
        progress.println("webhook deliveries answered other than 2xx/401/5xx: " + claid.webhookDeliveries().stream()
                .filter(d -> d.statusCode() > 0 && d.statusCode() / 100 != 2 && d.statusCode() != 401
                        && d.statusCode() < 500).map(WebhookDelivery::toString).toList());
        Set<String> unconfirmedNotifiedUnused = unconfirmed.stream()
                .filter(k -> !delivered.contains(k) && reported.get(k) != FailureClass.TASK_ERROR)
                .filter(k -> tasksOfImage.getOrDefault(k, List.of()).stream().anyMatch(genuinelyReceived::contains))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        return new Result(options.images(), options.seed(), claid.faults().injectedCounts(), delivered, reported,
                byClass, otherReasons, lost, both, paidPerImage, unattributed, notFromPaidTask, duplicates, restored,
                paidTasksLost, mayHaveActedAndPaid, unknownTasks.size(), unconfirmed, unconfirmedNotifiedUnused,
                errorsLogged, deferred,
                outputsAtKill,
                openAtKill,
                premise, heldAtKill, runTime);
    }

    /** Which of the {@link FailureClass}es a report of {@link FailureReport} belongs to. */
    static FailureClass classify(JsonNode report) {
        String reason = report.path("reason").asText();
        int status = report.path("httpStatus").asInt(0);
        switch (reason) {
            case "TASK_FAILED":
                return FailureClass.TASK_ERROR;
            case "HTTP_ERROR":
                if (status == 500) {
                    return FailureClass.CLAID_500;
                }
                return status == 502 || status == 503 || status == 504 ? FailureClass.GATEWAY : FailureClass.OTHER;
            case "NETWORK":
                return FailureClass.NO_ANSWER;
            case "INVALID_RESPONSE":
                return FailureClass.UNREADABLE;
            case "UNCONFIRMED":
                return FailureClass.UNCONFIRMED;
            default:
                return FailureClass.OTHER;
        }
    }

    /** Images Claid acted on (paid) that the pipeline has neither in its ledger nor reported failed. */
    private static Set<String> paidImagesUnrecorded(LocalClaidServer claid, LocalS3Server s3, Path ledger)
            throws IOException {
        Map<String, RecordedRequest> requests = claid.requests().stream()
                .collect(Collectors.toMap(RecordedRequest::requestId, r -> r, (a, b) -> a));
        Set<String> paid = claid.paidSubmissions().stream().map(p -> sourceKey(requests.get(p.requestId())))
                .collect(Collectors.toCollection(HashSet::new));
        paid.removeAll(ledgerImages(ledger));
        paid.removeAll(reportedImages(s3));
        return paid;
    }

    /** The images with a task in the ledger, read from outside while the pipeline writes it (whole lines only). */
    private static Set<String> ledgerImages(Path ledger) throws IOException {
        Set<String> images = new HashSet<>();
        if (!Files.exists(ledger)) {
            return images;
        }
        String text = new String(Files.readAllBytes(ledger), StandardCharsets.UTF_8);
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            if (!line.isBlank()) {
                JsonNode json = JSON.readTree(line);
                String image = json.path("correlation").path(PipelineHeaders.SOURCE_KEY).asText(null);
                if (image != null) {
                    images.add(image);
                }
            }
        }
        return images;
    }

    /** The image a submission is for: the key in the path of its presigned input URL; null if none. */
    static String sourceKey(RecordedRequest submission) {
        if (submission == null) {
            return null;
        }
        try {
            String input = JSON.readTree(submission.body()).path("input").asText("");
            String path = URI.create(input).getPath();
            String bucketPath = "/" + BucketPipeline.INPUT_BUCKET + "/";
            return path != null && path.startsWith(bucketPath) ? path.substring(bucketPath.length()) : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    static List<String> outputs(LocalS3Server s3, String prefix) {
        return s3.keys(BucketPipeline.OUTPUT_BUCKET, prefix);
    }

    static List<String> deliveredImages(LocalS3Server s3) {
        return outputs(s3, "photos/").stream().map(k -> k.substring(0, k.lastIndexOf('.')) + ".jpg").toList();
    }

    static List<String> reportedImages(LocalS3Server s3) {
        return outputs(s3, "failed/").stream().map(k -> k.substring("failed/".length(), k.length() - ".json".length()))
                .toList();
    }

    static String outputKey(String inputKey) {
        return inputKey.substring(0, inputKey.lastIndexOf('.')) + ".png";
    }

    /** The pipeline's settings over {@code routes/application.properties}. */
    private static Path writeSettings(Path dir, LocalClaidServer claid, LocalS3Server s3, Path stateDir,
                                      int webhookPort, int imagesPerPoll) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(BucketPipeline.local(claid, s3, stateDir));
        settings.put("pipeline.mode", "async");
        settings.put("pipeline.input-mode", "presigned");
        settings.put("pipeline.poll-delay", "200");
        settings.put("pipeline.images-per-poll", String.valueOf(imagesPerPoll));
        settings.put("pipeline.webhook-enabled", "true");
        settings.put("pipeline.webhook-grace-period", "1000");
        settings.put("pipeline.unconfirmed-wait", String.valueOf(UNCONFIRMED_WAIT.toMillis()));
        settings.put("camel.server.host", "127.0.0.1");
        settings.put("camel.server.port", String.valueOf(webhookPort));
        settings.put("camel.component.claid.task-poll-interval", "100");
        settings.put("camel.component.claid.task-poll-max-interval", "500");
        // slow answers must exceed it; retries shortened so the run takes minutes, not hours
        settings.put("camel.component.claid.response-timeout", String.valueOf(CLIENT_TIMEOUT.toMillis()));
        settings.put("camel.component.claid.retry-initial-delay", "50");
        settings.put("camel.component.claid.retry-max-delay", "500");
        settings.put("camel.component.claid.outage-circuit-cooldown", "1000");
        // a task claimed by the killed JVM is taken over by the restarted one after this
        settings.put("camel.component.claid.task-lease", "5000");
        Properties properties = new Properties();
        properties.putAll(settings);
        Path file = dir.resolve("pipeline.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "FaultInjectionRun");
        }
        // the pipeline's INFO lines ("done <key>") are what the run counts output writes from
        Path log4j = dir.resolve("log4j2-pipeline.properties");
        Files.writeString(log4j, String.join("\n",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5level [%t] %c{1} - %msg%n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.console.ref = console",
                "logger.pipeline.name = claid-pipeline",
                "logger.pipeline.level = INFO", ""));
        return file;
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The classpath for the pipeline's JVM: this JVM's, or, under {@code exec:java} (which runs the class in Maven's
     * JVM on a class loader of its own), that class loader's.
     */
    static String classpath() {
        ClassLoader loader = FaultInjectionRun.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            return Arrays.stream(urls.getURLs()).map(FaultInjectionRun::toPath)
                    .collect(Collectors.joining(java.io.File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String toPath(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (Exception e) {
            return url.getPath();
        }
    }

    /** Starts the pipeline JVMs of one run. */
    private record Run(Options options, LocalClaidServer claid, Path settings, List<Child> children) {

        Child start(int number) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Dlog4j2.configurationFile=" + settings.resolveSibling("log4j2-pipeline.properties"),
                    "-cp", classpath(), BucketPipelineProcess.class.getName(), settings.toString());
            Path log = settings.resolveSibling("pipeline-" + number + ".log");
            // the working directory stays the module's: the pipeline finds routes/ above it (BucketPipeline.routesDir)
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // the secrets as a user gives them: in the environment, read by the component
            builder.environment().put(ClaidComponent.API_KEY_VARIABLE, claid.apiKey());
            builder.environment().put(ClaidComponent.WEBHOOK_SECRET_VARIABLE, WEBHOOK_SECRET);
            Process process = builder.start();
            Child child = new Child(process, "pipeline-" + number, log, options.patience(), claid, options.images());
            children.add(child);
            return child;
        }
    }

    /** A running {@link BucketPipelineProcess}; its output goes to a log file and is counted as it comes. */
    static final class Child {

        private final Process process;
        private final String name;
        private final Duration patience;
        private final LocalClaidServer claid;
        private final int images;
        private final Map<String, Integer> done = new ConcurrentHashMap<>();
        private final AtomicLong polls = new AtomicLong();
        private final Set<String> unknownTasks = ConcurrentHashMap.newKeySet();
        private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong deferred = new AtomicLong();
        private final List<String> tail = new java.util.concurrent.CopyOnWriteArrayList<>();

        Child(Process process, String name, Path log, Duration patience, LocalClaidServer claid, int images)
                throws IOException {
            this.process = process;
            this.name = name;
            this.patience = patience;
            this.claid = claid;
            this.images = images;
            PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
            Thread reader = new Thread(() -> read(out), name + "-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(PrintWriter log) {
            try (log; BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith(BucketPipelineProcess.POLLS)) {
                        polls.set(Long.parseLong(line.substring(BucketPipelineProcess.POLLS.length()).trim()));
                        continue;
                    }
                    log.println(line);
                    Matcher m = DONE.matcher(line);
                    if (m.find()) {
                        done.merge(m.group(1), 1, Integer::sum);
                    }
                    Matcher unknown = UNKNOWN_TASK.matcher(line);
                    if (unknown.find()) {
                        unknownTasks.add(unknown.group(1));
                    }
                    Matcher lost = UNCONFIRMED.matcher(line);
                    if (lost.find()) {
                        unconfirmed.add(lost.group(1));
                    }
                    if (line.contains(" ERROR [")) {
                        // an open circuit fails the exchange on purpose, so that the image is read again later
                        (line.contains("ClaidCircuitOpenException") ? deferred : errors).incrementAndGet();
                    }
                    tail.add(line);
                    if (tail.size() > 200) {
                        tail.remove(0);
                    }
                }
            } catch (IOException e) {
                // killed while we read
            }
        }

        Map<String, Integer> doneCounts() {
            return Map.copyOf(done);
        }

        long polls() {
            return polls.get();
        }

        Set<String> unknownTasks() {
            return Set.copyOf(unknownTasks);
        }

        Set<String> unconfirmed() {
            return Set.copyOf(unconfirmed);
        }

        long errors() {
            return errors.get();
        }

        long deferred() {
            return deferred.get();
        }

        /** Waits for the condition; fails at once if the JVM died or paid for more submissions than images. */
        void await(String what, Condition condition) {
            Awaitility.await(name + ": " + what).atMost(patience).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited with " + process.exitValue()
                                    + " while waiting for " + what + "; its last lines:\n" + String.join("\n", tail));
                        }
                        if (claid.paidSubmissionCount(ApiOperation.EDIT_ASYNC) > images) {
                            throw new IllegalStateException(name + ": more paid submissions than images");
                        }
                        return condition.holds();
                    });
        }

        /** SIGKILL: no shutdown hook runs. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        /** SIGTERM: Camel Main stops the routes gracefully. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        void killQuietly() {
            process.destroyForcibly();
        }
    }

    /** A condition that may read files or ask the servers. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }
}
