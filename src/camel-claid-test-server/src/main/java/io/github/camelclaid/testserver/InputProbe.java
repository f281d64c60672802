package io.github.camelclaid.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Works out what Claid would find at an input URL, in two ways.
 *
 * <p>
 * {@link #probe} never touches the network: outputs of this server (its {@code tmp_url}s and the objects it wrote to
 * storages) are known exactly, so chained requests see the real size; anything else is assumed to be an image of the
 * configured default size, in the format its extension names (JPEG when none).
 *
 * <p>
 * {@link #read} reads the input as Claid does when it can be done offline, and probes otherwise: a
 * {@code storage://name/key} input of an {@code s3} storage is fetched from the bucket when the server has an S3
 * endpoint; an {@code http(s)} URL on a loopback host (127.0.0.1, localhost, ::1) other than this server, such as a
 * presigned URL of a local S3 server, is fetched with a GET (so is the file of a {@code web_folder} storage whose base
 * URL is such a URL). Bytes ImageIO can decode give the real size and are the pixels edits start from; other bytes
 * give the default size and a stand-in picture ({@link SourceImage}). An input that cannot
 * be read is Claid's 400 input error ({@link ErrorBodies#unreadableInput}). This server's own URLs are looked up, not
 * fetched, so the lookup neither shows up in {@code requests()} nor trips armed faults.
 */
final class InputProbe {

    /** Inputs larger than this are refused rather than read into memory. */
    static final int MAX_FETCHED_BYTES = 64 * 1024 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final String baseUrl;
    private final String temporaryUrlPrefix;
    private final int ownPort;
    private final MediaStore store;
    private final PixelSize defaultSize;
    private final StorageRegistry storages;
    private final ObjectStore buckets;

    /**
     * @param buckets the buckets of {@code s3} storages; null when they are not backed by an endpoint
     */
    InputProbe(String baseUrl, MediaStore store, PixelSize defaultSize, StorageRegistry storages,
               ObjectStore buckets) {
        this.baseUrl = baseUrl;
        this.temporaryUrlPrefix = baseUrl + MediaStore.TMP_PATH;
        this.ownPort = URI.create(baseUrl).getPort();
        this.store = store;
        this.defaultSize = defaultSize;
        this.storages = storages;
        this.buckets = buckets;
    }

    /** What is known or assumed about the input, without reading it. */
    MediaInfo probe(String url) {
        return probeImage(url).info();
    }

    /**
     * The input as far as it is known without reading it: this server's own outputs with their pixels; anything else
     * a stand-in of the default size drawn from its URL.
     */
    SourceImage probeImage(String url) {
        if (url != null && url.startsWith(temporaryUrlPrefix)) {
            var known = store.temporary(url.substring(temporaryUrlPrefix.length()));
            if (known.isPresent()) {
                return SourceImage.output(known.get(), url);
            }
        }
        if (StorageUri.looksLikeOne(url)) {
            var written = store.writtenAt(url);
            if (written.isPresent()) {
                return SourceImage.output(written.get().media(), url);
            }
        }
        MediaFormat format = MediaFormat.fromFileName(pathOf(url)).filter(f -> !f.isVideo()).orElse(MediaFormat.JPEG);
        return SourceImage.standIn(new MediaInfo(defaultSize.width(), defaultSize.height(), format),
                String.valueOf(url));
    }

    /** Whether {@link #read} fetches this input (from a bucket or a loopback URL) rather than probing it. */
    boolean fetches(String url) {
        Optional<StorageUri> reference = StorageUri.parse(url);
        if (reference.isPresent()) {
            Optional<Storage> storage = storages.byName(reference.get().storageName());
            return storage.isPresent() && (inBucket(storage.get())
                    || webFolderUrl(storage.get(), reference.get()).filter(this::isForeignLoopback).isPresent());
        }
        return isForeignLoopback(url);
    }

    /**
     * What Claid finds when it reads the input: fetched when {@link #fetches} says so, else
     * {@link #probeImage probed}.
     *
     * @throws ApiError 400 input error when the input cannot be read, or names a storage no longer connected
     */
    SourceImage read(String url) {
        Optional<StorageUri> reference = StorageUri.parse(url);
        if (reference.isEmpty()) {
            return isForeignLoopback(url) ? decode(fetch(url, url), url, url) : probeImage(url);
        }
        Storage storage = storages.byName(reference.get().storageName()).orElseThrow(() -> ErrorBodies
                .unreadableInput(url, "no storage named '" + reference.get().storageName() + "' is connected"));
        if (inBucket(storage)) {
            return readObject(url, reference.get(), storage);
        }
        Optional<String> location = webFolderUrl(storage, reference.get()).filter(this::isForeignLoopback);
        return location.isPresent() ? decode(fetch(url, location.get()), location.get(), url) : probeImage(url);
    }

    private SourceImage readObject(String url, StorageUri reference, Storage storage) {
        if (reference.isFolder()) {
            throw ErrorBodies.unreadableInput(url, "it is a folder, not a file");
        }
        byte[] bytes;
        try {
            bytes = buckets.get(storage.bucket(), storage.objectKey(reference.path()));
        } catch (ObjectStore.Failure e) {
            throw ErrorBodies.unreadableInput(url, e.getMessage());
        }
        // an output of this server: its reported format (AVIF is written as PNG bytes) and size are known
        var written = store.writtenAt(url);
        return written.isPresent() ? SourceImage.output(written.get().media(), url)
                : decode(bytes, reference.path(), url);
    }

    /**
     * The files of a {@code storage://name/folder/} input of an {@code s3} storage backed by the endpoint, as
     * {@code storage://} URIs in key order; empty when the folder is not in such a storage (the caller then makes its
     * contents up).
     *
     * @throws ApiError 400 input error when the folder cannot be listed or holds no file
     */
    Optional<List<String>> listFolder(StorageUri folder) {
        Optional<Storage> storage = storages.byName(folder.storageName()).filter(this::inBucket);
        if (storage.isEmpty()) {
            return Optional.empty();
        }
        String prefix = storage.get().objectKey(folder.path());
        List<String> keys;
        try {
            keys = buckets.keys(storage.get().bucket(), prefix);
        } catch (ObjectStore.Failure e) {
            throw ErrorBodies.unreadableInput(folder.toString(), e.getMessage());
        }
        List<String> files = new ArrayList<>();
        for (String key : keys) {
            if (!key.endsWith("/")) {
                files.add(folder.resolve(key.substring(prefix.length())).toString());
            }
        }
        if (files.isEmpty()) {
            throw ErrorBodies.unreadableInput(folder.toString(), "the folder holds no file");
        }
        return Optional.of(files);
    }

    PixelSize defaultSize() {
        return defaultSize;
    }

    private boolean inBucket(Storage storage) {
        return buckets != null && storage.isS3();
    }

    private static Optional<String> webFolderUrl(Storage storage, StorageUri reference) {
        if (storage.isCloud() || storage.baseUrl() == null) {
            return Optional.empty();
        }
        String base = storage.baseUrl();
        return Optional.of(base + (base.endsWith("/") ? "" : "/") + reference.path());
    }

    /** An {@code http(s)} URL on a loopback host, not served by this server. */
    private boolean isForeignLoopback(String url) {
        if (url == null || url.startsWith(baseUrl)) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        if (!loopback || !(scheme.equals("http") || scheme.equals("https"))) {
            return false;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return !(scheme.equals("http") && port == ownPort);
    }

    /** One GET, redirects followed; a non-2xx answer or no answer is an unreadable input. */
    private static byte[] fetch(String input, String url) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(true);
            int status = connection.getResponseCode();
            if (status < 200 || status > 299) {
                drain(connection.getErrorStream());
                throw ErrorBodies.unreadableInput(input, "GET " + url + " answered HTTP " + status);
            }
            try (InputStream body = connection.getInputStream()) {
                byte[] bytes = body.readNBytes(MAX_FETCHED_BYTES + 1);
                if (bytes.length > MAX_FETCHED_BYTES) {
                    throw ErrorBodies.unreadableInput(input, "it is larger than " + MAX_FETCHED_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ErrorBodies.unreadableInput(input, "GET " + url + " failed: " + e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static void drain(InputStream stream) throws IOException {
        if (stream != null) {
            try (stream) {
                stream.readNBytes(1 << 16);
            }
        }
    }

    /**
     * The bytes' own size, format and pixels when ImageIO can read them; else a stand-in for {@code url} of the
     * default size, in the format the name names.
     */
    private SourceImage decode(byte[] bytes, String name, String url) {
        return UploadedImages.source(bytes, pathOf(name), defaultSize, url);
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
