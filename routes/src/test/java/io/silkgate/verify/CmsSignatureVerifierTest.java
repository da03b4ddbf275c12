package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

class CmsSignatureVerifierTest {

    private static final String SHENZHEN = "CN=Shenzhen Sample Exporter Co. Ltd,O=Shenzhen Sample Exporter Co. Ltd,C=CN";
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    private static final byte[] CONTENT =
            "<Invoice><ID>INV-1</ID><Amount>100.00</Amount></Invoice>".getBytes(StandardCharsets.UTF_8);

    private final CmsSignatureVerifier verifier = new CmsSignatureVerifier(new CertificatePathValidator());
    private final TrustAnchors cn = TrustAnchors.of(List.of(SamplePki.certificate("cn/root-ca.pem")),
            List.of(SamplePki.crl("cn/issuing-ca.crl")));

    @Test
    void validDetachedSignatureReportsSignerPathAndRevocation() throws Exception {
        byte[] p7s = sign(SamplePki.load("cn/exporter-shenzhen"), "SHA256withRSA", CONTENT, false);

        VerificationResult result = verifier.verifyDetached(CONTENT, p7s, cn, AT);

        assertTrue(result.ok(), result::toString);
        assertNull(result.firstFailure());
        SignatureReport report = result.signatures().get(0);
        assertEquals(SHENZHEN, report.signer());
        assertEquals("SHA256withRSA", report.algorithm());
        assertTrue(report.coversDocument());
        assertEquals(List.of(SHENZHEN,
                "CN=Silkgate Sample CN Issuing CA,O=Silkgate Samples,C=CN",
                "CN=Silkgate Sample CN Root CA,O=Silkgate Samples,C=CN"), report.certificatePath());
        assertEquals(RevocationStatus.GOOD, report.revocation());
    }

    @Test
    void validEnvelopingSignatureReturnsTheContentByteForByte() throws Exception {
        byte[] p7m = sign(SamplePki.load("cn/exporter-shenzhen"), "SHA256withRSA", CONTENT, true);

        CmsVerification verification = verifier.verifyEnveloping(p7m, cn, AT);

        assertTrue(verification.result().ok(), () -> verification.result().toString());
        assertArrayEquals(CONTENT, verification.content());
        assertTrue(verification.result().signatures().get(0).coversDocument());
    }

    @Test
    void detachedSignatureOverOtherContentIsInvalid() throws Exception {
        byte[] p7s = sign(SamplePki.load("cn/exporter-shenzhen"), "SHA256withRSA", CONTENT, false);
        byte[] tampered = new String(CONTENT, StandardCharsets.UTF_8).replace("100.00", "900.00")
                .getBytes(StandardCharsets.UTF_8);

        VerificationResult result = verifier.verifyDetached(tampered, p7s, cn, AT);

        assertFalse(result.ok());
        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        SignatureReport report = result.signatures().get(0);
        assertFalse(report.coversDocument());
        assertEquals(SHENZHEN, report.signer());
        assertTrue(report.message().contains("message digest"), report.message());
    }

    @Test
    void signerOutsideTheAnchorsIsUntrusted() throws Exception {
        byte[] p7s = sign(SamplePki.load("rogue/exporter-impostor"), "SHA256withRSA", CONTENT, false);

        VerificationResult result = verifier.verifyDetached(CONTENT, p7s, cn, AT);

        assertFalse(result.ok());
        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.firstFailure());
        assertTrue(result.signatures().get(0).coversDocument());
    }

    @Test
    void revokedSignerIsRejected() throws Exception {
        byte[] p7m = sign(SamplePki.load("cn/exporter-revoked"), "SHA256withRSA", CONTENT, true);

        CmsVerification verification = verifier.verifyEnveloping(p7m, cn, AT);

        assertEquals(ErrorCode.CERTIFICATE_REVOKED, verification.result().firstFailure());
        assertEquals(RevocationStatus.REVOKED, verification.result().signatures().get(0).revocation());
    }

    @Test
    void sha1DigestIsRefused() throws Exception {
        byte[] p7s = sign(SamplePki.load("cn/exporter-shenzhen"), "SHA1withRSA", CONTENT, false);

        VerificationResult result = verifier.verifyDetached(CONTENT, p7s, cn, AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.signatures().get(0).message().contains("SHA-1"), result.signatures().get(0).message());
    }

    @Test
    void garbageIsNotACmsSignature() {
        byte[] garbage = "this is not DER at all".getBytes(StandardCharsets.UTF_8);

        VerificationResult detached = verifier.verifyDetached(CONTENT, garbage, cn, AT);
        CmsVerification enveloping = verifier.verifyEnveloping(garbage, cn, AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, detached.firstFailure());
        assertEquals("not a CMS signature", detached.errors().get(0).message());
        assertEquals(ErrorCode.SIGNATURE_INVALID, enveloping.result().firstFailure());
        assertNull(enveloping.content());
    }

    @Test
    void trailingBytesAfterAValidSignatureAreRefused() throws Exception {
        byte[] p7s = sign(SamplePki.load("cn/exporter-shenzhen"), "SHA256withRSA", CONTENT, false);
        byte[] padded = Arrays.copyOf(p7s, p7s.length + 4);

        assertEquals(ErrorCode.SIGNATURE_INVALID, verifier.verifyDetached(CONTENT, padded, cn, AT).firstFailure());
    }

    @Test
    void cmsWithoutSignerInfosIsUnsigned() throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addCertificates(new JcaCertStore(SamplePki.load("cn/exporter-shenzhen").chain()));
        byte[] certificatesOnly = generator.generate(new CMSProcessableByteArray(CONTENT), true).getEncoded();

        CmsVerification verification = verifier.verifyEnveloping(certificatesOnly, cn, AT);

        assertEquals(ErrorCode.SIGNATURE_MISSING, verification.result().firstFailure());
        assertFalse(verification.result().ok());
    }

    @Test
    void detachedSignatureGivenAsEnvelopingHasNoContent() throws Exception {
        byte[] p7s = sign(SamplePki.load("cn/exporter-shenzhen"), "SHA256withRSA", CONTENT, false);

        CmsVerification verification = verifier.verifyEnveloping(p7s, cn, AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, verification.result().firstFailure());
        assertNull(verification.content());
    }

    private static byte[] sign(IssuedCertificate signer, String algorithm, byte[] content, boolean encapsulate)
            throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder(algorithm).build(signer.privateKey()), signer.certificate()));
        List<X509Certificate> withoutRoot = signer.chain().subList(0, signer.chain().size() - 1);
        generator.addCertificates(new JcaCertStore(withoutRoot));
        return generator.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded();
    }
}
