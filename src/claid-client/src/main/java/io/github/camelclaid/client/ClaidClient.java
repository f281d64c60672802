package io.github.camelclaid.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelclaid.client.model.EditResponse;
import io.github.camelclaid.client.model.MultiOutputResponse;
import io.github.camelclaid.client.model.Storage;
import io.github.camelclaid.client.model.TaskAccepted;
import io.github.camelclaid.client.model.TaskKind;
import io.github.camelclaid.client.model.TaskResult;
import io.github.camelclaid.client.model.request.AiEditRequest;
import io.github.camelclaid.client.model.request.BatchEditRequest;
import io.github.camelclaid.client.model.request.EditRequest;
import io.github.camelclaid.client.model.request.FashionModelsRequest;
import io.github.camelclaid.client.model.request.GenerateRequest;
import io.github.camelclaid.client.model.request.SceneCreateRequest;
import io.github.camelclaid.client.model.request.StorageRequest;
import io.github.camelclaid.client.model.request.StorageUpdateRequest;
import io.github.camelclaid.client.model.request.UploadEditData;
import io.github.camelclaid.client.model.request.VideoRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;

/**
 * A typed client for Claid's REST API, usable without Camel. Every call is non-blocking (Apache HttpClient 5 async)
 * and returns a {@link CompletableFuture}; {@code join()} it where blocking is fine.
 * <p>
 * Every request body is checked against Claid's schema before it is sent: an invalid request fails with
 * {@link ClaidRequestInvalidException} and no HTTP call is made. Transient failures are retried per the
 * {@link RetryPolicy}, except that a POST (or DELETE) is repeated only when Claid surely did not act on it (a 429, or
 * a connection that was never made): Claid has no idempotency key, so a repeated edit would be paid twice.
 * <p>
 * The API key is sent only to the configured base URL's origin, never to the hosts of temporary result URLs, and is
 * never logged or put in an exception.
 * <p>
 * The futures complete on the HTTP client's I/O threads: keep callbacks short, or continue with the {@code ...Async}
 * variants on an executor of your own for slow work (the Camel producer does exactly that).
 */
public final class ClaidClient implements AutoCloseable {

    public static final String DEFAULT_BASE_URL = "https://api.claid.ai";

    /** JSON answers are small; a larger one means something is wrong, not that we should buffer it. */
    private static final AnswerLimits JSON_ANSWER = AnswerLimits.inMemory(16L * 1024 * 1024);

    /**
     * Downloads up to this size stay in memory; larger ones are streamed into a temporary file as they arrive. Small
     * enough that a result held in memory costs little, large enough that thumbnails never touch the disk.
     */
    static final long DOWNLOAD_IN_MEMORY_BYTES = 256 * 1024;

    private final BearerHeader bearer;
    private final ClaidOrigin origin;
    private final AnswerLimits downloadLimits;
    private final Path spoolDirectory;
    private final boolean validateRequests;
    private final RetryingTransport transport;
    private final ObjectMapper mapper;
    private final AnswerDecoder answers;
    private final String accountId;

