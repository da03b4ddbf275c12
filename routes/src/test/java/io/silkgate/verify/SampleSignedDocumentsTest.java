package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleSignedDocuments;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.FormatDetector;
import io.silkgate.schemas.SecureJson;
import io.silkgate.schemas.SecureXml;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signed sample documents of certs-sample, one per input format, against the gateway's real verifiers: each
 * verifies with the anchors of its signer's country and is of the format it claims, and a tampered copy fails.
 */
class SampleSignedDocumentsTest {

    private final CertificatePathValidator paths = new CertificatePathValidator();

    private static TrustAnchors anchorsOf(String signer) {
        return TestPki.sample(signer.substring(0, signer.indexOf('/')));
    }

    /** The bytes with the first occurrence of {@code from} replaced: what an attacker on the wire would do. */
    private static byte[] tamper(byte[] bytes, String from, String to) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(from), "sample lacks " + from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String xmlFormat(byte[] xml) {
        return FormatDetector.detect(SecureXml.parse(xml).getDocumentElement()).orElse(null);
    }

    @Test
    void everyOutputIsCoveredHere() {
        assertEquals(8, SampleSignedDocuments.OUTPUTS.size(), SampleSignedDocuments.OUTPUTS::toString);
    }

    @Test
    void detachedCmsSamplesVerifyOverTheirDocumentAndNotOverAChangedOne() {
        CmsSignatureVerifier cms = new CmsSignatureVerifier(paths);
        for (Map.Entry<String, String[]> e : SampleSignedDocuments.OUTPUTS.entrySet()) {
            if (!e.getKey().endsWith(".p7s")) {
                continue;
            }
            byte[] document = SamplePki.document(e.getKey().replace(".p7s", ""));
            byte[] p7s = SamplePki.document(e.getKey());
            TrustAnchors anchors = anchorsOf(e.getValue()[1]);

            VerificationResult good = cms.verifyDetached(document, p7s, anchors, TestPki.AT);
            VerificationResult bad = cms.verifyDetached(tamper(document, "<", " <"), p7s, anchors, TestPki.AT);

            assertTrue(good.ok(), e.getKey() + ": " + good);
            assertEquals(e.getValue()[0], xmlFormat(document), e.getKey());
            assertEquals(ErrorCode.SIGNATURE_INVALID, bad.firstFailure(), e.getKey() + ": " + bad);
        }
    }

    @Test
    void envelopingCmsFapiaoVerifiesAndATamperedOneDoesNot() {
        byte[] p7m = SamplePki.document("fapiao-cn.xml.p7m");
        CmsSignatureVerifier cms = new CmsSignatureVerifier(paths);

        CmsVerification good = cms.verifyEnveloping(p7m, TestPki.sample("cn"), TestPki.AT);
        CmsVerification bad = cms.verifyEnveloping(tamper(p7m, "EInvoice", "EInvoicf"), TestPki.sample("cn"),
                TestPki.AT);

        assertTrue(good.result().ok(), good.result()::toString);
        assertArrayEquals(SamplePki.document("fapiao-cn.xml"), good.content());
        assertEquals("cn-fapiao", xmlFormat(good.content()));
        assertFalse(bad.result().ok(), bad.result()::toString);
    }

    @Test
    void hdonSellerSignatureSampleVerifiesAndATamperedOneDoesNot() {
        byte[] signed = SamplePki.document("invoice-vn-tt78.signed.xml");
        XmlSignatureVerifier xml = new XmlSignatureVerifier(paths);
        TrustAnchors vn = TestPki.sample("vn");

        VerificationResult good = xml.verify(SecureXml.parse(signed), (element, signer) -> vn, TestPki.AT);
        VerificationResult bad = xml.verify(SecureXml.parse(tamper(signed, "0312345678", "0312345679")),
                (element, signer) -> vn, TestPki.AT);

        assertTrue(good.ok(), good::toString);
        assertEquals("vn-tt78", xmlFormat(signed));
        assertEquals(ErrorCode.SIGNATURE_INVALID, bad.firstFailure(), bad::toString);
    }

    @Test
    void billOfLadingJwsSamplesVerifyAndTamperedOnesDoNot() {
        JwsSignatureVerifier jws = new JwsSignatureVerifier(paths);
        TrustAnchors sg = TestPki.sample("sg");
        byte[] json = SamplePki.document("bl-cn-sg.json");
        String compact = new String(SamplePki.document("bl-cn-sg.jws"), StandardCharsets.US_ASCII);
        String detached = new String(SamplePki.document("bl-cn-sg.json.jws"), StandardCharsets.US_ASCII);

        JwsSignatureVerifier.Outcome attached = jws.verifyAttached(compact, leaf -> sg, TestPki.AT);
        JwsSignatureVerifier.Outcome beside = jws.verifyDetached(json, detached, leaf -> sg, TestPki.AT);
        JwsSignatureVerifier.Outcome changed = jws.verifyDetached(tamper(json, "Yangshan", "Ningbo"), detached,
                leaf -> sg, TestPki.AT);

        assertTrue(attached.result().ok(), attached.result()::toString);
        assertArrayEquals(json, attached.payload());
        assertEquals("dcsa-td3", FormatDetector.detectJson(SecureJson.parse(attached.payload())).orElse(null));
        assertTrue(beside.result().ok(), beside.result()::toString);
        assertEquals(ErrorCode.SIGNATURE_INVALID, changed.result().firstFailure(), changed.result()::toString);
    }
}
