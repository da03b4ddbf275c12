package io.silkgate.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.silkgate.certs.SamplePki;
import io.silkgate.ledger.Evidence;
import io.silkgate.schemas.SecureXml;
import io.silkgate.verify.CertificatePathValidator;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.VerificationResult;
import io.silkgate.verify.XmlSignatureVerifier;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureEvidenceTest {

    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    private final XmlSignatureVerifier verifier = new XmlSignatureVerifier(new CertificatePathValidator());
    private final TrustAnchors cn = TrustAnchors.of(List.of(SamplePki.certificate("cn/root-ca.pem")),
            List.of(SamplePki.crl("cn/issuing-ca.crl")));

    private Evidence evidenceOf(String sample) {
        VerificationResult result = verifier.verify(SecureXml.parse(SamplePki.document(sample)), (e, s) -> cn, AT);
        return SignatureEvidence.of("doc", result, AT);
    }

    @Test
    void validSignatureKeepsTheReportAndTheWholePathAsPem() throws Exception {
        Evidence evidence = evidenceOf("invoice-cn-vn.signed.xml");

        JsonNode report = new ObjectMapper().readTree(evidence.report());
        assertTrue(report.path("ok").asBoolean());
        JsonNode signature = report.path("signatures").get(0);
        assertTrue(signature.path("valid").asBoolean());
        assertEquals("good", signature.path("revocation").asText());
        assertEquals(3, signature.path("certificatePath").size());
        List<X509Certificate> path = parse(evidence.certificatePath());
        assertEquals(SamplePki.certificate("cn/exporter-shenzhen.pem"), path.get(0));
        assertEquals(SamplePki.certificate("cn/root-ca.pem"), path.get(2));
    }

    @Test
    void rejectedSignatureKeepsTheCodeAndTheSignerCertificate() throws Exception {
        Evidence evidence = evidenceOf("invoice-cn-vn.revoked.xml");

        JsonNode report = new ObjectMapper().readTree(evidence.report());
        assertEquals("CERTIFICATE_REVOKED", report.path("signatures").get(0).path("code").asText());
        assertEquals("CERTIFICATE_REVOKED", report.path("errors").get(0).path("code").asText());
        assertEquals(SamplePki.certificate("cn/exporter-revoked.pem"), parse(evidence.certificatePath()).get(0));
    }

    @Test
    void unsignedDocumentHasAReportButNoCertificates() throws Exception {
        Evidence evidence = evidenceOf("invoice-cn-vn.xml");

        assertEquals("SIGNATURE_MISSING",
                new ObjectMapper().readTree(evidence.report()).path("errors").get(0).path("code").asText());
        assertNull(evidence.certificatePath());
    }

    private static List<X509Certificate> parse(String pem) throws Exception {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) c);
        }
        return certificates;
    }
}
