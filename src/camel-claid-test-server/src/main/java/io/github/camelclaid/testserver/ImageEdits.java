package io.github.camelclaid.testserver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an image edit ({@code /v1/image/edit}, its upload, async and batch forms) produces: the input's pixels (or its
 * stand-in, see {@link SourceImage}) with {@code operations} applied ({@link EditRecipe}), at the size
 * {@code operations.resizing} implies ({@link ResizeLayout}), in the format {@code output} asks for
 * ({@link OutputEncoding}). The size and format are known at once; the pixels are computed when the output's bytes
 * are first asked for.
 */
final class ImageEdits {

    private ImageEdits() {
    }

    /** The edited image; nothing is decoded or rendered until its bytes are asked for. */
    static GeneratedMedia render(SourceImage input, JsonNode operations, JsonNode output) {
        ResizeLayout layout = ResizeLayout.of(operations == null ? null : operations.get("resizing"), input.size());
        requireRenderable(layout.canvas(), "operations.resizing");
        OutputEncoding encoding = OutputEncoding.from(output, MediaFormat.JPEG);
        EditRecipe recipe = EditRecipe.from(operations, layout, encoding);
        MediaInfo info = new MediaInfo(layout.canvas().width(), layout.canvas().height(), encoding.format());
        return GeneratedMedia.image(info, () -> recipe.apply(input.pixels()), encoding, recipe.matte());
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
