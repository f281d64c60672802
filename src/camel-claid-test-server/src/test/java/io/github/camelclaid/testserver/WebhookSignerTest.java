package io.github.camelclaid.testserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** HMAC-SHA256 signatures, checked against a published test vector. */
class WebhookSignerTest {

    /** RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?". */
    private static final String RFC4231_CASE2 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    private static final byte[] DATA = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAsLowercaseHexOfHmacSha256() {
        assertEquals(RFC4231_CASE2, WebhookSigner.sign("Jefe", DATA));
    }

    @Test
    void headerValuesComeInBothStyles() {
        assertEquals("sha256=" + RFC4231_CASE2, WebhookSigner.headerValue("Jefe", DATA, WebhookSignatureStyle.PREFIXED));
        assertEquals(RFC4231_CASE2, WebhookSigner.headerValue("Jefe", DATA, WebhookSignatureStyle.BARE_HEX));
    }

    @Test
    void verifiesEitherStyleInAnyCase() {
        assertTrue(WebhookSigner.verify("Jefe", DATA, "sha256=" + RFC4231_CASE2));
        assertTrue(WebhookSigner.verify("Jefe", DATA, RFC4231_CASE2.toUpperCase()));
        assertTrue(WebhookSigner.verify("Jefe", DATA, "SHA256=" + RFC4231_CASE2));
    }

    @Test
    void rejectsAnotherSecretATamperedBodyOrAMalformedHeader() {
        assertFalse(WebhookSigner.verify("jefe", DATA, RFC4231_CASE2));
        assertFalse(WebhookSigner.verify("Jefe", "what do ya want for nothing!".getBytes(StandardCharsets.UTF_8),
                RFC4231_CASE2));
        assertFalse(WebhookSigner.verify("Jefe", DATA, null));
        assertFalse(WebhookSigner.verify("Jefe", DATA, "sha256=not-hex"));
        assertFalse(WebhookSigner.verify("Jefe", DATA, RFC4231_CASE2.substring(2)));
    }
}
