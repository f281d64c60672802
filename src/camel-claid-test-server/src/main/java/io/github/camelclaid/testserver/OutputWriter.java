package io.github.camelclaid.testserver;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Places outputs: without a destination on the server's temporary bucket ({@code tmp_url}); with a
 * {@code storage://} destination in that storage ({@code object_key}, {@code object_bucket}, {@code object_uri},
 * {@code claid_storage_uri}, and no {@code tmp_url}, as Claid documents). An output of an {@code s3} storage is PUT
 * into the bucket when the server has an S3 endpoint ({@link #store}); others are kept in memory only.
 */
final class OutputWriter {

    private final String baseUrl;
    private final MediaStore store;
    private final StorageReferences references;
    private final ObjectStore buckets;

    /**
     * @param buckets the buckets of {@code s3} storages; null when they are not backed by an endpoint
     */
    OutputWriter(String baseUrl, MediaStore store, StorageReferences references, ObjectStore buckets) {
        this.baseUrl = baseUrl;
        this.store = store;
        this.references = references;
        this.buckets = buckets;
    }

    /**
     * The destination of a request's {@code output}: the string itself, or the {@code destination} member of the
     * output options; null when outputs go to the temporary bucket.
     *
     * @throws ApiError 400 when the destination is not a {@code storage://} reference: this server cannot deliver
     *                  anywhere else
     */
    static StorageUri destination(JsonNode output, String field) {
        String uri = output == null ? null : output.isTextual() ? output.asText() : Json.text(output, "destination");
        if (uri == null) {
            return null;
        }
        String where = output.isTextual() ? field : field + ".destination";
        return StorageUri.parse(uri).orElseThrow(() -> ErrorBodies.storage(where + " must be a storage:// URI of a"
                + " connected storage (the local Claid server cannot deliver to " + uri + ")."));
    }

    /**
     * Plans output {@code index} of {@code count}. A folder destination gets {@code baseName} with the format's
     * extension (numbered when there are several outputs); a file destination keeps its name.
     */
    PlannedOutput plan(GeneratedMedia media, StorageUri destination, String baseName, int index, int count,
                       String field) {
        ObjectNode json = media.info().describe();
        if (destination == null) {
            json.put("tmp_url", baseUrl + store.publishTemporary(media));
            return new PlannedOutput(json, null);
        }
        Storage storage = references.requireWritable(destination, field);
        MediaFormat format = media.info().format();
        StorageUri target = destination.isFolder()
                ? destination.resolve(FileNames.numbered(baseName, index, count, format))
                : new StorageUri(destination.storageName(), parentOf(destination.path())
                        + FileNames.forDestinationFile(destination.fileName(), index, count, format));
        String key = storage.objectKey(target.path());
        String objectUri = storage.objectUriScheme() + "://" + storage.bucket() + "/" + key;
        WrittenObject object = new WrittenObject(storage.name(), storage.bucket(), key, objectUri, target.toString(),
                media, Instant.now(), buckets != null && storage.isS3());
        json.put("object_key", key);
        json.put("object_bucket", storage.bucket());
        json.put("object_uri", objectUri);
        json.put("claid_storage_uri", target.toString());
        return new PlannedOutput(json, object);
    }

    /** Plans and at once writes: for synchronous operations, whose outputs exist when the answer is sent. */
    ObjectNode write(GeneratedMedia media, StorageUri destination, String baseName, int index, int count,
                     String field) {
        PlannedOutput planned = plan(media, destination, baseName, index, count, field);
        if (planned.storageObject() != null) {
            store(planned.storageObject());
            store.recordWritten(planned.storageObject());
        }
        return planned.json();
    }

    /**
     * PUTs an object {@link WrittenObject#inBucket() meant for a bucket} into it (the caller then records it); does
     * nothing for the others.
     *
     * @throws ApiError 400 storage error when the bucket refuses it (e.g. it does not exist)
     */
    void store(WrittenObject object) {
        if (!object.inBucket()) {
            return;
        }
        try {
            buckets.put(object.bucket(), object.key(), object.media().bytes(), object.media().servedMime());
        } catch (ObjectStore.Failure e) {
            throw ErrorBodies.storage("Could not write the output " + object.claidStorageUri() + ": "
                    + e.getMessage() + ".");
        }
    }

    private static String parentOf(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }
}
