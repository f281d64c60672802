package io.github.camelclaid.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body (RFC 7578), parsed from bytes or from a file. Small on purpose: the JDK has no
 * multipart parser and the usual libraries come with a servlet API. It handles what HTTP clients send: quoted or bare
 * boundaries, a preamble and epilogue, parts without headers, and {@code filename*} (RFC 5987) names. A body in a
 * file is mapped, not read: its parts are views of the file, so an upload of any size costs no heap.
 */
final class MultipartFormData {

    /** One part: its form field name, the file name when it is a file, its Content-Type, and its content. */
    record Part(String name, String fileName, String contentType, ByteBuffer data) {

        /** A copy of the content. */
        byte[] content() {
            byte[] copy = new byte[data.remaining()];
            data.duplicate().get(copy);
            return copy;
        }

        long size() {
            return data.remaining();
        }

        /** The content as a stream, read from the body's memory or file without copying it. */
        InputStream stream() {
            ByteBuffer view = data.duplicate();
            return new InputStream() {
                @Override
                public int read() {
                    return view.hasRemaining() ? view.get() & 0xff : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (!view.hasRemaining()) {
                        return len == 0 ? 0 : -1;
                    }
                    int n = Math.min(len, view.remaining());
                    view.get(b, off, n);
                    return n;
                }
            };
        }

        String text() {
            return new String(content(), charsetOf(contentType));
        }
    }

    /** The body is not well-formed multipart. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    private static final byte[] CRLF = { '\r', '\n' };

    private final List<Part> parts;

    private MultipartFormData(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    static boolean isMultipartFormData(String contentType) {
        return contentType != null
                && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static MultipartFormData parse(String contentType, byte[] body) throws MalformedException {
        return parse(contentType, ByteBuffer.wrap(body));
    }

    /** The body in a file, mapped into memory (not onto the heap) for as long as the parts are used. */
    static MultipartFormData parse(String contentType, Path file) throws MalformedException, IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return parse(contentType, channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    private static MultipartFormData parse(String contentType, ByteBuffer body) throws MalformedException {
        String boundary = parameters(contentType).get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new MalformedException("Content-Type has no usable boundary parameter");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] innerDelimiter = concat(CRLF, delimiter);

        int at = startsWith(body, 0, delimiter) ? 0 : indexOf(body, innerDelimiter, 0);
        if (at < 0) {
            throw new MalformedException("No part starts with the boundary");
        }
        at += at == 0 && startsWith(body, 0, delimiter) ? delimiter.length : innerDelimiter.length;
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (startsWith(body, at, new byte[] { '-', '-' })) {
                return new MultipartFormData(parts); // close delimiter; the epilogue is ignored
            }
            at = skipLinearWhitespace(body, at);
            if (!startsWith(body, at, CRLF)) {
                throw new MalformedException("Boundary line is not followed by CRLF");
            }
            at += CRLF.length;
            Map<String, String> headers = new LinkedHashMap<>();
            while (true) {
                int lineEnd = indexOf(body, CRLF, at);
                if (lineEnd < 0) {
                    throw new MalformedException("Part headers do not end");
                }
                if (lineEnd == at) {
                    at += CRLF.length;
                    break;
                }
                String line = new String(bytes(body, at, lineEnd), StandardCharsets.UTF_8);
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new MalformedException("Malformed part header: " + line);
                }
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                at = lineEnd + CRLF.length;
            }
            int end = indexOf(body, innerDelimiter, at);
            if (end < 0) {
                throw new MalformedException("Part is not closed by the boundary");
            }
            parts.add(part(headers, body.slice(at, end - at)));
            at = end + innerDelimiter.length;
        }
    }

    /** The first part of that name. */
    Optional<Part> part(String name) {
        return parts.stream().filter(p -> name.equals(p.name())).findFirst();
    }

    List<Part> parts() {
        return parts;
    }

    private static Part part(Map<String, String> headers, ByteBuffer content) throws MalformedException {
        String disposition = headers.get("content-disposition");
        if (disposition == null) {
            throw new MalformedException("Part has no Content-Disposition");
        }
        Map<String, String> parameters = parameters(disposition);
        String fileName = parameters.get("filename*") != null ? decodeExtended(parameters.get("filename*"))
                : parameters.get("filename");
        return new Part(parameters.get("name"), fileName, headers.get("content-type"), content);
    }

    /** Parameters of a header value such as {@code form-data; name="file"; filename="a;b.jpg"}, names lower-cased. */
    static Map<String, String> parameters(String headerValue) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (headerValue == null) {
            return parameters;
        }
        int i = headerValue.indexOf(';');
        while (i >= 0 && i < headerValue.length()) {
            i++;
            int eq = headerValue.indexOf('=', i);
            int semi = headerValue.indexOf(';', i);
            if (eq < 0 || (semi >= 0 && semi < eq)) {
                i = semi;
                continue;
            }
            String name = headerValue.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int at = eq + 1;
            while (at < headerValue.length() && headerValue.charAt(at) == ' ') {
                at++;
            }
            StringBuilder value = new StringBuilder();
            if (at < headerValue.length() && headerValue.charAt(at) == '"') {
                at++;
                while (at < headerValue.length() && headerValue.charAt(at) != '"') {
                    char c = headerValue.charAt(at);
                    if (c == '\\' && at + 1 < headerValue.length()) {
                        c = headerValue.charAt(++at);
                    }
                    value.append(c);
                    at++;
                }
                i = headerValue.indexOf(';', at);
            } else {
                int stop = headerValue.indexOf(';', at);
                value.append(headerValue, at, stop < 0 ? headerValue.length() : stop);
                i = stop;
            }
            parameters.putIfAbsent(name, value.toString().trim());
        }
        return parameters;
    }

    /** {@code UTF-8''na%C3%AFve.jpg} → {@code naïve.jpg}. */
    private static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return value;
        }
        Charset charset;
        try {
            charset = Charset.forName(value.substring(0, first));
        } catch (IllegalArgumentException e) {
            charset = StandardCharsets.UTF_8;
        }
        return URLDecoder.decode(value.substring(second + 1).replace("+", "%2B"), charset);
    }

    private static Charset charsetOf(String contentType) {
        String charset = parameters(contentType).get("charset");
        try {
            return charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static byte[] bytes(ByteBuffer body, int from, int to) {
        byte[] copy = new byte[to - from];
        body.get(from, copy);
        return copy;
    }

    private static int skipLinearWhitespace(ByteBuffer body, int at) {
        while (at < body.limit() && (body.get(at) == ' ' || body.get(at) == '\t')) {
            at++;
        }
        return at;
    }

    private static boolean startsWith(ByteBuffer body, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > body.limit()) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body.get(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(ByteBuffer body, byte[] pattern, int from) {
        int last = body.limit() - pattern.length;
        byte first = pattern[0];
        for (int i = Math.max(0, from); i <= last; i++) {
            if (body.get(i) == first && startsWith(body, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
