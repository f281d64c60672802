package io.github.camelclaid.component;

import org.apache.camel.spi.Metadata;

/** The message headers the {@code claid:} component reads and writes. */
public final class ClaidConstants {

    @Metadata(label = "producer", description = "The operation to perform, overriding the one in the URI.",
              javaType = "String", enums = "edit,editAsync,editBatch,aiEdit,fashionModels,generate,createScene,"
                                           + "generateVideo,getTask,listStorageTypes,listStorages,getStorage,"
                                           + "createStorage,updateStorage,deleteStorage")
    public static final String OPERATION = "CamelClaidOperation";
    @Metadata(label = "producer",
              description = "The input image (http(s) URL or storage:// URI; for generate, the prompt), overriding the body.",
              javaType = "String")
    public static final String INPUT = "CamelClaidInput";
    @Metadata(label = "producer",
              description = "The edit operations for this message (JSON text, Map or typed ImageOperations), overriding the operations option.",
              javaType = "Object")
    public static final String OPERATIONS = "CamelClaidOperations";
    @Metadata(label = "producer",
              description = "The output options for this message (JSON text, Map, typed model, or a destination URI such as storage://name/folder/), overriding the output option.",
              javaType = "Object")
    public static final String OUTPUT = "CamelClaidOutput";
    @Metadata(label = "producer",
              description = "The options object for this message (aiEdit, fashionModels, generate, generateVideo; the scene for createScene), overriding the options option.",
              javaType = "Object")
    public static final String OPTIONS = "CamelClaidOptions";
    @Metadata(description = "The id of the async task: set by the async operations, read by getTask.",
              javaType = "Long")
    public static final String TASK_ID = "CamelClaidTaskId";
    @Metadata(description = "The task's status: ACCEPTED, WAITING, PROCESSING, DONE, ERROR, CANCELLED or PAUSED; UNCONFIRMED for a submission whose answer was lost (see unconfirmedSubmissionWait).",
              javaType = "String")
    public static final String TASK_STATUS = "CamelClaidTaskStatus";
    @Metadata(description = "The kind of task, named by the operation that submits it: editAsync, editBatch, aiEdit, fashionModels or generateVideo. Read by getTask with a task id; set by the tasks and webhook consumers.",
              javaType = "String")
    public static final String TASK_KIND = "CamelClaidTaskKind";
    @Metadata(description = "The task's result_url: set by the async operations, read by getTask.", javaType = "String")
    public static final String RESULT_URL = "CamelClaidResultUrl";
    @Metadata(description = "The first output's location: its tmp_url, or the storage URI when the output went to a bucket.",
              javaType = "String")
    public static final String OUTPUT_URL = "CamelClaidOutputUrl";
    @Metadata(description = "All output locations, in Claid's order.", javaType = "java.util.List<String>")
    public static final String OUTPUT_URLS = "CamelClaidOutputUrls";
    @Metadata(description = "The first output's format as Claid reports it, e.g. jpeg.", javaType = "String")
    public static final String OUTPUT_FORMAT = "CamelClaidOutputFormat";
    @Metadata(description = "The first output's width in pixels.", javaType = "Integer")
    public static final String OUTPUT_WIDTH = "CamelClaidOutputWidth";
    @Metadata(description = "The first output's height in pixels.", javaType = "Integer")
    public static final String OUTPUT_HEIGHT = "CamelClaidOutputHeight";
    @Metadata(description = "The answer's x-request-id, to quote to Claid's support.", javaType = "String")
    public static final String REQUEST_ID = "CamelClaidRequestId";
    @Metadata(description = "Requests left in the current rate-limit window (RateLimit-Remaining).", javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "CamelClaidRateLimitRemaining";
    @Metadata(description = "Seconds until the rate-limit window resets (RateLimit-Reset).", javaType = "Integer")
    public static final String RATE_LIMIT_RESET = "CamelClaidRateLimitReset";
    @Metadata(description = "The rate-limit policy in effect (RateLimit-Limit), e.g. 120, 120;w=60, 4;w=1.",
              javaType = "String")
    public static final String RATE_LIMIT_LIMIT = "CamelClaidRateLimitLimit";
    @Metadata(description = "Claid's whole typed answer (EditResponse, TaskAccepted, TaskResult, ...) when the body holds the downloaded output instead.",
              javaType = "Object")
    public static final String RESPONSE = "CamelClaidResponse";
    @Metadata(label = "producer",
              description = "The storage connector id for getStorage, updateStorage and deleteStorage.",
              javaType = "Long")
    public static final String STORAGE_ID = "CamelClaidStorageId";
    @Metadata(label = "producer",
              description = "The file name sent with an uploaded image; defaults to the CamelFileName header or the S3 key.",
              javaType = "String")
    public static final String FILE_NAME = "CamelClaidFileName";

    @Metadata(label = "consumer",
              description = "Claid's error messages for a task that ended in ERROR, in Claid's order.",
              javaType = "java.util.List<String>")
    public static final String TASK_ERRORS = "CamelClaidTaskErrors";
    @Metadata(label = "consumer",
              description = "With splitOutputs: the position of this exchange's output among the task's outputs, from 0.",
              javaType = "Integer")
    public static final String OUTPUT_INDEX = "CamelClaidOutputIndex";
    @Metadata(label = "consumer",
              description = "With splitOutputs: how many outputs the task has.", javaType = "Integer")
    public static final String OUTPUT_COUNT = "CamelClaidOutputCount";
    @Metadata(label = "consumer",
              description = "When Claid accepted the task, as recorded at submission (ISO-8601).", javaType = "String")
    public static final String TASK_SUBMITTED_AT = "CamelClaidTaskSubmittedAt";

    @Metadata(label = "producer",
              description = "For async operations: the caller's name for the work, e.g. bucket/key/ETag of an image. If the task ledger already holds a task submitted under it, that task is used instead of submitting (and paying) again.",
              javaType = "String")
    public static final String REQUEST_KEY = "CamelClaidRequestKey";
    @Metadata(label = "producer",
              description = "Set to true when the request key named a task submitted before, which the exchange now carries instead of a new one.",
              javaType = "Boolean")
    public static final String TASK_REUSED = "CamelClaidTaskReused";

    private ClaidConstants() {
    }

    /** Values of {@link #TASK_STATUS} that are not Claid's own task statuses. */
    public static final class TaskStatuses {

        /**
         * A submission whose answer was lost after Claid may have acted on it, and for whose input Claid named no task
         * within unconfirmedSubmissionWait: Claid may or may not have processed it. It was not sent again.
         */
        public static final String UNCONFIRMED = "UNCONFIRMED";

        private TaskStatuses() {
        }
    }
}
