package io.silkgate.pint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.silkgate.ledger.LedgerDatabase;
import io.silkgate.schemas.SecureJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks against published material, opt-in with {@code -Dsilkgate.ebl-examples=DIR}: the RFC 8785 checksum of
 * the DCSA PINT example transport document, and a set of independently generated, really signed PINT vectors
 * (another implementation's signer against this verifier), each with the response code it must get.
 */
@EnabledIfSystemProperty(named = "silkgate.ebl-examples", matches = ".+")
class PintExamplesTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("silkgate.ebl-examples", "."));
    private static final Path VECTORS = EXAMPLES.resolve("synthetic-pint-vectors");

    @TempDir
    Path dir;

    @Test
    void theDcsaExampleTransportDocumentHasTheIndependentlyComputedChecksum() throws Exception {
        JsonNode envelope = SecureJson.parse(Files.readAllBytes(
                EXAMPLES.resolve("dcsa-pint-3.0.0/envelope-request.regularSTD.json")));
        assertEquals("7be082114ba3783e20d92bd305f784b483d66fa6a53130d891e67fcddfd04644",
                PintChecksums.ofJson(envelope.get("transportDocument")));
    }

    @Test
    void syntheticVectorsGetTheirExpectedResponseCodes() throws Exception {
        PintTrust trust = jwks();
        JsonNode expected = SecureJson.parse(Files.readAllBytes(VECTORS.resolve("EXPECTED.json")));
        byte[] document = Files.readAllBytes(VECTORS.resolve("supporting-document.invoice.pdf.bin"));
        // two receiving platforms, each with its own history
        try (LedgerDatabase waveDb = LedgerDatabase.open(LedgerDatabase.embeddedUrl(dir.resolve("wave")), null, null);
                LedgerDatabase carxDb = LedgerDatabase.open(LedgerDatabase.embeddedUrl(dir.resolve("carx")), null, null)) {
            PintSigner signer = PintFixture.signer(new PintFixture().gateway);
            List<String> handedOver = new ArrayList<>();
            PintReceiver wave = new PintReceiver(new EnvelopeVerifier(trust, "WAVE",
                    Set.of(new ServedParty("WAVE", "consignee-042")), TransportDocumentCheck.NONE, 1_000_000),
                    new PintChainStore(waveDb.dataSource(), Clock.systemUTC()), signer,
                    t -> "doc-" + handedOver.add(t.envelopeReference()));
            PintReceiver carx = new PintReceiver(new EnvelopeVerifier(trust, "CARX",
                    Set.of(new ServedParty("CARX", "bank-007")), TransportDocumentCheck.NONE, 1_000_000),
                    new PintChainStore(carxDb.dataSource(), Clock.systemUTC()), signer,
                    t -> "doc-" + handedOver.add(t.envelopeReference()));

            assertEquals(expected.path("transportDocumentChecksum").asText(), PintChecksums.ofJson(
                    SecureJson.parse(read("01-envelope-BOLE-to-WAVE.valid.json")).get("transportDocument")));
            assertEquals("RECE", code(wave.start(read("01-envelope-BOLE-to-WAVE.valid.json"))));

            PintAnswer started = carx.start(read("02-envelope-WAVE-to-CARX.valid-with-document.json"));
            assertEquals(201, started.status());
            JsonNode body = SecureJson.parse(started.body().getBytes(StandardCharsets.UTF_8));
            String missing = body.path("missingAdditionalDocumentChecksums").get(0).asText();
            assertEquals("9bec8cbf2615276fe1366ed814b55c215f71e1f80b4db82ef627b0bc5449709f", missing);
            byte[] upload = ("\"" + Base64.getEncoder().encodeToString(document) + "\"")
                    .getBytes(StandardCharsets.US_ASCII);
            assertEquals(204, carx.additionalDocument(body.path("envelopeReference").asText(), missing, upload)
                    .status());
            assertEquals("RECE", code(carx.finish(body.path("envelopeReference").asText())));

            assertEquals("DUPE", code(carx.start(read("03-envelope-WAVE-to-CARX.duplicate-of-02.json"))));
            assertEquals("BENV", code(carx.start(read("04-envelope.td-tampered.json"))));
            assertEquals("BENV", code(carx.start(read("05-envelope.broken-chain-link.json"))));
            assertEquals("BSIG", code(carx.start(read("06-envelope.manifest-signed-by-unknown-key.json"))));
            assertEquals("DISE", code(carx.start(read("07-envelope.forked-chain-double-spend.json"))));
            String algNone = code(carx.start(read("08-envelope.alg-none-entry.json")));
            assertTrue(Set.of("BSIG", "BENV").contains(algNone), algNone);
            assertEquals(2, handedOver.size());
        }
    }

    private static String code(PintAnswer answer) {
        return answer.code() == null ? "HTTP " + answer.status() : answer.code().name();
    }

    private static byte[] read(String name) throws Exception {
        return Files.readAllBytes(VECTORS.resolve(name));
    }

    private static PintTrust jwks() throws Exception {
        List<TrustedKey> keys = new ArrayList<>();
        for (JWK jwk : JWKSet.parse(Files.readString(VECTORS.resolve("trusted-public-keys.jwks.json"))).getKeys()) {
            try {
                keys.add(PintTrust.ofKey(jwk.getKeyID(), ((AsymmetricJWK) jwk).toPublicKey()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return new PintTrust(keys);
    }
}
