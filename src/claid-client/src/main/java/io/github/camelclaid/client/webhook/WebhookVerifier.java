package io.github.camelclaid.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the signature Claid puts on its webhook deliveries: header {@value #SIGNATURE_HEADER}, the HMAC-SHA256 of the
 * raw request body keyed with the shared secret (UTF-8), hex-encoded.
 * <p>
 * Claid's documentation shows the header value only as {@code <hmac-sha256-signature>}, while its Python and Ruby
 * examples compare it with {@code "sha256=" + hexdigest}; both forms are accepted, with hex digits in either case.
 * <p>
 * Several secrets may be active at once, so that a secret can be rotated without losing deliveries: a delivery is
 * valid if any of them produced its signature. The signature is compared with every secret's HMAC, without stopping
 * at the first match, and each comparison takes constant time, so the time taken reveals neither how much of a forged
 * signature was right nor which secret matched.
 * <p>
 * Instances are immutable and safe for concurrent use. The secrets never appear in {@link #toString()}, in exception
 * messages or in logs.
 */
public final class WebhookVerifier {

    /** The header Claid sends the signature in. */
    public static final String SIGNATURE_HEADER = "X-Claid-Hmac-SHA256";
    /** The optional prefix of the header value, matched ignoring case. */
    public static final String PREFIX = "sha256=";

    private static final String ALGORITHM = "HmacSHA256";
    /** 32 bytes of HMAC-SHA256, two hex digits each. */
    private static final int HEX_LENGTH = 64;

    /** The outcome of checking one delivery. */
    public enum Verdict {
        /** The signature is that of one of the secrets: the body came from Claid, unchanged. */
        VALID,
        /** No signature header: the delivery is not authenticated (answer 401). */
        MISSING_SIGNATURE,
        /** The header is not a hex HMAC-SHA256, with or without {@value #PREFIX} (answer 400). */
        MALFORMED_SIGNATURE,
        /** A well-formed signature that none of the secrets produced for this body (answer 401). */
        BAD_SIGNATURE
    }

    private final List<SecretKeySpec> keys;

    private WebhookVerifier(List<SecretKeySpec> keys) {
        this.keys = keys;
    }

    /**
     * A verifier accepting deliveries signed with any of the given secrets.
     *
     * @param secrets one or more non-empty secrets, e.g. the current and the previous one while rotating
     * @throws IllegalArgumentException if there is no secret or one is empty (the message never shows a secret)
     */
    public static WebhookVerifier of(String... secrets) {
        Objects.requireNonNull(secrets, "secrets");
        return of(List.of(secrets));
    }

    /**
     * A verifier accepting deliveries signed with any of the given secrets.
     *
     * @param secrets one or more non-empty secrets, e.g. the current and the previous one while rotating
     * @throws IllegalArgumentException if there is no secret or one is empty (the message never shows a secret)
     */
    public static WebhookVerifier of(Collection<String> secrets) {
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one webhook secret is required");
        }
        List<SecretKeySpec> keys = new ArrayList<>(secrets.size());
        int position = 0;
        for (String secret : secrets) {
            position++;
            // name the position, never the value: a secret with a stray space must not end up in a log
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("Webhook secret #" + position + " of " + secrets.size()
                        + " is " + (secret == null ? "null" : "empty"));
            }
            keys.add(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        }
        return new WebhookVerifier(List.copyOf(keys));
    }

    /** How many secrets this verifier accepts. */
    public int secretCount() {
        return keys.size();
    }

    /**
     * Checks one delivery.
     *
     * @param rawBody         the request body exactly as received, before any charset decoding or parsing
     * @param signatureHeader the value of {@value #SIGNATURE_HEADER}, or null if the request had none
     * @return the verdict; never null
     */
    public Verdict verify(byte[] rawBody, String signatureHeader) {
        Objects.requireNonNull(rawBody, "rawBody");
        if (signatureHeader == null) {
            return Verdict.MISSING_SIGNATURE;
        }
        byte[] presented = decode(signatureHeader);
        if (presented == null) {
            return Verdict.MALFORMED_SIGNATURE;
        }
        // A new Mac per call: Mac is stateful and not thread-safe, and deliveries are verified concurrently on the
        // HTTP server's worker threads. Mac.getInstance costs microseconds next to an HTTP request, whereas a
        // ThreadLocal would keep key material alive in pooled threads and need care when the secrets change.
        Mac mac = newMac();
        boolean matched = false;
        for (SecretKeySpec key : keys) {
            // non-short-circuit OR: every secret is tried, so the time taken does not say which one matched
            matched |= MessageDigest.isEqual(hmac(mac, key, rawBody), presented);
        }
        return matched ? Verdict.VALID : Verdict.BAD_SIGNATURE;
    }

    /** The 32 signature bytes, or null if the value is not 64 hex digits, optionally after {@value #PREFIX}. */
    private static byte[] decode(String headerValue) {
        String hex = headerValue.strip();
        if (hex.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            hex = hex.substring(PREFIX.length());
        }
        // checked first so that e.g. a SHA-1 or SHA-512 digest is malformed rather than merely a mismatch
        if (hex.length() != HEX_LENGTH) {
            return null;
        }
        for (int i = 0; i < hex.length(); i++) {
            // ASCII 0-9, a-f, A-F only (Character.digit would also take e.g. fullwidth digits)
            if (!HexFormat.isHexDigit(hex.charAt(i))) {
                return null;
            }
        }
        // HexFormat parses upper- and lowercase digits alike
        return HexFormat.of().parseHex(hex);
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            // every Java platform is required to provide HmacSHA256
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] hmac(Mac mac, SecretKeySpec key, byte[] body) {
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            // cannot happen for a non-empty HmacSHA256 key; the message of such an exception never holds the key
            throw new IllegalStateException("Cannot initialise HmacSHA256", e);
        }
        return mac.doFinal(body);
    }

    /** Shows how many secrets there are, never the secrets. */
    @Override
    public String toString() {
        return "WebhookVerifier[secrets=" + keys.size() + "]";
    }
}
