package io.github.camelclaid.testserver;

import java.util.Arrays;

import io.github.camelclaid.client.ApiOperation;

/** The kinds of async task, with what differs between them in Claid's documentation. */
enum TaskKind {

    EDIT_ASYNC(ApiOperation.EDIT_ASYNC_STATUS, TaskStatus.ACCEPTED, true, "image",
            "Async image edit pipeline not found."),
    BATCH(ApiOperation.EDIT_BATCH_STATUS, TaskStatus.ACCEPTED, true, "image",
            "Batch image edit pipeline not found."),
    AI_EDIT(ApiOperation.AI_EDIT_STATUS, TaskStatus.ACCEPTED, true, "image", "AI edit request not found."),
    FASHION_MODELS(ApiOperation.FASHION_MODELS_STATUS, TaskStatus.ACCEPTED, true, "image",
            "AI fashion models request not found."),
    /** Claid documents PROCESSING as the only status of an accepted video, and no webhooks for videos. */
    VIDEO(ApiOperation.GENERATE_VIDEO_STATUS, TaskStatus.PROCESSING, false, "animation", "Animation not found.");

    private final ApiOperation statusOperation;
    private final TaskStatus initialStatus;
    private final boolean notifiesWebhook;
    private final String errorType;
    private final String notFoundMessage;

    TaskKind(ApiOperation statusOperation, TaskStatus initialStatus, boolean notifiesWebhook, String errorType,
             String notFoundMessage) {
        this.statusOperation = statusOperation;
        this.initialStatus = initialStatus;
        this.notifiesWebhook = notifiesWebhook;
        this.errorType = errorType;
        this.notFoundMessage = notFoundMessage;
    }

    static TaskKind polledBy(ApiOperation statusOperation) {
        return Arrays.stream(values()).filter(k -> k.statusOperation == statusOperation).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(statusOperation + " polls no task"));
    }

    ApiOperation statusOperation() {
        return statusOperation;
    }

    /** The status answered on submission and until the task leaves its accepted phase. */
    TaskStatus initialStatus() {
        return initialStatus;
    }

    boolean notifiesWebhook() {
        return notifiesWebhook;
    }

    /** Batch answers list {@code results}; the others carry one {@code result} object. */
    boolean hasResultList() {
        return this == BATCH;
    }

    ApiError notFound() {
        return ErrorBodies.notFound(errorType, notFoundMessage);
    }
}
