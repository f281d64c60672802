package io.github.camelclaid.testserver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The connected storages, in memory. Requests have already been checked against Claid's schemas; this class adds the
 * rules the schemas cannot express: names are unique (they are what {@code storage://name/} refers to) and the
 * parameters must fit the type.
 */
final class StorageRegistry {

    private final Map<Long, Storage> byId = new TreeMap<>();
    private final AtomicLong ids = new AtomicLong();

    synchronized Storage create(JsonNode request) {
        String name = request.get("name").asText();
        requireUniqueName(name, -1);
        String type = request.get("type").asText();
        JsonNode parameters = request.get("parameters");
        JsonNode credentials = parameters.path("credentials");
        Storage storage = new Storage(ids.incrementAndGet(), name, type, Json.text(parameters, "path"),
                Json.text(parameters, "bucket"), Json.text(credentials, "access_key"),
                Json.text(credentials, "secret_access_key"), Json.text(parameters, "base_url"),
                ClaidTime.format(Instant.now()));
        requireParametersFitType(storage);
        byId.put(storage.id(), storage);
        return storage;
    }

    /** Connects an {@code s3} storage without a request, as {@link LocalClaidServer.Builder#s3Storage} asks. */
    synchronized Storage createS3(String name, String bucket, String path, String accessKey, String secretKey) {
        requireUniqueName(name, -1);
        Storage storage = new Storage(ids.incrementAndGet(), name, Storage.S3, path, bucket, accessKey, secretKey,
                null, ClaidTime.format(Instant.now()));
        byId.put(storage.id(), storage);
        return storage;
    }

    /** Applies a {@code StorageInUpdate}: every member is optional; given ones replace the stored values. */
    synchronized Storage update(long id, JsonNode patch) {
        Storage current = require(id);
        String name = patch.has("name") ? patch.get("name").asText() : current.name();
        requireUniqueName(name, id);
        String type = patch.has("type") ? patch.get("type").asText() : current.type();
        JsonNode parameters = patch.path("parameters");
        JsonNode credentials = parameters.path("credentials");
        Storage updated = new Storage(id, name, type,
                orElse(Json.text(parameters, "path"), current.path()),
                orElse(Json.text(parameters, "bucket"), current.bucket()),
                orElse(Json.text(credentials, "access_key"), current.accessKey()),
                orElse(Json.text(credentials, "secret_access_key"), current.secretAccessKey()),
                orElse(Json.text(parameters, "base_url"), current.baseUrl()),
                current.createdAt());
        requireParametersFitType(updated);
        byId.put(id, updated);
        return updated;
    }

    synchronized Storage require(long id) {
        Storage storage = byId.get(id);
        if (storage == null) {
            throw ErrorBodies.notFound("storage", "Storage not found.");
        }
        return storage;
    }

    synchronized Optional<Storage> byName(String name) {
        return byId.values().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    synchronized List<Storage> all() {
        return new ArrayList<>(byId.values());
    }

    synchronized void delete(long id) {
        require(id);
        byId.remove(id);
    }

    synchronized void clear() {
        byId.clear();
    }

    private void requireUniqueName(String name, long exceptId) {
        boolean taken = byId.values().stream().anyMatch(s -> s.name().equals(name) && s.id() != exceptId);
        if (taken) {
            throw ErrorBodies.validation("name", "a storage named '" + name + "' already exists");
        }
    }

    private static void requireParametersFitType(Storage storage) {
        if (storage.isCloud()) {
            if (storage.bucket() == null || storage.accessKey() == null || storage.secretAccessKey() == null) {
                throw ErrorBodies.validation("parameters", "a " + storage.type()
                        + " storage needs bucket and credentials.access_key, credentials.secret_access_key");
            }
        } else if (storage.baseUrl() == null) {
            throw ErrorBodies.validation("parameters.base_url", "field required for a web_folder storage");
        }
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
