package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SampleOcspResponder;
import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleXmlSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation by OCSP (hard-fail) in the running gateway, detached CMS signatures at intake and the evidence kept:
 * a CN trust entry with the sample root plus a test root whose signers name an in-process OCSP responder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class SignatureEvidenceIT {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2036-01-01T00:00:00Z");

    @TempDir
    static Path dataDir;

    private final StubPartner customs = new StubPartner(StubPartner.Mode.ACCEPT);
    private final IssuedCertificate root = CertificateIssuer.selfSignedRoot("CN=IT OCSP Root,O=Test,C=CN",
            CertificateIssuer.ecKeyPair("secp256r1"), START, END);
    private final IssuedCertificate ca = CertificateIssuer.issueCa(root, "CN=IT OCSP CA,O=Test,C=CN",
            CertificateIssuer.ecKeyPair("secp256r1"), START, END);
    private final SampleOcspResponder responder = SampleOcspResponder.start(ca);
    private GatewayProcess gateway;

    @BeforeAll
    void startGateway() throws IOException {
        Path anchors = Files.createDirectories(dataDir.resolve("trust-cn"));
        Files.writeString(anchors.resolve("sample-root.pem"),
                CertificateIssuer.toPem(SamplePki.certificate("cn/root-ca.pem")));
        Files.writeString(anchors.resolve("it-root.pem"), CertificateIssuer.toPem(root.certificate()));
        gateway = new GatewayProcess(dataDir, "partners:\n"
                + GatewayProcess.partner("vn-customs", customs, "")
                + "routing:\n"
                + "  - { family: invoice, buyer-country: VN, to: [vn-customs] }\n")
                .trust("  - { country: CN, anchors: trust-cn, crl: pki/cn/issuing-ca.crl, ocsp: true,"
                        + " revocation-timeout: 2s }\n");
        gateway.start();
    }

    @AfterAll
    void stopEverything() throws Exception {
        CloseAll.of(gateway, responder, customs);
    }

    private IssuedCertificate signer(String name) {
        return CertificateIssuer.issueEndEntity(ca, "CN=" + name + ",O=Test,C=CN",
                CertificateIssuer.ecKeyPair("secp256r1"), START, END, responder.url(), null);
    }

    private static byte[] invoiceSignedBy(IssuedCertificate signer) {
        String number = "CN-SZ-IT-EV-" + UUID.randomUUID().toString().substring(0, 8);
        String xml = new String(SamplePki.document("invoice-cn-vn.xml"), StandardCharsets.UTF_8)
                .replace("CN-SZ-2026-0001", number);
        return SampleXmlSigner.signEnveloped(xml.getBytes(StandardCharsets.UTF_8), signer);
    }

    private JsonNode evidence(String id) {
        HttpAnswer answer = gateway.get("/api/v1/documents/" + id + "/evidence");
        assertEquals(200, answer.status(), answer::toString);
        return answer.json();
    }

    @Test
    void acceptedDocumentKeepsReportPathAndHash() {
        byte[] invoice = Samples.freshSignedInvoice("evidence");

        HttpAnswer answer = gateway.submit(invoice, "application/xml");

        assertEquals(202, answer.status(), answer::toString);
        JsonNode evidence = evidence(answer.json().path("id").asText());
        assertEquals(Samples.sha256Hex(invoice), evidence.path("sha256").asText());
        assertTrue(evidence.path("originalIntact").asBoolean(), evidence::toString);
        JsonNode signature = evidence.path("report").path("signatures").get(0);
        assertTrue(signature.path("valid").asBoolean(), evidence::toString);
        assertEquals("good", signature.path("revocation").asText(), "the CRL file still answers: " + evidence);
        String pem = evidence.path("certificatePath").asText();
        assertEquals(3, pem.split("-----BEGIN CERTIFICATE-----").length - 1, pem);
        assertTrue(pem.startsWith(CertificateIssuer.toPem(SamplePki.certificate("cn/exporter-shenzhen.pem"))), pem);
    }

    @Test
    void ocspGoodIsAccepted() {
        HttpAnswer answer = gateway.submit(invoiceSignedBy(signer("IT Good Signer")), "application/xml");

        assertEquals(202, answer.status(), answer::toString);
        JsonNode signature = evidence(answer.json().path("id").asText()).path("report").path("signatures").get(0);
        assertEquals("good", signature.path("revocation").asText(), signature::toString);
    }

    @Test
    void ocspRevokedIsRejectedAndTheEvidenceSaysWhy() {
        IssuedCertificate revoked = signer("IT Revoked Signer");
        responder.revoke(revoked.certificate(), Instant.now().minus(Duration.ofDays(1)));

        HttpAnswer answer = gateway.submit(invoiceSignedBy(revoked), "application/xml");

        assertEquals(422, answer.status(), answer::toString);
        assertEquals("CERTIFICATE_REVOKED", answer.json().path("code").asText(), answer::toString);
        JsonNode evidence = evidence(answer.json().path("id").asText());
        assertEquals("CERTIFICATE_REVOKED", evidence.path("report").path("signatures").get(0).path("code").asText());
        assertEquals("revoked", evidence.path("report").path("signatures").get(0).path("revocation").asText());
    }

    @Test
    void unknownToTheResponderIsRejectedUnderHardFail() {
        IssuedCertificate unknown = signer("IT Unknown Signer");
        responder.markUnknown(unknown.certificate());

        HttpAnswer answer = gateway.submit(invoiceSignedBy(unknown), "application/xml");

        assertEquals(422, answer.status(), answer::toString);
        assertEquals("CERTIFICATE_UNTRUSTED", answer.json().path("code").asText(), answer::toString);
        assertTrue(answer.json().path("detail").asText().contains("revocation status"), answer::toString);
    }

    // ---- detached CMS at intake (multipart/form-data: document + signature)

    private static byte[] unsignedInvoice() {
        String number = "CN-SZ-IT-CMS-" + UUID.randomUUID().toString().substring(0, 8);
        return new String(SamplePki.document("invoice-cn-vn.xml"), StandardCharsets.UTF_8)
                .replace("CN-SZ-2026-0001", number).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] detachedCms(IssuedCertificate signer, byte[] content) throws Exception {
        String algorithm = "EC".equals(signer.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder(algorithm).build(signer.privateKey()), signer.certificate()));
        generator.addCertificates(new JcaCertStore(signer.chain().subList(0, signer.chain().size() - 1)));
        return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
    }

    private HttpAnswer submitForm(byte[] document, byte[] signature) {
        String boundary = "silkgate-it-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"i.xml\""
                + "\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        form.writeBytes(document);
        if (signature != null) {
            form.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"signature\";"
                    + " filename=\"i.xml.p7s\"\r\nContent-Type: application/pkcs7-signature\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            form.writeBytes(signature);
        }
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return gateway.submit(form.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    @Test
    void detachedCmsOverTheDocumentIsVerifiedAtIntake() throws Exception {
        byte[] invoice = unsignedInvoice();
        byte[] cms = detachedCms(SamplePki.load("cn/exporter-shenzhen"), invoice);

        HttpAnswer answer = submitForm(invoice, cms);

        assertEquals(202, answer.status(), answer::toString);
        assertEquals(Samples.sha256Hex(invoice), answer.json().path("sha256").asText());
        JsonNode evidence = evidence(answer.json().path("id").asText());
        JsonNode signature = evidence.path("report").path("signatures").get(0);
        assertTrue(signature.path("valid").asBoolean(), evidence::toString);
        assertEquals("SHA256withRSA", signature.path("algorithm").asText());
        assertEquals("good", signature.path("revocation").asText());
        assertEquals(Base64.getEncoder().encodeToString(cms),
                evidence.path("report").path("detachedSignature").asText());
    }

    @Test
    void detachedCmsOverOtherBytesIsSignatureInvalid() throws Exception {
        byte[] invoice = unsignedInvoice();
        byte[] cms = detachedCms(SamplePki.load("cn/exporter-shenzhen"), invoice);
        byte[] altered = new String(invoice, StandardCharsets.UTF_8).replace("Hanoi", "Hanoj")
                .getBytes(StandardCharsets.UTF_8);

        HttpAnswer answer = submitForm(altered, cms);

        assertEquals(422, answer.status(), answer::toString);
        assertEquals("SIGNATURE_INVALID", answer.json().path("code").asText(), answer::toString);
    }

    @Test
    void detachedCmsUsesTheSameRevocationChecks() throws Exception {
        IssuedCertificate revoked = signer("IT CMS Revoked Signer");
        responder.revoke(revoked.certificate(), Instant.now().minus(Duration.ofDays(1)));
        byte[] invoice = unsignedInvoice();

        HttpAnswer answer = submitForm(invoice, detachedCms(revoked, invoice));
        HttpAnswer untrusted = submitForm(invoice, detachedCms(SamplePki.load("rogue/exporter-impostor"), invoice));

        assertEquals("CERTIFICATE_REVOKED", answer.json().path("code").asText(), answer::toString);
        assertEquals("CERTIFICATE_UNTRUSTED", untrusted.json().path("code").asText(), untrusted::toString);
    }

    @Test
    void formWithoutASignaturePartIsMalformed() {
        HttpAnswer answer = submitForm(unsignedInvoice(), null);

        assertEquals(400, answer.status(), answer::toString);
        assertEquals("MALFORMED", answer.json().path("code").asText(), answer::toString);
    }

    @Test
    void unknownDocumentHasNoEvidence() {
        assertEquals(404, gateway.get("/api/v1/documents/" + UUID.randomUUID() + "/evidence").status());
    }
}
