package io.silkgate.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SampleXmlSignerTest {

    private static final String PLAIN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<order xmlns=\"urn:example:order\"><buyer>Công ty Hà Nội</buyer><seller>深圳</seller>"
            + "<total>12.50</total></order>";

    private static IssuedCertificate ecSigner;

    @BeforeAll
    static void issueEcSigner() {
        Instant from = Instant.now().minus(1, ChronoUnit.DAYS);
        Instant to = from.plus(365, ChronoUnit.DAYS);
        IssuedCertificate root = CertificateIssuer.selfSignedRoot("CN=Signer Test Root, C=VN",
                CertificateIssuer.ecKeyPair("secp256r1"), from, to);
        IssuedCertificate ca = CertificateIssuer.issueCa(root, "CN=Signer Test CA, C=VN",
                CertificateIssuer.ecKeyPair("secp256r1"), from, to);
        ecSigner = CertificateIssuer.issueEndEntity(ca, "CN=Signer Test Leaf, C=VN",
                CertificateIssuer.ecKeyPair("secp256r1"), from, to);
    }

    @Test
    void plainDocumentGetsTheSignatureAsLastChildOfTheRoot() throws Exception {
        byte[] signed = SampleXmlSigner.signEnveloped(PLAIN.getBytes(StandardCharsets.UTF_8), ecSigner);
        Element signature = Jsr105.signature(Jsr105.parse(signed));
        assertEquals(signature.getOwnerDocument().getDocumentElement(), signature.getParentNode());
        assertEquals(null, signature.getNextSibling());
        assertEquals("ds", signature.getPrefix());
        assertTrue(Jsr105.validates(signed, ecSigner.certificate().getPublicKey()));
    }

    @Test
    void algorithmsAndReferenceAreTheAgreedOnes() throws Exception {
        byte[] signed = SampleXmlSigner.signEnveloped(PLAIN.getBytes(StandardCharsets.UTF_8), ecSigner);
        Element signature = Jsr105.signature(Jsr105.parse(signed));
        assertEquals(SignatureMethod.ECDSA_SHA256, Jsr105.attribute(signature, "SignatureMethod", "Algorithm"));
        assertEquals(CanonicalizationMethod.EXCLUSIVE,
                Jsr105.attribute(signature, "CanonicalizationMethod", "Algorithm"));
        assertEquals(DigestMethod.SHA256, Jsr105.attribute(signature, "DigestMethod", "Algorithm"));
        NodeList references = signature.getElementsByTagNameNS(XMLSignature.XMLNS, "Reference");
        assertEquals(1, references.getLength());
        assertEquals("", ((Element) references.item(0)).getAttribute("URI"));
        assertTrue(((Element) references.item(0)).hasAttribute("URI"));
        NodeList transforms = signature.getElementsByTagNameNS(XMLSignature.XMLNS, "Transform");
        assertEquals(Transform.ENVELOPED, ((Element) transforms.item(0)).getAttribute("Algorithm"));
        assertEquals(CanonicalizationMethod.EXCLUSIVE, ((Element) transforms.item(1)).getAttribute("Algorithm"));
    }

    @Test
    void keyInfoHoldsLeafAndIntermediateButNotTheRoot() throws Exception {
        byte[] signed = SampleXmlSigner.signEnveloped(PLAIN.getBytes(StandardCharsets.UTF_8), ecSigner);
        assertEquals(ecSigner.chain().subList(0, 2), Jsr105.keyInfoCertificates(signed));
    }

    @Test
    void outputIsUtf8WithDeclarationAndKeepsTheContent() throws Exception {
        byte[] signed = SampleXmlSigner.signEnveloped(PLAIN.getBytes(StandardCharsets.UTF_8), ecSigner);
        String text = new String(signed, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<order"), text);
        assertTrue(text.contains("<buyer>Công ty Hà Nội</buyer><seller>深圳</seller>"), text);
        assertFalse(text.contains("&#13;"), text);
    }

    @Test
    void anyChangeAfterSigningBreaksTheSignature() throws Exception {
        byte[] signed = SampleXmlSigner.signEnveloped(PLAIN.getBytes(StandardCharsets.UTF_8), ecSigner);
        byte[] changed = new String(signed, StandardCharsets.UTF_8).replace("12.50", "1.25")
                .getBytes(StandardCharsets.UTF_8);
        assertFalse(Jsr105.validates(changed, ecSigner.certificate().getPublicKey()));
    }

    @Test
    void ublInvoiceGetsTheSignatureInsideSignatureInformation() throws Exception {
        IssuedCertificate rsaSigner = SamplePki.load("cn/exporter-shenzhen");
        byte[] signed = SampleXmlSigner.signEnveloped(SamplePki.document("invoice-cn-vn.xml"), rsaSigner);
        Element signature = Jsr105.signature(Jsr105.parse(signed));
        assertEquals(SampleXmlSigner.UBL_SAC_NS, signature.getParentNode().getNamespaceURI());
        assertEquals("SignatureInformation", signature.getParentNode().getLocalName());
        assertEquals(SignatureMethod.RSA_SHA256, Jsr105.attribute(signature, "SignatureMethod", "Algorithm"));
        assertTrue(Jsr105.validates(signed, rsaSigner.certificate().getPublicKey()));
        assertFalse(Jsr105.validates(signed, SamplePki.certificate("cn/exporter-revoked.pem").getPublicKey()));
    }

    @Test
    void secondSignatureGoesToAnEmptySignatureInformation() throws Exception {
        String two = "<r xmlns:sac=\"" + SampleXmlSigner.UBL_SAC_NS + "\"><sac:SignatureInformation/>"
                + "<sac:SignatureInformation/><data>x</data></r>";
        byte[] once = SampleXmlSigner.signEnveloped(two.getBytes(StandardCharsets.UTF_8), ecSigner);
        byte[] twice = SampleXmlSigner.signEnveloped(once, ecSigner);
        NodeList holders = Jsr105.parse(twice).getElementsByTagNameNS(SampleXmlSigner.UBL_SAC_NS,
                "SignatureInformation");
        for (int i = 0; i < holders.getLength(); i++) {
            assertEquals(1, ((Element) holders.item(i)).getElementsByTagNameNS(XMLSignature.XMLNS, "Signature")
                    .getLength());
        }
    }

    @Test
    void doctypeAndMalformedInputAreRefused() {
        byte[] withDtd = ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"boom\">]><r>&e;</r>")
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> SampleXmlSigner.signEnveloped(withDtd, ecSigner));
        byte[] broken = "<r><unclosed></r>".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> SampleXmlSigner.signEnveloped(broken, ecSigner));
        assertThrows(IllegalArgumentException.class,
                () -> SampleXmlSigner.signEnveloped("not xml".getBytes(StandardCharsets.UTF_8), ecSigner));
    }
}
