package io.github.camelclaid.client.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.github.camelclaid.client.webhook.WebhookVerifier.Verdict;
import io.github.camelclaid.testserver.WebhookSignatureStyle;
import io.github.camelclaid.testserver.WebhookSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookVerifierTest {

    static final String SECRET = "whsec_current-Secret+42";
    static final String OLD_SECRET = "whsec_previous-Secret/7";
    // non-ASCII and CRLF: the verifier must work on the bytes as sent, not on any decoded text
    static final byte[] BODY = "{\"id\":7,\"status\":\"DONE\",\"note\":\"Zoë ✓\"}\r\n".getBytes(StandardCharsets.UTF_8);

    /**
     * Computed outside Java, e.g.
     * {@code python3 -c 'import hmac,hashlib;print(hmac.new(b"key",b"body",hashlib.sha256).hexdigest())'}, so that
     * the verifier and the test server's signer cannot share a mistake.
     */
    record Golden(String secret, String body, String hex) {
    }

    static final List<Golden> GOLDEN = List.of(
            new Golden("whsec_rotate-me-2024", "{\"task_id\":42,\"status\":\"DONE\"}",
                    "6961111673fb44edf8db819aa181d30d699f9dface54528601a0d32ebdc2fece"),
            // secret and body with non-ASCII characters (UTF-8) and a CRLF
            new Golden("clé-secrète", "{\"n\":\"Zoë\"}\r\n",
                    "d9433fe79a9772ec5b6f99e6dde9e6dccc9cfc834b70740f330a73c4c8f93b73"),
            // the well-known example from RFC 2104 literature (Wikipedia's HMAC page)
            new Golden("key", "The quick brown fox jumps over the lazy dog",
                    "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"));

    final WebhookVerifier verifier = WebhookVerifier.of(SECRET);

    @ParameterizedTest
    @EnumSource(WebhookSignatureStyle.class)
    void acceptsEverySignerStyle(WebhookSignatureStyle style) {
        String header = WebhookSigner.headerValue(SECRET, BODY, style);

        assertThat(verifier.verify(BODY, header)).isEqualTo(Verdict.VALID);
    }

    @ParameterizedTest
    @EnumSource(WebhookSignatureStyle.class)
    void acceptsUppercaseHexAndPrefix(WebhookSignatureStyle style) {
        String header = WebhookSigner.headerValue(SECRET, BODY, style).toUpperCase(Locale.ROOT);

        assertThat(header).doesNotContain("sha256=");
        assertThat(verifier.verify(BODY, header)).isEqualTo(Verdict.VALID);
    }

    @Test
    void acceptsMixedCaseAndSurroundingWhitespace() {
        String hex = WebhookSigner.sign(SECRET, BODY);
        String mixed = "Sha256=" + hex.substring(0, 32).toUpperCase(Locale.ROOT) + hex.substring(32);

        assertThat(verifier.verify(BODY, mixed)).isEqualTo(Verdict.VALID);
        assertThat(verifier.verify(BODY, "  " + hex + " ")).isEqualTo(Verdict.VALID);
    }

    @Test
    void goldenVectors() {
        for (Golden golden : GOLDEN) {
            WebhookVerifier one = WebhookVerifier.of(golden.secret());
            byte[] body = golden.body().getBytes(StandardCharsets.UTF_8);

            assertThat(one.verify(body, golden.hex())).as(golden.secret()).isEqualTo(Verdict.VALID);
            assertThat(one.verify(body, "sha256=" + golden.hex())).as(golden.secret()).isEqualTo(Verdict.VALID);
            // and the test server's signer agrees with Python
            assertThat(WebhookSigner.sign(golden.secret(), body)).isEqualTo(golden.hex());
        }
    }

    @Test
    void rejectsAnotherSecret() {
        String header = WebhookSigner.headerValue("whsec_someone-else", BODY, WebhookSignatureStyle.PREFIXED);

        assertThat(verifier.verify(BODY, header)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void rejectsABodyChangedByOneByte() {
        String header = WebhookSigner.headerValue(SECRET, BODY, WebhookSignatureStyle.PREFIXED);
        for (int i : new int[] {0, BODY.length / 2, BODY.length - 1}) {
            byte[] changed = BODY.clone();
            changed[i] ^= 0x01;

            assertThat(verifier.verify(changed, header)).as("byte %d", i).isEqualTo(Verdict.BAD_SIGNATURE);
        }
        byte[] longer = new byte[BODY.length + 1];
        System.arraycopy(BODY, 0, longer, 0, BODY.length);
        assertThat(verifier.verify(longer, header)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void rejectsASignatureChangedByOneDigit() {
        String hex = WebhookSigner.sign(SECRET, BODY);
        String changed = hex.substring(0, 63) + (hex.charAt(63) == '0' ? '1' : '0');

        assertThat(verifier.verify(BODY, changed)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void missingHeader() {
        assertThat(verifier.verify(BODY, null)).isEqualTo(Verdict.MISSING_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "sha256=",
        // not hex
        "zz61111673fb44edf8db819aa181d30d699f9dface54528601a0d32ebdc2fece",
        "sha256=6961111673fb44edf8db819aa181d30d699f9dface54528601a0d32ebdc2fecg",
        // fullwidth digits are digits to Character.digit, but not hex on the wire
        "６961111673fb44edf8db819aa181d30d699f9dface54528601a0d32ebdc2fece",
        // base64 of a 32-byte digest rather than hex
        "aWERFnP7RO342oGaoYHTDWmfnfrOVFKGAaDTLr3C/s4=",
        // too short, too long, odd length
        "6961111673fb44edf8db819aa181d30d",
        "6961111673fb44edf8db819aa181d30d699f9dface54528601a0d32ebdc2fece00",
        "6961111673fb44edf8db819aa181d30d699f9dface54528601a0d32ebdc2fec",
        // another algorithm's prefix and digest (SHA-1 is 40 hex digits)
        "sha1=2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
        "sha1=6961111673fb44edf8db819aa181d30d699f9dface54528601a0d32ebdc2fece",
        "sha512=6961111673fb44edf8db819aa181d30d699f9dface54528601a0d32ebdc2fece",
        // the prefix twice, or a separator inside
        "sha256=sha256=6961111673fb44edf8db819aa181d30d699f9dface54528601a0d32ebdc2fece",
        "6961111673fb44edf8db819aa181d30d 699f9dface54528601a0d32ebdc2fece",
    })
    void malformedHeaders(String header) {
        assertThat(verifier.verify(BODY, header)).isEqualTo(Verdict.MALFORMED_SIGNATURE);
    }

    @Test
    void rotationAcceptsEachActiveSecretAndNoOther() {
        WebhookVerifier rotating = WebhookVerifier.of(SECRET, OLD_SECRET);

        for (WebhookSignatureStyle style : WebhookSignatureStyle.values()) {
            assertThat(rotating.verify(BODY, WebhookSigner.headerValue(SECRET, BODY, style)))
                    .isEqualTo(Verdict.VALID);
            assertThat(rotating.verify(BODY, WebhookSigner.headerValue(OLD_SECRET, BODY, style)))
                    .isEqualTo(Verdict.VALID);
            assertThat(rotating.verify(BODY, WebhookSigner.headerValue("whsec_third", BODY, style)))
                    .isEqualTo(Verdict.BAD_SIGNATURE);
        }
        // the order of the secrets does not matter
        WebhookVerifier reversed = WebhookVerifier.of(List.of(OLD_SECRET, SECRET));
        assertThat(reversed.verify(BODY, WebhookSigner.sign(SECRET, BODY))).isEqualTo(Verdict.VALID);
        assertThat(reversed.secretCount()).isEqualTo(2);
    }

    @Test
    void emptyBodyIsSignedLikeAnyOther() {
        byte[] empty = new byte[0];

        assertThat(verifier.verify(empty, WebhookSigner.sign(SECRET, empty))).isEqualTo(Verdict.VALID);
        assertThat(verifier.verify(empty, WebhookSigner.sign(SECRET, BODY))).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void secretsAreNotShown() {
        WebhookVerifier rotating = WebhookVerifier.of(SECRET, OLD_SECRET);

        assertThat(rotating.toString())
                .isEqualTo("WebhookVerifier[secrets=2]")
                .doesNotContain(SECRET).doesNotContain(OLD_SECRET).doesNotContain("whsec");
    }

    @Test
    void refusesNoOrEmptySecretsWithoutShowingTheOthers() {
        assertThatThrownBy(() -> WebhookVerifier.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookVerifier.of(SECRET, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        assertThatThrownBy(() -> WebhookVerifier.of(Arrays.asList(SECRET, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }
}
