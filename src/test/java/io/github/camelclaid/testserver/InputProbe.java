package io.github.camelclaid.testserver;

/**
 * Works out what Claid would find at an input URL, without network access. Outputs of this server (its
 * {@code tmp_url}s and the objects it wrote to storages) are known exactly, so chained requests see the real size;
 * anything else is assumed to be an image of the configured default size, in the format its extension names (JPEG
 * when none).
 */
final class InputProbe {

    private final String temporaryUrlPrefix;
    private final MediaStore store;
    private final PixelSize defaultSize;

    InputProbe(String baseUrl, MediaStore store, PixelSize defaultSize) {
        this.temporaryUrlPrefix = baseUrl + MediaStore.TMP_PATH;
        this.store = store;
        this.defaultSize = defaultSize;
    }

    MediaInfo probe(String url) {
        if (url != null && url.startsWith(temporaryUrlPrefix)) {
            var known = store.temporary(url.substring(temporaryUrlPrefix.length()));
            if (known.isPresent()) {
                return known.get().info();
            }
        }
        if (StorageUri.looksLikeOne(url)) {
            var written = store.writtenAt(url);
            if (written.isPresent()) {
                return written.get().media().info();
            }
        }
        MediaFormat format = MediaFormat.fromFileName(pathOf(url)).filter(f -> !f.isVideo()).orElse(MediaFormat.JPEG);
        return new MediaInfo(defaultSize.width(), defaultSize.height(), format);
    }

    PixelSize defaultSize() {
        return defaultSize;
    }

    private static String pathOf(String url) {
        if (url == null) {
            return null;
        }
        int cut = url.length();
        for (char c : new char[] { '?', '#' }) {
            int at = url.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return url.substring(0, cut);
    }
}
