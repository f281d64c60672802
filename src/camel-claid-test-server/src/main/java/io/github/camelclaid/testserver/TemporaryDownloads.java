package io.github.camelclaid.testserver;

import java.util.Map;

/**
 * Serves {@code GET /tmp/<file>}: the outputs behind {@code tmp_url}, without authentication as on Claid's public
 * bucket, with the Content-Type of the bytes actually served.
 */
final class TemporaryDownloads {

    private final MediaStore store;
    private final long outputSize;

    /** @param outputSize the size outputs are padded to with zero bytes; 0 for none */
    TemporaryDownloads(MediaStore store, long outputSize) {
        this.store = store;
        this.outputSize = outputSize;
    }

    ApiResponse serve(String method, String path) {
        if (!"GET".equals(method)) {
            return ErrorBodies.methodNotAllowed();
        }
        String fileName = path.substring(MediaStore.TMP_PATH.length());
        return store.temporary(fileName)
                .map(media -> new ApiResponse(200, media.servedMime(), media.bytes(),
                        Map.of("Cache-Control", "private, max-age=86400"),
                        Math.max(outputSize, media.bytes().length)))
                .orElseGet(() -> ErrorBodies.flat(404, ErrorBodies.NOT_FOUND_CODE, "general",
                        "No such temporary file: " + fileName + "."));
    }
}
