package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SampleTimeStampAuthority;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.SecureXml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** XAdES-T: signature time-stamps decide the instant at which the signer's certificate must have been valid. */
class XadesTimestampTest {

    private static final Instant SIGNED = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static final TestPki PKI = new TestPki("Stamp");
    private static final SampleTimeStampAuthority TSA = new SampleTimeStampAuthority(
            CertificateIssuer.issueTimeStamping(PKI.ca, "CN=Stamp TSA,O=Test,C=XX", TestPki.ec(), TestPki.START,
                    TestPki.END));
    private static final IssuedCertificate EXPIRED = PKI.endEntity("Expired Signer", TestPki.ec(), TestPki.START,
            EXPIRY);
    private static final IssuedCertificate CURRENT = PKI.endEntity("Current Signer");

    private final XmlSignatureVerifier verifier = new XmlSignatureVerifier(new CertificatePathValidator());

    private static Document invoice() {
        return SecureXml.parse(("<Invoice xmlns=\"urn:test:invoice\"><ID>INV-7</ID><Amount>120.00</Amount></Invoice>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private VerificationResult verify(Document document, TrustAnchors anchors) throws Exception {
        Document submitted = TestXmlSigner.resubmit(document);
        return verifier.verify(submitted, (element, signer) -> anchors, NOW);
    }

    @Test
    void trustedTimestampIsReportedWithItsTimeAndTsa() throws Exception {
        Document document = invoice();
        Element signature = TestXmlSigner.with(CURRENT).xades("").sign(document);
        TestXmlSigner.addTimestamp(signature, TSA, SIGNED, null);

        VerificationResult result = verify(document, PKI.anchors());

        assertTrue(result.ok(), result::toString);
        TimestampReport stamp = result.signatures().get(0).timestamp();
        assertNotNull(stamp);
        assertEquals(SIGNED, stamp.time());
        assertEquals("CN=Stamp TSA,O=Test,C=XX", stamp.tsa());
        assertTrue(stamp.trusted());
    }

    @Test
    void expiredSignerIsAcceptedWhenATrustedTimestampProvesTheSignatureIsOlder() throws Exception {
        Document document = invoice();
        Element signature = TestXmlSigner.with(EXPIRED).xades("").sign(document);
        TestXmlSigner.addTimestamp(signature, TSA, SIGNED, null);

        VerificationResult result = verify(document, PKI.anchors());

        assertTrue(result.ok(), result::toString);
    }

    @Test
    void expiredSignerWithoutTimestampIsExpired() throws Exception {
        Document document = invoice();
        TestXmlSigner.with(EXPIRED).xades("").sign(document);

        VerificationResult result = verify(document, PKI.anchors());

        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, result.firstFailure());
        assertNull(result.signatures().get(0).timestamp());
    }

    @Test
    void timestampAfterExpiryProvesNothingUseful() throws Exception {
        Document document = invoice();
        Element signature = TestXmlSigner.with(EXPIRED).xades("").sign(document);
        TestXmlSigner.addTimestamp(signature, TSA, Instant.parse("2026-04-01T00:00:00Z"), null);

        VerificationResult result = verify(document, PKI.anchors());

        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, result.firstFailure());
        assertTrue(result.signatures().get(0).timestamp().trusted());
    }

