package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleXmlSigner;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.SecureXml;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.XMLSignature;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

class XmlSignatureVerifierTest {

    private static final String SHENZHEN = "CN=Shenzhen Sample Exporter Co. Ltd,O=Shenzhen Sample Exporter Co. Ltd,C=CN";

    private final XmlSignatureVerifier verifier = new XmlSignatureVerifier(new CertificatePathValidator());
    private final TrustAnchors cn = TestPki.sample("cn");

    @Test
    void sampleSignedInvoiceIsValidAgainstTheChineseAnchors() {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.signed.xml"));

        VerificationResult result = verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertTrue(result.ok(), () -> result.toString());
        assertNull(result.firstFailure());
        SignatureReport report = result.signatures().get(0);
        assertEquals(SHENZHEN, report.signer());
        assertEquals(SignatureMethod.RSA_SHA256, report.algorithm());
        assertTrue(report.coversDocument());
        assertEquals(List.of(SHENZHEN,
                "CN=Silkgate Sample CN Issuing CA,O=Silkgate Samples,C=CN",
                "CN=Silkgate Sample CN Root CA,O=Silkgate Samples,C=CN"), report.certificatePath());
        assertEquals(RevocationStatus.GOOD, report.revocation());
        assertEquals("good", report.revocation().json());
        assertSame(document.getDocumentElement(), result.signedElement());
    }

    @Test
    void withoutCrlsTheRevocationIsNotChecked() {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.signed.xml"));
        TrustAnchors rootOnly = TrustAnchors.of(List.of(SamplePki.certificate("cn/root-ca.pem")), List.of());

        VerificationResult result = verifier.verify(document, (element, signer) -> rootOnly, TestPki.AT);

        assertTrue(result.ok());
        assertEquals(RevocationStatus.NOT_CHECKED, result.signatures().get(0).revocation());
    }

