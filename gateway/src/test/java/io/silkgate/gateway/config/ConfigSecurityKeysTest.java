package io.silkgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of TLS, submitter credentials and rate limits. */
class ConfigSecurityKeysTest {

    @TempDir
    Path dir;

    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(dir);
        fx.file("k.p12", "x");
        fx.file("acme.pem", "x");
    }

    @Test
    void rateLimitsHaveADefaultAndMayBeSetPerSubmitter() {
        fx.file("acme.key", "0123456789abcdef0123");
        SilkgateConfig c = fx.load("""
                gateway: { rate-limit: 20/s, request-timeout: 15s }
                submitters:
                  - { id: acme, api-key-file: acme.key, parties: ["VA:DE1"], rate-limit: 600/min }
                """);
        assertEquals(new RateLimit(20, Duration.ofSeconds(1)), c.gateway().rateLimit());
        assertEquals(Duration.ofSeconds(15), c.gateway().requestTimeout());
        assertEquals(new RateLimit(600, Duration.ofMinutes(1)), c.submitters().get(0).rateLimit());

        SilkgateConfig d = fx.load("");
        assertEquals(ConfigDefaults.RATE_LIMIT, d.gateway().rateLimit());
        assertEquals(ConfigDefaults.REQUEST_TIMEOUT, d.gateway().requestTimeout());
    }

    @Test
    void aWrongRateOrTimeoutNamesTheKey() {
        assertEquals("silkgate.yaml: gateway.rate-limit: expected a rate such as \"50/s\", \"600/min\", \"10000/h\""
                + " or \"unlimited\", found a string \"fast\"", fx.error("gateway: { rate-limit: fast }"));
        assertEquals("silkgate.yaml: gateway.request-timeout: must be at least 1s: 10ms",
                fx.error("gateway: { request-timeout: 10ms }"));
    }

    @Test
    void anApiKeyFileMayHoldOnlyTheKeysHash() {
        String hex = HexFormat.of().formatHex(ApiKeyHash.sha256("the-real-key-0123456789"));
        fx.file("acme.key", "sha256:" + hex.toUpperCase() + "\n");
        SilkgateConfig c = fx.load("submitters: [ { id: acme, api-key-file: acme.key, parties: [\"VA:DE1\"] } ]");
        assertTrue(c.submitters().get(0).apiKey().matches("the-real-key-0123456789"));
        assertFalse(c.submitters().get(0).apiKey().matches("sha256:" + hex));
        assertNull(c.submitters().get(0).rateLimit());

        fx.file("acme.key", "sha256:abc");
        assertTrue(fx.error("submitters: [ { id: acme, api-key-file: acme.key, parties: [\"VA:DE1\"] } ]")
                .endsWith("must be written sha256:<64 hexadecimal digits>"));
    }

    @Test
    void withClientAuthNeedEverySubmitterNeedsACertificate() {
        fx.file("acme.key", "0123456789abcdef0123");
        assertEquals("silkgate.yaml: submitters[0]: needs a client-certificate: with gateway.tls.client-auth need,"
                + " a client without a certificate cannot even connect",
                fx.error("gateway: { tls: { keystore: k.p12, password: p, client-auth: need } }\n"
                        + "submitters: [ { id: acme, api-key-file: acme.key, parties: [\"VA:DE1\"] } ]"));
        SilkgateConfig c = fx.load("gateway: { tls: { keystore: k.p12, password: p, client-auth: need } }\n"
                + "submitters: [ { id: acme, client-certificate: acme.pem, parties: [\"VA:DE1\"] } ]");
        assertEquals(dir.resolve("acme.pem"), c.submitters().get(0).clientCertificate());
        assertNull(c.submitters().get(0).apiKey());
    }

    @Test
    void oneCertificateCannotServeTwoSubmitters() {
        assertEquals("silkgate.yaml: submitters[1].client-certificate: same certificate file as submitters[0];"
                + " a certificate identifies one submitter",
                fx.error("gateway: { tls: { keystore: k.p12, password: p, client-auth: want } }\n"
                        + "submitters:\n"
                        + "  - { id: a, client-certificate: acme.pem, parties: [\"VA:DE1\"] }\n"
                        + "  - { id: b, client-certificate: acme.pem, parties: [\"VA:DE2\"] }\n"));
    }

    @Test
    void readLimitsAreAMultipleOfTheSubmissionLimitUnlessSetThemselves() {
        fx.file("a.key", "0123456789abcdef0123");
        fx.file("b.key", "0123456789abcdef0124");
        fx.file("c.key", "0123456789abcdef0125");
        SilkgateConfig c = fx.load("""
                gateway: { rate-limit: 20/s }
                submitters:
                  - { id: a, api-key-file: a.key, parties: ["VA:DE1"], rate-limit: 10/min }
                  - { id: b, api-key-file: b.key, parties: ["VA:DE1"], read-rate-limit: 7/h }
                  - { id: c, api-key-file: c.key, parties: ["VA:DE1"] }
                """);
        assertEquals(new RateLimit(100, Duration.ofSeconds(1)), c.gateway().readRateLimit());
        assertEquals(new RateLimit(50, Duration.ofMinutes(1)), c.submitters().get(0).readRateLimit());
        assertEquals(new RateLimit(7, Duration.ofHours(1)), c.submitters().get(1).readRateLimit());
        assertNull(c.submitters().get(2).readRateLimit(), "gateway.read-rate-limit");
        assertEquals(new RateLimit(1500, Duration.ofSeconds(1)), fx.load("").gateway().readRateLimit());
        assertEquals(new RateLimit(9, Duration.ofSeconds(1)),
                fx.load("gateway: { read-rate-limit: 9/s }").gateway().readRateLimit());
    }

    @Test
    void failedAuthenticationsPerAddressHaveALimit() {
        assertEquals(new RateLimit(20, Duration.ofMinutes(1)), fx.load("").gateway().authFailureLimit());
        assertEquals(RateLimit.UNLIMITED,
                fx.load("gateway: { auth-failure-limit: unlimited }").gateway().authFailureLimit());
        assertTrue(fx.error("gateway: { auth-failure-limit: 20 }").contains("gateway.auth-failure-limit"));
    }

    @Test
    void metricsAreOpenOnlyWhereEverythingIsOrWhenAskedFor() {
        fx.file("acme.key", "0123456789abcdef0123");
        fx.file("scrape.token", "scrape-0123456789abcdef\n");
        assertTrue(fx.load("").gateway().metrics().open(), "no submitters: a local gateway");
        String submitters = "submitters: [ { id: acme, api-key-file: acme.key, parties: [\"VA:DE1\"] } ]\n";
        assertFalse(fx.load(submitters).gateway().metrics().open());
        assertTrue(fx.load("gateway: { metrics: { access: open } }\n" + submitters).gateway().metrics().open());
        MetricsAccess withToken = fx.load("gateway: { metrics: { token-file: scrape.token } }").gateway().metrics();
        assertFalse(withToken.open());
        assertTrue(withToken.token().matches("scrape-0123456789abcdef"));
        assertTrue(fx.error("gateway: { metrics: { access: authenticated } }").contains("gateway.metrics.access"));
        assertTrue(fx.error("gateway: { metrics: { access: sometimes } }").contains("gateway.metrics.access"));
        assertTrue(fx.error("gateway: { metrics: { access: open, token-file: scrape.token } }")
                .contains("gateway.metrics.token-file"));
    }
}
