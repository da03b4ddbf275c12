package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleTimeStampAuthority;
import io.silkgate.certs.SampleXmlSigner;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.InvoiceConverter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Forgeries per signature family that the other verifier tests leave out; each must be refused with its contract
 * code. (Tampering, wrapping, duplicate ids, SHA-1, RSA-1024, revoked, expired, untrusted, two signatures and no
 * signature of plain XML signatures are in XmlSignatureVerifierTest and SignatureWrappingTest; CMS tampering, SHA-1,
 * revoked and untrusted in CmsSignatureVerifierTest; the HDon and XAdES-T basics in their own tests.)
 */
class ForgerySuiteTest {

    private static final Instant AT = TestPki.AT;
    private static final TestPki PKI = new TestPki("Forgery");
    private static final IssuedCertificate SIGNER = PKI.endEntity("Honest Signer");
    private static final byte[] CONTENT =
            "<Invoice xmlns=\"urn:test\"><ID>INV-9</ID><Amount>10.00</Amount></Invoice>"
                    .getBytes(StandardCharsets.UTF_8);
    private static final String XXE = "<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
    private static final String BOMB = "<!DOCTYPE Invoice [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;\">]>";

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Inserts a DOCTYPE after the XML declaration and an entity reference into the text, as an attacker would. */
    private static byte[] withDoctype(byte[] signed, String doctype, String reference, String textToReplace) {
        String xml = text(signed);
        int afterDeclaration = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        xml = xml.substring(0, afterDeclaration) + doctype + xml.substring(afterDeclaration);
        return bytes(xml.replaceFirst(textToReplace, textToReplace + reference));
    }

    @Nested
    class XmlSignatures {

        private final XmlSignatureVerifier verifier = new XmlSignatureVerifier(new CertificatePathValidator());

        private VerificationResult verify(byte[] bytes) {
            return verifier.verify(SecureXml.parse(bytes), (element, signer) -> PKI.anchors(), AT);
        }

        private byte[] signed(IssuedCertificate signer) throws Exception {
            Document document = SecureXml.parse(CONTENT);
            TestXmlSigner.with(signer).sign(document);
            return TestXmlSigner.serialize(document);
        }

        @Test
        void md5DigestIsRefused() throws Exception {
            String md5 = text(signed(SIGNER)).replace("http://www.w3.org/2001/04/xmlenc#sha256",
                    "http://www.w3.org/2001/04/xmldsig-more#md5");

            VerificationResult result = verify(bytes(md5));

            assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
            assertTrue(result.errors().get(0).message().toLowerCase().contains("md5"), result::toString);
        }

        @Test
        void md5SignatureMethodIsRefused() throws Exception {
            IssuedCertificate rsa = PKI.endEntity("RSA Signer", CertificateIssuer.rsaKeyPair(2048), TestPki.START,
                    TestPki.END);
            String md5 = text(signed(rsa)).replace("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                    "http://www.w3.org/2001/04/xmldsig-more#rsa-md5");

            VerificationResult result = verify(bytes(md5));

            assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
            assertTrue(result.errors().get(0).message().toLowerCase().contains("md5"), result::toString);
        }

        @Test
        void notYetValidSignerIsOutsideItsValidity() throws Exception {
            IssuedCertificate future = PKI.endEntity("Future Signer", TestPki.ec(),
                    Instant.parse("2027-01-01T00:00:00Z"), TestPki.END);

            VerificationResult result = verify(signed(future));

            assertEquals(ErrorCode.CERTIFICATE_EXPIRED, result.firstFailure());
            assertTrue(result.errors().get(0).message().contains("not valid before"), result::toString);
        }

        @Test
        void keyInfoNamingSomeoneElseIsInvalid() throws Exception {
            // signed with the attacker's key, KeyInfo claims the honest signer's certificate
            IssuedCertificate attacker = PKI.endEntity("Attacker");
            Document document = SecureXml.parse(CONTENT);
            TestXmlSigner.with(attacker).keyInfo(List.of(SIGNER.certificate())).sign(document);

            VerificationResult result = verify(TestXmlSigner.serialize(document));

            assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
            assertTrue(result.errors().get(0).message().contains("does not verify"), result::toString);
        }

        @Test
        void externalEntityInASignedDocumentIsRefusedByTheParser() throws Exception {
            byte[] attack = withDoctype(signed(SIGNER), XXE, "&xxe;", "INV-9");

            assertEquals(ErrorCode.MALFORMED,
                    assertThrows(DocumentRejectedException.class, () -> SecureXml.parse(attack)).code());
        }

        @Test
        void entityBombInASignedDocumentIsRefusedByTheParser() throws Exception {
            byte[] attack = withDoctype(signed(SIGNER), BOMB, "&c;", "INV-9");

            assertEquals(ErrorCode.MALFORMED,
                    assertThrows(DocumentRejectedException.class, () -> SecureXml.parse(attack)).code());
        }
    }

    @Nested
    class CmsSignatures {

