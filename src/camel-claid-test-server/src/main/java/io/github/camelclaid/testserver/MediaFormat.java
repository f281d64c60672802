package io.github.camelclaid.testserver;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The file formats the server reports and serves.
 *
 * <p>
 * The JDK writes JPEG, PNG, TIFF, BMP and GIF, and the webp-imageio plugin (libwebp) writes WebP. AVIF is written by
 * libavif's {@code avifenc} where it is installed ({@link AvifTool}); elsewhere outputs Claid would produce in AVIF
 * are <em>reported</em> as AVIF ({@code ext}, {@code mime}, {@code format}) but their bytes, downloaded from
 * {@code tmp_url} or recorded as written objects, are PNG and are served as {@code image/png}.
 */
enum MediaFormat {

    JPEG("jpeg", "image/jpeg", "JPEG", "jpeg"),
    PNG("png", "image/png", "PNG", "png"),
    WEBP("webp", "image/webp", "WEBP", "webp"),
    AVIF("avif", "image/avif", "AVIF", null),
    TIFF("tiff", "image/tiff", "TIFF", "tiff"),
    BMP("bmp", "image/bmp", "BMP", "bmp"),
    GIF("gif", "image/gif", "GIF", "gif"),
    MP4("mp4", "video/mp4", "mp4", null);

    private final String ext;
    private final String mime;
    private final String formatName;
    private final String imageIoName;

    MediaFormat(String ext, String mime, String formatName, String imageIoName) {
        this.ext = ext;
        this.mime = mime;
        this.formatName = formatName;
        this.imageIoName = imageIoName;
    }

    /** Lower-case extension as Claid reports it in {@code ext} (Claid's examples say {@code jpeg}, not jpg). */
    String ext() {
        return ext;
    }

    String mime() {
        return mime;
    }

    /** The {@code format} value: upper case for images as in Claid's examples, {@code mp4} for video. */
    String formatName() {
        return formatName;
    }

    String imageIoName() {
        return imageIoName;
    }

    boolean isVideo() {
        return this == MP4;
    }

    /** The format of the bytes actually served for this reported format. */
    MediaFormat servedAs() {
        return this == AVIF && !AvifTool.canEncode() ? PNG : this;
    }

    /** A request's {@code format}: a name such as {@code "png"} or an options object such as {@code {"type":"png"}}. */
    static MediaFormat fromRequest(JsonNode format, MediaFormat fallback) {
        if (format == null || format.isNull()) {
            return fallback;
        }
        String name = format.isTextual() ? format.asText() : Json.text(format, "type");
        return name == null ? fallback : fromName(name).orElse(fallback);
    }

    /** The format a file name's extension names, if it names one. */
    static Optional<MediaFormat> fromFileName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        int slash = fileName.lastIndexOf('/');
        return dot > slash && dot < fileName.length() - 1 ? fromName(fileName.substring(dot + 1)) : Optional.empty();
    }

    static Optional<MediaFormat> fromMime(String mime) {
        if (mime == null) {
            return Optional.empty();
        }
        String bare = mime.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (MediaFormat format : values()) {
            if (format.mime.equals(bare)) {
                return Optional.of(format);
            }
        }
        return "image/jpg".equals(bare) ? Optional.of(JPEG) : Optional.empty();
    }

    /** Extension or ImageIO format name, any case: jpg, jpeg, png, tif, tiff, wbmp is not one. */
    static Optional<MediaFormat> fromName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "jpg":
            case "jpeg":
            case "jfif":
                return Optional.of(JPEG);
            case "png":
                return Optional.of(PNG);
            case "webp":
                return Optional.of(WEBP);
            case "avif":
                return Optional.of(AVIF);
            case "tif":
            case "tiff":
                return Optional.of(TIFF);
            case "bmp":
                return Optional.of(BMP);
            case "gif":
                return Optional.of(GIF);
            case "mp4":
                return Optional.of(MP4);
            default:
                return Optional.empty();
        }
    }
}
