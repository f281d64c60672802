package io.github.camelclaid.client;

/**
 * The bytes of a result fetched from its temporary URL.
 *
 * @param contentType the answer's Content-Type without parameters, e.g. {@code image/png}; null when absent
 */
public record Download(String url, byte[] bytes, String contentType) {
}