    private ClaidClient(Builder b) {
        if (b.apiKey == null || b.apiKey.isBlank()) {
            throw new IllegalArgumentException("Claid apiKey is required: set it from your Claid account's API keys page");
        }
        this.bearer = new BearerHeader(b.apiKey.trim());
        this.origin = new ClaidOrigin(b.baseUrl);
        this.accountId = origin.accountId(b.apiKey.trim());
        this.spoolDirectory = b.spoolDirectory;
        this.downloadLimits = new AnswerLimits(b.maxDownloadBytes, Math.min(DOWNLOAD_IN_MEMORY_BYTES,
                b.maxDownloadBytes), b.spoolDirectory, "maxDownloadBytes");
        this.validateRequests = b.validateRequests;
        this.mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.answers = new AnswerDecoder(mapper);
        this.transport = new RetryingTransport(b.httpClient, b.scheduler,
                Objects.requireNonNull(b.retryPolicy, "retryPolicy"), b.connectTimeout, b.responseTimeout,
                b.maxConnections, b.rateLimitShaping ? RateLimitGate.of(accountId) : null);
        if (b.answerConsumers != null) {
            transport.answerConsumers(b.answerConsumers);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- operations
    //
    // Each operation that takes a body has two forms: one for the typed request of model.request, and one for any
    // body (a typed request, a Map, a JsonNode, JSON text), which Claid's schema checks either way.

    /** Synchronous edit of an image at a URL or {@code storage://} location ({@code POST /v1/image/edit}). */
    public CompletableFuture<ClaidResponse<EditResponse>> edit(Object request) {
        return call(ApiOperation.EDIT, null, request, EditResponse.class);
    }

    /** {@link #edit(Object)} with a typed request. */
    public CompletableFuture<ClaidResponse<EditResponse>> edit(EditRequest request) {
        return edit((Object) request);
    }

    /**
     * Synchronous edit of image bytes ({@code POST /v1/image/edit/upload}, multipart {@code file} + {@code data}).
     *
     * @param data the edit without {@code input}: operations and optional output
     */
    public CompletableFuture<ClaidResponse<EditResponse>> editUpload(byte[] image, String fileName, String contentType,
            Object data) {
        if (image == null || image.length == 0) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Claid edit upload needs the image bytes: the message body was empty"));
        }
        return editUpload(ImageUpload.of(image), fileName, contentType, data);
    }

    /**
     * Synchronous edit of an image in a file, a stream or memory ({@code POST /v1/image/edit/upload}, multipart
     * {@code file} + {@code data}). The image is streamed, never read whole into memory; a stream is first copied to
     * a temporary file (so the call can be sent again after a 429), deleted when the call is over.
     *
     * @param data the edit without {@code input}: operations and optional output
     */
    public CompletableFuture<ClaidResponse<EditResponse>> editUpload(ImageUpload image, String fileName,
            String contentType, Object data) {
        JsonNode json;
        ImageUpload.Content content;
        MultipartUpload upload;
        try {
            json = validated(ApiOperation.EDIT_UPLOAD, data);
            content = Objects.requireNonNull(image, "image").content(spoolDirectory);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException(
                    "Claid edit upload cannot read the image: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        try {
            if (content.length() == 0) {
                throw new IllegalArgumentException("Claid edit upload needs the image bytes: the image is empty");
            }
            upload = MultipartUpload.of(content, fileName, contentType, mapper.writeValueAsString(json));
        } catch (JsonProcessingException | RuntimeException e) {
            content.release();
            return CompletableFuture.failedFuture(e instanceof JsonProcessingException
                    ? new UncheckedIOException((JsonProcessingException) e) : e);
        }
        ApiOperation op = ApiOperation.EDIT_UPLOAD;
        URI target = origin.url(op, null);
        JavaType type = mapper.constructType(EditResponse.class);
        CompletableFuture<ClaidResponse<EditResponse>> sent = transport.execute(op.description(),
                RetryRules.isIdempotent(op), () -> authorized(SimpleRequestBuilder.post(target)).build(),
                upload::producer, JSON_ANSWER, answer -> answers.data(op.description(), answer, type));
        sent.whenComplete((answer, failure) -> content.release());
        return sent;
    }

    /** {@link #editUpload(byte[], String, String, Object)} with typed data, e.g. {@link EditRequest#withoutInput()}. */
    public CompletableFuture<ClaidResponse<EditResponse>> editUpload(byte[] image, String fileName, String contentType,
            UploadEditData data) {
        return editUpload(image, fileName, contentType, (Object) data);
    }

    /** Submits an edit as an async task ({@code POST /v1/image/edit/async}). */
    public CompletableFuture<ClaidResponse<TaskAccepted>> editAsync(Object request) {
        return call(ApiOperation.EDIT_ASYNC, null, request, TaskAccepted.class);
    }

    /** {@link #editAsync(Object)} with a typed request. */
    public CompletableFuture<ClaidResponse<TaskAccepted>> editAsync(EditRequest request) {
        return editAsync((Object) request);
    }

    /** Submits a batch edit of a storage folder or a list of URLs ({@code POST /v1/image/edit/batch}). */
    public CompletableFuture<ClaidResponse<TaskAccepted>> editBatch(Object request) {
        return call(ApiOperation.EDIT_BATCH, null, request, TaskAccepted.class);
    }

    /** {@link #editBatch(Object)} with a typed request. */
    public CompletableFuture<ClaidResponse<TaskAccepted>> editBatch(BatchEditRequest request) {
        return editBatch((Object) request);
    }

    /** Submits a natural-language edit ({@code POST /v1/image/ai-edit}). */
    public CompletableFuture<ClaidResponse<TaskAccepted>> aiEdit(Object request) {
        return call(ApiOperation.AI_EDIT, null, request, TaskAccepted.class);
    }

    /** {@link #aiEdit(Object)} with a typed request. */
    public CompletableFuture<ClaidResponse<TaskAccepted>> aiEdit(AiEditRequest request) {
        return aiEdit((Object) request);
    }

    /** Submits an AI fashion models generation ({@code POST /v1/image/ai-fashion-models}). */
    public CompletableFuture<ClaidResponse<TaskAccepted>> fashionModels(Object request) {
        return call(ApiOperation.FASHION_MODELS, null, request, TaskAccepted.class);
    }

    /** {@link #fashionModels(Object)} with a typed request. */
    public CompletableFuture<ClaidResponse<TaskAccepted>> fashionModels(FashionModelsRequest request) {
        return fashionModels((Object) request);
    }

    /** Generates images from a text prompt ({@code POST /v1/image/generate}). */
    public CompletableFuture<ClaidResponse<MultiOutputResponse>> generate(Object request) {
        return call(ApiOperation.GENERATE, null, request, MultiOutputResponse.class);
    }

    /** {@link #generate(Object)} with a typed request. */
    public CompletableFuture<ClaidResponse<MultiOutputResponse>> generate(GenerateRequest request) {
        return generate((Object) request);
    }

    /** Places a product in a generated scene or adds its shadow ({@code POST /v1/scene/create}). */
    public CompletableFuture<ClaidResponse<MultiOutputResponse>> createScene(Object request) {
        return call(ApiOperation.CREATE_SCENE, null, request, MultiOutputResponse.class);
    }

    /** {@link #createScene(Object)} with a typed request. */
    public CompletableFuture<ClaidResponse<MultiOutputResponse>> createScene(SceneCreateRequest request) {
        return createScene((Object) request);
    }

    /** Submits an image-to-video generation ({@code POST /v1/video/generate}). */
    public CompletableFuture<ClaidResponse<TaskAccepted>> generateVideo(Object request) {
        return call(ApiOperation.GENERATE_VIDEO, null, request, TaskAccepted.class);
    }

    /** {@link #generateVideo(Object)} with a typed request. */
    public CompletableFuture<ClaidResponse<TaskAccepted>> generateVideo(VideoRequest request) {
        return generateVideo((Object) request);
    }

    /** The state of a task, by kind and id. */
    public CompletableFuture<ClaidResponse<TaskResult>> getTask(TaskKind kind, long id) {
        return call(kind.statusOperation(), id, null, TaskResult.class);
    }

    /**
     * The state of a task, from the {@code result_url} Claid gave when it accepted it. The URL is only trusted for its
     * path: the call goes to the configured base URL, so the API key is never sent to another host (and an
     * {@code http://} result URL does not downgrade the call).
     */
    public CompletableFuture<ClaidResponse<TaskResult>> getTask(String resultUrl) {
        TaskKind kind = TaskKind.fromResultUrl(resultUrl);
        if (kind == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Not a Claid task result URL: "
                    + resultUrl + ". Expected a result_url such as " + origin.baseUri() + "/v1/image/edit/async/123"));
        }
        URI target = origin.onOrigin(resultUrl);
        ApiOperation op = kind.statusOperation();
        JavaType type = mapper.constructType(TaskResult.class);
        return transport.execute(op.description(), RetryRules.isIdempotent(op),
                () -> authorized(SimpleRequestBuilder.get(target)).build(), JSON_ANSWER,
                answer -> answers.data(op.description(), answer, type));
    }

