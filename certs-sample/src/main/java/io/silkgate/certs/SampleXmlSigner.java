package io.silkgate.certs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Signs XML documents with an enveloped XMLDSig signature (RSA-SHA256 or ECDSA-SHA256, SHA-256 digest,
 * exclusive c14n, Reference URI="" with the enveloped transform, KeyInfo/X509Data with the signer certificate
 * followed by the intermediate CAs (not the root)). Sample and test material only.
 */
public final class SampleXmlSigner {

    /** Namespace of {@code sac:SignatureInformation}, where UBL 2.1 wants its enveloped signatures. */
    public static final String UBL_SAC_NS =
            "urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2";

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private SampleXmlSigner() {
    }

    /**
     * Signs the document. The signature goes into the first {@code sac:SignatureInformation} element that holds
     * no signature yet (UBL 2.1 extension placement), otherwise it becomes the last child of the root element.
     *
     * @throws IllegalArgumentException if the bytes are not well-formed XML or declare a DTD
     */
    public static byte[] signEnveloped(byte[] xml, IssuedCertificate signer) {
        Document document = parse(xml);
        return sign(document, signatureParent(document), "", signer);
    }

    /**
     * Signs a Vietnamese invoice (HDon, Circular 78) as its seller does: the signature goes into {@code DSCKS/NBan}
     * and its Reference points to the Id of {@code DLHDon} (no enveloped transform: the signature lies outside).
     *
     * @throws IllegalArgumentException if the document is no HDon with DLHDon Id and DSCKS/NBan
     */
    public static byte[] signHDon(byte[] xml, IssuedCertificate signer) {
        Document document = parse(xml);
        Element root = document.getDocumentElement();
        Element data = child(root, "DLHDon");
        Element signatures = child(root, "DSCKS");
        Element seller = signatures == null ? null : child(signatures, "NBan");
        if (!"HDon".equals(root.getLocalName()) || data == null || data.getAttribute("Id").isEmpty()
                || seller == null) {
            throw new IllegalArgumentException("not an HDon with DLHDon/@Id and DSCKS/NBan");
        }
        data.setIdAttribute("Id", true);
        return sign(document, seller, "#" + data.getAttribute("Id"), signer);
    }

    private static byte[] sign(Document document, Element parent, String uri, IssuedCertificate signer) {
        Element created;
        try {
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            List<Transform> transforms = new ArrayList<>();
            if (uri.isEmpty()) {
                transforms.add(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null));
            }
            transforms.add(factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null));
            Reference reference = factory.newReference(uri,
                    factory.newDigestMethod(DigestMethod.SHA256, null), transforms, null, null);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(signatureMethod(signer), null),
                    List.of(reference));
            KeyInfoFactory keyInfoFactory = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfoFactory.newKeyInfo(
                    List.of(keyInfoFactory.newX509Data(keyInfoCertificates(signer))));
            DOMSignContext context = new DOMSignContext(signer.privateKey(), parent);
            context.setDefaultNamespacePrefix("ds");
            XMLSignature signature = factory.newXMLSignature(signedInfo, keyInfo);
            signature.sign(context);
            created = (Element) parent.getLastChild();
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("cannot sign the document", e);
        }
        dropCarriageReturns(created);
        return serialize(document);
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && localName.equals(node.getLocalName())) {
                return (Element) node;
            }
        }
        return null;
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the default handler prints every fatal error to stderr before throwing it
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not a well-formed XML document without DTD: " + e.getMessage(), e);
        }
    }

    private static Element signatureParent(Document document) {
        NodeList candidates = document.getElementsByTagNameNS(UBL_SAC_NS, "SignatureInformation");
        for (int i = 0; i < candidates.getLength(); i++) {
            Element candidate = (Element) candidates.item(i);
            if (candidate.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").getLength() == 0) {
                return candidate;
            }
        }
        return document.getDocumentElement();
    }

    private static String signatureMethod(IssuedCertificate signer) {
        return switch (signer.privateKey().getAlgorithm()) {
            case "RSA" -> SignatureMethod.RSA_SHA256;
            case "EC" -> SignatureMethod.ECDSA_SHA256;
            default -> throw new IllegalArgumentException(
                    "unsupported signer key algorithm " + signer.privateKey().getAlgorithm());
        };
    }

    /** The leaf and its intermediates: a verifier must take the root from its own trust store, never from here. */
    private static List<X509Certificate> keyInfoCertificates(IssuedCertificate signer) {
        List<X509Certificate> certificates = new ArrayList<>();
        certificates.add(signer.certificate());
        for (X509Certificate certificate : signer.chain().subList(1, signer.chain().size())) {
            if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                certificates.add(certificate);
            }
        }
        return certificates;
    }

    /**
     * The JDK wraps base64 values with CRLF, which serializes as {@code &#13;} noise. SignatureValue and KeyInfo
     * of the signature just made are outside its SignedInfo and base64 ignores line breaks, so it stays valid.
     */
    private static void dropCarriageReturns(Element signature) {
        for (String name : List.of("SignatureValue", "X509Certificate")) {
            NodeList values = signature.getElementsByTagNameNS(XMLSignature.XMLNS, name);
            for (int i = 0; i < values.getLength(); i++) {
                Node value = values.item(i);
                value.setTextContent(value.getTextContent().replace("\r", ""));
            }
        }
    }

    private static byte[] serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            // the JDK's own declaration carries standalone="no" and no line break; write a plain one instead
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(XML_DECLARATION.getBytes(StandardCharsets.UTF_8));
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize the signed document", e);
        }
    }
}
