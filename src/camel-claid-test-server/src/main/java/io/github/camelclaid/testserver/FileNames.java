package io.github.camelclaid.testserver;

import java.net.URI;

/** Output file names: Claid keeps the input's name and puts the output format's extension on it. */
final class FileNames {

    private FileNames() {
    }

    /** The last path segment of a URL or storage reference without its extension, or the fallback. */
    static String stem(String url, String fallback) {
        if (url == null) {
            return fallback;
        }
        String path = url;
        try {
            if (!StorageUri.looksLikeOne(url)) {
                String parsed = URI.create(url).getPath();
                path = parsed == null ? url : parsed;
            }
        } catch (IllegalArgumentException e) {
            // not a URI (e.g. an upload's file name): use it as it is
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        String stem = dot > 0 ? last.substring(0, dot) : last;
        String safe = stem.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? fallback : safe;
    }

    /** {@code stem.ext}, or {@code stem_N.ext} when one request produces several outputs. */
    static String numbered(String stem, int index, int count, MediaFormat format) {
        return (count > 1 ? stem + "_" + (index + 1) : stem) + "." + format.ext();
    }

    /**
     * A destination file name with the output's extension: kept when its extension already names the format
     * ({@code photo.jpg} for JPEG), replaced otherwise, numbered when several outputs share it.
     */
    static String forDestinationFile(String fileName, int index, int count, MediaFormat format) {
        boolean extensionFits = MediaFormat.fromFileName(fileName).map(f -> f == format).orElse(false);
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = extensionFits ? fileName.substring(dot + 1) : format.ext();
        return (count > 1 ? stem + "_" + (index + 1) : stem) + "." + ext;
    }
}
