package io.github.camelclaid.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * The body of {@code POST /v1/image/edit/upload}: the image in the {@code file} part, the edit's JSON in the
 * {@code data} part. Encoded once into bytes, so that every attempt of the call sends the same body.
 *
 * @param body        the encoded parts
 * @param contentType {@code multipart/form-data} with its boundary
 */
record MultipartUpload(byte[] body, ContentType contentType) {

    /**
     * @param contentType the image's media type; null for {@code application/octet-stream}
     * @param fileName    the name Claid is told; null or blank for {@code image}
     * @param dataJson    the edit without its input, as JSON text
     */
    static MultipartUpload encode(byte[] image, String fileName, String contentType, String dataJson)
            throws IOException {
        HttpEntity entity = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.STRICT)
                .addBinaryBody("file", image, contentType == null ? ContentType.APPLICATION_OCTET_STREAM
                        : ContentType.parse(contentType), fileName == null || fileName.isBlank() ? "image" : fileName)
                .addTextBody("data", dataJson, ContentType.APPLICATION_JSON)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + 1024);
        entity.writeTo(out);
        return new MultipartUpload(out.toByteArray(), ContentType.parse(entity.getContentType()));
    }
}
