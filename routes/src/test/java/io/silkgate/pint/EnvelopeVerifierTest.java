package io.silkgate.pint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import io.silkgate.schemas.SecureJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnvelopeVerifierTest {

    private static PintFixture fx;
    private static EnvelopeVerifier verifier;

    @BeforeAll
    static void keys() {
        fx = new PintFixture();
        verifier = fx.verifier(TransportDocumentCheck.NONE);
    }

    @Test
    void aWellSignedChainToAPartyServedHerePasses() {
        byte[] doc = "%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII);
        CheckedEnvelope e = verifier.check(fx.toBank(List.of(PintFixture.document(doc, "invoice.pdf"))));
        assertEquals(fx.tdChecksum, e.transportDocumentChecksum());
        assertEquals("WAVE", e.senderPlatform());
        assertEquals(2, e.chain().size());
        assertEquals("SGTST0001234", e.transportDocumentReference());
        assertEquals(List.of(PintChecksums.ofBytes(doc)), e.documents().stream().map(DeclaredDocument::checksum).toList());
        assertEquals("CN=WAVE,O=PINT Test,C=SG", e.lastEntry().signer());
    }

    @Test
    void aTamperedTransportDocumentIsBenv() {
        ObjectNode envelope = (ObjectNode) SecureJson.parse(fx.toBank(List.of()));
        ((ObjectNode) envelope.get("transportDocument")).put("transportDocumentReference", "SGTST0009999");
        assertCode(PintResponseCode.BENV, "transportDocumentChecksum", envelope);
    }

    @Test
    void aManifestSignedByAnUntrustedKeyIsBsig() {
        String first = fx.issueEntry(fx.td);
        String last = fx.waveEntry(first, PintFixture.BANK, "2026-03-03T10:00:00.000Z");
        String manifest = EnvelopeWriter.manifest(PintFixture.signer(fx.rogue), fx.tdChecksum, last, List.of());
        assertCode(PintResponseCode.BSIG, "envelopeManifestSignedContent",
                SecureJson.parse(EnvelopeWriter.envelope(fx.td, manifest, List.of(first, last))));
    }

    @Test
    void anEarlierEntrySignedByAnUntrustedKeyIsBsig() {
        String issuance = EnvelopeWriter.issuanceManifest(PintFixture.signer(fx.carrier), fx.tdChecksum,
                PintFixture.SHIPPER);
        String first = EnvelopeWriter.chainEntry(PintFixture.signer(fx.rogue), "BOLE", fx.tdChecksum, null, issuance,
                List.of(EnvelopeWriter.transaction("ISSUE", PintFixture.CARRIER, PintFixture.SHIPPER, "2026-03-02T08:00:00Z"),
                        EnvelopeWriter.transaction("TRANSFER", PintFixture.SHIPPER, PintFixture.CONSIGNEE, "2026-03-02T09:00:00Z")));
        byte[] envelope = fx.envelope(List.of(first, fx.waveEntry(first, PintFixture.BANK, "2026-03-03T10:00:00Z")),
                List.of());
        assertCode(PintResponseCode.BSIG, "envelopeTransferChain[0]", SecureJson.parse(envelope));
    }

    @Test
    void anIssuanceManifestNotSignedByATrustedCarrierIsBsig() {
        String issuance = EnvelopeWriter.issuanceManifest(PintFixture.signer(fx.rogue), fx.tdChecksum,
                PintFixture.SHIPPER);
        String first = EnvelopeWriter.chainEntry(PintFixture.signer(fx.bole), "BOLE", fx.tdChecksum, null, issuance,
                List.of(EnvelopeWriter.transaction("ISSUE", PintFixture.CARRIER, PintFixture.SHIPPER, "2026-03-02T08:00:00Z"),
                        EnvelopeWriter.transaction("TRANSFER", PintFixture.SHIPPER, PintFixture.CONSIGNEE, "2026-03-02T09:00:00Z")));
        byte[] envelope = fx.envelope(List.of(first, fx.waveEntry(first, PintFixture.BANK, "2026-03-03T10:00:00Z")),
                List.of());
        assertCode(PintResponseCode.BSIG, "issuanceManifestSignedContent", SecureJson.parse(envelope));
    }

    @Test
    void anIssuanceManifestForAnotherHolderIsBenv() {
        String issuance = EnvelopeWriter.issuanceManifest(PintFixture.signer(fx.carrier), fx.tdChecksum,
                PintFixture.CONSIGNEE);
        String first = EnvelopeWriter.chainEntry(PintFixture.signer(fx.bole), "BOLE", fx.tdChecksum, null, issuance,
                List.of(EnvelopeWriter.transaction("ISSUE", PintFixture.CARRIER, PintFixture.SHIPPER, "2026-03-02T08:00:00Z"),
                        EnvelopeWriter.transaction("TRANSFER", PintFixture.SHIPPER, PintFixture.CONSIGNEE, "2026-03-02T09:00:00Z")));
        byte[] envelope = fx.envelope(List.of(first, fx.waveEntry(first, PintFixture.BANK, "2026-03-03T10:00:00Z")),
                List.of());
        assertCode(PintResponseCode.BENV, "issueToChecksum", SecureJson.parse(envelope));
    }

    @Test
    void aBrokenChainLinkIsBenv() {
        String first = fx.issueEntry(fx.td);
        String unrelated = fx.issueEntry(fx.td); // same content, new signature: another checksum
        String last = fx.waveEntry(unrelated, PintFixture.BANK, "2026-03-03T10:00:00Z");
        assertCode(PintResponseCode.BENV, "previousEnvelopeTransferChainEntrySignedContentChecksum",
                SecureJson.parse(fx.envelope(List.of(first, last), List.of())));
    }

    @Test
    void aManifestThatNamesAnotherLastEntryIsBenv() {
        String first = fx.issueEntry(fx.td);
        String last = fx.waveEntry(first, PintFixture.BANK, "2026-03-03T10:00:00Z");
        String manifest = EnvelopeWriter.manifest(PintFixture.signer(fx.wave), fx.tdChecksum, first, List.of());
        assertCode(PintResponseCode.BENV, "lastEnvelopeTransferChainEntrySignedContentChecksum",
                SecureJson.parse(EnvelopeWriter.envelope(fx.td, manifest, List.of(first, last))));
    }

    @Test
    void aRecipientNotServedHereIsBenv() {
        String first = fx.issueEntry(fx.td);
        assertCode(PintResponseCode.BENV, "not a party served here", SecureJson.parse(fx.envelope(
                List.of(first, fx.waveEntry(first, PintFixture.OTHER_BANK, "2026-03-03T10:00:00Z")), List.of())));
        JsonNode elsewhere = EnvelopeWriter.party("Example Bank", "IQAX", "CARX", "bank-0007");
        assertCode(PintResponseCode.BENV, "platform \"IQAX\"", SecureJson.parse(fx.envelope(
                List.of(first, fx.waveEntry(first, elsewhere, "2026-03-03T10:00:00Z")), List.of())));
    }

    @Test
    void aChainThatDoesNotStartWithIssueIsBenv() {
        String issuance = EnvelopeWriter.issuanceManifest(PintFixture.signer(fx.carrier), fx.tdChecksum,
                PintFixture.SHIPPER);
        String first = EnvelopeWriter.chainEntry(PintFixture.signer(fx.bole), "BOLE", fx.tdChecksum, null, issuance,
                List.of(EnvelopeWriter.transaction("TRANSFER", PintFixture.SHIPPER, PintFixture.CONSIGNEE, "2026-03-02T09:00:00Z")));
        assertCode(PintResponseCode.BENV, "first transaction must be ISSUE", SecureJson.parse(fx.envelope(
                List.of(first, fx.waveEntry(first, PintFixture.BANK, "2026-03-03T10:00:00Z")), List.of())));
    }

    @Test
    void aSurrenderToSomeoneOtherThanTheCarrierIsBenv() {
        String first = fx.issueEntry(fx.td);
        String last = EnvelopeWriter.chainEntry(PintFixture.signer(fx.wave), "WAVE", fx.tdChecksum, first, null,
                List.of(EnvelopeWriter.transaction("SURRENDER_FOR_DELIVERY", PintFixture.CONSIGNEE, PintFixture.BANK,
                        "2026-03-03T10:00:00Z")));
        assertCode(PintResponseCode.BENV, "issuing carrier", SecureJson.parse(fx.envelope(List.of(first, last),
                List.of())));
    }

    @Test
    void transportDocumentRulesAnswerBenvWithTheReasons() {
        EnvelopeVerifier strict = fx.verifier(td -> List.of("numberOfOriginals must be 1", "issueDate missing"));
        PintRejection r = assertThrows(PintRejection.class, () -> strict.check(fx.toBank(List.of())));
        assertEquals(PintResponseCode.BENV, r.code());
        assertTrue(r.reason().contains("numberOfOriginals must be 1; issueDate missing"), r.reason());
    }

    @Test
    void notJsonIsBenv() {
        PintRejection r = assertThrows(PintRejection.class,
                () -> verifier.check("{\"transportDocument\": {".getBytes(StandardCharsets.UTF_8)));
        assertEquals(PintResponseCode.BENV, r.code());
    }

    @Test
    void algNoneHmacRemoteKeysAndCriticalHeadersAreBsig() throws JOSEException {
        String first = fx.issueEntry(fx.td);
        byte[] payload = SecureJson.parse(EnvelopeWriter.bytes(SecureJson.parse(
                new Base64URL(fx.waveEntry(first, PintFixture.BANK, "2026-03-03T10:00:00Z").split("\\.")[1]).decode())))
                .toString().getBytes(StandardCharsets.UTF_8);
        String none = Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(payload) + ".";
        assertCode(PintResponseCode.BSIG, "none", SecureJson.parse(withLast(first, none)));

        JWSObject hmac = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(payload));
        hmac.sign(new MACSigner(new byte[32]));
        assertCode(PintResponseCode.BSIG, "HS256", SecureJson.parse(withLast(first, hmac.serialize())));

        ECDSASigner wave = new ECDSASigner(fx.wave.privateKey(), com.nimbusds.jose.jwk.Curve.P_256);
        JWSObject jku = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .jwkURL(URI.create("https://keys.example/jwks")).build(), new Payload(payload));
        jku.sign(wave);
        assertCode(PintResponseCode.BSIG, "jku", SecureJson.parse(withLast(first, jku.serialize())));

        JWSObject crit = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).customParam("exp-x", 1)
                .criticalParams(Set.of("exp-x")).build(), new Payload(payload));
        crit.sign(wave);
        assertCode(PintResponseCode.BSIG, "critical", SecureJson.parse(withLast(first, crit.serialize())));

        JWSObject unknownKid = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("wave-2019").build(),
                new Payload(payload));
        unknownKid.sign(wave);
        assertCode(PintResponseCode.BSIG, "kid wave-2019", SecureJson.parse(withLast(first, unknownKid.serialize())));
    }

    @Test
    void keysAreSelectedByKidOrTriedInTurnWithoutOne() throws JOSEException {
        String first = fx.issueEntry(fx.td);
        byte[] payload = new Base64URL(fx.waveEntry(first, PintFixture.BANK, "2026-03-03T10:00:00Z").split("\\.")[1])
                .decode();
        ECDSASigner wave = new ECDSASigner(fx.wave.privateKey(), com.nimbusds.jose.jwk.Curve.P_256);
        for (JWSHeader header : List.of(new JWSHeader(JWSAlgorithm.ES256),
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("wave").build())) {
            JWSObject jws = new JWSObject(header, new Payload(payload));
            jws.sign(wave);
            CheckedEnvelope e = verifier.check(withLast(first, jws.serialize()));
            assertEquals("CN=WAVE,O=PINT Test,C=SG", e.lastEntry().signer());
        }
    }

    private byte[] withLast(String first, String last) {
        String manifest = EnvelopeWriter.manifest(PintFixture.signer(fx.wave), fx.tdChecksum, last, List.of());
        return EnvelopeWriter.envelope(fx.td, manifest, List.of(first, last));
    }

    // ---- signers: which key may sign for which platform and carrier

    /** Signer rules for the fixture's three keys: what BOLE, WAVE and the carrier may each sign for. */
    private static EnvelopeVerifier withPlatformSigners(String bole, String wave, String carrier) {
        return withSigners(java.util.Map.of("CN=BOLE,O=PINT Test,C=SG", Set.of(bole),
                "CN=WAVE,O=PINT Test,C=SG", Set.of(wave), "CN=Carrier,O=PINT Test,C=SG", Set.of(carrier)));
    }

    private static EnvelopeVerifier withSigners(java.util.Map<String, Set<String>> rules) {
        return new EnvelopeVerifier(fx.trust(), "CARX", Set.of(new ServedParty("CARX", "bank-0007")),
                TransportDocumentCheck.NONE, 1_000_000, new io.silkgate.verify.SignerRules(rules));
    }

    @Test
    void platformsAndCarrierSigningForThemselvesPass() {
        EnvelopeVerifier authorised = withPlatformSigners("EBL:BOLE", "EBL:WAVE", "SMDG:SGCL");

        assertEquals("WAVE", authorised.check(fx.toBank(List.of())).senderPlatform());
    }

    @Test
    void aTrustedPlatformKeySigningForAnotherPlatformIsBsig() {
        // WAVE's key is trusted, but only BOLE's entries may carry it: an entry naming BOLE signed by WAVE is refused
        EnvelopeVerifier authorised = withPlatformSigners("EBL:BOLE", "EBL:BOLE", "SMDG:SGCL");

        PintRejection r = assertThrows(PintRejection.class, () -> authorised.check(fx.toBank(List.of())));
        assertEquals(PintResponseCode.BSIG, r.code(), r.reason());
        assertTrue(r.reason().contains("EBL:WAVE"), r.reason());
    }

    @Test
    void anIssuanceManifestSignedByAKeyNotAllowedForTheCarrierIsBsig() {
        EnvelopeVerifier authorised = withPlatformSigners("EBL:BOLE", "EBL:WAVE", "SMDG:MAEU");

        PintRejection r = assertThrows(PintRejection.class, () -> authorised.check(fx.toBank(List.of())));
        assertEquals(PintResponseCode.BSIG, r.code(), r.reason());
        assertTrue(r.reason().contains("issuanceManifestSignedContent") && r.reason().contains("SMDG:SGCL"),
                r.reason());
    }

    @Test
    void signerRulesWithoutEblPartiesLeavePintAlone() {
        EnvelopeVerifier invoiceRulesOnly = withSigners(java.util.Map.of("CN=Someone,C=DE", Set.of("VA:DE1")));

        assertEquals("WAVE", invoiceRulesOnly.check(fx.toBank(List.of())).senderPlatform());
    }

    private static void assertCode(PintResponseCode code, String reasonPart, JsonNode envelope) {
        PintRejection r = assertThrows(PintRejection.class, () -> verifier.check(envelope));
        assertEquals(code, r.code(), r.reason());
        assertTrue(r.reason().contains(reasonPart), r.reason());
    }
}
