package io.github.camelclaid.testserver;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Claid's webhook signature: HMAC-SHA256 of the raw request body, keyed with the shared secret (UTF-8), as lowercase
 * hex. Public so that tests of webhook receivers can produce and check signatures the way this server does.
 */
public final class WebhookSigner {

    /** The header Claid sends the signature in. */
    public static final String HEADER = "X-Claid-Hmac-SHA256";
    /** The prefix of Claid's documented verification examples. */
    public static final String PREFIX = "sha256=";

    private WebhookSigner() {
    }

    /** Lowercase hex of HMAC-SHA256(secret, payload). */
    public static String sign(String secret, byte[] payload) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(payload, "payload");
        return HexFormat.of().formatHex(hmac(secret, payload));
    }

    /** The header value in the given style. */
    public static String headerValue(String secret, byte[] payload, WebhookSignatureStyle style) {
        String hex = sign(secret, payload);
        return style == WebhookSignatureStyle.PREFIXED ? PREFIX + hex : hex;
    }

    /**
     * Checks a header value (prefixed or bare, any hex case) against the payload, in constant time.
     *
     * @return false for a missing or malformed header
     */
    public static boolean verify(String secret, byte[] payload, String headerValue) {
        if (headerValue == null) {
            return false;
        }
        String hex = headerValue.trim();
        if (hex.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            hex = hex.substring(PREFIX.length());
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, payload), presented);
    }

    private static byte[] hmac(String secret, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java runtime must provide HmacSHA256; an empty secret is the only way to get here.
            throw new IllegalArgumentException("Cannot sign with this secret: " + e.getMessage(), e);
        }
    }
}
