package io.silkgate.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.certs.SampleXmlSigner;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.schemas.en16931.InvoiceFormats;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Vietnamese HDon signatures: the seller's in DSCKS/NBan with a Reference to exactly the DLHDon by its Id; the
 * buyer's (DSCKS/NMua) and the tax authority's (DSCKS/CQT, over the DLHDon and the MCCQT code) verified beside it.
 */
class HdonSignatureTest {

    private static final IssuedCertificate SELLER = SamplePki.load("vn/buyer-hanoi");
    private static final byte[] HDON = hdon();

    private final XmlSignatureVerifier verifier = new XmlSignatureVerifier(new CertificatePathValidator());
    private static final String MCCQT_CODE = "00ABCDEF0123456789ABCDEF0123456789";
    private static final TestPki TAX_PKI = new TestPki("VN Tax Authority");
    private static final IssuedCertificate TAX_AUTHORITY = TAX_PKI.endEntity("Tax Authority Test");

    private final TrustAnchors vn = TestPki.sample("vn");
    private final TrustAnchors vnAndTaxAuthority = TestPki.sample("vn").plus(TAX_PKI.anchors());

    private static byte[] hdon() {
        byte[] ubl = new String(SamplePki.document("invoice-cn-vn.xml"), StandardCharsets.UTF_8).replace("USD", "VND")
                .getBytes(StandardCharsets.UTF_8);
        return new InvoiceConverter().convert(SecureXml.parse(ubl).getDocumentElement(), "ubl", "vn-tt78").document();
    }

    private VerificationResult verify(byte[] bytes) {
        return verifier.verify(SecureXml.parse(bytes), (element, signer) -> vn, TestPki.AT);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sellerSignatureCoversTheDlhdonAndTheInvoiceIsReadFromIt() {
        byte[] signed = SampleXmlSigner.signHDon(HDON, SELLER);
        Document document = SecureXml.parse(signed);

        VerificationResult result = verifier.verify(document, (element, signer) -> vn, TestPki.AT);

        assertTrue(result.ok(), result::toString);
        Element data = result.signedElement();
        assertEquals("DLHDon", data.getLocalName());
        assertSame(document.getDocumentElement(), data.getParentNode());
        Invoice fromSigned = InvoiceFormats.byId("vn-tt78").orElseThrow().read(data);
        Invoice fromRoot = InvoiceFormats.byId("vn-tt78").orElseThrow().read(document.getDocumentElement());
        assertEquals(fromRoot, fromSigned);
    }

    @Test
    void changedInvoiceDataIsInvalid() {
        String signed = text(SampleXmlSigner.signHDon(HDON, SELLER));
        String tampered = signed.replaceFirst("<SHDon>[^<]*</SHDon>", "<SHDon>99999</SHDon>");
        assertTrue(!tampered.equals(signed));

        assertEquals(ErrorCode.SIGNATURE_INVALID, verify(bytes(tampered)).firstFailure());
    }

    @Test
    void partsOutsideDlhdonAreNotSignedAndMayChange() {
        // MCCQT (the tax authority's code) is added after the seller signed: Circular 78's layout
        String signed = text(SampleXmlSigner.signHDon(HDON, SELLER));
        String coded = signed.replace("<DSCKS>", "<MCCQT>00ABCDEF0123456789ABCDEF0123456789</MCCQT><DSCKS>");

        assertTrue(verify(bytes(coded)).ok());
    }

    @Test
    void wholeDocumentReferenceIsRefusedForAnHdon() throws Exception {
        Document document = SecureXml.parse(HDON);
        TestXmlSigner.with(SELLER).into(lastNBan(document)).sign(document);

        VerificationResult result = verifier.verify(TestXmlSigner.resubmit(document), (e, s) -> vn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("must reference its DLHDon"), result::toString);
    }

    @Test
    void referenceToASiblingOfDlhdonIsInvalid() throws Exception {
        Document document = SecureXml.parse(HDON);
        Element general = (Element) document.getElementsByTagName("TTChung").item(0);
        general.setAttribute("Id", "general");
        Element seller = lastNBan(document);
        TestXmlSigner.with(SELLER).reference("#general").into(seller).sign(document);

        VerificationResult result = verifier.verify(TestXmlSigner.resubmit(document), (e, s) -> vn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("not /HDon/DLHDon"), result::toString);
    }

    @Test
    void duplicateIdIsInvalid() {
        String signed = text(SampleXmlSigner.signHDon(HDON, SELLER));
        String duplicate = signed.replace("<DSCKS>", "<DLQRCode Id=\"DLHDon\">x</DLQRCode><DSCKS>");

        VerificationResult result = verify(bytes(duplicate));

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("used more than once"), result::toString);
    }