    @Test
    void tamperedInvoiceFailsOnTheDocumentDigestAndNeverReachesTrust() {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.tampered.xml"));
        AtomicInteger trustAsked = new AtomicInteger();

        VerificationResult result = verifier.verify(document, (element, signer) -> {
            trustAsked.incrementAndGet();
            return cn;
        }, TestPki.AT);

        assertFalse(result.ok());
        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.signatures().get(0).message().contains("digest of Reference URI=\"\""),
                result.signatures().get(0).message());
        assertEquals("SIGNATURE_INVALID", result.errors().get(0).code());
        assertNull(result.signedElement());
        assertEquals(0, trustAsked.get());
    }

    @Test
    void changedSignatureValueIsReportedAsSuch() {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.signed.xml"));
        Node value = document.getElementsByTagNameNS(XMLSignature.XMLNS, "SignatureValue").item(0);
        String text = value.getTextContent().replace("\n", "");
        value.setTextContent((text.charAt(0) == 'A' ? "B" : "A") + text.substring(1));

        VerificationResult result = verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.signatures().get(0).message().contains("SignatureValue does not verify"),
                result.signatures().get(0).message());
    }

    @Test
    void impostorUnderAnUntrustedRootIsUntrusted() {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.untrusted.xml"));

        VerificationResult result = verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.firstFailure());
        SignatureReport report = result.signatures().get(0);
        assertFalse(report.valid());
        // Same subject as the real exporter: only the path tells them apart.
        assertEquals(SHENZHEN, report.signer());
        assertTrue(report.coversDocument());
    }

    @Test
    void unsignedInvoiceIsMissingItsSignature() {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.xml"));

        VerificationResult result = verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertFalse(result.ok());
        assertEquals(ErrorCode.SIGNATURE_MISSING, result.firstFailure());
        assertTrue(result.signatures().isEmpty());
    }

    @Test
    void revokedSignerIsRevoked() {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.revoked.xml"));

        VerificationResult result = verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_REVOKED, result.firstFailure());
        assertEquals(RevocationStatus.REVOKED, result.signatures().get(0).revocation());
        assertEquals(3, result.signatures().get(0).certificatePath().size());
    }

    @Test
    void anchorsOfAnotherCountryDoNotVouchForTheSigner() {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.signed.xml"));
        TrustAnchors vietnam = TestPki.sample("vn");

        VerificationResult result = verifier.verify(document, (element, signer) -> vietnam, TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.firstFailure());
    }

    @Test
    void noAnchorsForTheSignerIsUntrustedWithAReason() {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.signed.xml"));

        VerificationResult result = verifier.verify(document, (element, signer) -> TrustAnchors.empty(), TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.firstFailure());
        assertTrue(result.signatures().get(0).message().startsWith("no trust anchors configured for"));
    }

    @Test
    void trustSelectorSeesTheSignedRootAndTheSigner() {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.signed.xml"));
        List<String> seen = new ArrayList<>();

        verifier.verify(document, (element, signer) -> {
            seen.add(element.getLocalName() + " " + signer.getSubjectX500Principal().getName());
            return cn;
        }, TestPki.AT);

        assertEquals(List.of("Invoice " + SHENZHEN), seen);
    }

    @Test
    void expiredSignerIsExpired() throws Exception {
        TestPki pki = new TestPki("Expiry");
        IssuedCertificate expired = pki.endEntity("Expired Signer", TestPki.ec(),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
        Document document = SecureXml.parse(
                SampleXmlSigner.signEnveloped(SamplePki.document("invoice-cn-vn.xml"), expired));

        VerificationResult result = verifier.verify(document, (element, signer) -> pki.anchors(), TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, result.firstFailure());
        assertTrue(result.signatures().get(0).message().contains("expired"), result.signatures().get(0).message());
        // The same document was fine while the certificate was valid.
        assertTrue(verifier.verify(document, (element, signer) -> pki.anchors(),
                Instant.parse("2026-01-15T00:00:00Z")).ok());
    }

    @Test
    void ecdsaSignatureIsVerified() {
        TestPki pki = new TestPki("Ec");
        IssuedCertificate signer = pki.endEntity("EC Signer");
        Document document = SecureXml.parse(
                SampleXmlSigner.signEnveloped(SamplePki.document("invoice-cn-vn.xml"), signer));

        VerificationResult result = verifier.verify(document, (element, s) -> pki.anchors(), TestPki.AT);

        assertTrue(result.ok(), () -> result.toString());
        assertEquals(SignatureMethod.ECDSA_SHA256, result.signatures().get(0).algorithm());
    }

    @Test
    void rsa1024SignerIsRejected() {
        TestPki pki = new TestPki("Weak");
        IssuedCertificate weak = pki.endEntity("Weak Signer", CertificateIssuer.rsaKeyPair(1024), TestPki.START,
                TestPki.END);
        Document document = SecureXml.parse(
                SampleXmlSigner.signEnveloped(SamplePki.document("invoice-cn-vn.xml"), weak));

        VerificationResult result = verifier.verify(document, (element, signer) -> pki.anchors(), TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.signatures().get(0).message().contains("RSA key of 1024 bits"),
                result.signatures().get(0).message());
    }

    @Test
    void sha1DigestIsRejected() throws Exception {
        TestPki pki = new TestPki("Sha1");
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.xml"));
        TestXmlSigner.with(pki.endEntity("SHA1 Signer")).digest(DigestMethod.SHA1).sign(document);
        document = TestXmlSigner.resubmit(document);

        VerificationResult result = verifier.verify(document, (element, signer) -> pki.anchors(), TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.signatures().get(0).message().contains("SHA-1"), result.signatures().get(0).message());
    }

    @Test
    void sha1SignatureMethodIsRejected() throws Exception {
        IssuedCertificate signer = SamplePki.load("cn/exporter-shenzhen");
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.xml"));
        TestXmlSigner.with(signer).signatureMethod(SignatureMethod.RSA_SHA1).sign(document);
        document = TestXmlSigner.resubmit(document);

        VerificationResult result = verifier.verify(document, (element, s) -> cn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.signatures().get(0).message().contains("signature method " + SignatureMethod.RSA_SHA1),
                result.signatures().get(0).message());
    }

    @Test
    void keyValueWithoutCertificateIsRejected() throws Exception {
        IssuedCertificate signer = SamplePki.load("cn/exporter-shenzhen");
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.xml"));
        TestXmlSigner.with(signer).keyValueOnly().sign(document);
        document = TestXmlSigner.resubmit(document);

        VerificationResult result = verifier.verify(document, (element, s) -> cn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.signatures().get(0).message().startsWith("no certificate in KeyInfo"));
    }

    @Test
    void doctypePayloadIsRejectedByTheParserBeforeAnyVerification() {
        byte[] hostile = ("<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Invoice>&x;</Invoice>").getBytes(StandardCharsets.UTF_8);

        DocumentRejectedException rejected = assertThrows(DocumentRejectedException.class,
                () -> SecureXml.parse(hostile));

        assertEquals(ErrorCode.MALFORMED, rejected.code());
    }

    @Test
    void verificationLeavesTheDocumentUnchanged() throws Exception {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.signed.xml"));
        byte[] before = TestXmlSigner.serialize(document);

        verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertArrayEquals(before, TestXmlSigner.serialize(document));
    }

    @Test
    void oneVerifierServesManyThreads() throws Exception {
        byte[] signed = SamplePki.document("invoice-cn-vn.signed.xml");
        byte[] revoked = SamplePki.document("invoice-cn-vn.revoked.xml");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ErrorCode>> outcomes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] bytes = i % 2 == 0 ? signed : revoked;
                outcomes.add(pool.submit(() -> verifier.verify(SecureXml.parse(bytes), (e, s) -> cn, TestPki.AT)
                        .firstFailure()));
            }
            for (int i = 0; i < outcomes.size(); i++) {
                assertEquals(i % 2 == 0 ? null : ErrorCode.CERTIFICATE_REVOKED, outcomes.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signerIsTheKeyInfoCertificateWhoseKeyVerifies() throws Exception {
        // Another end-entity certificate comes first in KeyInfo; the verifier must still find the one that signed.
        IssuedCertificate signer = SamplePki.load("cn/exporter-shenzhen");
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.xml"));
        TestXmlSigner.with(signer).keyInfo(List.of(SamplePki.certificate("cn/exporter-revoked.pem"),
                signer.certificate(), signer.chain().get(1))).sign(document);
        document = TestXmlSigner.resubmit(document);

        VerificationResult result = verifier.verify(document, (element, s) -> cn, TestPki.AT);

        assertTrue(result.ok(), () -> result.toString());
        assertEquals(SHENZHEN, result.signatures().get(0).signer());
    }

    @Test
    void keyInfoStuffedWithCertificatesIsRejectedBeforeTryingThemAll() throws Exception {
        IssuedCertificate signer = SamplePki.load("cn/exporter-shenzhen");
        List<X509Certificate> stuffed = new ArrayList<>();
        for (String country : List.of("ae", "eu", "sg", "vn")) {
            stuffed.add(SamplePki.certificate(country + "/root-ca.pem"));
            stuffed.add(SamplePki.certificate(country + "/issuing-ca.pem"));
        }
        stuffed.add(SamplePki.certificate("cn/exporter-revoked.pem"));
        stuffed.add(SamplePki.certificate("rogue/exporter-impostor.pem"));
        stuffed.add(signer.certificate());
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.xml"));
        TestXmlSigner.with(signer).keyInfo(stuffed).sign(document);
        document = TestXmlSigner.resubmit(document);

        VerificationResult result = verifier.verify(document, (element, s) -> cn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.signatures().get(0).message().contains("11 certificates"),
                result.signatures().get(0).message());
    }
}