    @Test
    void timestampFromAnUntrustedTsaLeavesTheCertificateCheckedNow() throws Exception {
        TestPki other = new TestPki("Elsewhere");
        SampleTimeStampAuthority foreign = new SampleTimeStampAuthority(CertificateIssuer.issueTimeStamping(
                other.ca, "CN=Foreign TSA,O=Test,C=XX", TestPki.ec(), TestPki.START, TestPki.END));
        Document document = invoice();
        Element signature = TestXmlSigner.with(EXPIRED).xades("").sign(document);
        TestXmlSigner.addTimestamp(signature, foreign, SIGNED, null);

        VerificationResult result = verify(document, PKI.anchors());

        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, result.firstFailure());
        TimestampReport stamp = result.signatures().get(0).timestamp();
        assertFalse(stamp.trusted());
        assertTrue(stamp.message().startsWith("the TSA is not trusted"), stamp.message());
    }

    @Test
    void tokenSignedByACertificateWithoutTimeStampingUsageIsNoProof() throws Exception {
        SampleTimeStampAuthority notATsa = new SampleTimeStampAuthority(PKI.endEntity("Not A TSA"));
        Document document = invoice();
        Element signature = TestXmlSigner.with(EXPIRED).xades("").sign(document);
        TestXmlSigner.addTimestamp(signature, notATsa, SIGNED, null, true);

        VerificationResult result = verify(document, PKI.anchors());

        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, result.firstFailure());
        assertTrue(result.signatures().get(0).timestamp().message().contains("timeStamping"));
    }

    @Test
    void uncheckedTokenFromTheRealTsaIsAccepted() throws Exception {
        // the hand-built token path is sound: only the missing key usage makes the test above fail
        Document document = invoice();
        Element signature = TestXmlSigner.with(EXPIRED).xades("").sign(document);
        TestXmlSigner.addTimestamp(signature, TSA, SIGNED, null, true);

        VerificationResult result = verify(document, PKI.anchors());

        assertTrue(result.ok(), result::toString);
    }

    @Test
    void timestampOverOtherBytesIsInvalid() throws Exception {
        Document document = invoice();
        Element signature = TestXmlSigner.with(CURRENT).xades("").sign(document);
        TestXmlSigner.addTimestamp(signature, TSA, SIGNED, "some other signature".getBytes(StandardCharsets.UTF_8));

        VerificationResult result = verify(document, PKI.anchors());

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("does not cover this signature"));
    }

    @Test
    void timestampMovedFromAnotherSignatureIsInvalid() throws Exception {
        Document first = invoice();
        Element firstSignature = TestXmlSigner.with(CURRENT).xades("").sign(first);
        Element stamp = TestXmlSigner.addTimestamp(firstSignature, TSA, SIGNED, null);
        String token = stamp.getTextContent();
        Document second = invoice();
        Element secondSignature = TestXmlSigner.with(EXPIRED).xades("").sign(second);
        Element copied = TestXmlSigner.addTimestamp(secondSignature, TSA, SIGNED, null);
        copied.getElementsByTagNameNS(TestXmlSigner.XADES_NS, "EncapsulatedTimeStamp").item(0)
                .setTextContent(token);

        VerificationResult result = verify(second, PKI.anchors());

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
    }

    @Test
    void damagedTokenIsInvalid() throws Exception {
        Document document = invoice();
        Element signature = TestXmlSigner.with(CURRENT).xades("").sign(document);
        Element stamp = TestXmlSigner.addTimestamp(signature, TSA, SIGNED, null);
        Element encapsulated = (Element) stamp.getElementsByTagNameNS(TestXmlSigner.XADES_NS,
                "EncapsulatedTimeStamp").item(0);
        byte[] der = Base64.getDecoder().decode(encapsulated.getTextContent());
        der[der.length - 5] ^= 0x01; // inside the token's signature value
        encapsulated.setTextContent(Base64.getEncoder().encodeToString(der));

        VerificationResult result = verify(document, PKI.anchors());

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
    }

    @Test
    void revocationAfterTheTimestampDoesNotRejectButBeforeItDoes() throws Exception {
        IssuedCertificate signer = PKI.endEntity("Later Revoked");
        Document document = invoice();
        Element signature = TestXmlSigner.with(signer).xades("").sign(document);
        TestXmlSigner.addTimestamp(signature, TSA, SIGNED, null);
        TrustAnchors revokedLater = TrustAnchors.of(List.of(PKI.root.certificate()), List.of(CertificateIssuer.crl(
                PKI.ca, List.of(signer.certificate()), Instant.parse("2026-04-01T00:00:00Z"), TestPki.END)));
        TrustAnchors revokedEarlier = TrustAnchors.of(List.of(PKI.root.certificate()), List.of(CertificateIssuer.crl(
                PKI.ca, List.of(signer.certificate()), Instant.parse("2026-01-15T00:00:00Z"), TestPki.END)));

        VerificationResult later = verify(document, revokedLater);
        VerificationResult earlier = verify(document, revokedEarlier);

        assertTrue(later.ok(), later::toString);
        assertEquals(ErrorCode.CERTIFICATE_REVOKED, earlier.firstFailure());
    }

    @Test
    void signingCertificateDigestOfAnotherCertificateIsInvalid() throws Exception {
        Document document = invoice();
        TestXmlSigner.with(CURRENT).xades("").signingCertificate(EXPIRED.certificate()).sign(document);

        VerificationResult result = verify(document, PKI.anchors());

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("SigningCertificate digest does not match"));
    }

    @Test
    void signedPropertiesWithoutSigningCertificateAreInvalid() throws Exception {
        Document document = invoice();
        TestXmlSigner.with(CURRENT).xades("").noSigningCertificate().sign(document);

        VerificationResult result = verify(document, PKI.anchors());

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
    }

    @Test
    void signedPropertiesNotCoveredByAReferenceAreInvalid() throws Exception {
        Document document = invoice();
        Element signature = TestXmlSigner.with(EXPIRED).xades("").uncoveredProperties().sign(document);
        TestXmlSigner.addTimestamp(signature, TSA, SIGNED, null);

        VerificationResult result = verify(document, PKI.anchors());

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("not covered"));
    }
}
