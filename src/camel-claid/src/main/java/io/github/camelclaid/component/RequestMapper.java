package io.github.camelclaid.component;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelclaid.client.ClaidClient;
import io.github.camelclaid.client.ImageUpload;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns a message into the body of a Claid request, per the component's conventions: a structured body (typed
 * request, Map, JSON object text) is the whole request, sent as given; otherwise the input comes from the
 * {@code CamelClaidInput} header or a URL (or prompt) body, and operations, options and output from headers, falling
 * back to the endpoint's options.
 */
final class RequestMapper {

    private final ClaidEndpoint endpoint;
    private final ClaidClient client;
    private final ClaidConfiguration configuration;

    RequestMapper(ClaidEndpoint endpoint) {
        this.endpoint = endpoint;
        this.client = endpoint.client();
        this.configuration = endpoint.getConfiguration();
    }

    /**
     * The body of an edit: a structured body (typed request, Map, JSON object text) is the whole request, sent as
     * given; otherwise the input (header or URL body) is combined with the operations and output from headers or
     * options.
     */
    Object imageEditRequest(Exchange exchange, ClaidOperations op) {
        Object whole = structuredBody(exchange);
        if (whole != null) {
            return whole;
        }
        ObjectNode request = client.mapper().createObjectNode();
        request.put("input", inputUrl(exchange, op));
        putIfPresent(request, "operations", operationsFor(exchange));
        putIfPresent(request, "output", outputFor(exchange));
        return request;
    }

    /** The {@code data} part of an upload: the edit's operations and output, without input. */
    Object uploadData(Exchange exchange) {
        ObjectNode data = client.mapper().createObjectNode();
        putIfPresent(data, "operations", operationsFor(exchange));
        putIfPresent(data, "output", outputFor(exchange));
        return data;
    }

    /** A batch input is a storage folder (optionally recursive), or a list of image URLs. */
    Object batchRequest(Exchange exchange) {
        Message in = exchange.getMessage();
        ObjectNode request = client.mapper().createObjectNode();
        Object body = in.getBody();
        if (in.getHeader(ClaidConstants.INPUT) == null && body instanceof Collection) {
            request.set("input", client.mapper().valueToTree(body));
        } else {
            Object whole = structuredBody(exchange);
            if (whole != null) {
                return whole;
            }
            String source = inputUrl(exchange, ClaidOperations.editBatch);
            if (configuration.isRecursive()) {
                request.putObject("input").put("source", source).put("recursive", true);
            } else {
                request.put("input", source);
            }
        }
        putIfPresent(request, "operations", operationsFor(exchange));
        putIfPresent(request, "output", outputFor(exchange));
        return request;
    }

    /** aiEdit and generateVideo: an image URL with the options object and output. */
    Object imageOptionsRequest(Exchange exchange, ClaidOperations op) {
        return optionsRequest(exchange, () -> inputUrl(exchange, op));
    }

    /** generate: the prompt with the options object and output. */
    Object generateRequest(Exchange exchange) {
        return optionsRequest(exchange, () -> inputText(exchange, ClaidOperations.generate));
    }

    private Object optionsRequest(Exchange exchange, Supplier<String> input) {
        Object whole = structuredBody(exchange);
        if (whole != null) {
            return whole;
        }
        ObjectNode request = client.mapper().createObjectNode();
        request.put("input", input.get());
        putIfPresent(request, "options", optionsFor(exchange));
        putIfPresent(request, "output", outputFor(exchange));
        return request;
    }

    /** Fashion models take clothing images: one URL, or a list of them. */
    Object fashionModelsRequest(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        ObjectNode request = client.mapper().createObjectNode();
        if (in.getHeader(ClaidConstants.INPUT) == null && body instanceof Collection) {
            request.putObject("input").set("clothing", client.mapper().valueToTree(body));
        } else {
            Object whole = structuredBody(exchange);
            if (whole != null) {
                return whole;
            }
            request.putObject("input").putArray("clothing").add(inputUrl(exchange, ClaidOperations.fashionModels));
        }
        putIfPresent(request, "options", optionsFor(exchange));
        putIfPresent(request, "output", outputFor(exchange));
        return request;
    }

    /** A scene for the product image in the body; the scene object comes from the options option or header. */
    Object sceneRequest(Exchange exchange) {
        Object whole = structuredBody(exchange);
        if (whole != null) {
            return whole;
        }
        ObjectNode request = client.mapper().createObjectNode();
        request.putObject("object").put("image_url", inputUrl(exchange, ClaidOperations.createScene));
        putIfPresent(request, "scene", optionsFor(exchange));
        putIfPresent(request, "output", outputFor(exchange));
        return request;
    }

    Object wholeRequest(Exchange exchange, ClaidOperations op) {
        Object whole = structuredBody(exchange);
        if (whole == null) {
            throw new IllegalArgumentException("claid:" + op + " needs the request as body: a typed request, a Map"
                    + " or JSON object text");
        }
        return whole;
    }

    /** The body when it is the whole request: anything but plain text (other than JSON object text) or bytes. */
    private static Object structuredBody(Exchange exchange) {
        Message in = exchange.getMessage();
        if (in.getHeader(ClaidConstants.INPUT) != null) {
            return null;
        }
        Object body = in.getBody();
        if (body == null || isBinary(body)) {
            return null;
        }
        if (body instanceof CharSequence) {
            return body.toString().trim().startsWith("{") ? body.toString() : null;
        }
        return body;
    }

