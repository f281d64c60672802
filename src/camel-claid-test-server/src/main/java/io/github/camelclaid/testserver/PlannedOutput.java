package io.github.camelclaid.testserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An output as Claid will report it, and the storage object it stands for (null for a {@code tmp_url} output). Async
 * tasks report the object only once DONE, so writing it is left to whoever decides when the output exists.
 */
record PlannedOutput(ObjectNode json, WrittenObject storageObject) {
}
