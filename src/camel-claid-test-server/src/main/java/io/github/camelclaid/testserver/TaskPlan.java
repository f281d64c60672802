package io.github.camelclaid.testserver;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a task will end, decided when it is submitted: its final status, the result it will show when DONE (an object,
 * or for batches a list), the errors it will show when ERROR, and the storage objects that appear when it is DONE. A
 * plan to end DONE is settled at the task's end, when inputs are read and outputs written (see
 * {@link AsyncOperations}), and may become another plan then.
 */
record TaskPlan(TaskStatus outcome, JsonNode result, List<TaskError> errors, List<WrittenObject> writes) {

    /** One entry of {@code errors}; {@code inputObject} only for image edits, where Claid reports it. */
    record TaskError(String message, ObjectNode inputObject) {
    }

    TaskPlan {
        errors = List.copyOf(errors);
        writes = List.copyOf(writes);
    }

    /** A task that ends in ERROR for one reason, with nothing written. */
    static TaskPlan failed(String message) {
        return new TaskPlan(TaskStatus.ERROR, Json.object(), List.of(new TaskError(message, null)), List.of());
    }
}
