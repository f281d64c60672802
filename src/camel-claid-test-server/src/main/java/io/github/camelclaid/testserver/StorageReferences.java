package io.github.camelclaid.testserver;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the {@code storage://name/...} references of a request against the connected storages, before anything is
 * done: Claid answers 400 ({@code error_type "storage"}) when a request names a storage that is not connected.
 */
final class StorageReferences {

    private final StorageRegistry storages;

    StorageReferences(StorageRegistry storages) {
        this.storages = storages;
    }

    /** Walks the whole request, so every field that may hold a reference (input, output, image_url...) is covered. */
    void requireConnected(JsonNode request) {
        walk(request, "");
    }

    /** The storage an output is written to; it must exist and be a bucket (s3 or gcs). */
    Storage requireWritable(StorageUri destination, String field) {
        Storage storage = require(destination, field);
        if (!storage.isCloud()) {
            throw ErrorBodies.storage("Storage '" + storage.name() + "' named by " + field
                    + " is a web_folder; results can only be written to s3 or gcs storages.");
        }
        return storage;
    }

    private Storage require(StorageUri reference, String field) {
        return storages.byName(reference.storageName()).orElseThrow(() -> ErrorBodies.storage("Storage '"
                + reference.storageName() + "' named by " + field + " (" + reference
                + ") does not exist. Connect it with POST /v1/storage/storages first."));
    }

    private void walk(JsonNode node, String path) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && StorageUri.looksLikeOne(node.asText())) {
            StorageUri reference = StorageUri.parse(node.asText()).orElseThrow();
            if (reference.storageName().isEmpty()) {
                throw ErrorBodies.storage(path + " (" + node.asText() + ") does not name a storage.");
            }
            require(reference, path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                walk(member.getValue(), path.isEmpty() ? member.getKey() : path + "." + member.getKey());
            }
        }
    }
}
