package io.github.camelclaid.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.github.camelclaid.client.ApiOperation;
import io.github.camelclaid.s3.LocalS3Server;
import io.github.camelclaid.testinfra.LocalServer;

/**
 * A stateful, Claid-compatible HTTP server for tests and the offline demo: all twenty operations of Claid's REST API
 * under {@code /v1/...}, with Claid's answer shapes, errors, rate-limit headers, async task life cycles and signed
 * webhooks, plus recorded requests, paid-submission counts and injectable faults. It binds to 127.0.0.1 only.
 *
 * <pre>{@code
 * try (LocalClaidServer server = LocalClaidServer.builder().apiKey("test-key").build().start()) {
 *     // point the client at server.baseUrl(), e.g. http://127.0.0.1:41234
 *     server.faults().next(3).status(503).on("POST", "/v1/image/edit");
 *     ...
 *     assertEquals(1, server.paidSubmissionCount());
 * }
 * }</pre>
 *
 * <h2>Behaviour worth knowing</h2>
 * <ul>
 * <li>Outputs are real edits of the input's pixels: resizing (every {@code fit}), padding, background colour,
 * removal and blur, adjustments, upscaling and the output format's options are applied deterministically
 * ({@code EditRecipe} lists what is exact and what stands in for a model). The response's size and format describe the
 * bytes served; WebP outputs are real WebP (libwebp), AVIF outputs real AVIF where libavif's {@code avifenc} is
 * installed and PNG bytes reported as AVIF elsewhere.
 * Generations (generate, scene, AI edit, fashion models) are scenes drawn from the prompt, with the inputs placed on
 * them and the prompt written on them. Outputs are computed when first downloaded and served without authentication at
 * {@code tmp_url} = {@code <baseUrl>/tmp/<uuid>.<ext>}. Videos are a placeholder MP4 header.</li>
 * <li>Input URLs on other hosts than loopback ones are never fetched: such an input is assumed to be a 640x480 image
 * (see {@link Builder#defaultInputSize}) unless it is an output of this server, whose real size and pixels are used;
 * its pixels are a stand-in scene drawn from the URL (seeded by it, its file name written on it), so different URLs
 * give visibly different pictures. Uploads and fetched inputs are edited from their own pixels when ImageIO (with the
 * WebP reader on the classpath) can decode them, else from a stand-in seeded by their name and content. An
 * {@code http(s)} input on 127.0.0.1 or localhost (a presigned URL of a local S3 server, say) is fetched, as Claid
 * fetches inputs: by sync operations before answering, by async tasks at the end of processing. An answer other than
 * 2xx, or none, is Claid's input error: a 400 ({@code error_type "input"}, {@code error_code "4011"}) for sync
 * operations, a task ending in ERROR with the reason as its error for async ones. Inputs fetched as decodable images
 * have their real size.</li>
 * <li>Async tasks are ACCEPTED (videos: PROCESSING) for {@link Builder#acceptedFor}, PROCESSING for
 * {@link Builder#processingFor} (plus a random {@link Builder#processingSpread}), then DONE. An input URL containing
 * {@code fail} ends the task in ERROR (in a batch: that item), {@code cancel} in CANCELLED, {@code pause} in PAUSED;
 * {@code faults().next(n).taskEndsWith(status)} does the same for any request. An input URL containing {@code hold}
 * keeps the task PROCESSING until {@link #releaseHeldTasks()}, for tests that must know a task is still in flight.</li>
 * <li>{@code storage://name/...} must name a connected storage (created through the storage API, or from the start
 * with {@link Builder#s3Storage}); outputs sent to one are kept as {@link #writtenObjects()}. By default storages are
 * names only: nothing is read from or written to any bucket, and an input in a storage is assumed as above. With
 * {@link Builder#s3Endpoint} the {@code s3} storages are real buckets at that endpoint: inputs are read from them
 * (GetObject; a missing object is the input error), a batch's folder input is listed, and outputs are PUT into them.
 * The storages' own credentials are not used (any will do): the server signs with the endpoint's keys.
 * {@code gcs} storages stay names only.</li>
 * <li>Loading this class sets the system property {@code sun.net.httpserver.nodelay=true} unless it is set: without
 * it every answer of a JDK HTTP server is held back about 40 ms (Nagle's algorithm meeting delayed ACKs).</li>
 * <li>Header names go out as the JDK server writes them ({@code X-request-id}, {@code Ratelimit-limit}): HTTP header
 * names are case-insensitive, and clients must treat them so.</li>
 * </ul>
 */
