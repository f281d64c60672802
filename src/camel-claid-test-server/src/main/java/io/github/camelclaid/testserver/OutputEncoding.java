package io.github.camelclaid.testserver;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an output is encoded, from a request's {@code output}: the reported format and the options the JDK writers can
 * honour. JPEG {@code quality} (default 85) and {@code progressive} (default true); PNG {@code compression}
 * {@code fast}/{@code optimal}/{@code best} as the deflate effort; TIFF {@code lossless} (LZW, the default) or
 * {@code lossy} (JPEG-in-TIFF with its quality); WebP {@code lossy} (the default, quality 75) or {@code lossless};
 * {@code metadata.dpi} as the pixel density of PNG, JPEG and TIFF. AVIF options are accepted and have no effect: its
 * bytes are PNG ({@link MediaFormat}).
 *
 * @param quality  JPEG, lossy TIFF or lossy WebP quality 1..100
 * @param lossy    TIFF and WebP: lossy compression (TIFF's default is lossless, WebP's lossy)
 * @param dpi      the density to record, or null to record none
 */
record OutputEncoding(MediaFormat format, int quality, boolean progressive, PngEffort pngEffort, boolean lossy,
                      Integer dpi) {

    /** The PNG writer's deflate effort, Claid's {@code compression} names. */
    enum PngEffort {
        FAST(0.9f), OPTIMAL(0.5f), BEST(0.0f);

        /** The JDK PNG writer's compression quality: deflate level {@code 9 - round(9 * quality)}. */
        final float writerQuality;

        PngEffort(float writerQuality) {
            this.writerQuality = writerQuality;
        }
    }

    /** The format's default encoding. */
    static OutputEncoding of(MediaFormat format) {
        return from(null, format);
    }

    /** The encoding {@code output} asks for; the format defaults as {@link ImageEdits#outputFormat} says. */
    static OutputEncoding from(JsonNode output, MediaFormat fallback) {
        MediaFormat format = ImageEdits.outputFormat(output, fallback);
        JsonNode options = output != null && output.isObject() ? output.get("format") : null;
        // Claid's defaults: AVIF's lossy quality is 50 in its schema
        int defaultQuality = format == MediaFormat.AVIF ? 50
                : format == MediaFormat.TIFF || format == MediaFormat.WEBP ? 75 : 85;
        int quality = defaultQuality;
        boolean progressive = true;
        PngEffort effort = PngEffort.OPTIMAL;
        boolean lossyByDefault = format == MediaFormat.WEBP || format == MediaFormat.AVIF;
        boolean lossy = lossyByDefault;
        if (options != null && options.isObject()) {
            quality = Json.integer(options, "quality", defaultQuality);
            progressive = !options.has("progressive") || options.get("progressive").asBoolean(true);
            JsonNode compression = options.get("compression");
            if (compression != null && compression.isTextual()) {
                String name = compression.asText().toLowerCase(Locale.ROOT);
                lossy = name.equals("lossy") || lossyByDefault && !name.equals("lossless");
                effort = name.equals("fast") ? PngEffort.FAST : name.equals("best") ? PngEffort.BEST : effort;
            } else if (compression != null && compression.isObject()) {
                lossy = "lossy".equals(Json.text(compression, "type"));
                quality = Json.integer(compression, "quality", quality);
            }
        }
        JsonNode metadata = output != null && output.isObject() ? output.get("metadata") : null;
        Integer dpi = metadata != null && metadata.path("dpi").isIntegralNumber() && metadata.get("dpi").asInt() > 0
                ? metadata.get("dpi").asInt() : null;
        return new OutputEncoding(format, Math.max(1, Math.min(100, quality)), progressive, effort, lossy, dpi);
    }

    /** Whether the served bytes can carry transparency. */
    boolean keepsAlpha() {
        MediaFormat served = format.servedAs();
        return served == MediaFormat.PNG || served == MediaFormat.WEBP || served == MediaFormat.AVIF
                || served == MediaFormat.TIFF && !lossy;
    }
}
