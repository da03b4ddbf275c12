package io.silkgate.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.ledger.LedgerDatabase;
import io.silkgate.pint.EnvelopeVerifier;
import io.silkgate.pint.EnvelopeWriter;
import io.silkgate.pint.JwsPayloadSigner;
import io.silkgate.pint.PintChainStore;
import io.silkgate.pint.PintChecksums;
import io.silkgate.pint.PintJws;
import io.silkgate.pint.PintReceiver;
import io.silkgate.pint.PintSigner;
import io.silkgate.pint.PintTrust;
import io.silkgate.pint.ServedParty;
import io.silkgate.pint.TransportDocumentCheck;
import io.silkgate.schemas.SecureJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The bill-of-lading part of the demo: a Chinese eBL platform (CNPT) hands an eBL to this gateway (platform SILK)
 * over DCSA PINT; the gateway passes the eBL on to a Singapore platform (SGPT, a real PINT receiver) and gives
 * Singapore customs an IFTMCS data copy. Then the replay, a double spend and a tampered document are refused.
 */
final class PintDemo implements AutoCloseable {

    static final String PLATFORM = "SILK";

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2036-01-01T00:00:00Z");
    private static final JsonNode CARRIER = EnvelopeWriter.party("Silk Road Container Line", "CNPT", "SMDG", "SLK");
    private static final JsonNode SHIPPER =
            EnvelopeWriter.party("Shanghai Sample Information Technology Co., Ltd.", "CNPT", "CNPT", "shipper-0603");
    private static final JsonNode HOLDER =
            EnvelopeWriter.party("Lion City Example Trading Pte. Ltd.", PLATFORM, PLATFORM, "lion-city-01");

    private final IssuedCertificate carrier = issue("Silk Road Container Line", CertificateIssuer.rsaKeyPair(2048));
    private final IssuedCertificate chinesePlatform = issue("CNPT eBL platform", CertificateIssuer.ecKeyPair("secp256r1"));
    private final IssuedCertificate singaporePlatform = issue("SGPT eBL platform",
            CertificateIssuer.ecKeyPair("secp256r1"));
    private final List<String> acceptedInSingapore = new CopyOnWriteArrayList<>();
    private final HttpClient http;
    private final JsonNode td = SecureJson.parse(SamplePki.document("bl-cn-sg.json"));
    private final String tdChecksum = PintChecksums.ofJson(td);
    private final LedgerDatabase singaporeDb;
    private final PintPlatformStub singapore;
    private final Path trustDir;

    /** @param http how the Chinese platform reaches the gateway (over TLS with its client certificate, or not) */
    PintDemo(Path dataDir, HttpClient http) throws IOException {
        this.http = http;
        trustDir = Files.createDirectories(dataDir.resolve("pint-trust"));
        Files.writeString(trustDir.resolve("carrier.pem"), CertificateIssuer.toPem(carrier.certificate()));
        Files.writeString(trustDir.resolve("cnpt.pem"), CertificateIssuer.toPem(chinesePlatform.certificate()));
        Files.writeString(trustDir.resolve("sgpt.pem"), CertificateIssuer.toPem(singaporePlatform.certificate()));
        singaporeDb = LedgerDatabase.open(LedgerDatabase.embeddedUrl(
                Files.createDirectories(dataDir.resolve("sgpt-platform"))), null, null);
        // the Singapore platform trusts the carrier, the Chinese platform and this gateway (the demo's sample key)
        PintTrust singaporeTrust = new PintTrust(List.of(PintTrust.of(carrier.certificate(), "carrier"),
                PintTrust.of(chinesePlatform.certificate(), "cnpt"),
                PintTrust.of(SamplePki.load("silkgate/gateway").certificate(), "silk")));
        PintReceiver receiver = new PintReceiver(new EnvelopeVerifier(singaporeTrust, "SGPT",
                Set.of(new ServedParty("SGPT", "bank-sg-01")), TransportDocumentCheck.DCSA_STRUCTURE, 10_000_000),
                new PintChainStore(singaporeDb.dataSource(), Clock.systemUTC()), signer(singaporePlatform), t -> {
                    acceptedInSingapore.add(t.envelope());
                    return t.envelopeReference();
                });
        singapore = new PintPlatformStub(receiver);
    }

    /** The Singapore platform as a partner of the demo gateway. */
    String partnerYaml() {
        return "  - { id: sg-ebl, country: SG, format: dcsa-pint3, endpoint: { type: pint, url: \"" + singapore.baseUri()
                + "\" } }\n";
    }