public final class LocalClaidServer extends LocalServer<LocalClaidServer> {

    /** The API key a server accepts unless told otherwise. */
    public static final String DEFAULT_API_KEY = "local-test-key";

    private static final AtomicInteger SERVER_NUMBERS = new AtomicInteger();

    static {
        // The JDK server writes an answer's headers and body as two small TCP segments; with Nagle's algorithm the
        // second waits for the client's delayed ACK, about 40 ms on every request. TCP_NODELAY is only available
        // through this property, read once when the JDK server is first used in the JVM; an explicit setting wins.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final ServerSettings settings;
    private final Faults faults = new Faults();
    private final RequestJournal journal = new RequestJournal();
    private final StorageRegistry storages = new StorageRegistry();
    private final MediaStore media = new MediaStore();
    private final RateLimiter rateLimiter;
    /** Thread names carry a per-server number, so a thread dump (or a test) tells the servers of one JVM apart. */
    private final String threadPrefix = DaemonThreadFactory.PREFIX + SERVER_NUMBERS.incrementAndGet() + "-";

    private volatile WebhookDispatcher.Target webhookTarget;
    private HttpServer httpServer;
    private ExecutorService handlerPool;
    private ScheduledExecutorService scheduler;
    private ExecutorService webhookSenders;
    private WebhookDispatcher webhooks;
    private volatile HttpFront front;
    private TaskRegistry tasks;
    private ObjectStore buckets;
    private String baseUrl;

    private LocalClaidServer(ServerSettings settings) {
        this.settings = settings;
        this.rateLimiter = new RateLimiter(settings.rateLimit(), settings.rateLimitHeaders());
        this.webhookTarget = settings.webhook();
        connectPresetStorages();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds 127.0.0.1 on the configured port (0: any free port) and serves Claid's API there; see {@link #start()}. */
    @Override
    protected void startServing() {
        buckets = openBuckets(settings.s3Endpoint());
        try {
            httpServer = HttpServer.create(new InetSocketAddress(loopback(), settings.port()), 50);
        } catch (IOException e) {
            if (buckets != null) {
                buckets.close();
            }
            throw new UncheckedIOException("Cannot bind " + LOOPBACK_HOST + ":" + settings.port(), e);
        }
        baseUrl = loopbackUrl(httpServer.getAddress().getPort());
        handlerPool = Executors.newCachedThreadPool(new DaemonThreadFactory(threadPrefix, "http"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, new DaemonThreadFactory(threadPrefix, "timer"));
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler = timer;
        webhookSenders = Executors.newCachedThreadPool(new DaemonThreadFactory(threadPrefix, "webhook"));
        webhooks = new WebhookDispatcher(scheduler, webhookSenders, faults, settings.webhookSignatureStyle(),
                settings.webhookTimeout(), settings.webhookTimeScale(), webhookTarget);
        tasks = new TaskRegistry(scheduler, new TaskTimings(settings.acceptedFor(), settings.processingFor(),
                settings.processingSpread(), settings.randomSeed()), media, webhooks, baseUrl);
        front = new HttpFront(assembleApi(), journal, faults, rateLimiter);
        httpServer.createContext("/", front);
        httpServer.setExecutor(handlerPool);
        httpServer.start();
    }

    /** The only place naming {@link S3ObjectStore}: without an endpoint the AWS SDK is never loaded. */
    private static ObjectStore openBuckets(ServerSettings.S3Endpoint endpoint) {
        return endpoint == null ? null
                : new S3ObjectStore(endpoint.endpoint(), endpoint.accessKey(), endpoint.secretKey());
    }

    private void connectPresetStorages() {
        ServerSettings.S3Endpoint endpoint = settings.s3Endpoint();
        for (ServerSettings.StoragePreset preset : settings.storages()) {
            storages.createS3(preset.name(), preset.bucket(), preset.path(),
                    endpoint == null ? LocalS3Server.DEFAULT_ACCESS_KEY : endpoint.accessKey(),
                    endpoint == null ? LocalS3Server.DEFAULT_SECRET_KEY : endpoint.secretKey());
        }
    }

    private ClaidApi assembleApi() {
        StorageReferences references = new StorageReferences(storages);
        InputProbe probe = new InputProbe(baseUrl, media, settings.defaultInputSize(), storages, buckets);
        OutputWriter outputs = new OutputWriter(baseUrl, media, references, buckets);
        return new ClaidApi(settings.apiKey(), settings.rateLimitStatusPolls(), rateLimiter, references,
                new SyncOperations(probe, outputs, references, journal),
                new AsyncOperations(tasks, probe, outputs, journal, settings.batchFolderSize()),
                new StorageOperations(storages), new TemporaryDownloads(media, settings.outputSize()));
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash; Claid's paths ({@code /v1/...}) go after it. */
    public synchronized String baseUrl() {
        requireStarted();
        return baseUrl;
    }

    /** {@link #baseUrl()} followed by the path, e.g. {@code url("/v1/image/edit")}. */
    public String url(String path) {
        return baseUrl() + path;
    }

    public synchronized int port() {
        requireStarted();
        return httpServer.getAddress().getPort();
    }

    /** The one API key this server accepts as {@code Authorization: Bearer <key>}. */
    public String apiKey() {
        return settings.apiKey();
    }

    /**
     * Task submissions received and not answered yet: waiting out a fault's delay, being acted on, or being answered.
     * A fault-injection run kills the pipeline only when none is, apart from those it holds itself.
     */
    public int submissionsInProgress() {
        HttpFront current = front;
        return current == null ? 0 : current.submissionsInProgress();
    }

    /** Arms faults for the next requests or webhook notifications. */
    public Faults faults() {
        return faults;
    }

    /** Every request received since start or the last {@link #reset()}, oldest first. */
    public List<RecordedRequest> requests() {
        return journal.requests();
    }

    /**
     * Requests received with this method (null: any) whose path starts with the prefix (null: any), counting the
     * ones faults refused or dropped.
     */
    public long requestCount(String method, String pathPrefix) {
        return journal.count(method, pathPrefix);
    }

    /**
     * The timeline of every async task since start or the last {@link #reset()}: when it ended, when a status
     * request first found it ended, and how many status requests asked for it.
     */
    public synchronized List<TaskTimeline> taskTimelines() {
        requireStarted();
        return tasks.timelines();
    }

    /** Submissions Claid would bill (image, scene and video POSTs acted on), oldest first. */
    public List<PaidSubmission> paidSubmissions() {
        return journal.paid();
    }

    /** The 429s the budget answered (not those injected by {@link #faults()}) since start or the last reset. */
    public long rateLimitRefusals() {
        return rateLimiter.refusals();
    }

    public int paidSubmissionCount() {
        return journal.paid().size();
    }

    public long paidSubmissionCount(ApiOperation operation) {
        return journal.paid().stream().filter(p -> p.operation() == operation).count();
    }

    /**
     * Lets every task held by an input URL containing {@code hold} end: at once when its processing time is over, else
     * when it is, with the outcome its other markers chose. Returns how many tasks were held. A task submitted later
     * with the marker is held again.
     */
    public synchronized int releaseHeldTasks() {
        requireStarted();
        return tasks.releaseHeld();
    }

    /**
     * Outputs written to connected storages (sync answers at once; async tasks when they are DONE), including those
     * also PUT into a bucket at the {@linkplain Builder#s3Endpoint S3 endpoint}.
     */
    public List<WrittenObject> writtenObjects() {
        return media.written();
    }

    /** Every webhook delivery attempt, in the order they completed. */
    public synchronized List<WebhookDelivery> webhookDeliveries() {
        return webhooks == null ? List.of() : webhooks.deliveries();
    }

    /**
     * Sends notifications of finished async tasks (edit async, batch, AI edit, fashion models; Claid documents none
     * for videos) to this URL, signed with the secret (unsigned when the secret is null). Takes effect for tasks
     * finishing from now on, and survives {@link #reset()}.
     */
    public synchronized void webhook(URI url, String secret) {
        Objects.requireNonNull(url, "url");
        IssuedSecrets.add(secret);
        webhookTarget = new WebhookDispatcher.Target(url, secret);
        if (webhooks != null) {
            webhooks.configure(webhookTarget);
        }
    }

    public synchronized void disableWebhook() {
        webhookTarget = null;
        if (webhooks != null) {
            webhooks.configure(null);
        }
    }

    /**
     * Forgets every async task, as a Claid-compatible server restarted without its state would: their result URLs
     * answer 404 from now on. Everything else stays; ids keep growing, so a new task never takes a forgotten one's id.
     */
    public synchronized void forgetTasks() {
        if (tasks != null) {
            tasks.clear();
        }
    }

    /**
     * Forgets everything tests could observe or trip over: requests, paid submissions, tasks (and their pending
     * webhook attempts), storages, temporary files, written objects, webhook deliveries, rate-limit counters and armed
     * faults. Configuration, including the webhook target, stays: the {@link Builder#s3Storage} storages are connected
     * again (with new ids). Buckets at the S3 endpoint are not touched.
     */
    public synchronized void reset() {
        faults.clear();
        journal.clear();
        storages.clear();
        connectPresetStorages();
        media.clear();
        rateLimiter.reset();
        if (tasks != null) {
            tasks.clear();
            webhooks.clear();
        }
    }

    /** Stops serving and every thread the server started, abandoning delayed answers and pending webhooks. */
    @Override
    protected void stopServing() {
        httpServer.stop(0);
        handlerPool.shutdownNow();
        scheduler.shutdownNow();
        webhookSenders.shutdownNow();
        webhooks.abortInFlight();
    }

    @Override
    protected void awaitStopped() {
        awaitTermination(handlerPool);
        awaitTermination(scheduler);
        awaitTermination(webhookSenders);
        synchronized (this) {
            if (buckets != null) {
                buckets.close();
            }
        }
    }

    /** The settings this server was built with. */
    ServerSettings settings() {
        return settings;
    }

    /** The prefix of the names of this server's threads. */
    String threadPrefix() {
        return threadPrefix;
    }

    private static void awaitTermination(ExecutorService executor) {
        if (executor == null) {
            return;
        }
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                System.getLogger(LocalClaidServer.class.getName()).log(System.Logger.Level.WARNING,
                        "LocalClaidServer threads did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures a {@link LocalClaidServer}; every setting has a default fit for unit tests. */
    public static final class Builder {

        private String apiKey = DEFAULT_API_KEY;
        private int port;
        private Duration acceptedFor = Duration.ofMillis(50);
        private Duration processingFor = Duration.ofMillis(150);
        private Duration processingSpread = Duration.ZERO;
        private long randomSeed = 42;
        private PixelSize defaultInputSize = new PixelSize(640, 480);
        private int batchFolderSize = 3;
        private long outputSize;
        private RateLimitBudget rateLimit = RateLimitBudget.GENEROUS;
        private boolean rateLimitStatusPolls = true;
        private boolean rateLimitHeaders = true;
        private WebhookDispatcher.Target webhook;
        private WebhookSignatureStyle webhookSignatureStyle = WebhookSignatureStyle.PREFIXED;
        private Duration webhookTimeout = Duration.ofSeconds(30);
        private double webhookTimeScale = 1.0;
        private ServerSettings.S3Endpoint s3Endpoint;
        private final List<ServerSettings.StoragePreset> storages = new ArrayList<>();

        private Builder() {
        }

        /** The key accepted as {@code Authorization: Bearer <key>}; default {@value #DEFAULT_API_KEY}. */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("The API key must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** TCP port on 127.0.0.1; default 0, any free port (read it back with {@link #baseUrl()}). */
        public Builder port(int port) {
            this.port = validPort(port);
            return this;
        }

        /** How long a task stays ACCEPTED (videos: PROCESSING) after submission; default 50 ms. */
        public Builder acceptedFor(Duration acceptedFor) {
            this.acceptedFor = nonNegative(acceptedFor, "acceptedFor");
            return this;
        }

        /** How long a task then stays PROCESSING before its end; default 150 ms. */
        public Builder processingFor(Duration processingFor) {
            this.processingFor = nonNegative(processingFor, "processingFor");
            return this;
        }

        /** A random extra processing time per task, between zero and this; default none. */
        public Builder processingSpread(Duration spread) {
            this.processingSpread = nonNegative(spread, "processingSpread");
            return this;
        }

        /** Seed of the processing spread, for repeatable runs; default 42. */
        public Builder randomSeed(long seed) {
            this.randomSeed = seed;
            return this;
        }

        /**
         * The size assumed for inputs the server does not know and does not read (URLs on other hosts than loopback
         * ones, storages not backed by a bucket), or whose bytes are no image it can decode; default 640x480.
         */
        public Builder defaultInputSize(int width, int height) {
            this.defaultInputSize = new PixelSize(width, height);
            return this;
        }

        /** How many images a batch finds in a storage folder input; default 3. */
        public Builder batchFolderSize(int images) {
            if (images < 1) {
                throw new IllegalArgumentException("A folder holds at least one image, not " + images);
            }
            this.batchFolderSize = images;
            return this;
        }

        /**
         * Pads every output served at a {@code tmp_url} with zero bytes after the image, up to this many bytes in
         * all, written out as they are sent and never held: for testing downloads of large results (image decoders
         * ignore what follows the image's end). Outputs already larger are served as they are. Default 0: no padding.
         */
        public Builder outputSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("outputSize must not be negative, not " + bytes);
            }
            this.outputSize = bytes;
            return this;
        }

        /** The per-key budget; default {@link RateLimitBudget#GENEROUS}, so ordinary tests never see a 429. */
        public Builder rateLimit(RateLimitBudget budget) {
            this.rateLimit = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /** Whether task status GETs count against the budget and carry RateLimit headers; default true. */
        public Builder rateLimitStatusPolls(boolean counted) {
            this.rateLimitStatusPolls = counted;
            return this;
        }

        /**
         * Whether answers carry the RateLimit headers; default true. False plays a Claid-compatible proxy or gateway
         * that does not forward them: the budget still holds, and its 429s come without them.
         */
        public Builder rateLimitHeaders(boolean sent) {
            this.rateLimitHeaders = sent;
            return this;
        }

        /** Sends signed notifications of finished tasks to this URL; see {@link LocalClaidServer#webhook}. */
        public Builder webhook(URI url, String secret) {
            this.webhook = new WebhookDispatcher.Target(Objects.requireNonNull(url, "url"), secret);
            return this;
        }

        /** {@code sha256=<hex>} (default) or bare hex in {@code X-Claid-Hmac-SHA256}. */
        public Builder webhookSignatureStyle(WebhookSignatureStyle style) {
            this.webhookSignatureStyle = Objects.requireNonNull(style, "style");
            return this;
        }

        /** How long one delivery attempt may take (connect and answer); Claid's is 30 s, the default. */
        public Builder webhookTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("webhookTimeout must be positive");
            }
            this.webhookTimeout = timeout;
            return this;
        }

        /**
         * Multiplies the waits between delivery attempts (3, 6, 12 s): 0.01 makes them 30, 60, 120 ms. The attempt
         * timeout is set separately with {@link #webhookTimeout}. Default 1.
         */
        public Builder webhookTimeScale(double scale) {
            if (!(scale >= 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("webhookTimeScale must be a finite number >= 0, not " + scale);
            }
            this.webhookTimeScale = scale;
            return this;
        }

        /**
         * Backs the {@code s3} storages with real buckets at this S3-compatible endpoint (such as a LocalS3Server's
         * {@code endpoint()}), signing with these keys, in region us-east-1 with path-style addressing. A
         * {@code storage://name/key} input of such a storage is read from the bucket (GetObject; an object that is
         * missing or cannot be read is Claid's input error: 400 for sync operations, ERROR for async tasks), a batch's
         * {@code storage://name/folder/} input is listed, and outputs to such a storage are PUT into the bucket (the
         * image bytes; sync operations before answering, async tasks when they end DONE; a refused PUT is a 400
         * storage error or a task ending in ERROR) and still kept as {@link LocalClaidServer#writtenObjects()}. The
         * storage's own {@code credentials} are not checked: every request is signed with these keys. The storage's
         * {@code path} is the key prefix, as for Claid. Buckets are never created. Without this, storages are names
         * only.
         */
        public Builder s3Endpoint(URI endpoint, String accessKey, String secretKey) {
            Objects.requireNonNull(endpoint, "endpoint");
            if (endpoint.getScheme() == null || endpoint.getHost() == null) {
                throw new IllegalArgumentException("The S3 endpoint must be an absolute http(s) URI, not " + endpoint);
            }
            if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("The S3 endpoint needs an access key and a secret key");
            }
            this.s3Endpoint = new ServerSettings.S3Endpoint(endpoint, accessKey, secretKey);
            return this;
        }

        /**
         * Connects an {@code s3} storage named {@code name} for {@code bucket} from the start, and again after each
         * {@link LocalClaidServer#reset()}, so that {@code storage://name/...} works without a call to the storage
         * API. Its credentials are the {@link #s3Endpoint} keys (placeholders without one). The bucket is not created.
         */
        public Builder s3Storage(String name, String bucket) {
            return s3Storage(name, bucket, "");
        }

        /** As {@link #s3Storage(String, String)}, with a key prefix: the storage's {@code path}. */
        public Builder s3Storage(String name, String bucket, String path) {
            if (name == null || name.isBlank() || bucket == null || bucket.isBlank()) {
                throw new IllegalArgumentException("A storage needs a name and a bucket");
            }
            if (storages.stream().anyMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException("A storage named '" + name + "' is configured already");
            }
            storages.add(new ServerSettings.StoragePreset(name, bucket, path == null ? "" : path));
            return this;
        }

        /** A server with these settings, not yet started. */
        public LocalClaidServer build() {
            // a suite-wide scan looks for the secrets tests hand out in every log line
            IssuedSecrets.add(apiKey);
            IssuedSecrets.add(webhook == null ? null : webhook.secret());
            return new LocalClaidServer(settings());
        }

        /** The settings so far; of a new builder, the defaults. */
        ServerSettings settings() {
            return new ServerSettings(apiKey, port, acceptedFor, processingFor, processingSpread, randomSeed,
                    defaultInputSize, batchFolderSize, outputSize, rateLimit, rateLimitStatusPolls, rateLimitHeaders,
                    webhook, webhookSignatureStyle, webhookTimeout, webhookTimeScale, s3Endpoint, storages);
        }

        private static Duration nonNegative(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return duration;
        }
    }
}
