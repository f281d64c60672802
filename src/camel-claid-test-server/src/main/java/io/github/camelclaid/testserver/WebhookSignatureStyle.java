package io.github.camelclaid.testserver;

/**
 * How the {@code X-Claid-Hmac-SHA256} header carries the signature. Claid's page names the header value only
 * {@code <hmac-sha256-signature>}, while its own verification examples compare against {@code "sha256=" + hexdigest};
 * receivers should accept both, and this server can send either.
 */
public enum WebhookSignatureStyle {
    /** {@code sha256=<lowercase hex>}, as in Claid's Python and Ruby verification examples. */
    PREFIXED,
    /** Bare lowercase hex. */
    BARE_HEX
}
