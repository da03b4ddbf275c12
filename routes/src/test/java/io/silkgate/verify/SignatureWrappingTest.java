package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleXmlSigner;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.SecureXml;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Signature wrapping (XSW) and ambiguity attacks: a signature that is sound but does not vouch for what is read. */
class SignatureWrappingTest {

    private static final String UBL = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private final XmlSignatureVerifier verifier = new XmlSignatureVerifier(new CertificatePathValidator());
    private final IssuedCertificate exporter = SamplePki.load("cn/exporter-shenzhen");
    private final TrustAnchors cn = TestPki.sample("cn");

    private static Document invoice(String rootId, String amount) {
        return invoice(rootId, amount, "payload");
    }

    private static Document invoice(String rootId, String amount, String payloadId) {
        String id = rootId == null ? "" : " Id=\"" + rootId + "\"";
        return SecureXml.parse(("<Invoice xmlns=\"" + UBL + "\" xmlns:cbc=\"" + CBC + "\"" + id + ">"
                + "<cbc:ID>INV-1</cbc:ID><Payload Id=\"" + payloadId + "\"><cbc:PayableAmount>" + amount
                + "</cbc:PayableAmount></Payload></Invoice>").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void referenceToTheRootIdCoversTheDocument() throws Exception {
        Document document = invoice("inv-1", "100.00");
        TestXmlSigner.with(exporter).reference("#inv-1").sign(document);
        document = TestXmlSigner.resubmit(document);

        VerificationResult result = verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertTrue(result.ok(), () -> result.toString());
        assertTrue(result.signatures().get(0).coversDocument());
        assertSame(document.getDocumentElement(), result.signedElement());
    }

    @Test
    void signatureOverAChildElementOnlyDoesNotCoverTheDocument() throws Exception {
        Document document = invoice(null, "100.00");
        TestXmlSigner.with(exporter).reference("#payload").sign(document);
        document = TestXmlSigner.resubmit(document);
        assertTrue(TestXmlSigner.coreValid(document), "the signature itself is sound");

        VerificationResult result = verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertFalse(result.signatures().get(0).coversDocument());
        assertTrue(result.signatures().get(0).message().startsWith("signature does not cover the document"));
        assertNull(result.signedElement());
    }

    @Test
    void signedInvoiceWrappedInsideAForgedInvoiceIsRejected() throws Exception {
        // XSW: the genuinely signed Invoice (Reference #inv-1) is moved into an extension of a forged Invoice that
        // an application would read first; the signature still validates by ID lookup.
        Document signed = invoice("inv-1", "100.00");
        Element signature = TestXmlSigner.with(exporter).reference("#inv-1").sign(signed);
        Document attack = invoice("inv-forged", "999999.00", "forged-payload");
        Element forgedRoot = attack.getDocumentElement();
        Element extension = attack.createElementNS(UBL, "Extension");
        forgedRoot.appendChild(extension);
        Element original = (Element) attack.importNode(signed.getDocumentElement(), true);
        Node movedSignature = original.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature")
                .item(0);
        extension.appendChild(original);
        // Detached from the signed content so that it stays outside the digest, as in XSW variants 1 and 2.
        original.removeChild(movedSignature);
        forgedRoot.appendChild(movedSignature);
        attack = TestXmlSigner.resubmit(attack);
        assertEquals("Signature", signature.getLocalName());
        assertTrue(TestXmlSigner.coreValid(attack), "a naive verifier accepts the wrapped document");

        VerificationResult result = verifier.verify(attack, (element, signer) -> cn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertFalse(result.signatures().get(0).coversDocument());
        assertTrue(result.signatures().get(0).message().startsWith("signature does not cover the document"),
                result.signatures().get(0).message());
    }

    @Test
    void aSecondSignatureIsRejectedNamingTheCount() {
        byte[] once = SamplePki.document("invoice-cn-vn.signed.xml");
        byte[] twice = SampleXmlSigner.signEnveloped(once, SamplePki.load("cn/exporter-revoked"));
        Document document = SecureXml.parse(twice);

        VerificationResult result = verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertEquals(2, result.signatures().size());
        assertTrue(result.errors().get(0).message().contains("2 ds:Signature elements"),
                result.errors().get(0).message());
        assertFalse(result.ok());
    }

    @Test
    void anInjectedDecoySignatureMakesAnOtherwiseValidDocumentInvalid() throws Exception {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.signed.xml"));
        Element decoy = (Element) document.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature")
                .item(0).cloneNode(true);
        document.getDocumentElement().appendChild(decoy);
        document = TestXmlSigner.resubmit(document);

        VerificationResult result = verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
    }

    @Test
    void duplicateIdsAreRejected() throws Exception {
        Document document = invoice("inv-1", "100.00");
        TestXmlSigner.with(exporter).reference("#inv-1").sign(document);
        Element twin = document.createElementNS(UBL, "Note");
        twin.setAttributeNS(null, "ID", "inv-1");
        twin.setTextContent("pay to account 666");
        document.getDocumentElement().insertBefore(twin, document.getDocumentElement().getFirstChild());
        document = TestXmlSigner.resubmit(document);

        VerificationResult result = verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.signatures().get(0).message().contains("\"inv-1\" is used more than once"),
                result.signatures().get(0).message());
    }

    @Test
    void xadesSignedPropertiesInsideTheSignatureAreAccepted() throws Exception {
        Document document = SecureXml.parse(SamplePki.document("invoice-cn-vn.xml"));
        TestXmlSigner.with(exporter).xades("").sign(document);
        document = TestXmlSigner.resubmit(document);

        VerificationResult result = verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertTrue(result.ok(), () -> result.toString());
    }

    @Test
    void signedPropertiesReferencePointingOutsideTheSignatureIsRejected() throws Exception {
        Document document = invoice(null, "100.00");
        TestXmlSigner.with(exporter).xades("#payload").sign(document);
        document = TestXmlSigner.resubmit(document);
        assertTrue(TestXmlSigner.coreValid(document), "the signature itself is sound");

        VerificationResult result = verifier.verify(document, (element, signer) -> cn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.signatures().get(0).message().contains("Reference URI=\"#payload\""),
                result.signatures().get(0).message());
    }
}
