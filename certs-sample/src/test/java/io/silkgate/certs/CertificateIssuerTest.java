package io.silkgate.certs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateIssuerTest {

    private static final Instant FROM = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
    private static final Instant TO = FROM.plus(3650, ChronoUnit.DAYS);

    private static IssuedCertificate ecRoot;
    private static IssuedCertificate ecCa;
    private static IssuedCertificate ecLeaf;

    @BeforeAll
    static void issueEcChain() {
        ecRoot = CertificateIssuer.selfSignedRoot("CN=Test EC Root, O=Silkgate Tests, C=SG",
                CertificateIssuer.ecKeyPair("secp256r1"), FROM, TO);
        ecCa = CertificateIssuer.issueCa(ecRoot, "CN=Test EC Issuing CA, O=Silkgate Tests, C=SG",
                CertificateIssuer.ecKeyPair("secp256r1"), FROM, TO);
        ecLeaf = CertificateIssuer.issueEndEntity(ecCa, "CN=Test Signer, O=Silkgate Tests, C=SG",
                CertificateIssuer.ecKeyPair("secp384r1"), FROM, TO);
    }

    @Test
    void chainsRunLeafFirstUpToTheRoot() {
        assertEquals(List.of(ecRoot.certificate()), ecRoot.chain());
        assertEquals(List.of(ecCa.certificate(), ecRoot.certificate()), ecCa.chain());
        assertEquals(List.of(ecLeaf.certificate(), ecCa.certificate(), ecRoot.certificate()), ecLeaf.chain());
        assertEquals(ecRoot.certificate().getSubjectX500Principal(), ecRoot.certificate().getIssuerX500Principal());
        assertEquals(ecCa.certificate().getSubjectX500Principal(), ecLeaf.certificate().getIssuerX500Principal());
    }

    @Test
    void namesReadBackInTheOrderTheyWereWritten() {
        assertEquals("CN=Test Signer,O=Silkgate Tests,C=SG", ecLeaf.certificate().getSubjectX500Principal().getName());
    }

    @Test
    void validityIsExactlyAsRequested() {
        assertEquals(FROM, ecLeaf.certificate().getNotBefore().toInstant());
        assertEquals(TO, ecLeaf.certificate().getNotAfter().toInstant());
        assertThrows(IllegalArgumentException.class, () -> CertificateIssuer.issueEndEntity(ecCa, "CN=Backwards",
                CertificateIssuer.ecKeyPair("secp256r1"), TO, FROM));
    }

    @Test
    void caAndEndEntityExtensions() {
        for (X509Certificate ca : List.of(ecRoot.certificate(), ecCa.certificate())) {
            assertEquals(Integer.MAX_VALUE, ca.getBasicConstraints());
            boolean[] usage = ca.getKeyUsage();
            assertTrue(usage[5] && usage[6], "keyCertSign and cRLSign");
            assertFalse(usage[0]);
            assertTrue(ca.getCriticalExtensionOIDs().containsAll(Set.of("2.5.29.19", "2.5.29.15")));
        }
        X509Certificate leaf = ecLeaf.certificate();
        assertEquals(-1, leaf.getBasicConstraints());
        boolean[] usage = leaf.getKeyUsage();
        assertTrue(usage[0] && usage[1], "digitalSignature and nonRepudiation");
        assertFalse(usage[5] || usage[6]);
        assertTrue(leaf.getCriticalExtensionOIDs().containsAll(Set.of("2.5.29.19", "2.5.29.15")));
    }

    @Test
    void authorityKeyIdentifierIsTheIssuersSubjectKeyIdentifier() {
        assertArrayEquals(ski(ecRoot.certificate()), aki(ecRoot.certificate()));
        assertArrayEquals(ski(ecRoot.certificate()), aki(ecCa.certificate()));
        assertArrayEquals(ski(ecCa.certificate()), aki(ecLeaf.certificate()));
        assertFalse(Arrays.equals(ski(ecCa.certificate()), ski(ecLeaf.certificate())));
    }

    @Test
    void serialsArePositiveAndDistinct() {
        BigInteger a = ecCa.certificate().getSerialNumber();
        BigInteger b = ecLeaf.certificate().getSerialNumber();
        assertTrue(a.signum() > 0 && b.signum() > 0);
        assertTrue(a.bitLength() > 64);
        assertNotEquals(a, b);
    }

    @Test
    void signatureAlgorithmFollowsTheIssuerKey() {
        IssuedCertificate rsaRoot = CertificateIssuer.selfSignedRoot("CN=Test RSA Root, C=SG",
                CertificateIssuer.rsaKeyPair(2048), FROM, TO);
        IssuedCertificate ecUnderRsa = CertificateIssuer.issueCa(rsaRoot, "CN=Test EC CA, C=SG",
                CertificateIssuer.ecKeyPair("secp256r1"), FROM, TO);
        assertEquals("SHA256withRSA", rsaRoot.certificate().getSigAlgName());
        assertEquals("SHA256withRSA", ecUnderRsa.certificate().getSigAlgName());
        assertEquals("SHA256withECDSA", ecRoot.certificate().getSigAlgName());
        assertEquals("SHA256withECDSA", ecLeaf.certificate().getSigAlgName());
    }

    @Test
    void certificatesAreJdkObjectsThatPkixAccepts() throws Exception {
        assertFalse(ecLeaf.certificate().getClass().getName().startsWith("org.bouncycastle"));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ecRoot.certificate(), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
                .generateCertPath(ecLeaf.chain().subList(0, 2)), parameters);
        IssuedCertificate otherRoot = CertificateIssuer.selfSignedRoot("CN=Test EC Root, O=Silkgate Tests, C=SG",
                CertificateIssuer.ecKeyPair("secp256r1"), FROM, TO);
        PKIXParameters sameNameOtherKey = new PKIXParameters(Set.of(new TrustAnchor(otherRoot.certificate(), null)));
        sameNameOtherKey.setRevocationEnabled(false);
        assertThrows(CertPathValidatorException.class, () -> CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(ecLeaf.chain().subList(0, 2)),
                sameNameOtherKey));
    }

    @Test
    void crlListsTheRevokedCertificatesAndVerifies() throws Exception {
        IssuedCertificate other = CertificateIssuer.issueEndEntity(ecCa, "CN=Still Good, C=SG",
                CertificateIssuer.ecKeyPair("secp256r1"), FROM, TO);
        X509CRL crl = CertificateIssuer.crl(ecCa, List.of(ecLeaf.certificate()), FROM, TO);
        crl.verify(ecCa.certificate().getPublicKey());
        assertEquals(ecCa.certificate().getSubjectX500Principal(), crl.getIssuerX500Principal());
        assertTrue(crl.isRevoked(ecLeaf.certificate()));
        assertFalse(crl.isRevoked(other.certificate()));
        assertNotNull(crl.getRevokedCertificate(ecLeaf.certificate()).getRevocationReason());
        assertEquals(FROM, crl.getThisUpdate().toInstant());
        assertEquals(TO, crl.getNextUpdate().toInstant());
        assertEquals("SHA256withECDSA", crl.getSigAlgName());
        assertFalse(CertificateIssuer.crl(ecCa, List.of(), FROM, TO).isRevoked(ecLeaf.certificate()));
    }

    @Test
    void crlRefusesCertificatesOfAnotherIssuer() {
        assertThrows(IllegalArgumentException.class,
                () -> CertificateIssuer.crl(ecRoot, List.of(ecLeaf.certificate()), FROM, TO));
    }

    @Test
    void pemRoundTrips() throws Exception {
        String pem = CertificateIssuer.toPem(ecLeaf.certificate());
        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertTrue(pem.endsWith("\n-----END CERTIFICATE-----\n"));
        assertTrue(pem.lines().allMatch(line -> line.length() <= 64));
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        assertEquals(ecLeaf.certificate(), factory.generateCertificate(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));

        X509CRL crl = CertificateIssuer.crl(ecCa, List.of(ecLeaf.certificate()), FROM, TO);
        String crlPem = CertificateIssuer.toPem(crl);
        assertTrue(crlPem.startsWith("-----BEGIN X509 CRL-----\n"));
        assertEquals(crl, factory.generateCRL(new ByteArrayInputStream(crlPem.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void pkcs12HoldsKeyAndWholeChain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/signer.p12");
        char[] password = "test-password".toCharArray();
        CertificateIssuer.writePkcs12(file, "signer", password, ecLeaf);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        assertEquals(ecLeaf.privateKey(), store.getKey("signer", password));
        Certificate[] chain = store.getCertificateChain("signer");
        assertEquals(ecLeaf.chain(), List.of(chain));
    }

    @Test
    void issuedCertificateRequiresTheLeafFirst() {
        assertThrows(IllegalArgumentException.class, () -> new IssuedCertificate(ecLeaf.privateKey(),
                ecLeaf.certificate(), List.of(ecCa.certificate(), ecLeaf.certificate())));
    }

    private static byte[] ski(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifier();
    }

    private static byte[] aki(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets())
                .getKeyIdentifierOctets();
    }
}
