package io.github.camelclaid.client.model;

import java.net.URI;
import java.util.Locale;

import io.github.camelclaid.client.ApiOperation;

/** The kinds of Claid async task, each with the operation that submits it and the one that reports its status. */
public enum TaskKind {
    EDIT_ASYNC(ApiOperation.EDIT_ASYNC, ApiOperation.EDIT_ASYNC_STATUS),
    EDIT_BATCH(ApiOperation.EDIT_BATCH, ApiOperation.EDIT_BATCH_STATUS),
    AI_EDIT(ApiOperation.AI_EDIT, ApiOperation.AI_EDIT_STATUS),
    FASHION_MODELS(ApiOperation.FASHION_MODELS, ApiOperation.FASHION_MODELS_STATUS),
    GENERATE_VIDEO(ApiOperation.GENERATE_VIDEO, ApiOperation.GENERATE_VIDEO_STATUS);

    private final ApiOperation submit;
    private final ApiOperation status;

    TaskKind(ApiOperation submit, ApiOperation status) {
        this.submit = submit;
        this.status = status;
    }

    public ApiOperation submitOperation() {
        return submit;
    }

    public ApiOperation statusOperation() {
        return status;
    }

    /**
     * Whether Claid posts a webhook notification when a task of this kind ends: it documents them for image tasks, and
     * none for videos.
     */
    public boolean notifiedByWebhook() {
        return this != GENERATE_VIDEO;
    }

    /**
     * Reads the kind from a {@code result_url}: the path before the id names it. Returns null when the URL is not one
     * of Claid's status paths. The version segment is ignored, as Claid has served these paths under several.
     */
    public static TaskKind fromResultUrl(String resultUrl) {
        String path = URI.create(resultUrl).getPath();
        int slash = path == null ? -1 : path.lastIndexOf('/');
        if (slash <= 0) {
            return null;
        }
        String collection = path.substring(0, slash);
        for (TaskKind kind : values()) {
            String statusCollection = kind.status.pathTemplate().replace("/{id}", "").substring("/v1".length());
            if (collection.endsWith(statusCollection)) {
                return kind;
            }
        }
        return null;
    }

    /**
     * Parses a kind from the name of the operation that submits it ({@code editAsync}, {@code editBatch},
     * {@code aiEdit}, {@code fashionModels}, {@code generateVideo}) or from the constant name.
     */
    public static TaskKind parse(String text) {
        String key = text.trim().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        for (TaskKind kind : values()) {
            if (kind.name().replace("_", "").toLowerCase(Locale.ROOT).equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown Claid task kind '" + text
                + "': use one of editAsync, editBatch, aiEdit, fashionModels, generateVideo");
    }
}
