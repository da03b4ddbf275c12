package io.silkgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.pint.EnvelopeWriter;
import io.silkgate.pint.JwsPayloadSigner;
import io.silkgate.pint.PintChecksums;
import io.silkgate.pint.PintJws;
import io.silkgate.pint.PintSigner;
import io.silkgate.pint.PintTrust;
import io.silkgate.schemas.SecureJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * DCSA PINT envelopes for a gateway that receives for bank-0007 on platform CARX: a carrier issues an eBL on BOLE,
 * which passes it to WAVE, which transfers it to the bank. Each instance has its own keys; {@link #writeTrust}
 * puts their certificates where the gateway's {@code pint.trust} reads them.
 */
final class PintEnvelopes {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2036-01-01T00:00:00Z");
    private static final JsonNode CARRIER = EnvelopeWriter.party("Silk Lines Pte Ltd", "BOLE", "SMDG", "SGCL");
    private static final JsonNode SHIPPER = EnvelopeWriter.party("Shenzhen Lighting", "BOLE", "BOLE", "shipper-001");
    private static final JsonNode CONSIGNEE = EnvelopeWriter.party("Hanoi Lamps JSC", "WAVE", "WAVE", "consignee-042");
    static final JsonNode BANK = EnvelopeWriter.party("Example Bank", "CARX", "CARX", "bank-0007");

    /** The {@code pint:} section of a gateway configuration that receives these envelopes. */
    static final String PINT_YAML = "pint:\n"
            + "  platform: CARX\n"
            + "  trust: pint-trust\n"
            + "  parties: [ { codeListProvider: CARX, partyCode: bank-0007 } ]\n";

    private final IssuedCertificate carrier = issue("Carrier", CertificateIssuer.rsaKeyPair(2048));
    private final IssuedCertificate bole = issue("BOLE", CertificateIssuer.ecKeyPair("secp256r1"));
    private final IssuedCertificate wave = issue("WAVE", CertificateIssuer.ecKeyPair("secp256r1"));

    /** Writes the trusted certificates to {@code gatewayDataDir/pint-trust}. */
    void writeTrust(Path gatewayDataDir) {
        try {
            Path trust = Files.createDirectories(gatewayDataDir.resolve("pint-trust"));
            Files.writeString(trust.resolve("carrier.pem"), CertificateIssuer.toPem(carrier.certificate()));
            Files.writeString(trust.resolve("bole.pem"), CertificateIssuer.toPem(bole.certificate()));
            Files.writeString(trust.resolve("wave.pem"), CertificateIssuer.toPem(wave.certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample transport document under another reference: an eBL no other test has used. */
    static JsonNode transportDocument(String reference) {
        try (InputStream in = PintEnvelopes.class.getClassLoader()
                .getResourceAsStream("samples/pint/transport-document.json")) {
            ObjectNode td = (ObjectNode) SecureJson.parse(in.readAllBytes());
            td.put("transportDocumentReference", reference);
            return td;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first chain entry: issued by the carrier to the shipper, endorsed to the consignee on BOLE. */
    String issueEntry(JsonNode td) {
        String checksum = PintChecksums.ofJson(td);
        String issuance = EnvelopeWriter.issuanceManifest(signer(carrier), checksum, SHIPPER);
        return EnvelopeWriter.chainEntry(signer(bole), "BOLE", checksum, null, issuance, List.of(
                EnvelopeWriter.transaction("ISSUE", CARRIER, SHIPPER, "2026-03-02T08:00:00.000Z"),
                EnvelopeWriter.transaction("TRANSFER", SHIPPER, CONSIGNEE, "2026-03-02T09:00:00.000Z")));
    }

    /** An envelope from WAVE: the issue entry, then the consignee's transfer to the bank at {@code at}. */
    byte[] transferToBank(JsonNode td, String issueEntry, String at) {
        String checksum = PintChecksums.ofJson(td);
        String entry = EnvelopeWriter.chainEntry(signer(wave), "WAVE", checksum, issueEntry, null,
                List.of(EnvelopeWriter.transaction("TRANSFER", CONSIGNEE, BANK, at)));
        return EnvelopeWriter.envelope(td, EnvelopeWriter.manifest(signer(wave), checksum, entry, List.of()),
                List.of(issueEntry, entry));
    }

    /** The response code of a signed verdict, verified with the gateway's (sample) signing certificate. */
    static String responseCode(String answerBody) {
        String jws = SecureJson.parse(answerBody.getBytes(StandardCharsets.UTF_8)).asText();
        return PintJws.verify(jws, new PintTrust(List.of(PintTrust.of(SamplePki.load("silkgate/gateway")
                .certificate(), "gateway"))), "verdict").payload().path("responseCode").asText();
    }

    private static IssuedCertificate issue(String name, java.security.KeyPair keys) {
        return CertificateIssuer.selfSignedRoot("CN=" + name + ",O=Cluster IT,C=SG", keys, START, END);
    }

    private static PintSigner signer(IssuedCertificate c) {
        return new JwsPayloadSigner(c.privateKey(), c.certificate());
    }
}
