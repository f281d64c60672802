package io.github.camelclaid.testserver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an image edit ({@code /v1/image/edit}, its upload, async and batch forms) produces: an image of the size
 * {@code operations.resizing} asks for, in the format {@code output} asks for.
 */
final class ImageEdits {

    private ImageEdits() {
    }

    /** The edited image; nothing is rendered until its bytes are asked for. */
    static GeneratedMedia render(MediaInfo input, JsonNode operations, JsonNode output) {
        PixelSize size = PixelSize.fromResizing(operations == null ? null : operations.get("resizing"), input);
        requireRenderable(size, "operations.resizing");
        return GeneratedMedia.image(size, outputFormat(output, MediaFormat.JPEG));
    }

    /**
     * The output format: {@code output.format} when given; else the extension of a destination file
     * ({@code storage://s/out/photo.png}); else the operation's default.
     */
    static MediaFormat outputFormat(JsonNode output, MediaFormat fallback) {
        if (output != null && output.isObject() && output.hasNonNull("format")) {
            return MediaFormat.fromRequest(output.get("format"), fallback);
        }
        String destination = output == null ? null
                : output.isTextual() ? output.asText() : Json.text(output, "destination");
        return StorageUri.parse(destination)
                .filter(uri -> !uri.isFolder())
                .flatMap(uri -> MediaFormat.fromFileName(uri.fileName()))
                .filter(f -> !f.isVideo())
                .orElse(fallback);
    }

    static void requireRenderable(PixelSize size, String field) {
        if (size.tooLarge()) {
            throw ErrorBodies.validation(field, "the local Claid server renders at most "
                    + PixelSize.MAX_PIXELS / 1_000_000 + " megapixels, not " + size.width() + "x" + size.height());
        }
    }
}
