package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.SecureXml;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The Chinese tax bureau's SM2/SM3 signature on a fapiao, under Silkgate's documented reading of what is signed. */
class TaxBureauSignatureTest {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final String URI = "/Einvoice/Header|/Einvoice/EinvoiceData|/Einvoice/SellerAuthentication"
            + "|/Einvoice/TaxSupervisionInfo|/Einvoice/TaxBureauSignature/SignatureTime";
    private static final KeyPair STA_KEYS = sm2Keys();
    private static final X509Certificate STA = certificate("CN=State Taxation Administration Test,O=Test,C=CN",
            STA_KEYS, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2036-01-01T00:00:00Z"));

    private final TaxBureauSignatureVerifier verifier = new TaxBureauSignatureVerifier(new CertificatePathValidator());
    private final TrustAnchors cnWithTaxBureau = TrustAnchors.of(List.of(STA), List.of());

    static KeyPair sm2Keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate certificate(String dn, KeyPair keys, Instant from, Instant to) {
        try {
            X500Principal name = new X500Principal(dn);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(7),
                    Date.from(from), Date.from(to), name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            return new JcaX509CertificateConverter().setProvider(BC).getCertificate(builder.build(
                    new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample fapiao with a real SM2 signature of the given key in its TaxBureauSignature. */
    private static Document signed(KeyPair keys, String uri, String algorithm) throws Exception {
        Document document = SecureXml.parse(SamplePki.document("fapiao-cn.xml"));
        Element signature = (Element) document.getElementsByTagName("TaxBureauSignature").item(0);
        ((Element) signature.getElementsByTagName("Reference").item(0)).setAttribute("URI", uri);
        signature.getElementsByTagName("SignatureAlgorithm").item(0).setTextContent(algorithm);
        byte[] bytes = TaxBureauSignatureVerifier.signedBytes(document.getDocumentElement(), uri);
        Signature sm2 = Signature.getInstance("SM3withSM2", BC);
        sm2.initSign(keys.getPrivate());
        sm2.update(bytes);
        String time = Base64.getEncoder().encodeToString("20260519 094720".getBytes(StandardCharsets.US_ASCII));
        signature.getElementsByTagName("SignatureValue").item(0)
                .setTextContent(Base64.getEncoder().encodeToString(sm2.sign()) + "&" + time);
        return TestXmlSigner.resubmit(document);
    }

    private VerificationResult verify(Document document, TrustAnchors anchors) {
        return verifier.verify(document, anchors, TestPki.AT);
    }

    @Test
    void taxBureauSignatureVerifiesWithItsConfiguredCertificate() throws Exception {
        Document document = signed(STA_KEYS, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);

        VerificationResult result = verify(document, cnWithTaxBureau);

        assertTrue(result.ok(), result::toString);
        assertEquals("CN=State Taxation Administration Test,O=Test,C=CN", result.signatures().get(0).signer());
        assertEquals(TaxBureauSignatureVerifier.SM2_WITH_SM3, result.signatures().get(0).algorithm());
        assertTrue(TaxBureauSignatureVerifier.present(document));
    }

    @Test
    void taxBureauCertificateLoadsFromATrustFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sta.pem"), CertificateIssuer.toPem(STA));
        Document document = signed(STA_KEYS, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);

        VerificationResult result = verify(document, TrustAnchors.load(dir, dir));

        assertTrue(result.ok(), result::toString);
    }

    @Test
    void changedAmountIsInvalid() throws Exception {
        Document document = signed(STA_KEYS, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);
        Element total = (Element) document.getElementsByTagName("TotalTax-includedAmount").item(0);
        total.setTextContent("1.00");

        assertEquals(ErrorCode.SIGNATURE_INVALID, verify(document, cnWithTaxBureau).firstFailure());
    }

    @Test
    void changedSignatureTimeIsInvalid() throws Exception {
        Document document = signed(STA_KEYS, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);
        document.getElementsByTagName("SignatureTime").item(0).setTextContent("2026-05-20 09:47:20");

        assertEquals(ErrorCode.SIGNATURE_INVALID, verify(document, cnWithTaxBureau).firstFailure());
    }

    @Test
    void anotherKeyIsInvalidAndNoAnchorsAreUntrusted() throws Exception {
        Document forged = signed(sm2Keys(), URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);
        Document genuine = signed(STA_KEYS, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);

        assertEquals(ErrorCode.SIGNATURE_INVALID, verify(forged, cnWithTaxBureau).firstFailure());
        assertEquals(ErrorCode.SIGNATURE_INVALID, verify(genuine, TestPki.sample("cn")).firstFailure());
    }

    @Test
    void signerCertificateInKeyInfoMustChainToTheAnchors() throws Exception {
        KeyPair other = sm2Keys();
        X509Certificate impostor = certificate("CN=Impostor Bureau,O=Test,C=CN", other,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2036-01-01T00:00:00Z"));
        Document document = signed(other, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);
        Element keyInfo = (Element) document.getElementsByTagName("KeyInfo").item(0);
        Element value = document.createElementNS(null, "X509Certificate");
        value.setTextContent(Base64.getEncoder().encodeToString(impostor.getEncoded()));
        keyInfo.appendChild(value);

        VerificationResult result = verify(document, cnWithTaxBureau);
        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.firstFailure(), result::toString);
    }

    @Test
    void expiredTaxBureauCertificateIsExpired() throws Exception {
        KeyPair keys = sm2Keys();
        X509Certificate expired = certificate("CN=Old Bureau,O=Test,C=CN", keys,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
        Document document = signed(keys, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);

        VerificationResult result = verify(document, TrustAnchors.of(List.of(expired), List.of()));

        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, result.firstFailure());
    }

    @Test
    void otherAlgorithmsAreRefused() throws Exception {
        Document document = signed(STA_KEYS, URI, "1.2.840.10045.4.3.2");

        VerificationResult result = verify(document, cnWithTaxBureau);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("SM2 with SM3"));
    }

    @Test
    void referenceThatLeavesOutTheInvoiceDataIsInvalid() {
        Exception e = assertThrows(TaxBureauSignatureVerifier.Invalid.class,
                () -> signed(STA_KEYS, "/Einvoice/Header|/Einvoice/TaxSupervisionInfo",
                        TaxBureauSignatureVerifier.SM2_WITH_SM3));
        assertTrue(e.getMessage().contains("does not cover /EInvoice/EInvoiceData"));
    }

    @Test
    void duplicatedInvoiceDataIsAmbiguous() throws Exception {
        Document document = signed(STA_KEYS, URI, TaxBureauSignatureVerifier.SM2_WITH_SM3);
        Element data = (Element) document.getElementsByTagName("EInvoiceData").item(0);
        data.getParentNode().insertBefore(data.cloneNode(true), data);

        VerificationResult result = verify(document, cnWithTaxBureau);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("ambiguous"), result::toString);
    }
}
