package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.gateway.demo.PintPlatformStub;
import io.silkgate.ledger.LedgerDatabase;
import io.silkgate.pint.DeclaredDocument;
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
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway as a DCSA PINT receiver (platform CARX, for bank-0007) that passes accepted eBLs on to a
 * PINT partner (platform SGTD, a real receiver behind a small HTTP server): RECE with a document upload, then
 * DUPE, DISE, BENV and BSIG, each verified as a signed verdict with the gateway's certificate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class PintIT {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2036-01-01T00:00:00Z");
    private static final JsonNode CARRIER = EnvelopeWriter.party("Silk Lines Pte Ltd", "BOLE", "SMDG", "SGCL");
    private static final JsonNode SHIPPER = EnvelopeWriter.party("Shenzhen Lighting", "BOLE", "BOLE", "shipper-001");
    private static final JsonNode CONSIGNEE = EnvelopeWriter.party("Hanoi Lamps JSC", "WAVE", "WAVE", "consignee-042");
    private static final JsonNode BANK = EnvelopeWriter.party("Example Bank", "CARX", "CARX", "bank-0007");

    @TempDir
    static Path dataDir;
    @TempDir
    static Path partnerDir;

    private final IssuedCertificate carrier = issue("Carrier", CertificateIssuer.rsaKeyPair(2048));
    private final IssuedCertificate bole = issue("BOLE", CertificateIssuer.ecKeyPair("secp256r1"));
    private final IssuedCertificate wave = issue("WAVE", CertificateIssuer.ecKeyPair("secp256r1"));
    private final IssuedCertificate sgtd = issue("SGTD", CertificateIssuer.ecKeyPair("secp256r1"));
    private final IssuedCertificate rogue = issue("Rogue", CertificateIssuer.ecKeyPair("secp256r1"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> partnerAccepted = Collections.synchronizedList(new ArrayList<>());
    private JsonNode td;
    private String tdChecksum;
    private String firstEntry;
    private byte[] accepted;
    private LedgerDatabase partnerDb;
    private PintPlatformStub partner;
    private GatewayProcess gateway;

    @BeforeAll
    void start() throws Exception {
        try (InputStream in = PintIT.class.getClassLoader().getResourceAsStream("samples/pint/transport-document.json")) {
            td = SecureJson.parse(in.readAllBytes());
        }
        tdChecksum = PintChecksums.ofJson(td);
        Path trust = Files.createDirectories(dataDir.resolve("pint-trust"));
        List<String> names = List.of("carrier", "bole", "wave", "sgtd");
        List<IssuedCertificate> trusted = List.of(carrier, bole, wave, sgtd);
        for (int i = 0; i < names.size(); i++) {
            Files.writeString(trust.resolve(names.get(i) + ".pem"), CertificateIssuer.toPem(trusted.get(i).certificate()));
        }
        partnerDb = LedgerDatabase.open(LedgerDatabase.embeddedUrl(partnerDir), null, null);
        PintTrust partnerTrust = new PintTrust(List.of(PintTrust.of(carrier.certificate(), "carrier"),
                PintTrust.of(bole.certificate(), "bole"), PintTrust.of(wave.certificate(), "wave"),
                PintTrust.of(SamplePki.load("silkgate/gateway").certificate(), "carx")));
        PintReceiver receiver = new PintReceiver(new EnvelopeVerifier(partnerTrust, "SGTD",
                Set.of(new ServedParty("SGTD", "bank-sg-01")), TransportDocumentCheck.NONE, 1_000_000),
                new PintChainStore(partnerDb.dataSource(), Clock.systemUTC()), signer(sgtd), t -> {
                    partnerAccepted.add(t.envelope());
                    return "x";
                });
        partner = new PintPlatformStub(receiver);
        gateway = new GatewayProcess(dataDir, "partners:\n"
                + "  - { id: sg-ebl, country: SG, format: dcsa-pint3, endpoint: { type: pint, url: \""
                + partner.baseUri() + "\" },"
                + " retry: { attempts: 5, delay: 500ms, max-delay: 1s } }\n"
                + "pint:\n"
                + "  platform: CARX\n"
                + "  trust: pint-trust\n"
                + "  parties: [ { codeListProvider: CARX, partyCode: bank-0007 } ]\n"
                + "  forward-to: [sg-ebl]\n"
                + "  forward-recipient: { partyName: Example Bank SG, eblPlatform: SGTD, codeListProvider: SGTD,"
                + " partyCode: bank-sg-01 }\n");
        gateway.start();
    }

    @AfterAll
    void stop() throws Exception {
        CloseAll.of(gateway, partner, partnerDb);
    }

    @Test
    @Order(1)
    void anEnvelopeWithADocumentIsReceivedAndPassedOnToThePintPartner() throws Exception {
        byte[] doc = "%PDF-1.7 commercial invoice SGTST0001234".getBytes(StandardCharsets.US_ASCII);
        DeclaredDocument declared = new DeclaredDocument(PintChecksums.ofBytes(doc), doc.length, "invoice.pdf",
                "application/pdf");
        firstEntry = issueEntry();
        accepted = envelope(List.of(firstEntry, waveEntry(BANK, "2026-03-03T10:00:00.000Z")), List.of(declared),
                signer(wave));

        Answer started = call("POST", "/pint/v3/envelopes", new String(accepted, StandardCharsets.UTF_8));
        assertEquals(201, started.status(), started.body());
        JsonNode body = SecureJson.parse(started.body().getBytes(StandardCharsets.UTF_8));
        String ref = body.path("envelopeReference").asText();
        assertEquals(declared.checksum(), body.path("missingAdditionalDocumentChecksums").get(0).asText());

        Answer uploaded = call("PUT", "/pint/v3/envelopes/" + ref + "/additional-documents/" + declared.checksum(),
                "\"" + Base64.getEncoder().encodeToString(doc) + "\"");
        assertEquals(204, uploaded.status(), uploaded.body());
        Answer finished = call("PUT", "/pint/v3/envelopes/" + ref + "/finish-transfer", null);
        assertEquals(200, finished.status(), finished.body());
        assertEquals("RECE", verdict(finished).path("responseCode").asText());

        JsonNode document = gateway.awaitDocument(io.silkgate.pint.PintHandover.documentIdOf(ref), "delivered to the PINT partner",
                d -> "DELIVERED".equals(d.path("status").asText()), Duration.ofSeconds(60));
        assertEquals("dcsa-pint3", document.path("format").asText());
        assertEquals(1, partnerAccepted.size());
        JsonNode forwarded = SecureJson.parse(partnerAccepted.get(0).getBytes(StandardCharsets.UTF_8));
        JsonNode chain = forwarded.path("envelopeTransferChain");
        assertEquals(3, chain.size(), "the gateway appended its own entry");
        List<String> received = new ArrayList<>();
        SecureJson.parse(accepted).path("envelopeTransferChain").forEach(n -> received.add(n.asText()));
        assertEquals(received.get(0), chain.get(0).asText(), "received entries travel byte-exact");
        assertEquals(received.get(1), chain.get(1).asText(), "received entries travel byte-exact");
    }

    @Test
    @Order(2)
    void theSameEnvelopeAgainIsADuplicate() throws Exception {
        Answer again = call("POST", "/pint/v3/envelopes", new String(accepted, StandardCharsets.UTF_8));
        assertEquals(200, again.status(), again.body());
        assertEquals("DUPE", verdict(again).path("responseCode").asText());
    }

    @Test
    @Order(3)
    void aForkOfTheChainIsADoubleSpend() throws Exception {
        byte[] fork = envelope(List.of(firstEntry, waveEntry(BANK, "2026-03-04T08:00:00.000Z")), List.of(),
                signer(wave));
        Answer dise = call("POST", "/pint/v3/envelopes", new String(fork, StandardCharsets.UTF_8));
        assertEquals(409, dise.status(), dise.body());
        assertEquals("DISE", verdict(dise).path("responseCode").asText());
    }

    @Test
    @Order(4)
    void aTamperedTransportDocumentIsBenvAndAnUntrustedManifestIsBsig() throws Exception {
        ObjectNode tampered = (ObjectNode) SecureJson.parse(accepted);
        ((ObjectNode) tampered.get("transportDocument")).put("transportDocumentReference", "SGTST0009999");
        Answer benv = call("POST", "/pint/v3/envelopes", tampered.toString());
        assertEquals(422, benv.status(), benv.body());
        assertEquals("BENV", verdict(benv).path("responseCode").asText());

        byte[] untrusted = envelope(List.of(firstEntry, waveEntry(BANK, "2026-03-05T08:00:00.000Z")), List.of(),
                signer(rogue));
        Answer bsig = call("POST", "/pint/v3/envelopes", new String(untrusted, StandardCharsets.UTF_8));
        assertEquals(422, bsig.status(), bsig.body());
        assertEquals("BSIG", verdict(bsig).path("responseCode").asText());
        assertTrue(verdict(bsig).path("reason").asText().contains("envelopeManifestSignedContent"));
    }

    private String issueEntry() {
        String issuance = EnvelopeWriter.issuanceManifest(signer(carrier), tdChecksum, SHIPPER);
        return EnvelopeWriter.chainEntry(signer(bole), "BOLE", tdChecksum, null, issuance, List.of(
                EnvelopeWriter.transaction("ISSUE", CARRIER, SHIPPER, "2026-03-02T08:00:00.000Z"),
                EnvelopeWriter.transaction("TRANSFER", SHIPPER, CONSIGNEE, "2026-03-02T09:00:00.000Z")));
    }

    private String waveEntry(JsonNode recipient, String at) {
        return EnvelopeWriter.chainEntry(signer(wave), "WAVE", tdChecksum, firstEntry, null,
                List.of(EnvelopeWriter.transaction("TRANSFER", CONSIGNEE, recipient, at)));
    }

    private byte[] envelope(List<String> chain, List<DeclaredDocument> documents, PintSigner manifestSigner) {
        return EnvelopeWriter.envelope(td, EnvelopeWriter.manifest(manifestSigner, tdChecksum,
                chain.get(chain.size() - 1), documents), chain);
    }

    /** A signed verdict, verified with the gateway's signing certificate as a sending platform would. */
    private static JsonNode verdict(Answer a) {
        String jws = SecureJson.parse(a.body().getBytes(StandardCharsets.UTF_8)).asText();
        return PintJws.verify(jws, new PintTrust(List.of(PintTrust.of(SamplePki.load("silkgate/gateway")
                .certificate(), "gateway"))), "verdict").payload();
    }

    private Answer call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.baseUri().resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    private record Answer(int status, String body) {
    }

    private static IssuedCertificate issue(String name, java.security.KeyPair keys) {
        return CertificateIssuer.selfSignedRoot("CN=" + name + ",O=PINT IT,C=SG", keys, START, END);
    }

    private static PintSigner signer(IssuedCertificate c) {
        return new JwsPayloadSigner(c.privateKey(), c.certificate());
    }
}
