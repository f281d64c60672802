package io.github.camelclaid.testserver;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a task will end, decided when it is submitted: its final status, the result it will show when DONE (an object,
 * or for batches a list), the errors it will show when ERROR, and the storage objects that appear when it is DONE.
 */
record TaskPlan(TaskStatus outcome, JsonNode result, List<TaskError> errors, List<WrittenObject> writes) {

    /** One entry of {@code errors}; {@code inputObject} only for image edits, where Claid reports it. */
    record TaskError(String message, ObjectNode inputObject) {
    }

    TaskPlan {
        errors = List.copyOf(errors);
        writes = List.copyOf(writes);
    }
}
