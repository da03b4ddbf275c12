package io.silkgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(dir);
    }

    @Test
    void emptyFileMeansEveryDefault() {
        SilkgateConfig config = fx.load("");
        assertDefaults(config.gateway(), dir);
        assertEquals(dir.resolve("silkgate.yaml"), config.source());
        assertTrue(config.submitters().isEmpty());
        assertTrue(config.signers().isEmpty());
        assertTrue(config.trust().isEmpty());
        assertTrue(config.partners().isEmpty());
        assertTrue(config.routing().isEmpty());
        assertNull(config.pint());
    }

    @Test
    void minimalFileGetsDefaultsForEverythingElse() {
        SilkgateConfig config = fx.load("""
                gateway:
                  http-port: 8080
                partners:
                  - { id: p1, country: DE, format: ubl, endpoint: { type: rest, url: "http://localhost:9000/in" } }
                """);
        assertDefaults(config.gateway(), dir);
        Partner p = config.partners().get(0);
        assertEquals(DuplicatePolicy.REJECT, p.duplicates());
        assertEquals(ConfigDefaults.DELIVERY, p.retry());
        assertEquals(new Endpoint(EndpointType.REST, URI.create("http://localhost:9000/in")), p.endpoint());
    }

    @Test
    void defaultsWithoutFileMatchAnEmptyFile() {
        SilkgateConfig defaults = ConfigLoader.defaults(dir);
        assertNull(defaults.source());
        assertEquals(fx.load("").gateway(), defaults.gateway());
        assertNull(defaults.pint());
        assertTrue(defaults.partners().isEmpty());
    }

    private static void assertDefaults(GatewaySettings g, Path base) {
        assertEquals("0.0.0.0", g.httpHost());
        assertEquals(8080, g.httpPort());
        assertEquals(base.resolve("data"), g.dataDir());
        assertEquals("embedded", g.broker());
        assertTrue(g.embeddedBroker());
        assertEquals("embedded", g.database());
        assertTrue(g.embeddedDatabase());
        assertNull(g.databaseUser());
        assertNull(g.databasePassword());
        assertEquals(10L * 1024 * 1024, g.maxDocumentBytes());
        assertNull(g.signing());
        assertNull(g.tls());
        assertNull(g.jmx());
        assertEquals(new RetryPolicy(8, Duration.ofSeconds(5), 2.0, Duration.ofMinutes(5), Duration.ofSeconds(30)),
                g.delivery());
    }

    @Test
    void fullFileSetsEveryField() {
        fx.file("keys/sign.p12", "not parsed here");
        fx.file("keys/tls.p12", "not parsed here");
        fx.file("acme.key", "  0123456789abcdef0123  \n");
        fx.file("acme.pem", "-----BEGIN CERTIFICATE-----\n");
        fx.directory("trust/cn");
        fx.file("trust/cn.crl", "crl");
        fx.file("trust/vn.pem", "pem");
        fx.file("pint-trust.pem", "pem");
        fx.env = Map.of("SIGN_PW", "s3cret-sign");
        SilkgateConfig c = fx.load("""
                gateway:
                  http-host: 127.0.0.1
                  http-port: 18080
                  data-dir: /var/lib/silkgate
                  broker: "tcp://broker-1:61616, ssl://broker-2:61617"
                  database: jdbc:postgresql://db:5432/silkgate
                  database-user: gw
                  database-password: dbpw
                  max-document-size: 512KB
                  signing: { keystore: keys/sign.p12, password: "${SIGN_PW}", alias: gw }
                  tls: { keystore: keys/tls.p12, password: tlspw, client-auth: need }
                  jmx: { port: 9010, user: ops, password: jmxpw }
                  delivery: { attempts: 3, delay: 500ms, multiplier: 1.5, max-delay: 1h, timeout: PT10S }
                submitters:
                  - { id: acme, api-key-file: acme.key, client-certificate: acme.pem, parties: ["VA:DE123456789", "GLN:4000001000005"] }
                signers:
                  - { subject: "CN=Acme Invoicing, O=Acme GmbH, C=DE", parties: ["VA:DE123456789"] }
                trust:
                  - { country: CN, anchors: trust/cn, crl: trust/cn.crl, ocsp: true }
                  - { country: NO, anchors: trust/vn.pem }
                partners:
                  - id: vn-customs
                    country: VN
                    format: vn-tt78
                    endpoint: { type: soap, url: "https://customs.example.vn/soap" }
                    duplicates: accept-and-flag
                    retry: { attempts: 20, delay: 1s }
                  - { id: carrier.q_1, country: SG, format: iftmcs, endpoint: { type: jms, url: "queue:edifact.in" } }
                  - { id: ebl, country: SG, format: dcsa-pint3, endpoint: { type: pint, url: "https://ebl.example/pint/v3" } }
                routing:
                  - { family: invoice, buyer-country: VN, seller-country: CN, format: cn-fapiao, to: [vn-customs] }
                  - { family: bill-of-lading, to: [carrier.q_1, ebl] }
                pint:
                  platform: CARX
                  trust: pint-trust.pem
                  parties:
                    - { codeListProvider: CARX, partyCode: bank-0007 }
                    - { codeListProvider: WAVE, partyCode: "0042" }
                  forward-to: [ebl, carrier.q_1]
                  forward-recipient: { partyName: Example Bank SG, eblPlatform: SGTD, codeListProvider: SGTD, partyCode: b-01 }
                """);

        GatewaySettings g = c.gateway();
        assertEquals("127.0.0.1", g.httpHost());
        assertEquals(18080, g.httpPort());
        assertEquals(Path.of("/var/lib/silkgate"), g.dataDir());
        assertEquals("tcp://broker-1:61616,ssl://broker-2:61617", g.broker());
        assertFalse(g.embeddedBroker());
        assertEquals("jdbc:postgresql://db:5432/silkgate", g.database());
        assertFalse(g.embeddedDatabase());
        assertEquals("gw", g.databaseUser());
        assertEquals("dbpw", g.databasePassword().value());
        assertEquals(512 * 1024, g.maxDocumentBytes());
        assertEquals(dir.resolve("keys/sign.p12"), g.signing().keystore());
        assertEquals("s3cret-sign", g.signing().password().value());
        assertEquals("gw", g.signing().alias());
        assertEquals(dir.resolve("keys/tls.p12"), g.tls().keystore());
        assertEquals("tlspw", g.tls().password().value());
        assertEquals("need", g.tls().clientAuth());
        assertEquals(9010, g.jmx().port());
        assertEquals("ops", g.jmx().user());
        assertEquals("jmxpw", g.jmx().password().value());
        RetryPolicy delivery = new RetryPolicy(3, Duration.ofMillis(500), 1.5, Duration.ofHours(1), Duration.ofSeconds(10));
        assertEquals(delivery, g.delivery());

        Submitter s = c.submitters().get(0);
        assertEquals("acme", s.id());
        assertTrue(s.apiKey().matches("0123456789abcdef0123"), "the key file is trimmed");
        assertEquals(dir.resolve("acme.pem"), s.clientCertificate());
        assertEquals(List.of("VA:DE123456789", "GLN:4000001000005"), s.parties());

        assertEquals(List.of(new SignerRule("CN=Acme Invoicing, O=Acme GmbH, C=DE", List.of("VA:DE123456789"))), c.signers());

        assertEquals(List.of(new TrustEntry("CN", dir.resolve("trust/cn"), dir.resolve("trust/cn.crl"), true),
                new TrustEntry("NO", dir.resolve("trust/vn.pem"), null, false)), c.trust());

        Partner vn = c.partners().get(0);
        assertEquals("vn-customs", vn.id());
        assertEquals("VN", vn.country());
        assertEquals("vn-tt78", vn.format());
        assertEquals(new Endpoint(EndpointType.SOAP, URI.create("https://customs.example.vn/soap")), vn.endpoint());
        assertEquals(DuplicatePolicy.ACCEPT_AND_FLAG, vn.duplicates());
        assertEquals(new RetryPolicy(20, Duration.ofSeconds(1), 1.5, Duration.ofHours(1), Duration.ofSeconds(10)),
                vn.retry(), "fields the partner leaves out come from gateway.delivery");
        Partner carrier = c.partner("carrier.q_1").orElseThrow();
        assertEquals(new Endpoint(EndpointType.JMS, URI.create("queue:edifact.in")), carrier.endpoint());
        assertEquals(delivery, carrier.retry());
        assertEquals(EndpointType.PINT, c.partner("ebl").orElseThrow().endpoint().type());

        assertEquals(List.of(new RoutingRule("invoice", "VN", "CN", "cn-fapiao", List.of("vn-customs")),
                new RoutingRule("bill-of-lading", null, null, null, List.of("carrier.q_1", "ebl"))), c.routing());

        PintSettings pint = c.pint();
        assertEquals("CARX", pint.platform());
        assertEquals(dir.resolve("pint-trust.pem"), pint.trust());
        assertEquals(List.of(new PintParty("CARX", "bank-0007"), new PintParty("WAVE", "0042")), pint.parties());
        assertEquals(List.of("ebl", "carrier.q_1"), pint.forwardTo());
        assertEquals(new PintRecipient("Example Bank SG", "SGTD", "SGTD", "b-01"), pint.forwardRecipient());
    }

    @Test
    void relativePathsResolveAgainstTheConfigFilesDirectoryNotTheWorkingDirectory() {
        Path confDir = fx.directory("etc/silkgate");
        fx.file("etc/silkgate/keys/sign.p12", "x");
        fx.file("etc/trust/cn.pem", "x");
        Path file = fx.file("etc/silkgate/silkgate.yaml", """
                gateway:
                  data-dir: var/data
                  signing: { keystore: keys/sign.p12, password: pw, alias: a }
                trust:
                  - { country: CN, anchors: ../trust/cn.pem }
                """);
        SilkgateConfig c = ConfigLoader.load(file, Map.of());
        assertEquals(confDir.resolve("var/data"), c.gateway().dataDir());
        assertEquals(confDir.resolve("keys/sign.p12"), c.gateway().signing().keystore());
        assertEquals(dir.resolve("etc/trust/cn.pem"), c.trust().get(0).anchors(), "the path is normalised");
        assertEquals(file, c.source());
    }

    @Test
    void dataDirFromTheCommandLineWins() {
        SilkgateConfig c = fx.load("gateway: { data-dir: ./from-file, http-port: 9999 }");
        SilkgateConfig overridden = c.withDataDir(dir.resolve("cli/../cli-data"));
        assertEquals(dir.resolve("cli-data"), overridden.gateway().dataDir());
        assertEquals(9999, overridden.gateway().httpPort(), "everything else stays");
        assertEquals(dir.resolve("from-file"), c.gateway().dataDir(), "the original is unchanged");
        assertTrue(c.withDataDir(Path.of("rel")).gateway().dataDir().isAbsolute());
    }

    @Test
    void thePendingDeliveryAlertThresholdIsConfigurable() {
        assertEquals(Duration.ofMinutes(15), fx.load("").gateway().pendingAlert());
        assertEquals(Duration.ofHours(2), fx.load("gateway: { pending-alert: 2h }").gateway().pendingAlert());
    }

    @Test
    void sizesAndDurationsInEveryAcceptedSpelling() {
        assertEquals(1048576, fx.load("gateway: { max-document-size: 1048576 }").gateway().maxDocumentBytes());
        assertEquals(1048576, fx.load("gateway: { max-document-size: \"1048576\" }").gateway().maxDocumentBytes());
        assertEquals(512 * 1024, fx.load("gateway: { max-document-size: 512KB }").gateway().maxDocumentBytes());
        assertEquals(20L << 20, fx.load("gateway: { max-document-size: 20 MB }").gateway().maxDocumentBytes());
        assertEquals(1L << 30, fx.load("gateway: { max-document-size: 1GB }").gateway().maxDocumentBytes());
        RetryPolicy r = fx.load("gateway: { delivery: { delay: 250ms, max-delay: 2h, timeout: 1m } }").gateway().delivery();
        assertEquals(Duration.ofMillis(250), r.delay());
        assertEquals(Duration.ofHours(2), r.maxDelay());
        assertEquals(Duration.ofMinutes(1), r.timeout());
        RetryPolicy iso = fx.load("gateway: { delivery: { delay: PT1M30S, max-delay: 1d, multiplier: 3 } }").gateway().delivery();
        assertEquals(Duration.ofSeconds(90), iso.delay());
        assertEquals(Duration.ofDays(1), iso.maxDelay());
        assertEquals(3.0, iso.multiplier());
    }

    @Test
    void emptyValuesCountAsAbsent() {
        SilkgateConfig c = fx.load("""
                gateway:
                  tls:
                  http-port:
                submitters:
                pint: ~
                """);
        assertNull(c.gateway().tls());
        assertEquals(8080, c.gateway().httpPort());
        assertTrue(c.submitters().isEmpty());
        assertNull(c.pint());
    }

    @Test
    void theShippedExampleLoadsAndDocumentsTheRealDefaults() throws IOException {
        String example;
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/silkgate-example.yaml")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        fx.file("keys/gateway.p12", "x");
        fx.file("keys/tls.p12", "x");
        fx.file("submitters/acme.key", "${ACME_API_KEY}\n");
        fx.file("submitters/acme.pem", "x");
        fx.file("keys/metrics.token", "scrape-0123456789abcdef\n");
        fx.directory("trust/cn");
        fx.file("trust/cn.crl", "x");
        fx.directory("trust/pint");
        fx.env = Map.of("SILKGATE_DB_PASSWORD", "a", "SILKGATE_SIGNING_PASSWORD", "b",
                "SILKGATE_TLS_PASSWORD", "c", "SILKGATE_JMX_PASSWORD", "d", "SILKGATE_JOLOKIA_PASSWORD", "e",
                "ACME_API_KEY", "k".repeat(32));
        SilkgateConfig c = fx.load(example);

        GatewaySettings g = c.gateway();
        GatewaySettings d = ConfigLoader.defaults(dir).gateway();
        assertEquals(d.httpHost(), g.httpHost());
        assertEquals(d.httpPort(), g.httpPort());
        assertEquals(d.dataDir(), g.dataDir());
        assertEquals(d.broker(), g.broker());
        assertEquals(d.database(), g.database());
        assertEquals(d.maxDocumentBytes(), g.maxDocumentBytes());
        assertEquals(d.delivery(), g.delivery());
        assertEquals("b", g.signing().password().value());
        assertEquals("e", g.jolokia().password().value());
        assertTrue(c.submitters().get(0).apiKey().matches("k".repeat(32)));
        assertEquals(List.of("vn-customs"), c.submitters().get(0).destinations());
        assertEquals(3, c.partners().size());
        assertEquals(2, c.routing().size());
        assertFalse(c.partners().get(0).jwsEnvelope());
        assertTrue(c.partners().get(1).jwsEnvelope());
        assertEquals(List.of("sg-ebl-platform"), c.pint().forwardTo());
        assertEquals(new DirectoryEntry("name:Lion City Example Trading Pte. Ltd.", "0195:SGUEN201912345K"),
                c.directory().get(1));
        assertEquals(new RetryPolicy(12, d.delivery().delay(), d.delivery().multiplier(), Duration.ofMinutes(15),
                d.delivery().timeout()), c.partners().get(0).retry());
    }

    @Test
    void describedDefaultsAreTheOnesTheLoaderUses() {
        String text = ConfigLoader.describeDefaults();
        GatewaySettings d = ConfigLoader.defaults(dir).gateway();
        assertTrue(text.contains("gateway.http-port: " + d.httpPort() + "\n"), text);
        assertTrue(text.contains("gateway.http-host: " + d.httpHost() + "\n"), text);
        assertTrue(text.contains("gateway.max-document-size: 10MB\n"), text);
        assertTrue(text.contains("gateway.delivery.attempts: 8\n"), text);
        assertTrue(text.contains("gateway.delivery.delay: 5s\n"), text);
        assertTrue(text.contains("gateway.delivery.max-delay: 5m\n"), text);
        assertTrue(text.contains("gateway.delivery.timeout: 30s\n"), text);
        assertTrue(text.contains("partners[].duplicates: reject\n"), text);
        // every described default reads back to the same value
        RetryPolicy reread = fx.load("gateway: { max-document-size: 10MB, delivery: { attempts: 8, delay: 5s,"
                + " multiplier: 2.0, max-delay: 5m, timeout: 30s } }").gateway().delivery();
        assertEquals(d.delivery(), reread);
    }

    @Test
    void theExampleMentionsEveryKeyTheLoaderAccepts() throws IOException {
        String example;
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/silkgate-example.yaml")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String key : List.of("http-host", "http-port", "data-dir", "broker", "database", "database-user",
                "database-password", "max-document-size", "signing", "keystore", "password", "alias", "tls",
                "client-auth", "jmx", "port", "user", "delivery", "attempts", "delay", "multiplier", "max-delay",
                "timeout", "submitters", "api-key-file", "client-certificate", "parties", "signers", "subject",
                "trust", "country", "anchors", "crl", "ocsp", "ocsp-responder", "ocsp-nonce",
                "crl-distribution-points", "revocation", "revocation-timeout", "partners", "format", "endpoint", "type", "url",
                "duplicates", "retry", "routing", "family", "buyer-country", "seller-country", "to", "pint",
                "platform", "codeListProvider", "partyCode", "forward-to", "directory", "party", "pending-alert", "destinations",
                "electronic-address", "read-rate-limit", "auth-failure-limit", "metrics", "access", "token-file",
                "node-id", "archive-dir")) {
            assertTrue(example.matches("(?s).*[\\s{,]" + key + ":.*"), "example lacks key " + key);
        }
    }
}
