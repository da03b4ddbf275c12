package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.CertificateIssuer;
import io.silkgate.certs.SamplePki;
import io.silkgate.schemas.SecureXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    @TempDir
    Path dir;

    private final TestPki pki = new TestPki("Folder");

    @Test
    void folderSplitsRootsFromIntermediatesAndReadsPemAndDerCrls() throws Exception {
        X509CRL caCrl = CertificateIssuer.crl(pki.ca, List.of(), TestPki.START, TestPki.END);
        X509CRL rootCrl = CertificateIssuer.crl(pki.root, List.of(), TestPki.START, TestPki.END);
        Files.writeString(dir.resolve("root.pem"), CertificateIssuer.toPem(pki.root.certificate()));
        Files.writeString(dir.resolve("issuing.crt"), CertificateIssuer.toPem(pki.ca.certificate()));
        Files.write(dir.resolve("issuing.crl"), caCrl.getEncoded());
        Files.writeString(dir.resolve("root.crl"), CertificateIssuer.toPem(rootCrl));
        Files.writeString(dir.resolve("signing-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pki.root.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(dir.resolve("README.txt"), "not a certificate");

        TrustAnchors anchors = TrustAnchors.load(dir, null);

        assertEquals(List.of(pki.root.certificate()), anchors.anchors());
        assertEquals(List.of(pki.ca.certificate()), anchors.intermediates());
        assertEquals(Set.of(caCrl, rootCrl), Set.copyOf(anchors.crls()));
    }

    @Test
    void singleFileWithSeveralCertificatesAndASeparateCrlFile() throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, "subject=Folder Root\n" + CertificateIssuer.toPem(pki.root.certificate())
                + CertificateIssuer.toPem(pki.ca.certificate()));
        Path crl = dir.resolve("ca.crl");
        Files.writeString(crl, CertificateIssuer.toPem(CertificateIssuer.crl(pki.ca, List.of(), TestPki.START,
                TestPki.END)));

        TrustAnchors anchors = TrustAnchors.load(bundle, crl);

        assertEquals(1, anchors.anchors().size());
        assertEquals(1, anchors.intermediates().size());
        assertEquals(1, anchors.crls().size());
    }

    @Test
    void unreadableCertificateFileIsAnError() throws Exception {
        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TrustAnchors.load(broken, null));

        assertTrue(error.getMessage().contains("broken.pem"), error.getMessage());
    }

    @Test
    void sampleCountryFolderVerifiesTheSampleInvoice() {
        Path cn = SamplePki.copyTo(dir).resolve("cn");
        TrustAnchors anchors = TrustAnchors.load(cn, null);
        XmlSignatureVerifier verifier = new XmlSignatureVerifier(new CertificatePathValidator());

        VerificationResult result = verifier.verify(SecureXml.parse(SamplePki.document("invoice-cn-vn.signed.xml")),
                (element, signer) -> anchors, TestPki.AT);

        assertTrue(result.ok(), () -> result.toString());
        assertEquals(RevocationStatus.GOOD, result.signatures().get(0).revocation());
    }

    @Test
    void plusMergesWithoutDuplicates() {
        TrustAnchors a = TrustAnchors.of(List.of(pki.root.certificate(), pki.ca.certificate()), List.of());
        TrustAnchors b = TrustAnchors.of(List.of(pki.root.certificate()), List.of());
        TestPki other = new TestPki("Other");

        TrustAnchors merged = a.plus(b).plus(other.anchors());

        assertEquals(List.of(pki.root.certificate(), other.root.certificate()), merged.anchors());
        assertEquals(List.of(pki.ca.certificate()), merged.intermediates());
        assertTrue(TrustAnchors.empty().isEmpty());
    }

    @Test
    void trustStoreLooksCountriesUpInAnyCase() {
        TestPki other = new TestPki("Other");
        TrustStore store = new TrustStore(Map.of("cn", pki.anchors(), "VN", other.anchors()));

        assertEquals(pki.anchors().anchors(), store.forCountry("CN").orElseThrow().anchors());
        assertEquals(other.anchors().anchors(), store.forCountry("vn").orElseThrow().anchors());
        assertTrue(store.forCountry("DE").isEmpty());
        assertEquals(Set.of("CN", "VN"), store.countries());
        assertEquals(2, store.all().anchors().size());
    }
}