    public CompletableFuture<ClaidResponse<List<String>>> listStorageTypes() {
        return call(ApiOperation.LIST_STORAGE_TYPES, null, null, new TypeReference<List<String>>() { });
    }

    /**
     * Asks Claid whether it is there and takes the key, with a call that costs no credit ({@code GET
     * /v1/storage/storage-types}), sent once, not retried, and failed when no answer comes within {@code timeout}:
     * a health check wants to know what is, not to wait out an outage. Fails with a {@link ClaidException}: HTTP 401
     * or 403 when the key was refused, {@link ClaidException.Reason#NETWORK} when Claid could not be reached.
     */
    public CompletableFuture<ClaidResponse<List<String>>> checkAccess(Duration timeout) {
        ApiOperation op = ApiOperation.LIST_STORAGE_TYPES;
        URI target = origin.url(op, null);
        JavaType type = mapper.constructType(new TypeReference<List<String>>() { });
        return transport.executeOnce("access check", timeout,
                () -> authorized(SimpleRequestBuilder.get(target)).build(), JSON_ANSWER,
                answer -> answers.data(op.description(), answer, type));
    }

    public CompletableFuture<ClaidResponse<List<Storage>>> listStorages() {
        return call(ApiOperation.LIST_STORAGES, null, null, new TypeReference<List<Storage>>() { });
    }