    /** The {@code pint:} section: receive for the holder, pass the eBL on to SGPT, a data copy to customs. */
    String pintYaml() {
        return "pint:\n"
                + "  platform: " + PLATFORM + "\n"
                + "  trust: " + trustDir.getFileName() + "\n"
                + "  parties: [ { codeListProvider: " + PLATFORM + ", partyCode: lion-city-01 } ]\n"
                + "  forward-to: [sg-ebl, sg-customs]\n"
                + "  forward-recipient: { partyName: Example Bank SG, eblPlatform: SGPT, codeListProvider: SGPT,"
                + " partyCode: bank-sg-01 }\n";
    }

    /** Submits the four envelopes and waits for the eBL and its data copy to arrive. */
    List<Outcome> run(URI gateway, StubPartner customs, Duration timeout) throws IOException, InterruptedException {
        String first = issueEntry("2026-06-03T09:00:00.000Z");
        byte[] transfer = envelope(List.of(first));
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(submit(gateway, "eBL CNPT → gateway → SGPT", transfer, 200, "RECE"));
        outcomes.add(submit(gateway, "same envelope again", transfer, 200, "DUPE"));
        // the Chinese platform hands the same eBL over a second time: a double spend
        byte[] fork = envelope(List.of(issueEntry("2026-06-04T09:00:00.000Z")));
        outcomes.add(submit(gateway, "forked chain (double spend)", fork, 409, "DISE"));
        ObjectNode tampered = (ObjectNode) SecureJson.parse(transfer);
        ((ObjectNode) tampered.path("transportDocument").path("consignmentItems").get(0).path("cargoItems").get(0)
                .path("cargoGrossWeight")).put("value", 124.0);
        outcomes.add(submit(gateway, "tampered transport document", tampered.toString()
                .getBytes(StandardCharsets.UTF_8), 422, "BENV"));

        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && (acceptedInSingapore.isEmpty() || customs.received().isEmpty())) {
            Thread.sleep(200);
        }
        int chainLength = acceptedInSingapore.isEmpty() ? 0
                : SecureJson.parse(acceptedInSingapore.get(0).getBytes(StandardCharsets.UTF_8))
                        .path("envelopeTransferChain").size();
        outcomes.add(new Outcome("eBL accepted by the SG platform", "RECE, chain of 2",
                acceptedInSingapore.isEmpty() ? "nothing" : "RECE, chain of " + chainLength,
                acceptedInSingapore.size() == 1 && chainLength == 2));
        boolean copied = customs.received().stream().anyMatch(r -> "iftmcs".equals(r.format()) && r.status() == 200
                && r.signatureValid());
        outcomes.add(new Outcome("IFTMCS data copy to SG customs", "iftmcs, signed", customs.received().isEmpty()
                ? "nothing" : customs.received().get(0).format() + (copied ? ", signed" : ""), copied));
        return outcomes;
    }

    private Outcome submit(URI gateway, String name, byte[] envelope, int status, String code)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/pint/v3/envelopes"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        String got = response.statusCode() + " " + verdict(response.body());
        String expected = status + " " + code;
        return new Outcome(name, expected, got, expected.equals(got));
    }

    // the gateway's answer is a JWS signed with its key; the demo checks it as a sending platform would
    private static String verdict(String body) {
        try {
            String jws = SecureJson.parse(body.getBytes(StandardCharsets.UTF_8)).asText();
            return PintJws.verify(jws, new PintTrust(List.of(PintTrust.of(SamplePki.load("silkgate/gateway")
                    .certificate(), "silk"))), "verdict").payload().path("responseCode").asText("?");
        } catch (RuntimeException e) {
            return "unsigned answer";
        }
    }

    // entry 0 on the Chinese platform: the carrier issues to the shipper, who transfers to the holder served here
    private String issueEntry(String transferredAt) {
        String issuance = EnvelopeWriter.issuanceManifest(signer(carrier), tdChecksum, SHIPPER);
        return EnvelopeWriter.chainEntry(signer(chinesePlatform), "CNPT", tdChecksum, null, issuance, List.of(
                EnvelopeWriter.transaction("ISSUE", CARRIER, SHIPPER, "2026-06-03T08:00:00.000Z"),
                EnvelopeWriter.transaction("TRANSFER", SHIPPER, HOLDER, transferredAt)));
    }

    private byte[] envelope(List<String> chain) {
        String manifest = EnvelopeWriter.manifest(signer(chinesePlatform), tdChecksum, chain.get(chain.size() - 1),
                List.of());
        return EnvelopeWriter.envelope(td, manifest, chain);
    }

    private static IssuedCertificate issue(String name, KeyPair keys) {
        return CertificateIssuer.selfSignedRoot("CN=" + name + ",O=Silkgate demo,C=SG", keys, START, END);
    }

    private static PintSigner signer(IssuedCertificate c) {
        return new JwsPayloadSigner(c.privateKey(), c.certificate());
    }

    @Override
    public void close() {
        singapore.close();
        singaporeDb.close();
    }

    /** One line of the demo's bill-of-lading table. */
    record Outcome(String name, String expected, String got, boolean ok) {
    }
}