    /** The input image: header CamelClaidInput, else the body as an http(s) or storage:// URL. */
    private static String inputUrl(Exchange exchange, ClaidOperations op) {
        String input = inputText(exchange, op);
        String lower = input.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("storage://"))) {
            throw new IllegalArgumentException("claid:" + op + " needs an image URL (http://, https:// or"
                    + " storage://name/path) as body or in the " + ClaidConstants.INPUT + " header, but got '"
                    + abbreviate(input) + "'" + (op == ClaidOperations.edit ? "; send bytes to upload a file" : ""));
        }
        return input;
    }

    /** The input as text (an image URL, or for generate a prompt): header CamelClaidInput, else the body. */
    private static String inputText(Exchange exchange, ClaidOperations op) {
        Message in = exchange.getMessage();
        String input = in.getHeader(ClaidConstants.INPUT, String.class);
        if (input == null && in.getBody() instanceof CharSequence) {
            input = in.getBody(String.class);
        }
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException("claid:" + op + " needs an input: set the body to "
                    + (op == ClaidOperations.generate ? "the prompt" : "an image URL") + " or the header "
                    + ClaidConstants.INPUT);
        }
        return input.trim();
    }

    private JsonNode operationsFor(Exchange exchange) {
        return headerJson(exchange, ClaidConstants.OPERATIONS, endpoint.operationsJson());
    }

    private JsonNode optionsFor(Exchange exchange) {
        return headerJson(exchange, ClaidConstants.OPTIONS, endpoint.optionsJson());
    }

    private JsonNode outputFor(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(ClaidConstants.OUTPUT);
        if (header instanceof String && !((String) header).trim().startsWith("{")) {
            return client.mapper().getNodeFactory().textNode(((String) header).trim());
        }
        return headerJson(exchange, ClaidConstants.OUTPUT, endpoint.outputJson());
    }

    private JsonNode headerJson(Exchange exchange, String header, JsonNode fallback) {
        Object value = exchange.getMessage().getHeader(header);
        return value == null ? fallback : client.toJson(value, header + " header");
    }

    private static void putIfPresent(ObjectNode node, String field, JsonNode value) {
        if (value != null) {
            node.set(field, value);
        }
    }

    static long storageId(Exchange exchange, ClaidOperations op) {
        Message in = exchange.getMessage();
        Long id = in.getHeader(ClaidConstants.STORAGE_ID, Long.class);
        if (id == null && in.getBody() instanceof Number) {
            id = ((Number) in.getBody()).longValue();
        }
        if (id == null) {
            throw new IllegalArgumentException("claid:" + op + " needs the storage id in the header "
                    + ClaidConstants.STORAGE_ID);
        }
        return id;
    }

    /**
     * Bytes to upload: arrays, streams (an aws2-s3 body is one), files, or the GenericFile of a file, ftp or sftp
     * consumer (recognised by name, as camel-file is not a dependency of this component).
     */
    static boolean isBinary(Object body) {
        if (body instanceof byte[] || body instanceof InputStream || body instanceof File || body instanceof Path
                || body instanceof java.nio.ByteBuffer) {
            return true;
        }
        for (Class<?> c = body == null ? null : body.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.apache.camel.component.file.GenericFile")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The image of an upload, from a body {@link #isBinary} accepts, without reading a file or stream into memory: a
     * file (or the GenericFile of a file consumer) is read while it is sent, a stream is copied to a temporary file
     * by the client, bytes are sent as they are.
     */
    static ImageUpload uploadImage(Message in) throws Exception {
        Object body = in.getBody();
        if (body instanceof byte[]) {
            return ImageUpload.of((byte[]) body);
        }
        if (body instanceof File) {
            return ImageUpload.of(((File) body).toPath());
        }
        if (body instanceof Path) {
            return ImageUpload.of((Path) body);
        }
        if (body instanceof java.nio.ByteBuffer) {
            return ImageUpload.of(in.getMandatoryBody(byte[].class));
        }
        if (body instanceof InputStream) {
            return ImageUpload.of((InputStream) body);
        }
        Object local = localFileOf(body);
        if (local instanceof File) {
            return ImageUpload.of(((File) local).toPath());
        }
        // the GenericFile of a remote (ftp, sftp) consumer: its content, as Camel converts it
        return ImageUpload.of(in.getMandatoryBody(InputStream.class));
    }

    /** The {@code getFile()} of a GenericFile: a File for the file consumer, a remote entry for ftp and sftp. */
    private static Object localFileOf(Object genericFile) {
        try {
            return genericFile.getClass().getMethod("getFile").invoke(genericFile);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The name Claid gives the output: our header, else the file or S3 key name. The extension is left out, as Claid
     * advises, because the output format may change it.
     */
    static String uploadFileName(Message in) {
        String name = in.getHeader(ClaidConstants.FILE_NAME, String.class);
        if (name == null) {
            name = in.getHeader(Exchange.FILE_NAME, String.class);
        }
        if (name == null) {
            name = in.getHeader("CamelAwsS3Key", String.class);
        }
        if (name == null || name.isBlank()) {
            return "image";
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** @param head the first bytes of the image (16 are enough) */
    static String uploadContentType(Message in, byte[] head) {
        String type = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (type == null) {
            type = in.getHeader("CamelAwsS3ContentType", String.class);
        }
        if (type == null || !type.startsWith("image/")) {
            try (InputStream probe = new ByteArrayInputStream(head)) {
                String guessed = URLConnection.guessContentTypeFromStream(probe);
                type = guessed != null ? guessed : "application/octet-stream";
            } catch (IOException e) {
                type = "application/octet-stream";
            }
        }
        return type;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
