package io.github.camelclaid.testserver;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bytes served for generated videos: a well-formed ISO base media file (an {@code ftyp} box and an empty
 * {@code mdat} box) that file-type sniffers recognise as MP4. It has no tracks, so it is not playable; clients only
 * need to store or forward it.
 */
final class PlaceholderVideo {

    private static final byte[] BYTES = build();

    private PlaceholderVideo() {
    }

    static byte[] bytes() {
        return BYTES.clone();
    }

    private static byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        box(out, "ftyp", concat(ascii("isom"), ByteBuffer.allocate(4).putInt(0x200).array(),
                ascii("isom"), ascii("iso2"), ascii("mp41")));
        box(out, "free", ascii("camel-claid LocalClaidServer placeholder video"));
        box(out, "mdat", new byte[0]);
        return out.toByteArray();
    }

    private static void box(ByteArrayOutputStream out, String type, byte[] payload) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(8 + payload.length).array());
        out.writeBytes(ascii(type));
        out.writeBytes(payload);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
