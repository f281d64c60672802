package io.github.camelclaid.testserver;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelclaid.client.ApiOperation;

/**
 * Claid's request pipeline, in the order the real service applies it: route, authentication, rate limit, path id,
 * body (JSON, schema, storage references), then the operation itself. Every outcome is an {@link ApiResponse}; what
 * reaches the wire, and when, is {@link HttpFront}'s business.
 */
final class ClaidApi {

    private final String apiKey;
    private final boolean rateLimitStatusPolls;
    private final RateLimiter rateLimiter;
    private final StorageReferences references;
    private final SyncOperations sync;
    private final AsyncOperations async;
    private final StorageOperations storage;
    private final TemporaryDownloads downloads;

    ClaidApi(String apiKey, boolean rateLimitStatusPolls, RateLimiter rateLimiter, StorageReferences references,
             SyncOperations sync, AsyncOperations async, StorageOperations storage, TemporaryDownloads downloads) {
        this.apiKey = apiKey;
        this.rateLimitStatusPolls = rateLimitStatusPolls;
        this.rateLimiter = rateLimiter;
        this.references = references;
        this.sync = sync;
        this.async = async;
        this.storage = storage;
        this.downloads = downloads;
    }

    ApiResponse process(ApiRequest request) {
        if (request.path().startsWith(MediaStore.TMP_PATH)) {
            return downloads.serve(request.method(), request.path());
        }
        Optional<Routes.Match> match = Routes.match(request.method(), request.path());
        if (match.isEmpty()) {
            return Routes.servesPath(request.path()) ? ErrorBodies.methodNotAllowed() : ErrorBodies.routeNotFound();
        }
        ApiOperation operation = match.get().operation();
        Map<String, String> rateLimitHeaders = Map.of();
        try {
            authenticate(request);
            if (countsAgainstRateLimit(operation)) {
                RateLimiter.Verdict verdict = rateLimiter.acquire(apiKey);
                rateLimitHeaders = verdict.headers();
                if (!verdict.allowed()) {
                    return ErrorBodies.rateLimited(verdict.headers(), null);
                }
            }
            Long id = operation.hasIdParameter() ? pathId(operation, match.get().rawId()) : null;
            JsonNode body = null;
            if (operation.requestSchema() != null && operation != ApiOperation.EDIT_UPLOAD) {
                body = RequestValidator.parse(request.body(), "The request body");
                RequestValidator.requireValid(operation.requestSchema(), body);
                RequestRules.check(operation, body);
                references.requireConnected(body);
            }
            return dispatch(operation, request, body, id).withHeaders(rateLimitHeaders);
        } catch (ApiError e) {
            return e.response().withHeaders(rateLimitHeaders);
        }
    }

    private ApiResponse dispatch(ApiOperation operation, ApiRequest request, JsonNode body, Long id) {
        switch (operation) {
            case EDIT:
                return sync.edit(request, body);
            case EDIT_UPLOAD:
                return sync.upload(request);
            case GENERATE:
                return sync.generate(request, body);
            case CREATE_SCENE:
                return sync.scene(request, body);
            case EDIT_ASYNC:
                return async.editAsync(request, body);
            case EDIT_BATCH:
                return async.batch(request, body);
            case AI_EDIT:
                return async.aiEdit(request, body);
            case FASHION_MODELS:
                return async.fashionModels(request, body);
            case GENERATE_VIDEO:
                return async.generateVideo(request, body);
            case EDIT_ASYNC_STATUS:
            case EDIT_BATCH_STATUS:
            case AI_EDIT_STATUS:
            case FASHION_MODELS_STATUS:
            case GENERATE_VIDEO_STATUS:
                return async.status(TaskKind.polledBy(operation), id);
            case LIST_STORAGE_TYPES:
                return storage.types();
            case LIST_STORAGES:
                return storage.list();
            case CREATE_STORAGE:
                return storage.create(body);
            case GET_STORAGE:
                return storage.get(id);
            case UPDATE_STORAGE:
                return storage.update(id, body);
            case DELETE_STORAGE:
                return storage.delete(id);
            default:
                throw new IllegalStateException("No handler for " + operation);
        }
    }

    /** {@code Authorization: Bearer <key>}, the scheme in any case. */
    private void authenticate(ApiRequest request) {
        String authorization = request.header("Authorization");
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())
                || !authorization.substring(prefix.length()).trim().equals(apiKey)) {
            throw ErrorBodies.unauthorized();
        }
    }

    /**
     * Claid documents RateLimit headers on "every image processing response"; whether polls count is not
     * documented, so it is an option.
     */
    private boolean countsAgainstRateLimit(ApiOperation operation) {
        return Routes.PAID.contains(operation) || (rateLimitStatusPolls && Routes.TASK_STATUS.contains(operation));
    }

    /** FastAPI answers a non-integer id with its own 422; an integer too large for any record simply finds none. */
    private static long pathId(ApiOperation operation, String raw) {
        if (!raw.matches("[+-]?\\d+")) {
            throw ErrorBodies.pathNotInteger(Routes.idParameterName(operation));
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