    public CompletableFuture<ClaidResponse<Storage>> getStorage(long id) {
        return call(ApiOperation.GET_STORAGE, id, null, Storage.class);
    }

    public CompletableFuture<ClaidResponse<Storage>> createStorage(Object request) {
        return call(ApiOperation.CREATE_STORAGE, null, request, Storage.class);
    }

    /** {@link #createStorage(Object)} with a typed request. */
    public CompletableFuture<ClaidResponse<Storage>> createStorage(StorageRequest request) {
        return createStorage((Object) request);
    }

    public CompletableFuture<ClaidResponse<Storage>> updateStorage(long id, Object request) {
        return call(ApiOperation.UPDATE_STORAGE, id, request, Storage.class);
    }

    /** {@link #updateStorage(long, Object)} with a typed request. */
    public CompletableFuture<ClaidResponse<Storage>> updateStorage(long id, StorageUpdateRequest request) {
        return updateStorage(id, (Object) request);
    }

    /** Disconnects a storage from Claid; the bucket itself is untouched. */
    public CompletableFuture<ClaidResponse<JsonNode>> deleteStorage(long id) {
        return call(ApiOperation.DELETE_STORAGE, id, null, JsonNode.class);
    }

    /**
     * Fetches a result from its temporary URL as it arrives: a small one into memory, a larger one into a temporary
     * file, failing as soon as it passes the configured {@code maxDownloadBytes}. The caller owns the
     * {@link Download} and closes it, which deletes its file. No API key is sent: temporary URLs are public and
     * usually on another host. Retried like any GET.
     */
    public CompletableFuture<Download> download(String url) {
        URI target;
        try {
            target = URI.create(url);
            if (target.getScheme() == null || !target.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
                throw new IllegalArgumentException("only http(s) URLs can be downloaded");
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Cannot download Claid output from '" + url + "': " + e.getMessage()
                            + ". A storage:// output is in your bucket: read it from there.", e));
        }
        String what = "download of " + target.getHost() + target.getPath();
        return transport.execute(what, RetryRules.isIdempotent("GET"), () -> SimpleRequestBuilder.get(target).build(),
                downloadLimits, answer -> answers.download(what, url, answer));
    }

    // ---------------------------------------------------------------- generic calls

    /**
     * Calls any operation. {@code body} may be a typed request, a {@code Map}, a Jackson {@code JsonNode} or JSON
     * object text; it is validated against the operation's schema first.
     */
    public <T> CompletableFuture<ClaidResponse<T>> call(ApiOperation op, Long id, Object body, Class<T> dataType) {
        return call(op, id, body, mapper.constructType(dataType));
    }

    public <T> CompletableFuture<ClaidResponse<T>> call(ApiOperation op, Long id, Object body,
            TypeReference<T> dataType) {
        return call(op, id, body, mapper.constructType(dataType));
    }

    /**
     * The same, with a step run as the request goes out, after any wait for the account's rate budget, and taken back
     * when Claid answers 429 before the request is sent again: for what must be recorded as sent before Claid can act
     * on it (a paid submission's claim), and not while the request only waits ({@link SendStep}).
     */
    public <T> CompletableFuture<ClaidResponse<T>> call(ApiOperation op, Long id, Object body, Class<T> dataType,
            SendStep step) {
        return call(op, id, body, mapper.constructType(dataType), Objects.requireNonNull(step, "step"));
    }

    private <T> CompletableFuture<ClaidResponse<T>> call(ApiOperation op, Long id, Object body, JavaType dataType) {
        return call(op, id, body, dataType, null);
    }

    private <T> CompletableFuture<ClaidResponse<T>> call(ApiOperation op, Long id, Object body, JavaType dataType,
            SendStep step) {
        URI target;
        byte[] json;
        try {
            target = origin.url(op, id);
            json = op.requestSchema() == null ? null : mapper.writeValueAsBytes(validated(op, body));
        } catch (RuntimeException | JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transport.execute(op.description(), RetryRules.isIdempotent(op), () -> {
            SimpleRequestBuilder rb = authorized(SimpleRequestBuilder.create(op.method()).setUri(target));
            if (json != null) {
                rb.setBody(json, ContentType.APPLICATION_JSON);
            }
            return rb.build();
        }, JSON_ANSWER, answer -> answers.data(op.description(), answer, dataType), step);
    }

    /**
     * Converts a request to JSON and checks it against the operation's schema.
     *
     * @throws ClaidRequestInvalidException naming every offending field, when the request breaks the schema
     * @throws IllegalArgumentException     when the body is not JSON object text or cannot be converted
     */
    public JsonNode validated(ApiOperation op, Object body) {
        String what = op.description();
        if (op.requestSchema() == null) {
            throw new IllegalArgumentException("Claid " + what + " takes no request body");
        }
        JsonNode json = toJson(body, what);
        if (validateRequests) {
            List<SchemaViolation> violations = ClaidSchemas.get().validate(op.requestSchema(), json);
            if (!violations.isEmpty()) {
                throw new ClaidRequestInvalidException(what, op.requestSchema(), violations);
            }
        }
        return json;
    }

    /** Converts a typed model, Map, JsonNode or JSON text into a JSON tree. */
    public JsonNode toJson(Object body, String what) {
        if (body == null) {
            throw new IllegalArgumentException("Claid " + what + " needs a request body, but none was given");
        }
        if (body instanceof JsonNode) {
            return (JsonNode) body;
        }
        if (body instanceof CharSequence) {
            try {
                return mapper.readTree(body.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Claid " + what + " request is not valid JSON: "
                        + e.getOriginalMessage(), e);
            }
        }
        try {
            return mapper.valueToTree(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Claid " + what + " request of type " + body.getClass().getName()
                    + " cannot be turned into JSON: " + e.getMessage(), e);
        }
    }

    /** The Jackson mapper this client reads and writes JSON with. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The origin calls go to, e.g. {@code https://api.claid.ai}. */
    public URI baseUri() {
        return origin.baseUri();
    }

    /** The most recent {@code RateLimit-*} headers Claid sent to this client; null before any. */
    public RateLimitInfo lastRateLimit() {
        return transport.lastRateLimit();
    }

    /** What this client has sent and been refused so far. */
    public Counters counters() {
        return transport.counters();
    }

    /**
     * Counts of one client: HTTP requests sent (attempts, retries included), 429 answers received, and the time
     * requests were held back in all by the rate-limit gate before being sent.
     */
    public record Counters(long requestsSent, long rateLimitedAnswers, Duration heldBack) {
    }

    /**
     * When Claid's API last answered one of this client's calls with success (downloads of temporary URLs do not
     * count: they carry no key); null before any. Proof, as of then, that Claid was reachable and took the key.
     */
    public Instant lastSuccessAt() {
        return answers.lastSuccessAt();
    }

    /**
     * A short name for the account this client calls, made from the base URL and the API key: the first 12 hex
     * digits of their SHA-256. Clients with the same key and base URL share it, so it can key what they share (a
     * circuit breaker, a health check) and be shown in logs and health details, where the key itself must never be.
     */
    public String accountId() {
        return accountId;
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        // deliberately without the API key
        return "ClaidClient[" + origin.baseUri() + "]";
    }

    private SimpleRequestBuilder authorized(SimpleRequestBuilder builder) {
        return builder.addHeader(bearer)
                .addHeader("Accept", "application/json")
                .addHeader("User-Agent", "camel-claid");
    }

    /** Settings of a {@link ClaidClient}. */
    public static final class Builder {
        private String apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(180);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private long maxDownloadBytes = 100L * 1024 * 1024;
        private int maxConnections = 20;
        private boolean validateRequests = true;
        private CloseableHttpAsyncClient httpClient;
        private ScheduledExecutorService scheduler;
        private boolean rateLimitShaping = true;
        private Path spoolDirectory;
        private Function<AnswerLimits, AsyncResponseConsumer<HttpAnswer>> answerConsumers;

        private Builder() {
        }

        /** The Claid API key, sent as a bearer token. Required. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Where Claid's API is; default {@value ClaidClient#DEFAULT_BASE_URL}. A local server in tests. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long to wait for an answer; synchronous edits of large images take minutes. Default 180 s. */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /**
         * The largest result {@link #download(String)} accepts; a larger one fails while it streams in. Default
         * 100 MiB. Results are streamed to a temporary file, so this bounds disk use, not the heap.
         */
        public Builder maxDownloadBytes(long maxDownloadBytes) {
            if (maxDownloadBytes <= 0) {
                throw new IllegalArgumentException("maxDownloadBytes must be positive, not " + maxDownloadBytes);
            }
            this.maxDownloadBytes = maxDownloadBytes;
            return this;
        }

        /**
         * Where downloads too large for memory and uploads read from a stream are kept while in use; default the
         * JVM's temporary directory ({@code java.io.tmpdir}).
         */
        public Builder spoolDirectory(Path spoolDirectory) {
            this.spoolDirectory = spoolDirectory;
            return this;
        }

        /** Replaces the maker of answer consumers, for tests that must make reading an answer fail. */
        Builder answerConsumers(Function<AnswerLimits, AsyncResponseConsumer<HttpAnswer>> answerConsumers) {
            this.answerConsumers = answerConsumers;
            return this;
        }

        /** Size of the connection pool when this client creates its own HTTP client. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** Whether to check requests against Claid's schemas before sending. Default true. */
        public Builder validateRequests(boolean validateRequests) {
            this.validateRequests = validateRequests;
            return this;
        }

        /** A started HTTP client to share (see {@link ClaidHttpClients#create}); it is not closed by this client. */
        public Builder httpClient(CloseableHttpAsyncClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** A scheduler for retry waits to share; it is not shut down by this client. */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /**
         * Whether to hold requests back before Claid would refuse them, by what its RateLimit headers said, shared
         * with every client of the same key and server in this JVM (see {@link RateLimitGate}). Default true.
         */
        public Builder rateLimitShaping(boolean rateLimitShaping) {
            this.rateLimitShaping = rateLimitShaping;
            return this;
        }

        public ClaidClient build() {
            return new ClaidClient(this);
        }
    }
}
