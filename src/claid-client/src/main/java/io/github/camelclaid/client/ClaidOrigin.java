package io.github.camelclaid.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a client's calls go: the origin of the configured base URL. Every call carrying the API key is addressed
 * through it, so the key never goes to another host.
 */
final class ClaidOrigin {

    /** The client's own logger: this is where a user of the client looks. */
    private static final Logger LOG = LoggerFactory.getLogger(ClaidClient.class);

    private final URI baseUri;

    /** @param baseUrl as configured; null or blank for {@link ClaidClient#DEFAULT_BASE_URL} */
    ClaidOrigin(String baseUrl) {
        this.baseUri = normalise(baseUrl);
    }

    URI baseUri() {
        return baseUri;
    }

    /** The URL of an operation, with its id where its path takes one. */
    URI url(ApiOperation op, Long id) {
        return baseUri.resolve(op.path(id));
    }

    /** Keeps only the path (and query) of a URL Claid gave us, on this origin. */
    URI onOrigin(String url) {
        URI given = URI.create(url);
        String pathAndQuery = given.getRawPath() + (given.getRawQuery() == null ? "" : "?" + given.getRawQuery());
        URI target = baseUri.resolve(pathAndQuery);
        if (!target.getHost().equalsIgnoreCase(String.valueOf(given.getHost())) || !Objects.equals(
                target.getScheme(), given.getScheme()) || target.getPort() != given.getPort()) {
            LOG.debug("Claid result URL {} is not on {}; asking {} instead", given.getHost(), baseUri.getHost(),
                    target.getHost());
        }
        return target;
    }

    /**
     * The short name of the account that calls here with this key: the first 12 hex digits of a SHA-256 of both, so
     * that it can be shown and used as a key where the API key itself must never be.
     */
    String accountId(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((baseUri + "\n" + apiKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static URI normalise(String baseUrl) {
        String url = baseUrl == null || baseUrl.isBlank() ? ClaidClient.DEFAULT_BASE_URL : baseUrl.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        // users copy "https://api.claid.ai/v1/" from Claid's docs; the operations carry the version themselves
        if (url.endsWith("/v1")) {
            url = url.substring(0, url.length() - 3);
        }
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException("Claid baseUrl must be an http(s) URL such as "
                    + ClaidClient.DEFAULT_BASE_URL + ", was '" + baseUrl + "'");
        }
        return uri;
    }
}
