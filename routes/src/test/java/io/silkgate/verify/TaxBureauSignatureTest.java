package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.CertificateIssuer;
import io.silkgate.schemas.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The Chinese tax bureau's SM2/SM3 signature on a fapiao, under Silkgate's documented reading of what is signed. */
class TaxBureauSignatureTest {

    private static final String URI = TaxBureauSamples.URI;
    private static final KeyPair STA_KEYS = TaxBureauSamples.sm2Keys();
    private static final X509Certificate STA = TaxBureauSamples.certificate(
            "CN=State Taxation Administration Test,O=Test,C=CN",
            STA_KEYS, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2036-01-01T00:00:00Z"));

    private final TaxBureauSignatureVerifier verifier = new TaxBureauSignatureVerifier(new CertificatePathValidator());
    private final TrustAnchors cnWithTaxBureau = TrustAnchors.of(List.of(STA), List.of());

    private VerificationResult verify(Document document, TrustAnchors anchors) {
        return verifier.verify(document, anchors, TestPki.AT);
    }

    @Test
    void taxBureauSignatureVerifiesWithItsConfiguredCertificate() throws Exception {
        Document document = TaxBureauSamples.signed(STA_KEYS, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);

        VerificationResult result = verify(document, cnWithTaxBureau);

        assertTrue(result.ok(), result::toString);
        assertEquals("CN=State Taxation Administration Test,O=Test,C=CN", result.signatures().get(0).signer());
        assertEquals(TaxBureauSignatureVerifier.SM2_WITH_SM3, result.signatures().get(0).algorithm());
        assertTrue(TaxBureauSignatureVerifier.present(document));
    }

    @Test
    void taxBureauCertificateLoadsFromATrustFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sta.pem"), CertificateIssuer.toPem(STA));
        Document document = TaxBureauSamples.signed(STA_KEYS, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);

        VerificationResult result = verify(document, TrustAnchors.load(dir, dir));

        assertTrue(result.ok(), result::toString);
    }

    @Test
    void changedAmountIsInvalid() throws Exception {
        Document document = TaxBureauSamples.signed(STA_KEYS, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);
        Element total = (Element) document.getElementsByTagName("TotalTax-includedAmount").item(0);
        total.setTextContent("1.00");

        assertEquals(ErrorCode.SIGNATURE_INVALID, verify(document, cnWithTaxBureau).firstFailure());
    }

    @Test
    void changedSignatureTimeIsInvalid() throws Exception {
        Document document = TaxBureauSamples.signed(STA_KEYS, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);
        document.getElementsByTagName("SignatureTime").item(0).setTextContent("2026-05-20 09:47:20");

        assertEquals(ErrorCode.SIGNATURE_INVALID, verify(document, cnWithTaxBureau).firstFailure());
    }

    @Test
    void anotherKeyIsInvalidAndAnchorsWithoutTheBureauAreUntrusted() throws Exception {
        Document forged = TaxBureauSamples.signed(TaxBureauSamples.sm2Keys(), URI,
                TaxBureauSignatureVerifier.SM2_WITH_SM3);
        Document genuine = TaxBureauSamples.signed(STA_KEYS, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);

        assertEquals(ErrorCode.SIGNATURE_INVALID, verify(forged, cnWithTaxBureau).firstFailure());
        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, verify(genuine, TestPki.sample("cn")).firstFailure());
    }

    @Test
    void signerCertificateInKeyInfoMustChainToTheAnchors() throws Exception {
        KeyPair other = TaxBureauSamples.sm2Keys();
        X509Certificate impostor = TaxBureauSamples.certificate("CN=Impostor Bureau,O=Test,C=CN", other,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2036-01-01T00:00:00Z"));
        Document document = TaxBureauSamples.signed(other, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);
        Element keyInfo = (Element) document.getElementsByTagName("KeyInfo").item(0);
        Element value = document.createElementNS(null, "X509Certificate");
        value.setTextContent(Base64.getEncoder().encodeToString(impostor.getEncoded()));
        keyInfo.appendChild(value);

        VerificationResult result = verify(document, cnWithTaxBureau);
        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.firstFailure(), result::toString);
    }

    @Test
    void expiredTaxBureauCertificateIsExpired() throws Exception {
        KeyPair keys = TaxBureauSamples.sm2Keys();
        X509Certificate expired = TaxBureauSamples.certificate("CN=Old Bureau,O=Test,C=CN", keys,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
        Document document = TaxBureauSamples.signed(keys, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);

        VerificationResult result = verify(document, TrustAnchors.of(List.of(expired), List.of()));

        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, result.firstFailure());
    }

    @Test
    void otherAlgorithmsAreRefused() throws Exception {
        Document document = TaxBureauSamples.signed(STA_KEYS, URI, "1.2.840.10045.4.3.2");

        VerificationResult result = verify(document, cnWithTaxBureau);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("SM2 with SM3"));
    }

    @Test
    void referenceThatLeavesOutTheInvoiceDataIsInvalid() {
        Exception e = assertThrows(TaxBureauSignatureVerifier.Invalid.class,
                () -> TaxBureauSamples.signed(STA_KEYS, "/Einvoice/Header|/Einvoice/TaxSupervisionInfo",
                        TaxBureauSignatureVerifier.SM2_WITH_SM3));
        assertTrue(e.getMessage().contains("does not cover /EInvoice/EInvoiceData"));
    }

    @Test
    void duplicatedInvoiceDataIsAmbiguous() throws Exception {
        Document document = TaxBureauSamples.signed(STA_KEYS, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);
        Element data = (Element) document.getElementsByTagName("EInvoiceData").item(0);
        data.getParentNode().insertBefore(data.cloneNode(true), data);

        VerificationResult result = verify(document, cnWithTaxBureau);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("ambiguous"), result::toString);
    }
}
