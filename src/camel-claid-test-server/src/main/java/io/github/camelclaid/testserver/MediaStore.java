package io.github.camelclaid.testserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the server produced: files behind {@code tmp_url} (Claid's one-day public bucket) and objects "written"
 * to connected storages. Both can be read back as inputs of later requests, so outputs can be chained.
 */
final class MediaStore {

    static final String TMP_PATH = "/tmp/";

    private final Map<String, GeneratedMedia> temporary = new ConcurrentHashMap<>();
    private final List<WrittenObject> written = new ArrayList<>();
    private final Map<String, WrittenObject> writtenByUri = new ConcurrentHashMap<>();

    /** Publishes an output at a fresh {@code /tmp/<uuid>.<ext>} and returns that path. */
    String publishTemporary(GeneratedMedia media) {
        String fileName = UUID.randomUUID() + "." + media.info().format().ext();
        temporary.put(fileName, media);
        return TMP_PATH + fileName;
    }

    Optional<GeneratedMedia> temporary(String fileName) {
        return Optional.ofNullable(temporary.get(fileName));
    }

    void recordWritten(WrittenObject object) {
        synchronized (written) {
            written.add(object);
        }
        writtenByUri.put(object.claidStorageUri(), object);
    }

    List<WrittenObject> written() {
        synchronized (written) {
            return List.copyOf(written);
        }
    }

    Optional<WrittenObject> writtenAt(String claidStorageUri) {
        return Optional.ofNullable(writtenByUri.get(claidStorageUri));
    }

    void clear() {
        temporary.clear();
        synchronized (written) {
            written.clear();
        }
        writtenByUri.clear();
    }
}
