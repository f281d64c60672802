package io.github.camelclaid.testserver;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.github.camelclaid.client.ApiOperation;

/** Finds the Claid operation a method and path address, by the path templates of {@link ApiOperation}. */
final class Routes {

    /** The POSTs Claid bills for: every image, scene and video submission (sync or async). */
    static final Set<ApiOperation> PAID = EnumSet.of(ApiOperation.EDIT, ApiOperation.EDIT_UPLOAD,
            ApiOperation.EDIT_ASYNC, ApiOperation.EDIT_BATCH, ApiOperation.AI_EDIT, ApiOperation.FASHION_MODELS,
            ApiOperation.GENERATE, ApiOperation.CREATE_SCENE, ApiOperation.GENERATE_VIDEO);

    /** The POSTs that create a task polled later. */
    static final Set<ApiOperation> TASK_SUBMISSIONS = EnumSet.of(ApiOperation.EDIT_ASYNC, ApiOperation.EDIT_BATCH,
            ApiOperation.AI_EDIT, ApiOperation.FASHION_MODELS, ApiOperation.GENERATE_VIDEO);

    static final Set<ApiOperation> TASK_STATUS = EnumSet.of(ApiOperation.EDIT_ASYNC_STATUS,
            ApiOperation.EDIT_BATCH_STATUS, ApiOperation.AI_EDIT_STATUS, ApiOperation.FASHION_MODELS_STATUS,
            ApiOperation.GENERATE_VIDEO_STATUS);

    /** An operation and the raw text of its path id (null when the path has none). */
    record Match(ApiOperation operation, String rawId) {
    }

    private Routes() {
    }

    static Optional<Match> match(String method, String path) {
        for (ApiOperation operation : ApiOperation.values()) {
            if (!operation.method().equals(method)) {
                continue;
            }
            String rawId = matchTemplate(operation.pathTemplate(), path);
            if (rawId != null) {
                return Optional.of(new Match(operation, rawId.isEmpty() ? null : rawId));
            }
        }
        return Optional.empty();
    }

    /** Whether some operation serves this path with another method (answered 405, not 404). */
    static boolean servesPath(String path) {
        for (ApiOperation operation : ApiOperation.values()) {
            if (matchTemplate(operation.pathTemplate(), path) != null) {
                return true;
            }
        }
        return false;
    }

    /** The operation of a path, whatever the method; null for paths outside the API. */
    static ApiOperation operationOf(String method, String path) {
        return match(method, path).map(Match::operation).orElse(null);
    }

    /** The name FastAPI reports in {@code loc} for the path id of each operation, as in Claid's OpenAPI document. */
    static String idParameterName(ApiOperation operation) {
        switch (operation) {
            case AI_EDIT_STATUS:
                return "ai_edit_id";
            case FASHION_MODELS_STATUS:
                return "processing_request_id";
            case GENERATE_VIDEO_STATUS:
                return "animation_id";
            case GET_STORAGE:
            case UPDATE_STORAGE:
            case DELETE_STORAGE:
                return "storage_id";
            default:
                return "task_id";
        }
    }

    /**
     * @return null when the path does not fit the template; the text in the {@code {id}} segment when it does; the
     *         empty string when it fits a template without id
     */
    private static String matchTemplate(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return null;
        }
        String id = "";
        for (int i = 0; i < expected.length; i++) {
            if ("{id}".equals(expected[i])) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                id = actual[i];
            } else if (!expected[i].equals(actual[i])) {
                return null;
            }
        }
        return id;
    }
}
