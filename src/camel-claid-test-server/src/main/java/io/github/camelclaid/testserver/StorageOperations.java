package io.github.camelclaid.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** The storage connectors API, over the in-memory {@link StorageRegistry}. */
final class StorageOperations {

    private final StorageRegistry storages;

    StorageOperations(StorageRegistry storages) {
        this.storages = storages;
    }

    ApiResponse types() {
        ArrayNode types = Json.array();
        types.add("web_folder").add("s3").add("gcs");
        return ApiResponse.data(types);
    }

    ApiResponse list() {
        ArrayNode list = Json.array();
        storages.all().forEach(s -> list.add(s.summary()));
        return ApiResponse.data(list);
    }

    ApiResponse create(JsonNode body) {
        return ApiResponse.data(storages.create(body).detailed());
    }

    ApiResponse get(long id) {
        return ApiResponse.data(storages.require(id).detailed());
    }

    ApiResponse update(long id, JsonNode body) {
        return ApiResponse.data(storages.update(id, body).detailed());
    }

    /** Claid declares a bare {@code Response} (data of any type); it disconnects the storage, the bucket stays. */
    ApiResponse delete(long id) {
        storages.delete(id);
        return ApiResponse.data(NullNode.getInstance());
    }
}