    @Test
    void signedDlhdonMovedAsideForAForgedOneIsInvalid() {
        // XSW: the genuinely signed DLHDon is hidden in DSCKS/CCKSKhac and a forged DLHDon takes its place
        String signed = text(SampleXmlSigner.signHDon(HDON, SELLER));
        int start = signed.indexOf("<DLHDon");
        int end = signed.indexOf("</DLHDon>") + "</DLHDon>".length();
        String original = signed.substring(start, end);
        String forged = original.replace("Id=\"DLHDon\"", "Id=\"forged\"")
                .replaceFirst("<SHDon>[^<]*</SHDon>", "<SHDon>99999</SHDon>");
        String attack = signed.substring(0, start) + forged + signed.substring(end);
        attack = attack.replace("</DSCKS>", "<CCKSKhac>" + original + "</CCKSKhac></DSCKS>");

        VerificationResult result = verify(bytes(attack));

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertNull(result.signedElement());
    }

    @Test
    void signatureOutsideDscksNbanIsInvalid() {
        byte[] signed = SampleXmlSigner.signEnveloped(HDON, SELLER);

        VerificationResult result = verify(signed);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("DSCKS/NBan"), result::toString);
    }

    @Test
    void signerFromAnotherCountrysPkiIsUntrusted() {
        byte[] signed = SampleXmlSigner.signHDon(HDON, SamplePki.load("cn/exporter-shenzhen"));

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, verify(signed).firstFailure());
    }

    @Test
    void sellerSignatureWithASigningTimeObjectIsAccepted() throws Exception {
        // Vietnamese signing tools also sign a ds:Object holding the signing time
        Document document = SecureXml.parse(HDON);
        TestXmlSigner.with(SELLER).reference("#DLHDon").signingTimeObject("seller-time").into(lastNBan(document))
                .sign(document);

        VerificationResult result = verifier.verify(TestXmlSigner.resubmit(document), (e, s) -> vn, TestPki.AT);

        assertTrue(result.ok(), result::toString);
    }

    @Test
    void taxAuthorityCountersignatureOverDlhdonAndMccqtIsVerifiedAndReported() throws Exception {
        Document document = withTaxAuthorityCode(SampleXmlSigner.signHDon(HDON, SELLER));
        TestXmlSigner.with(TAX_AUTHORITY).reference("#DLHDon").alsoReference("#mccqt").signingTimeObject("cqt-time")
                .into(holder(document, "CQT")).sign(document);

        Document submitted = TestXmlSigner.resubmit(document);
        VerificationResult result = verifier.verify(submitted, (e, s) -> vnAndTaxAuthority, TestPki.AT);

        assertTrue(result.ok(), result::toString);
        assertEquals(2, result.signatures().size());
        assertEquals(SignerRole.SELLER, result.signatures().get(0).role());
        assertEquals(SignerRole.TAX_AUTHORITY, result.signatures().get(1).role());
        assertTrue(result.signatures().get(1).signer().contains("Tax Authority"), result::toString);
        assertEquals("DLHDon", result.signedElement().getLocalName());
    }

    @Test
    void mccqtChangedAfterTheTaxAuthoritySignedIsInvalid() throws Exception {
        Document document = withTaxAuthorityCode(SampleXmlSigner.signHDon(HDON, SELLER));
        TestXmlSigner.with(TAX_AUTHORITY).reference("#DLHDon").alsoReference("#mccqt").into(holder(document, "CQT"))
                .sign(document);
        String tampered = text(TestXmlSigner.serialize(document)).replace(MCCQT_CODE, "00FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");

        VerificationResult result = verifier.verify(SecureXml.parse(bytes(tampered)), (e, s) -> vnAndTaxAuthority,
                TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertEquals(SignerRole.TAX_AUTHORITY, result.signatures().get(1).role());
        assertNull(result.signedElement());
    }

    @Test
    void taxAuthoritySignatureThatLeavesOutTheMccqtIsInvalid() throws Exception {
        Document document = withTaxAuthorityCode(SampleXmlSigner.signHDon(HDON, SELLER));
        TestXmlSigner.with(TAX_AUTHORITY).reference("#DLHDon").into(holder(document, "CQT")).sign(document);

        VerificationResult result = verifier.verify(TestXmlSigner.resubmit(document), (e, s) -> vnAndTaxAuthority,
                TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("/HDon/MCCQT"), result::toString);
    }

    @Test
    void buyerCountersignatureFromAnUntrustedSignerIsRefused() throws Exception {
        Document document = SecureXml.parse(SampleXmlSigner.signHDon(HDON, SELLER));
        TestXmlSigner.with(TAX_AUTHORITY).reference("#DLHDon").into(holder(document, "NMua")).sign(document);

        VerificationResult result = verifier.verify(TestXmlSigner.resubmit(document), (e, s) -> vn, TestPki.AT);

        assertEquals(ErrorCode.CERTIFICATE_UNTRUSTED, result.firstFailure());
        assertEquals(SignerRole.BUYER, result.signatures().get(1).role());
        assertTrue(result.signatures().get(0).valid(), "the seller's own signature stays valid");
    }

    @Test
    void aSecondSellerSignatureIsRefused() throws Exception {
        Document document = SecureXml.parse(SampleXmlSigner.signHDon(HDON, SELLER));
        TestXmlSigner.with(SELLER).reference("#DLHDon").into(lastNBan(document)).sign(document);

        VerificationResult result = verifier.verify(TestXmlSigner.resubmit(document), (e, s) -> vn, TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_INVALID, result.firstFailure());
        assertTrue(result.errors().get(0).message().contains("more than one signature"), result::toString);
    }

    @Test
    void countersignaturesWithoutTheSellersAreASignatureMissing() throws Exception {
        Document document = withTaxAuthorityCode(HDON);
        TestXmlSigner.with(TAX_AUTHORITY).reference("#DLHDon").alsoReference("#mccqt").into(holder(document, "CQT"))
                .sign(document);

        VerificationResult result = verifier.verify(TestXmlSigner.resubmit(document), (e, s) -> vnAndTaxAuthority,
                TestPki.AT);

        assertEquals(ErrorCode.SIGNATURE_MISSING, result.firstFailure());
    }

    /** The document with the tax authority's code (MCCQT, Id "mccqt") added after the seller signed. */
    private static Document withTaxAuthorityCode(byte[] hdon) {
        return SecureXml.parse(bytes(text(hdon).replace("<DSCKS>",
                "<MCCQT Id=\"mccqt\">" + MCCQT_CODE + "</MCCQT><DSCKS>")));
    }

    /** DSCKS/name, created when the document has none. */
    private static Element holder(Document document, String name) {
        Element list = (Element) document.getElementsByTagName("DSCKS").item(0);
        for (Node child = list.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (name.equals(child.getLocalName()) && !(child.getFirstChild() instanceof Element)) {
                return (Element) child;
            }
        }
        return (Element) list.appendChild(document.createElementNS(null, name));
    }

    private static Element lastNBan(Document document) {
        Node list = document.getElementsByTagName("DSCKS").item(0);
        for (Node child = list.getFirstChild(); child != null; child = child.getNextSibling()) {
            if ("NBan".equals(child.getLocalName())) {
                return (Element) child;
            }
        }
        throw new IllegalStateException("no DSCKS/NBan");
    }
}