        private final CmsSignatureVerifier verifier = new CmsSignatureVerifier(new CertificatePathValidator());

        private byte[] sign(PrivateKey key, IssuedCertificate claimed, String algorithm,
                            IssuedCertificate... more) throws Exception {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(key), claimed.certificate()));
            for (IssuedCertificate other : more) {
                generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().build())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(other.privateKey()),
                                other.certificate()));
            }
            List<X509Certificate> certificates = new ArrayList<>(
                    List.of(claimed.certificate(), PKI.ca.certificate()));
            for (IssuedCertificate other : more) {
                certificates.add(other.certificate());
            }
            generator.addCertificates(new JcaCertStore(certificates));
            return generator.generate(new CMSProcessableByteArray(CONTENT), false).getEncoded();
        }

        private VerificationResult verify(byte[] p7s) {
            return verifier.verifyDetached(CONTENT, p7s, PKI.anchors(), AT);
        }

        @Test
        void rsa1024SignerIsRefused() throws Exception {
            IssuedCertificate weak = PKI.endEntity("Weak RSA", CertificateIssuer.rsaKeyPair(1024), TestPki.START,
                    TestPki.END);

            VerificationResult result = verify(sign(weak.privateKey(), weak, "SHA256withRSA"));

            assertFalse(result.ok());
            assertTrue(List.of(ErrorCode.SIGNATURE_INVALID, ErrorCode.CERTIFICATE_UNTRUSTED)
                    .contains(result.firstFailure()), result::toString);
            assertTrue(result.toString().contains("1024"), result::toString);
        }

        @Test
        void md5IsRefused() throws Exception {
            IssuedCertificate rsa = PKI.endEntity("MD5 RSA", CertificateIssuer.rsaKeyPair(2048), TestPki.START,
                    TestPki.END);

            VerificationResult result = verify(sign(rsa.privateKey(), rsa, "MD5withRSA"));

            assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure(), result::toString);
        }

        @Test
        void expiredAndNotYetValidSignersAreExpired() throws Exception {
            IssuedCertificate expired = PKI.endEntity("Expired CMS", TestPki.ec(), TestPki.START,
                    Instant.parse("2026-03-01T00:00:00Z"));
            IssuedCertificate future = PKI.endEntity("Future CMS", TestPki.ec(),
                    Instant.parse("2027-01-01T00:00:00Z"), TestPki.END);

            VerificationResult old = verify(sign(expired.privateKey(), expired, "SHA256withECDSA"));
            VerificationResult early = verify(sign(future.privateKey(), future, "SHA256withECDSA"));

            assertEquals(ErrorCode.CERTIFICATE_EXPIRED, old.firstFailure(), old::toString);
            assertEquals(ErrorCode.CERTIFICATE_EXPIRED, early.firstFailure(), early::toString);
        }

        @Test
        void signerInfoNamingAnotherCertificateIsInvalid() throws Exception {
            IssuedCertificate attacker = PKI.endEntity("CMS Attacker");

            VerificationResult result = verify(sign(attacker.privateKey(), SIGNER, "SHA256withECDSA"));

            assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure(), result::toString);
        }

        @Test
        void aSecondBadSignerSpoilsAGoodOne() throws Exception {
            IssuedCertificate untrusted = new TestPki("Elsewhere").endEntity("Untrusted Co-signer");

            VerificationResult result = verify(sign(SIGNER.privateKey(), SIGNER, "SHA256withECDSA", untrusted));

            assertFalse(result.ok());
            assertEquals(2, result.signatures().size());
            assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.firstFailure(), result::toString);
        }
    }

    @Nested
    class TimeStamps {

        private final XmlSignatureVerifier verifier = new XmlSignatureVerifier(new CertificatePathValidator());
        private final SampleTimeStampAuthority tsa = new SampleTimeStampAuthority(CertificateIssuer.issueTimeStamping(
                PKI.ca, "CN=Forgery TSA,O=Test,C=XX", TestPki.ec(), TestPki.START, TestPki.END));

        @Test
        void sha1ImprintIsRefused() throws Exception {
            Document document = SecureXml.parse(CONTENT);
            Element signature = TestXmlSigner.with(SIGNER).xades("").sign(document);
            Element stamp = TestXmlSigner.addTimestamp(signature, tsa, AT, null);
            byte[] imprint = MessageDigest.getInstance("SHA-1").digest(bytes("anything"));
            stamp.getElementsByTagNameNS(TestXmlSigner.XADES_NS, "EncapsulatedTimeStamp").item(0).setTextContent(
                    Base64.getEncoder().encodeToString(
                            tsa.stampImprint(OIWObjectIdentifiers.idSHA1, imprint, AT)));

            VerificationResult result = verifier.verify(TestXmlSigner.resubmit(document), (e, s) -> PKI.anchors(),
                    AT);

            assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
            assertTrue(result.errors().get(0).message().contains("not accepted"), result::toString);
        }

        @Test
        void aBrokenSecondTimestampSpoilsAGoodFirst() throws Exception {
            Document document = SecureXml.parse(CONTENT);
            Element signature = TestXmlSigner.with(SIGNER).xades("").sign(document);
            TestXmlSigner.addTimestamp(signature, tsa, AT, null);
            Element second = TestXmlSigner.addTimestamp(signature, tsa, AT, bytes("other"));
            // both stamps in one UnsignedSignatureProperties, as XAdES allows
            Element firstProperties = (Element) signature.getElementsByTagNameNS(TestXmlSigner.XADES_NS,
                    "UnsignedSignatureProperties").item(0);
            Element secondUnsigned = (Element) second.getParentNode().getParentNode();
            firstProperties.appendChild(second);
            secondUnsigned.getParentNode().removeChild(secondUnsigned);

            VerificationResult result = verifier.verify(TestXmlSigner.resubmit(document), (e, s) -> PKI.anchors(),
                    AT);

            assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure(), result::toString);
        }

        @Test
        void timestampOutsideTheSignaturesQualifyingPropertiesIsInvalid() throws Exception {
            Document document = SecureXml.parse(CONTENT);
            Element signature = TestXmlSigner.with(SIGNER).xades("").sign(document);
            Element stamp = TestXmlSigner.addTimestamp(signature, tsa, AT, null);
            Element stray = document.createElementNS(TestXmlSigner.XADES_NS, "xades:QualifyingProperties");
            Element object = (Element) signature.appendChild(document.createElementNS(
                    "http://www.w3.org/2000/09/xmldsig#", "ds:Object"));
            object.appendChild(stray).appendChild(stamp.getParentNode().getParentNode());

            VerificationResult result = verifier.verify(TestXmlSigner.resubmit(document), (e, s) -> PKI.anchors(),
                    AT);

            assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure(), result::toString);
        }
    }

    @Nested
    class VietnameseHdon {

        private final XmlSignatureVerifier verifier = new XmlSignatureVerifier(new CertificatePathValidator());
        private final TrustAnchors vn = TestPki.sample("vn");
        private final IssuedCertificate seller = SamplePki.load("vn/buyer-hanoi");

        private byte[] hdon() {
            byte[] ubl = bytes(text(SamplePki.document("invoice-cn-vn.xml")).replace("USD", "VND"));
            return new InvoiceConverter().convert(SecureXml.parse(ubl).getDocumentElement(), "ubl", "vn-tt78")
                    .document();
        }

        private VerificationResult verify(byte[] bytes) {
            return verifier.verify(SecureXml.parse(bytes), (element, signer) -> vn, AT);
        }

        @Test
        void emptySellerSlotIsMissingTheSignature() {
            assertEquals(ErrorCode.SIGNATURE_MISSING, verify(hdon()).firstFailure());
        }

        @Test
        void sha1DigestIsRefused() {
            String signed = text(SampleXmlSigner.signHDon(hdon(), seller));
            String sha1 = signed.replace("http://www.w3.org/2001/04/xmlenc#sha256",
                    "http://www.w3.org/2000/09/xmldsig#sha1");

            assertEquals(ErrorCode.SIGNATURE_INVALID, verify(bytes(sha1)).firstFailure());
        }

        @Test
        void theSellersSignatureCopiedIntoTheBuyerSlotIsRefused() {
            String signed = text(SampleXmlSigner.signHDon(hdon(), seller));
            int start = signed.indexOf("<ds:Signature");
            int end = signed.indexOf("</ds:Signature>") + "</ds:Signature>".length();
            int slot = signed.lastIndexOf("</NBan>") + "</NBan>".length();
            String twice = signed.substring(0, slot) + "<NMua>" + signed.substring(start, end) + "</NMua>"
                    + signed.substring(slot);
            assertFalse(twice.equals(signed), signed);

            VerificationResult result = verify(bytes(twice));

            assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
            assertTrue(result.errors().get(0).message().contains("made with the seller's certificate"),
                    result::toString);
        }

        @Test
        void revokedAndUntrustedSellersAreRefused() {
            byte[] revoked = SampleXmlSigner.signHDon(hdon(), SamplePki.load("cn/exporter-revoked"));
            byte[] impostor = SampleXmlSigner.signHDon(hdon(), SamplePki.load("rogue/exporter-impostor"));
            TrustAnchors cn = TestPki.sample("cn");

            assertEquals(ErrorCode.CERTIFICATE_REVOKED, verifier.verify(SecureXml.parse(revoked),
                    (element, signer) -> cn, AT).firstFailure());
            assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, verify(impostor).firstFailure());
        }

        @Test
        void externalEntityInASignedHdonIsRefusedByTheParser() {
            byte[] attack = withDoctype(SampleXmlSigner.signHDon(hdon(), seller),
                    XXE.replace("Invoice", "HDon"), "&xxe;", "<THDon>");

            assertEquals(ErrorCode.MALFORMED,
                    assertThrows(DocumentRejectedException.class, () -> SecureXml.parse(attack)).code());
        }
    }
}
