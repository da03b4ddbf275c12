package io.silkgate.certs;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Plain JSR 105 verification helpers for the tests, independent of the code under test. */
final class Jsr105 {

    private Jsr105() {
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** The one ds:Signature of the document; fails the test if there is none or more than one. */
    static Element signature(Document document) {
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1) {
            throw new AssertionError("expected exactly one ds:Signature, found " + signatures.getLength());
        }
        return (Element) signatures.item(0);
    }

    /** Core validation (SignedInfo signature and every reference) with the given key. */
    static boolean validates(byte[] xml, PublicKey key) throws Exception {
        Element signature = signature(parse(xml));
        DOMValidateContext context = new DOMValidateContext(key, signature);
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        return factory.unmarshalXMLSignature(context).validate(context);
    }

    /** The certificates of KeyInfo/X509Data, in document order. */
    static List<X509Certificate> keyInfoCertificates(byte[] xml) throws Exception {
        NodeList values = signature(parse(xml)).getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate");
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < values.getLength(); i++) {
            byte[] der = Base64.getMimeDecoder().decode(values.item(i).getTextContent());
            certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        return certificates;
    }

    static String attribute(Element signature, String element, String attribute) {
        return ((Element) signature.getElementsByTagNameNS(XMLSignature.XMLNS, element).item(0))
                .getAttribute(attribute);
    }
}
