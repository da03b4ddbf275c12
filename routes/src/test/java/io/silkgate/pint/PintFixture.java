package io.silkgate.pint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.schemas.SecureJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Really signed PINT material for tests: a carrier (RSA, PS256), the platforms BOLE and WAVE (EC, ES256) that hand
 * the eBL on, the receiving gateway (CARX, EC) and a rogue key nobody trusts. Keys are generated per fixture.
 */
final class PintFixture {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2036-01-01T00:00:00Z");

    static final ObjectNode CARRIER = EnvelopeWriter.party("Silk Lines Pte Ltd", "BOLE", "SMDG", "SGCL");
    static final ObjectNode SHIPPER = EnvelopeWriter.party("Shenzhen Lighting Export Co.", "BOLE", "BOLE", "shipper-001");
    static final ObjectNode CONSIGNEE = EnvelopeWriter.party("Hanoi Lamps JSC", "WAVE", "WAVE", "consignee-042");
    static final ObjectNode BANK = EnvelopeWriter.party("Example Bank", "CARX", "CARX", "bank-0007");
    static final ObjectNode OTHER_BANK = EnvelopeWriter.party("Another Bank", "CARX", "CARX", "bank-0099");

    final IssuedCertificate carrier = issue("Carrier", CertificateIssuer.rsaKeyPair(2048));
    final IssuedCertificate bole = issue("BOLE", CertificateIssuer.ecKeyPair("secp256r1"));
    final IssuedCertificate wave = issue("WAVE", CertificateIssuer.ecKeyPair("secp256r1"));
    final IssuedCertificate gateway = issue("CARX", CertificateIssuer.ecKeyPair("secp256r1"));
    final IssuedCertificate rogue = issue("Rogue", CertificateIssuer.ecKeyPair("secp256r1"));
    final JsonNode td = load("samples/pint/transport-document.json");
    final String tdChecksum = PintChecksums.ofJson(td);

    static IssuedCertificate issue(String name, java.security.KeyPair keys) {
        return CertificateIssuer.selfSignedRoot("CN=" + name + ",O=PINT Test,C=SG", keys, START, END);
    }

    static PintSigner signer(IssuedCertificate c) {
        return new JwsPayloadSigner(c.privateKey(), c.certificate());
    }

    /** What the receiver trusts: carrier and both platforms, not the rogue key. */
    PintTrust trust() {
        return new PintTrust(List.of(PintTrust.of(carrier.certificate(), "carrier"),
                PintTrust.of(bole.certificate(), "bole"), PintTrust.of(wave.certificate(), "wave")));
    }

    /** What a sender trusts to check the gateway's signed answers. */
    PintTrust receiverTrust() {
        return new PintTrust(List.of(PintTrust.of(gateway.certificate(), "carx")));
    }

    EnvelopeVerifier verifier(TransportDocumentCheck rules) {
        return new EnvelopeVerifier(trust(), "CARX", Set.of(new ServedParty("CARX", "bank-0007")), rules, 1_000_000);
    }

    /** Entry 0 on BOLE: the carrier issues to the shipper, who transfers to the consignee on WAVE. */
    String issueEntry(JsonNode td) {
        String checksum = PintChecksums.ofJson(td);
        String issuance = EnvelopeWriter.issuanceManifest(signer(carrier), checksum, SHIPPER);
        return EnvelopeWriter.chainEntry(signer(bole), "BOLE", checksum, null, issuance, List.of(
                EnvelopeWriter.transaction("ISSUE", CARRIER, SHIPPER, "2026-03-02T08:00:00.000Z"),
                EnvelopeWriter.transaction("TRANSFER", SHIPPER, CONSIGNEE, "2026-03-02T09:00:00.000Z")));
    }

    /** Entry 1 on WAVE: the consignee transfers to {@code recipient}. */
    String waveEntry(String previous, JsonNode recipient, String at) {
        return EnvelopeWriter.chainEntry(signer(wave), "WAVE", tdChecksum, previous, null, List.of(
                EnvelopeWriter.transaction("TRANSFER", CONSIGNEE, recipient, at)));
    }

    /** An envelope sent by WAVE with this chain and these declared documents. */
    byte[] envelope(List<String> chain, List<DeclaredDocument> documents) {
        String manifest = EnvelopeWriter.manifest(signer(wave), tdChecksum, chain.get(chain.size() - 1), documents);
        return EnvelopeWriter.envelope(td, manifest, chain);
    }

    /** The common case: BOLE → WAVE → the bank served at CARX. */
    byte[] toBank(List<DeclaredDocument> documents) {
        String first = issueEntry(td);
        return envelope(List.of(first, waveEntry(first, BANK, "2026-03-03T10:00:00.000Z")), documents);
    }

    /** BOLE → WAVE → the bank, for another transport document (another eBL). */
    byte[] toBank(JsonNode otherTd) {
        String checksum = PintChecksums.ofJson(otherTd);
        String first = issueEntry(otherTd);
        String last = EnvelopeWriter.chainEntry(signer(wave), "WAVE", checksum, first, null, List.of(
                EnvelopeWriter.transaction("TRANSFER", CONSIGNEE, BANK, "2026-03-03T10:00:00.000Z")));
        return EnvelopeWriter.envelope(otherTd, EnvelopeWriter.manifest(signer(wave), checksum, last, List.of()),
                List.of(first, last));
    }

    static DeclaredDocument document(byte[] content, String name) {
        return new DeclaredDocument(PintChecksums.ofBytes(content), content.length, name, "application/pdf");
    }

    static JsonNode load(String resource) {
        try (InputStream in = PintFixture.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return SecureJson.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> plus(List<String> chain, String entry) {
        List<String> longer = new ArrayList<>(chain);
        longer.add(entry);
        return longer;
    }
}
