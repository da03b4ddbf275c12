package io.silkgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigErrorsTest {

    private static final String REST = "endpoint: { type: rest, url: \"http://localhost:1/in\" }";

    @TempDir
    Path dir;

    ConfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new ConfigFixture(dir);
    }

    /** Asserts that one error line starts with the given key path and message. */
    private static void assertHas(List<String> errors, String prefix) {
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(prefix)),
                "no error starting with " + prefix + " in:\n" + String.join("\n", errors));
    }

    private static String partner(String id, String format) {
        return "  - { id: " + id + ", country: DE, format: " + format + ", " + REST + " }\n";
    }

    // ---- files and YAML

    @Test
    void missingFileNamesTheFile() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(dir.resolve("nope.yaml"), Map.of()));
        assertEquals("nope.yaml: file not found: " + dir.resolve("nope.yaml"), e.getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesFileAndLine() {
        String error = fx.error("gateway:\n  http-port: 8080\n   data-dir: x\n");
        assertTrue(error.startsWith("silkgate.yaml:3:"), error);
        assertTrue(error.contains("invalid YAML"), error);
    }

    @Test
    void duplicateKeyIsAnErrorWithItsLine() {
        String error = fx.error("gateway:\n  http-port: 1\n  http-port: 2\n");
        assertTrue(error.startsWith("silkgate.yaml:3:"), error);
        assertTrue(error.contains("http-port"), error);
    }

    @Test
    void aSecondYamlDocumentIsNotSilentlyIgnored() {
        String error = fx.error("gateway: { http-port: 1 }\n---\ngateway: { http-port: 2 }\n");
        assertTrue(error.startsWith("silkgate.yaml:3:"), error);
    }

    @Test
    void topLevelMustBeAMapping() {
        assertEquals("silkgate.yaml: expected a mapping (key: value), found a list", fx.error("- a\n- b\n"));
    }

    @Test
    void jwsEnvelopesAreForJsonPartnersOnly() {
        List<String> errors = fx.errors("""
                partners:
                  - { id: a, country: VN, format: ubl, endpoint: { type: rest, url: "http://a" }, json-signature: jws }
                  - { id: b, country: SG, format: dcsa-td3, endpoint: { type: rest, url: "http://b" }, json-signature: x }
                """);

        assertHas(errors, "silkgate.yaml: partners[0].json-signature: jws wraps a JSON document");
        assertHas(errors, "silkgate.yaml: partners[1].json-signature: expected one of header, jws");
    }

    // ---- unknown keys at every level

    @Test
    void unknownKeysAreReportedAtEveryLevel() {
        fx.file("k.p12", "x");
        List<String> errors = fx.errors("""
                gatway: {}
                gateway:
                  http-prot: 1
                  signing: { keystore: k.p12, password: p, alias: a, passwort: x }
                  delivery: { retries: 3 }
                partners:
                  - id: p1
                    country: DE
                    format: ubl
                    endpoint: { type: rest, url: "http://h/", method: POST }
                    retry: { attempt: 2 }
                    priority: 1
                pint:
                  platform: CARX
                  trust: k.p12
                  parties: [ { codeListProvider: CARX, partyCode: x, name: y } ]
                """);
        assertTrue(errors.contains("silkgate.yaml: gatway: unknown key (expected one of: gateway, submitters, signers,"
                + " trust, partners, routing, pint, directory)"), String.join("\n", errors));
        assertTrue(errors.contains("silkgate.yaml: gateway.http-prot: unknown key (expected one of: http-host, http-port,"
                + " data-dir, broker, database, database-user, database-password, max-document-size, signing, tls, jmx,"
                + " jolokia, delivery, archive-retention, archive-dir, node-id, rate-limit, request-timeout, pending-alert,"
                + " read-rate-limit, auth-failure-limit, metrics)"), String.join("\n", errors));
        assertHas(errors, "silkgate.yaml: gateway.signing.passwort: unknown key");
        assertHas(errors, "silkgate.yaml: gateway.delivery.retries: unknown key");
        assertHas(errors, "silkgate.yaml: partners[0].endpoint.method: unknown key");
        assertHas(errors, "silkgate.yaml: partners[0].retry.attempt: unknown key");
        assertHas(errors, "silkgate.yaml: partners[0].priority: unknown key");
        assertHas(errors, "silkgate.yaml: pint.parties[0].name: unknown key");
        assertEquals(8, errors.size(), String.join("\n", errors));
    }

    @Test
    void everyErrorOfAFileIsReportedAtOnceOnePerLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> fx.load("""
                gateway:
                  http-port: 0
                  database: postgres://db/x
                partners:
                  - { id: Bad Id, country: de, format: cn-fapiao, endpoint: { type: rest, url: foo } }
                routing:
                  - { family: invoice, to: [nobody] }
                """));
        List<String> expected = List.of(
                "silkgate.yaml: gateway.http-port: not a port number (1..65535): 0",
                "silkgate.yaml: gateway.database: must be \"embedded\" or a JDBC URL starting with \"jdbc:\"",
                "silkgate.yaml: partners[0].id: must be 1-63 characters of a-z, 0-9, '.', '_', '-', starting with a"
                        + " letter or digit (it names the queue silkgate.out.<id>): \"Bad Id\"",
                "silkgate.yaml: partners[0].country: not a two-letter upper-case country code (ISO 3166 alpha-2): \"de\"",
                "silkgate.yaml: partners[0].format: \"cn-fapiao\" is input-only: the gateway reads it but cannot produce"
                        + " it (a partner can receive: ubl, cii, peppol-bis3, pint-sg, pint-my, pint-ae, vn-tt78,"
                        + " id-coretax, dcsa-td3, dcsa-pint3, iftmcs, fiata-efbl)",
                "silkgate.yaml: partners[0].endpoint.url: not an absolute http(s) URL: \"foo\"",
                "silkgate.yaml: routing[0].to[0]: no partner with id \"nobody\" (no partners are defined)");
        assertEquals(expected, e.errors());
        assertEquals(String.join("\n", expected), e.getMessage());
    }

    // ---- gateway section

    @Test
    void submitterDestinationsMustNamePartners() {
        fx.file("k.key", "k".repeat(32));
        String error = fx.error("submitters: [ { id: acme, api-key-file: k.key, parties: [\"VA:CN1\"],"
                + " destinations: [nobody] } ]\npartners:\n" + partner("vn-customs", "ubl"));
        assertEquals("silkgate.yaml: submitters[0].destinations[0]: no partner with id \"nobody\" (defined: vn-customs)",
                error);
    }

    @Test
    void thePendingAlertCannotBeShorterThanTheCheckInterval() {
        assertEquals("silkgate.yaml: gateway.pending-alert: must be at least 1m (alerts are checked once a minute): 30s",
                fx.error("gateway: { pending-alert: 30s }"));
    }

    @Test
    void directoryEntriesNeedAPartyAndAnAddressWithItsScheme() {
        assertEquals("silkgate.yaml: directory[0].electronic-address: not an electronic address written "
                + "<EAS>:<identifier> (e.g. \"0195:SGUEN201912345K\"): \"SGUEN201912345K\"",
                fx.error("directory: [ { party: \"VA:CN1\", electronic-address: SGUEN201912345K } ]"));
        assertEquals("silkgate.yaml: directory[0].party: not a party written scheme:identifier or name:<legal name> "
                + "(e.g. \"VA:CN91310115MA1H7Q2K0G\"): \"Acme\"",
                fx.error("directory: [ { party: Acme, electronic-address: \"0088:1\" } ]"));
        assertEquals("silkgate.yaml: directory[0].party: missing (required)",
                fx.error("directory: [ { electronic-address: \"0088:1\" } ]"));
    }

    @Test
    void portsMustBeInRange() {
        assertEquals("silkgate.yaml: gateway.http-port: not a port number (1..65535): 70000",
                fx.error("gateway: { http-port: 70000 }"));
        assertEquals("silkgate.yaml: gateway.jmx.port: not a port number (1..65535): -1",
                fx.error("gateway: { jmx: { port: -1 } }"));
        assertEquals("silkgate.yaml: gateway.jmx.port: missing (required)", fx.error("gateway: { jmx: { user: a, password: b } }"));
        assertEquals("silkgate.yaml: gateway.jmx.port: same port as gateway.http-port (8080)",
                fx.error("gateway: { jmx: { port: 8080 } }"));
    }

    @Test
    void wrongTypesNameTheKeyAndWhatWasFound() {
        assertEquals("silkgate.yaml: gateway.http-port: expected a whole number, found a string \"eighty\"",
                fx.error("gateway: { http-port: eighty }"));
        assertEquals("silkgate.yaml: gateway.http-port: expected a whole number, found a number \"80.5\"",
                fx.error("gateway: { http-port: 80.5 }"));
        assertEquals("silkgate.yaml: gateway: expected a mapping (key: value), found a list",
                fx.error("gateway: [a, b]"));
        assertEquals("silkgate.yaml: partners: expected a list, found a mapping", fx.error("partners: { id: x }"));
        assertEquals("silkgate.yaml: partners[0]: expected a mapping (key: value), found a string \"vn-customs\"",
                fx.error("partners: [vn-customs]"));
        assertEquals("silkgate.yaml: gateway.http-host: expected a string, found a list",
                fx.error("gateway: { http-host: [a] }"));
        fx.file("a.pem", "x");
        assertEquals("silkgate.yaml: trust[0].ocsp: expected true or false, found a string \"yes\"",
                fx.error("trust: [ { country: CN, anchors: a.pem, ocsp: yes } ]"));
        fx.file("k.p12", "x");
        assertEquals("silkgate.yaml: gateway.signing.alias: expected a string, found a number \"1\" (put the value in quotes)",
                fx.error("gateway: { signing: { keystore: k.p12, password: p, alias: 1 } }"));
    }

    @Test
    void brokerAndDatabaseUrls() {
        String brokerError = "silkgate.yaml: gateway.broker: must be \"embedded\" or a comma-separated list of tcp:// or"
                + " ssl:// URLs, e.g. tcp://broker-1:61616,tcp://broker-2:61616";
        assertEquals(brokerError, fx.error("gateway: { broker: \"http://broker:8161\" }"));
        assertEquals(brokerError, fx.error("gateway: { broker: \"tcp://a:61616,\" }"));
        assertEquals(brokerError, fx.error("gateway: { broker: broker-1 }"));
        assertEquals("tcp://broker_1:61616?sslEnabled=false",
                fx.load("gateway: { broker: \"tcp://broker_1:61616?sslEnabled=false\" }").gateway().broker());
        assertEquals("silkgate.yaml: gateway.database: must be \"embedded\" or a JDBC URL starting with \"jdbc:\"",
                fx.error("gateway: { database: \"postgresql://u:secret@db/x\" }"));
    }

    @Test
    void sizesAndDurationsMustHaveAValidForm() {
        assertEquals("silkgate.yaml: gateway.max-document-size: not a size; write e.g. 1048576, \"512KB\" or \"10MB\": \"ten\"",
                fx.error("gateway: { max-document-size: ten }"));
        assertEquals("silkgate.yaml: gateway.max-document-size: must be between 1 byte and 2147483647 bytes: 0",
                fx.error("gateway: { max-document-size: 0 }"));
        assertEquals("silkgate.yaml: gateway.max-document-size: must be between 1 byte and 2147483647 bytes: 4294967296",
                fx.error("gateway: { max-document-size: 4GB }"));
        assertEquals("silkgate.yaml: gateway.delivery.delay: a duration needs a unit, e.g. \"5s\" or \"5ms\"",
                fx.error("gateway: { delivery: { delay: 5 } }"));
        assertEquals("silkgate.yaml: gateway.delivery.timeout: not a duration; write e.g. \"500ms\", \"5s\", \"5m\","
                + " \"1h\" or ISO-8601 \"PT5S\": \"5 minutes\"", fx.error("gateway: { delivery: { timeout: 5 minutes } }"));
        assertEquals("silkgate.yaml: gateway.delivery.delay: must not be negative: \"-PT5S\"",
                fx.error("gateway: { delivery: { delay: -PT5S } }"));
    }

    @Test
    void retryPoliciesMustMakeSense() {
        assertEquals("silkgate.yaml: gateway.delivery.attempts: must be at least 1 (the first delivery counts): 0",
                fx.error("gateway: { delivery: { attempts: 0 } }"));
        assertEquals("silkgate.yaml: gateway.delivery.multiplier: must be at least 1.0: 0.5",
                fx.error("gateway: { delivery: { multiplier: 0.5 } }"));
        assertEquals("silkgate.yaml: gateway.delivery.max-delay: shorter than delay (1m)",
                fx.error("gateway: { delivery: { delay: 1m, max-delay: 30s } }"));
        assertEquals("silkgate.yaml: gateway.delivery.timeout: must be longer than zero",
                fx.error("gateway: { delivery: { timeout: 0s } }"));
        assertEquals("silkgate.yaml: partners[0].retry.delay: longer than max-delay (5m, from gateway.delivery)",
                fx.error("partners:\n  - { id: p, country: DE, format: ubl, " + REST + ", retry: { delay: 10m } }\n"));
    }

    @Test
    void keystoresAndOtherFilesMustExist() {
        fx.directory("adir");
        String missing = dir.resolve("keys/missing.p12").toString();
        assertEquals("silkgate.yaml: gateway.signing.keystore: file not found: \"" + missing + "\"",
                fx.error("gateway: { signing: { keystore: keys/missing.p12, password: p, alias: a } }"));
        assertEquals("silkgate.yaml: gateway.tls.keystore: is a directory, expected a file: \"" + dir.resolve("adir") + "\"",
                fx.error("gateway: { tls: { keystore: adir, password: p } }"));
        assertEquals("silkgate.yaml: gateway.signing.password: missing (required)",
                fx.errors("gateway: { signing: { keystore: adir, alias: a } }").get(1));
        assertEquals("silkgate.yaml: trust[0].anchors: no such file or directory: \"" + dir.resolve("nope") + "\"",
                fx.error("trust: [ { country: CN, anchors: nope } ]"));
        assertEquals("silkgate.yaml: trust[0].crl: file not found: \"" + dir.resolve("cn.crl") + "\"",
                fx.error("trust: [ { country: CN, anchors: adir, crl: cn.crl } ]"));
        assertEquals("silkgate.yaml: pint.trust: no such file or directory: \"" + dir.resolve("p") + "\"",
                fx.error("pint: { platform: CARX, trust: p, parties: [ { codeListProvider: CARX, partyCode: b } ] }"));
        assertEquals("silkgate.yaml: submitters[0].api-key-file: file not found: \"" + dir.resolve("acme.key") + "\"",
                fx.error("submitters: [ { id: acme, api-key-file: acme.key, parties: [\"VA:1\"] } ]"));
        fx.file("k.p12", "x");
        assertEquals("silkgate.yaml: submitters[0].client-certificate: file not found: \"" + dir.resolve("c.pem") + "\"",
                fx.error("gateway: { tls: { keystore: k.p12, password: p, client-auth: need } }\n"
                        + "submitters: [ { id: acme, client-certificate: c.pem, parties: [\"VA:1\"] } ]"));
    }

    @Test
    void dataDirMayNotBeAFile() {
        fx.file("data", "x");
        assertEquals("silkgate.yaml: gateway.data-dir: exists but is not a directory: \"" + dir.resolve("data") + "\"",
                fx.error("gateway: { data-dir: data }"));
    }

    @Test
    void tlsAndJmxChoices() {
        fx.file("k.p12", "x");
        assertEquals("silkgate.yaml: gateway.tls.client-auth: expected one of need, want, none, found \"required\"",
                fx.error("gateway: { tls: { keystore: k.p12, password: p, client-auth: required } }"));
        assertEquals("silkgate.yaml: gateway.jmx.password: missing (required when user is set)",
                fx.error("gateway: { jmx: { port: 9010, user: ops } }"));
        assertEquals("silkgate.yaml: gateway.jmx.user: missing (required when password is set)",
                fx.error("gateway: { jmx: { port: 9010, password: x } }"));
    }

    @Test
    void jolokiaIsOnlyOfferedBehindAUserAndPassword() {
        List<String> errors = fx.errors("gateway: { jolokia: { port: 8778 } }");
        assertTrue(errors.contains("silkgate.yaml: gateway.jolokia.user: missing (required)"), errors.toString());
        assertTrue(errors.contains("silkgate.yaml: gateway.jolokia.password: missing (required)"), errors.toString());
        assertEquals("silkgate.yaml: gateway.jolokia.password: missing (required when user is set)",
                fx.error("gateway: { jolokia: { port: 8778, user: ops } }"));
        assertEquals("silkgate.yaml: gateway.jolokia.port: same port as gateway.http-port (8080)",
                fx.error("gateway: { jolokia: { port: 8080, user: ops, password: x } }"));
    }

    // ---- submitters, signers, trust

    @Test
    void submittersNeedCredentialsAndParties() {
        fx.file("acme.key", "0123456789abcdef");
        fx.file("acme.pem", "x");
        assertEquals("silkgate.yaml: submitters[0]: needs api-key-file or client-certificate to authenticate",
                fx.error("submitters: [ { id: acme, parties: [\"VA:DE1\"] } ]"));
        assertEquals("silkgate.yaml: submitters[0].parties: missing (list at least one party, written scheme:identifier)",
                fx.error("submitters: [ { id: acme, api-key-file: acme.key } ]"));
        assertEquals("silkgate.yaml: submitters[0].parties[1]: not a party written scheme:identifier"
                        + " (e.g. \"VA:DE123456789\"): \"DE123456789\"",
                fx.error("submitters: [ { id: acme, api-key-file: acme.key, parties: [\"VA:DE1\", DE123456789] } ]"));
        assertEquals("silkgate.yaml: submitters[0].client-certificate: needs gateway.tls with client-auth need or want,"
                        + " or the certificate is never asked for",
                fx.error("submitters: [ { id: acme, client-certificate: acme.pem, parties: [\"VA:DE1\"] } ]"));
        assertEquals("silkgate.yaml: submitters[1].id: duplicate submitter id \"acme\" (first at submitters[0])",
                fx.errors("submitters:\n  - { id: acme, api-key-file: acme.key, parties: [\"VA:DE1\"] }\n"
                        + "  - { id: acme, client-certificate: acme.pem, parties: [\"VA:DE1\"] }\n").get(0));
        assertEquals("silkgate.yaml: submitters[1].api-key-file: same API key as submitters[0]; every submitter needs"
                        + " its own key",
                fx.error("submitters:\n  - { id: a, api-key-file: acme.key, parties: [\"VA:DE1\"] }\n"
                        + "  - { id: b, api-key-file: acme.key, parties: [\"VA:DE2\"] }\n"));
    }

    @Test
    void apiKeysMustBeUsable() {
        Path shortKey = fx.file("short.key", "abc\n");
        assertEquals("silkgate.yaml: submitters[0].api-key-file: the API key in \"" + shortKey
                        + "\" is shorter than 16 characters",
                fx.error("submitters: [ { id: a, api-key-file: short.key, parties: [\"VA:1\"] } ]"));
        Path empty = fx.file("empty.key", "  \n");
        assertEquals("silkgate.yaml: submitters[0].api-key-file: the API key in \"" + empty + "\" is empty",
                fx.error("submitters: [ { id: a, api-key-file: empty.key, parties: [\"VA:1\"] } ]"));
        Path two = fx.file("two.key", "0123456789abcdef\n0123456789abcdef\n");
        assertEquals("silkgate.yaml: submitters[0].api-key-file: the API key in \"" + two
                        + "\" must be one token without spaces or line breaks",
                fx.error("submitters: [ { id: a, api-key-file: two.key, parties: [\"VA:1\"] } ]"));
    }

    @Test
    void signerSubjectsMustBeDistinguishedNames() {
        assertEquals("silkgate.yaml: signers[0].subject: not an X.500 distinguished name (e.g. \"CN=Acme Signing,"
                        + " O=Acme, C=DE\"): \"Acme GmbH\"",
                fx.error("signers: [ { subject: Acme GmbH, parties: [\"VA:DE1\"] } ]"));
        assertEquals("silkgate.yaml: signers[0].parties: missing (list at least one party, written scheme:identifier)",
                fx.error("signers: [ { subject: \"CN=A, C=DE\", parties: [] } ]"));
        assertEquals("silkgate.yaml: signers[0].subject: missing (required)",
                fx.error("signers: [ { parties: [\"VA:DE1\"] } ]"));
    }

    @Test
    void trustCountriesAreUpperCaseAndUnique() {
        fx.file("a.pem", "x");
        assertEquals("silkgate.yaml: trust[0].country: not a two-letter upper-case country code (ISO 3166 alpha-2):"
                + " \"CHN\"", fx.error("trust: [ { country: CHN, anchors: a.pem } ]"));
        assertEquals("silkgate.yaml: trust[1].country: country CN already configured at trust[0]; put all its anchors"
                        + " in one directory",
                fx.error("trust:\n  - { country: CN, anchors: a.pem }\n  - { country: CN, anchors: a.pem }\n"));
    }

    // ---- partners and routing

    @Test
    void partnerIdsAreUniqueQueueNames() {
        assertEquals("silkgate.yaml: partners[1].id: duplicate partner id \"p1\"",
                fx.error("partners:\n" + partner("p1", "ubl") + partner("p1", "cii")));
        assertEquals("silkgate.yaml: partners[0].id: must be 1-63 characters of a-z, 0-9, '.', '_', '-', starting with a"
                        + " letter or digit (it names the queue silkgate.out.<id>): \"-p\"",
                fx.error("partners:\n" + partner("\"-p\"", "ubl")));
        String longId = "a".repeat(64);
        assertTrue(fx.error("partners:\n" + partner(longId, "ubl")).startsWith("silkgate.yaml: partners[0].id: must be"));
        assertEquals("a".repeat(63), fx.load("partners:\n" + partner("a".repeat(63), "ubl")).partners().get(0).id());
    }

    @Test
    void partnerFormatsComeFromTheContract() {
        assertEquals("silkgate.yaml: partners[0].format: unknown format \"xrechnung\" (expected one of: ubl, cii,"
                        + " peppol-bis3, pint-sg, pint-my, pint-ae, vn-tt78, id-coretax, dcsa-td3, dcsa-pint3, iftmcs,"
                        + " fiata-efbl)",
                fx.error("partners:\n" + partner("p", "xrechnung")));
        assertTrue(fx.error("partners:\n" + partner("p", "cn-fapiao")).contains("\"cn-fapiao\" is input-only"));
        assertEquals("silkgate.yaml: partners[0].format: a partner with endpoint type pint is a PINT receiver and only"
                        + " takes PINT envelopes: the format must be dcsa-pint3",
                fx.error("partners:\n  - { id: p, country: SG, format: dcsa-td3, endpoint: { type: pint, url: \"https://x/pint\" } }\n"));
        assertEquals("silkgate.yaml: partners[0].format: missing (required)",
                fx.error("partners:\n  - { id: p, country: SG, " + REST + " }\n"));
    }

    @Test
    void endpointsMustBeUsableUrls() {
        assertEquals("silkgate.yaml: partners[2].endpoint.url: not an absolute http(s) URL: \"foo\"",
                fx.error("partners:\n" + partner("a", "ubl") + partner("b", "ubl")
                        + "  - { id: c, country: DE, format: ubl, endpoint: { type: rest, url: foo } }\n"));
        assertEquals("silkgate.yaml: partners[0].endpoint.url: not an absolute http(s) URL: \"ftp://h/x\"",
                fx.error("partners:\n  - { id: c, country: DE, format: ubl, endpoint: { type: soap, url: \"ftp://h/x\" } }\n"));
        assertEquals("silkgate.yaml: partners[0].endpoint.url: not an absolute URI (it needs a scheme): \"queue.in\"",
                fx.error("partners:\n  - { id: c, country: DE, format: ubl, endpoint: { type: jms, url: queue.in } }\n"));
        assertEquals("silkgate.yaml: partners[0].endpoint.url: not a valid URI: \"http://h/a b\"",
                fx.error("partners:\n  - { id: c, country: DE, format: ubl, endpoint: { type: rest, url: \"http://h/a b\" } }\n"));
        assertEquals("silkgate.yaml: partners[0].endpoint.type: expected one of rest, soap, jms, pint, found \"REST\"",
                fx.error("partners:\n  - { id: c, country: DE, format: ubl, endpoint: { type: REST, url: \"http://h/\" } }\n"));
        assertEquals("silkgate.yaml: partners[0].endpoint: missing (required)",
                fx.error("partners:\n  - { id: c, country: DE, format: ubl }\n"));
        assertEquals("silkgate.yaml: partners[0].duplicates: expected reject or accept-and-flag, found \"ignore\"",
                fx.error("partners:\n  - { id: c, country: DE, format: ubl, " + REST + ", duplicates: ignore }\n"));
    }

    @Test
    void credentialsInEndpointUrlsAreNotRepeated() {
        String error = fx.error("partners:\n  - { id: c, country: DE, format: ubl, endpoint: { type: rest,"
                + " url: \"ftp://user:hunter2@h/x\" } }\n");
        assertEquals("silkgate.yaml: partners[0].endpoint.url: not an absolute http(s) URL: \"ftp://****@h/x\"", error);
    }

    @Test
    void routingMustNameDefinedPartnersOfTheRightFamily() {
        String partners = "partners:\n" + partner("inv", "ubl") + partner("bl", "dcsa-td3");
        assertEquals("silkgate.yaml: routing[0].to[1]: no partner with id \"nobody\" (defined: inv, bl)",
                fx.error(partners + "routing: [ { to: [inv, nobody] } ]"));
        assertEquals("silkgate.yaml: routing[0].to[0]: partner \"bl\" receives dcsa-td3 (family bill-of-lading) and"
                        + " cannot take invoice documents",
                fx.error(partners + "routing: [ { family: invoice, to: [bl] } ]"));
        assertEquals("silkgate.yaml: routing[0].to[0]: partner \"inv\" receives ubl (family invoice) and"
                        + " cannot take bill-of-lading documents",
                fx.error(partners + "routing: [ { format: dcsa-td3, to: [inv] } ]"));
        assertEquals("silkgate.yaml: routing[0].family: expected one of invoice, bill-of-lading, found \"invoices\"",
                fx.error(partners + "routing: [ { family: invoices, to: [inv] } ]"));
        assertEquals("silkgate.yaml: routing[0].format: \"iftmcs\" is output-only: no submitted document has this"
                        + " format, so the rule would never match",
                fx.error(partners + "routing: [ { format: iftmcs, to: [bl] } ]"));
        assertEquals("silkgate.yaml: routing[0].format: \"ubl\" belongs to family invoice but the rule is for family"
                        + " bill-of-lading, so it would never match",
                fx.error(partners + "routing: [ { family: bill-of-lading, format: ubl, to: [bl] } ]"));
        assertEquals("silkgate.yaml: routing[0].to: missing (required)", fx.error(partners + "routing: [ { to: [] } ]"));
        assertEquals("silkgate.yaml: routing[0].buyer-country: not a two-letter upper-case country code"
                + " (ISO 3166 alpha-2): \"Vietnam\"", fx.error(partners + "routing: [ { buyer-country: Vietnam, to: [inv] } ]"));
    }

    @Test
    void aBrokenPartnerDoesNotAlsoBreakEveryReferenceToIt() {
        List<String> errors = fx.errors("partners:\n  - { id: p, country: DE, format: nope, " + REST + " }\n"
                + "routing: [ { to: [p] } ]\n");
        assertEquals(1, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(0).startsWith("silkgate.yaml: partners[0].format: unknown format"));
    }

    // ---- PINT

    @Test
    void pintForwardingIsCheckedAgainstPartners() {
        fx.file("t.pem", "x");
        String partners = "partners:\n"
                + "  - { id: e1, country: SG, format: dcsa-pint3, endpoint: { type: pint, url: \"https://a/pint\" } }\n"
                + "  - { id: e2, country: SG, format: dcsa-pint3, endpoint: { type: pint, url: \"https://b/pint\" } }\n"
                + partner("inv", "ubl");
        String pint = "pint:\n  platform: CARX\n  trust: t.pem\n  parties: [ { codeListProvider: CARX, partyCode: b1 } ]\n";
        assertEquals("silkgate.yaml: pint.forward-to: at most one partner may receive the envelope itself (format"
                        + " dcsa-pint3), or the title would be transferred twice; found e1, e2",
                fx.error(partners + pint + "  forward-to: [e1, e2]\n"));
        assertEquals("silkgate.yaml: pint.forward-to[0]: no partner with id \"x\" (defined: e1, e2, inv)",
                fx.error(partners + pint + "  forward-to: [x]\n"));
        assertEquals("silkgate.yaml: pint.forward-to[0]: partner \"inv\" receives ubl (family invoice) and"
                        + " cannot take bill-of-lading documents",
                fx.error(partners + pint + "  forward-to: [inv]\n"));
        assertEquals("silkgate.yaml: pint.forward-recipient: missing (required when a forward-to partner receives"
                        + " the envelope itself: the party on its platform the gateway transfers the eBL to)",
                fx.error(partners + pint + "  forward-to: [e2]\n"));
        assertEquals(List.of("e2"), fx.load(partners + pint + "  forward-to: [e2]\n  forward-recipient: { partyName: B,"
                + " eblPlatform: SGTD, codeListProvider: SGTD, partyCode: b2 }\n").pint().forwardTo());
    }

    @Test
    void pintNeedsPlatformTrustAndParties() {
        fx.file("t.pem", "x");
        List<String> errors = fx.errors("pint: { trust: t.pem, parties: [] }");
        assertEquals(List.of("silkgate.yaml: pint.platform: missing (required)",
                "silkgate.yaml: pint.parties: missing (list at least one party this gateway receives eBLs for)"), errors);
        assertEquals("silkgate.yaml: pint.parties[0].partyCode: missing (required)",
                fx.error("pint: { platform: CARX, trust: t.pem, parties: [ { codeListProvider: CARX } ] }"));
    }
}
