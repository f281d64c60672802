package io.github.camelclaid.client;

import java.util.Locale;

/**
 * The twenty operations of Claid's published REST API (17 paths), with the schema each request body is validated
 * against and the schema of the {@code data} each successful answer carries.
 */
public enum ApiOperation {

    EDIT("POST", "/v1/image/edit", "EditRequest", "EditResponse"),
    EDIT_UPLOAD("POST", "/v1/image/edit/upload", "UploadEditData", "EditResponse"),
    EDIT_ASYNC("POST", "/v1/image/edit/async", "AsyncEditRequest", "AsyncAcceptedResponse"),
    EDIT_ASYNC_STATUS("GET", "/v1/image/edit/async/{id}", null, "AsyncResultResponse"),
    EDIT_BATCH("POST", "/v1/image/edit/batch", "BatchEditRequest", "BatchAcceptedResponse"),
    EDIT_BATCH_STATUS("GET", "/v1/image/edit/batch/{id}", null, "BatchResultResponse"),
    AI_EDIT("POST", "/v1/image/ai-edit", "AiEditAPIRequest", "AiEditAcceptedResponse"),
    AI_EDIT_STATUS("GET", "/v1/image/ai-edit/{id}", null, "AiEditResultResponse"),
    FASHION_MODELS("POST", "/v1/image/ai-fashion-models", "TryOnAPIRequest", "TryOnAPIAcceptedResponse"),
    FASHION_MODELS_STATUS("GET", "/v1/image/ai-fashion-models/{id}", null, "TryOnAPIResultResponse"),
    GENERATE("POST", "/v1/image/generate", "GenerateRequest", "GenerateResponse"),
    CREATE_SCENE("POST", "/v1/scene/create", "SceneCreateAPIIn", "ScenePipelineResponseOut"),
    GENERATE_VIDEO("POST", "/v1/video/generate", "ImageVideoRequest", "VideoAcceptedResponse"),
    GENERATE_VIDEO_STATUS("GET", "/v1/video/generate/{id}", null, "VideoStatusResponse"),
    LIST_STORAGE_TYPES("GET", "/v1/storage/storage-types", null, null),
    LIST_STORAGES("GET", "/v1/storage/storages", null, null),
    CREATE_STORAGE("POST", "/v1/storage/storages", "StorageIn_Pydantic", "StorageOutDetailed_Pydantic"),
    GET_STORAGE("GET", "/v1/storage/storages/{id}", null, "StorageOutDetailed_Pydantic"),
    UPDATE_STORAGE("PATCH", "/v1/storage/storages/{id}", "StorageInUpdate_Pydantic", "StorageOutDetailed_Pydantic"),
    DELETE_STORAGE("DELETE", "/v1/storage/storages/{id}", null, null);

    private final String method;
    private final String pathTemplate;
    private final String requestSchema;
    private final String responseDataSchema;
    private final String description;

    ApiOperation(String method, String pathTemplate, String requestSchema, String responseDataSchema) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.requestSchema = requestSchema;
        this.responseDataSchema = responseDataSchema;
        this.description = name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The operation in words for messages, e.g. {@code edit async}. */
    public String description() {
        return description;
    }

    /** HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** Path with an {@code {id}} placeholder where the operation takes a path parameter. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** Whether the path carries a numeric id. */
    public boolean hasIdParameter() {
        return pathTemplate.contains("{id}");
    }

    /** Name of the schema under {@code components.schemas} that the request body must satisfy; null when bodiless. */
    public String requestSchema() {
        return requestSchema;
    }

    /** Name of the schema of the {@code data} member of a successful answer; null when it is a plain list or any. */
    public String responseDataSchema() {
        return responseDataSchema;
    }

    /** The path for this operation, with the id filled in where the path takes one. */
    public String path(Long id) {
        if (!hasIdParameter()) {
            return pathTemplate;
        }
        if (id == null) {
            throw new IllegalArgumentException(name().toLowerCase(Locale.ROOT) + " needs an id");
        }
        return pathTemplate.replace("{id}", Long.toString(id));
    }
}
