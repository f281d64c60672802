package io.github.camelclaid.testserver;

import java.util.Optional;

/**
 * A {@code storage://name/path} reference: the <em>name</em> of a storage connected through the storage API, then a
 * path inside it. A path that is empty or ends with {@code /} is a folder.
 */
record StorageUri(String storageName, String path) {

    static final String SCHEME = "storage://";

    static boolean looksLikeOne(String text) {
        return text != null && text.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    static Optional<StorageUri> parse(String text) {
        if (!looksLikeOne(text)) {
            return Optional.empty();
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        return Optional.of(new StorageUri(name, path));
    }

    boolean isFolder() {
        return path.isEmpty() || path.endsWith("/");
    }

    /** The last path segment (empty for a folder). */
    String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** This folder with a file name appended, or this file. */
    StorageUri resolve(String fileName) {
        return isFolder() ? new StorageUri(storageName, path + fileName) : this;
    }

    @Override
    public String toString() {
        return SCHEME + storageName + "/" + path;
    }
}
