package io.silkgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.verify.RevocationPolicy;
import io.silkgate.verify.RevocationSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The revocation keys of trust entries: CRL by file or URL, OCSP, policy and their defaults. */
class TrustRevocationConfigTest {

    @TempDir
    Path dir;

    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(dir);
        fx.directory("cn");
        fx.file("cn.crl", "x");
    }

    private TrustEntry entry(String yaml) {
        return fx.load("trust: [ { country: CN, anchors: cn" + yaml + " } ]").trust().get(0);
    }

    @Test
    void noSourceMeansNothingToFail() {
        TrustEntry t = entry("");

        assertEquals(RevocationPolicy.SOFT_FAIL, t.revocation());
        assertFalse(t.revocationSettings().online());
    }

    @Test
    void anySourceDefaultsToHardFail() {
        assertEquals(RevocationPolicy.HARD_FAIL, entry(", crl: cn.crl").revocation());
        assertEquals(RevocationPolicy.HARD_FAIL, entry(", ocsp: true").revocation());
        assertEquals(RevocationPolicy.HARD_FAIL, entry(", crl-distribution-points: true").revocation());
        assertEquals(RevocationPolicy.SOFT_FAIL, entry(", ocsp: true, revocation: soft-fail").revocation());
    }

    @Test
    void crlMayBeAUrl() {
        TrustEntry t = entry(", crl: \"https://pki.example.cn/issuing.crl\"");

        assertNull(t.crl());
        assertEquals(URI.create("https://pki.example.cn/issuing.crl"), t.crlUrl());
        assertEquals(List.of(URI.create("https://pki.example.cn/issuing.crl")), t.revocationSettings().crlUrls());
        assertEquals(dir.resolve("cn.crl"), entry(", crl: cn.crl").crl());
    }

    @Test
    void everyOcspKey() {
        TrustEntry t = entry(", ocsp-responder: \"http://ocsp.example.cn/\", ocsp-nonce: true,"
                + " revocation-timeout: 2s");
        RevocationSettings s = t.revocationSettings();

        assertTrue(s.ocsp(), "naming a responder turns OCSP on");
        assertEquals(URI.create("http://ocsp.example.cn/"), s.ocspResponder());
        assertTrue(s.ocspNonce());
        assertEquals(Duration.ofSeconds(2), s.timeout());
        assertEquals(Duration.ofSeconds(5), entry(", ocsp: true").revocationTimeout());
    }

    @Test
    void badValuesNameTheirKey() {
        assertEquals("silkgate.yaml: trust[0].revocation: expected hard-fail or soft-fail, found \"lenient\"",
                fx.error("trust: [ { country: CN, anchors: cn, ocsp: true, revocation: lenient } ]"));
        assertEquals("silkgate.yaml: trust[0].ocsp-responder: not an absolute http(s) URL: \"ldap://x\"",
                fx.error("trust: [ { country: CN, anchors: cn, ocsp-responder: \"ldap://x\" } ]"));
        assertEquals("silkgate.yaml: trust[0].ocsp-responder: is set while ocsp is false; remove one of the two",
                fx.error("trust: [ { country: CN, anchors: cn, ocsp: false, ocsp-responder: \"http://o/\" } ]"));
        assertTrue(fx.error("trust: [ { country: CN, anchors: cn, revocation-timeout: 0s } ]")
                .startsWith("silkgate.yaml: trust[0].revocation-timeout:"));
    }
}
