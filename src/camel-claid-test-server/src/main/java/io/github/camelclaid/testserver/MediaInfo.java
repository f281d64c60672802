package io.github.camelclaid.testserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What Claid reports about an image or video: its format and, for images, its size. */
record MediaInfo(int width, int height, MediaFormat format) {

    /** Claid's input/output object: {@code ext, mps, mime, format, width, height} (videos: no size). */
    ObjectNode describe() {
        ObjectNode node = Json.object();
        node.put("ext", format.ext());
        if (!format.isVideo()) {
            node.put("mps", megapixels());
        }
        node.put("mime", format.mime());
        node.put("format", format.formatName());
        if (!format.isVideo()) {
            node.put("width", width);
            node.put("height", height);
        }
        return node;
    }

    double megapixels() {
        return (long) width * height / 1_000_000.0;
    }
}
