package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.IssuedCertificate;
import io.silkgate.schemas.ErrorCode;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class CertificatePathValidatorTest {

    private static final Instant CRL_ISSUED = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant CRL_NEXT = Instant.parse("2026-07-01T00:00:00Z");

    private final CertificatePathValidator validator = new CertificatePathValidator();
    private final TestPki pki = new TestPki("Path");
    private final IssuedCertificate signer = pki.endEntity("Path Signer");

    private TrustAnchors anchorsWith(X509CRL... crls) {
        return TrustAnchors.of(List.of(pki.root.certificate()), List.of(crls));
    }

    @Test
    void pathFromSuppliedChainToTheAnchor() {
        PathResult result = validator.validate(signer.certificate(), signer.chain(), pki.anchors(), TestPki.AT);

        assertTrue(result.trusted(), result.message());
        assertEquals(List.of(signer.certificate(), pki.ca.certificate(), pki.root.certificate()), result.path());
        assertEquals(RevocationStatus.NOT_CHECKED, result.revocation());
        assertNull(result.failure());
    }

    @Test
    void intermediateMayComeFromTheTrustFolderInsteadOfTheSignature() {
        TrustAnchors folder = TrustAnchors.of(List.of(pki.root.certificate(), pki.ca.certificate()), List.of());

        PathResult result = validator.validate(signer.certificate(), List.of(signer.certificate()), folder,
                TestPki.AT);

        assertTrue(result.trusted(), result.message());
        assertEquals(3, result.path().size());
    }

    @Test
    void missingIntermediateLeavesTheSignerUntrusted() {
        PathResult result = validator.validate(signer.certificate(), List.of(signer.certificate()), pki.anchors(),
                TestPki.AT);

        assertFalse(result.trusted());
        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.failure());
    }

    @Test
    void anIntermediateIsNeverAnAnchorByItself() {
        // Trusting a country's issuing CA through a folder must not make it a root: it still needs its root.
        TrustAnchors intermediateOnly = TrustAnchors.of(List.of(pki.ca.certificate()), List.of());

        PathResult result = validator.validate(signer.certificate(), signer.chain(), intermediateOnly, TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.failure());
    }

    @Test
    void expiredIntermediateMakesThePathExpired() {
        IssuedCertificate shortCa = CertificateIssuer.issueCa(pki.root, "CN=Short CA,O=Test,C=XX", TestPki.ec(),
                TestPki.START, Instant.parse("2026-03-01T00:00:00Z"));
        IssuedCertificate late = CertificateIssuer.issueEndEntity(shortCa, "CN=Late Signer,O=Test,C=XX",
                TestPki.ec(), TestPki.START, Instant.parse("2026-02-01T00:00:00Z"));

        PathResult result = validator.validate(late.certificate(), late.chain(), pki.anchors(), TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, result.failure());
        assertTrue(result.message().contains("CN=Late Signer"), result.message());
    }

    @Test
    void notYetValidSignerIsReportedAsOutsideItsValidity() {
        IssuedCertificate future = pki.endEntity("Future Signer", TestPki.ec(), Instant.parse("2027-01-01T00:00:00Z"),
                TestPki.END);

        PathResult result = validator.validate(future.certificate(), future.chain(), pki.anchors(), TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, result.failure());
        assertTrue(result.message().contains("not valid before"), result.message());
    }

    @Test
    void listedOnAFreshCrlIsRevoked() {
        X509CRL crl = CertificateIssuer.crl(pki.ca, List.of(signer.certificate()), CRL_ISSUED, CRL_NEXT);

        PathResult result = validator.validate(signer.certificate(), signer.chain(), anchorsWith(crl), TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_REVOKED, result.failure());
        assertEquals(RevocationStatus.REVOKED, result.revocation());
    }

    @Test
    void revocationTakesEffectAtItsRevocationDate() throws Exception {
        Instant revokedOn = Instant.parse("2026-05-20T00:00:00Z");
        JcaX509v2CRLBuilder builder = new JcaX509v2CRLBuilder(pki.ca.certificate().getSubjectX500Principal(),
                Date.from(CRL_ISSUED));
        builder.setNextUpdate(Date.from(CRL_NEXT));
        builder.addCRLEntry(signer.certificate().getSerialNumber(), Date.from(revokedOn), CRLReason.superseded);
        X509CRL crl = new JcaX509CRLConverter().getCRL(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pki.ca.privateKey())));

        PathResult before = validator.validate(signer.certificate(), signer.chain(), anchorsWith(crl),
                Instant.parse("2026-05-10T00:00:00Z"));
        PathResult after = validator.validate(signer.certificate(), signer.chain(), anchorsWith(crl), TestPki.AT);

        assertTrue(before.trusted());
        assertEquals(RevocationStatus.GOOD, before.revocation());
        assertEquals(ErrorCode.CERTIFICATE_REVOKED, after.failure());
        assertTrue(after.message().contains("revoked on " + revokedOn), after.message());
    }

    @Test
    void aCrlIssuedAfterTheInstantSaysNothingAboutIt() {
        X509CRL crl = CertificateIssuer.crl(pki.ca, List.of(signer.certificate()), CRL_ISSUED, CRL_NEXT);

        PathResult result = validator.validate(signer.certificate(), signer.chain(), anchorsWith(crl),
                CRL_ISSUED.minusSeconds(3600));

        assertTrue(result.trusted());
        assertEquals(RevocationStatus.UNKNOWN, result.revocation());
    }

    @Test
    void notListedOnAFreshCrlIsGood() {
        IssuedCertificate other = pki.endEntity("Other Signer");
        X509CRL crl = CertificateIssuer.crl(pki.ca, List.of(other.certificate()), CRL_ISSUED, CRL_NEXT);

        PathResult result = validator.validate(signer.certificate(), signer.chain(), anchorsWith(crl), TestPki.AT);

        assertTrue(result.trusted());
        assertEquals(RevocationStatus.GOOD, result.revocation());
    }

    @Test
    void aCrlPastItsNextUpdateCountsAsAbsent() {
        X509CRL stale = CertificateIssuer.crl(pki.ca, List.of(signer.certificate()), TestPki.START,
                Instant.parse("2026-02-01T00:00:00Z"));

        PathResult result = validator.validate(signer.certificate(), signer.chain(), anchorsWith(stale), TestPki.AT);

        assertTrue(result.trusted());
        assertEquals(RevocationStatus.UNKNOWN, result.revocation());
    }

    @Test
    void aCrlSignedByAnImpostorOfTheIssuerIsIgnored() {
        // Same issuer name, different key: whoever made it cannot speak for the real CA.
        IssuedCertificate impostorCa = CertificateIssuer.issueCa(pki.root, "CN=Path CA,O=Test,C=XX", TestPki.ec(),
                TestPki.START, TestPki.END);
        X509CRL forged = CertificateIssuer.crl(impostorCa, List.of(), CRL_ISSUED, CRL_NEXT);

        PathResult result = validator.validate(signer.certificate(), signer.chain(), anchorsWith(forged), TestPki.AT);

        assertEquals(RevocationStatus.UNKNOWN, result.revocation());
    }

    @Test
    void revokedIntermediateRevokesTheSigner() {
        X509CRL rootCrl = CertificateIssuer.crl(pki.root, List.of(pki.ca.certificate()), CRL_ISSUED, CRL_NEXT);
        X509CRL caCrl = CertificateIssuer.crl(pki.ca, List.of(), CRL_ISSUED, CRL_NEXT);

        PathResult result = validator.validate(signer.certificate(), signer.chain(), anchorsWith(rootCrl, caCrl),
                TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_REVOKED, result.failure());
        assertTrue(result.message().contains("CN=Path CA"), result.message());
    }

    @Test
    void weakIntermediateKeyIsUntrusted() {
        IssuedCertificate weakCa = CertificateIssuer.issueCa(pki.root, "CN=Weak CA,O=Test,C=XX",
                CertificateIssuer.rsaKeyPair(1024), TestPki.START, TestPki.END);
        IssuedCertificate underWeak = CertificateIssuer.issueEndEntity(weakCa, "CN=Under Weak,O=Test,C=XX",
                TestPki.ec(), TestPki.START, TestPki.END);

        PathResult result = validator.validate(underWeak.certificate(), underWeak.chain(), pki.anchors(),
                TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.failure());
        assertTrue(result.message().contains("RSA key of 1024 bits"), result.message());
    }

    @Test
    void noAnchorsMeansUntrusted() {
        PathResult result = validator.validate(signer.certificate(), signer.chain(), TrustAnchors.empty(),
                TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.failure());
        assertTrue(result.message().startsWith("no trust anchors configured"));
    }
}
