package io.silkgate.sign;

import io.silkgate.schemas.SecureXml;
import io.silkgate.verify.KeyStrengthPolicy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dom.DOMStructure;
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
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.jcp.xml.dsig.internal.dom.XMLDSigRI;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The gateway's XAdES-BES enveloped signature on the XML documents it forwards, where the format has a place for
 * one: EN 16931 UBL invoices and credit notes (in
 * {@code ext:UBLExtensions/…/sig:UBLDocumentSignatures/sac:SignatureInformation},
 * Reference URI="" with the enveloped transform) and Vietnamese HDon ({@code DSCKS/NBan}, Reference to the DLHDon Id).
 * RSA-SHA256 or ECDSA-SHA256, exclusive c14n, SigningTime and SigningCertificateV2, KeyInfo with the chain without
 * the root. Thread-safe.
 */
public final class XadesSigner {

    static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    static final String UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static final String UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    static final String EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
    static final String SIG = "urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2";
    static final String SAC = "urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String SBC = "urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2";
    private static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties";
    private static final Set<String> SIGNED_FORMATS = Set.of("ubl", "vn-tt78");
    private static final String SIGNATURE_ID = "silkgate-signature";
    private static final String PROPERTIES_ID = "silkgate-signed-properties";
    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM", new XMLDSigRI());

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String signatureMethod;
    private final Clock clock;

    /** @param chain the gateway certificate first, then its issuing CAs (a self-signed root is left out of KeyInfo) */
    public XadesSigner(PrivateKey key, List<X509Certificate> chain, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("the signing certificate is missing");
        }
        String weakness = KeyStrengthPolicy.weakness(chain.get(0).getPublicKey());
        if (weakness != null) {
            throw new IllegalArgumentException("gateway signing key: " + weakness);
        }
        this.chain = withoutRoot(chain);
        this.signatureMethod = switch (key.getAlgorithm()) {
            case "RSA" -> SignatureMethod.RSA_SHA256;
            case "EC" -> SignatureMethod.ECDSA_SHA256;
            default -> throw new IllegalArgumentException(key.getAlgorithm() + " keys cannot sign XML here");
        };
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The certificate whose key signs. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Whether documents of this format id get the gateway's XAdES inside them. */
    public static boolean signsFormat(String format) {
        return SIGNED_FORMATS.contains(format);
    }

    /**
     * The document with the gateway's signature, or empty when its format has no place for one, or it is signed
     * already: those travel with the detached JWS only. CII and Indonesian Coretax have no signature slot; Peppol
     * BIS 3 and PINT forbid empty elements (PEPPOL-EN16931-R008), which every ds:Signature has, and are signed in
     * transport by the Peppol network.
     */
    public Optional<byte[]> sign(byte[] xml, String format) {
        if (!signsFormat(format)) {
            return Optional.empty();
        }
        Document document = SecureXml.parse(xml);
        Element root = document.getDocumentElement();
        if (document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").getLength() > 0) {
            return Optional.empty();
        }
        if (!prepare(root)) {
            return Optional.empty();
        }
        // The slot's new elements carry no namespace declarations yet: sign what a receiver will parse, not the DOM
        // as built, or the digest over the document would not match the serialised bytes.
        document = SecureXml.parse(serialize(document));
        Placement placement = placement(document.getDocumentElement());
        try {
            sign(document, placement);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("cannot sign the outbound document: " + e.getMessage(), e);
        }
        return Optional.of(serialize(document));
    }

    /** Makes the place for the signature; false when the format has none. */
    private static boolean prepare(Element root) {
        if (isUbl(root)) {
            ublSlot(root);
            return true;
        }
        if (isHDon(root)) {
            Element data = child(root, null, "DLHDon");
            Element signatures = child(root, null, "DSCKS");
            if (data == null || signatures == null || child(signatures, null, "NBan") == null) {
                return false;
            }
            if (data.getAttributeNS(null, "Id").isEmpty()) {
                data.setAttributeNS(null, "Id", "DLHDon");
            }
            return true;
        }
        return false;
    }

    private static Placement placement(Element root) {
        if (isUbl(root)) {
            NodeList slots = root.getElementsByTagNameNS(SAC, "SignatureInformation");
            return new Placement((Element) slots.item(slots.getLength() - 1), "");
        }
        Element data = child(root, null, "DLHDon");
        return new Placement(child(child(root, null, "DSCKS"), null, "NBan"), "#" + data.getAttributeNS(null, "Id"));
    }

    private static boolean isUbl(Element root) {
        String ns = root.getNamespaceURI();
        return (UBL_INVOICE.equals(ns) && "Invoice".equals(root.getLocalName()))
                || (UBL_CREDIT_NOTE.equals(ns) && "CreditNote".equals(root.getLocalName()));
    }

    private static boolean isHDon(Element root) {
        return root.getNamespaceURI() == null && "HDon".equals(root.getLocalName());
    }

    /** ext:UBLExtensions (the root's first child, as UBL requires) / … / sac:SignatureInformation. */
    private static Element ublSlot(Element root) {
        Document d = root.getOwnerDocument();
        Element extensions = child(root, EXT, "UBLExtensions");
        if (extensions == null) {
            extensions = d.createElementNS(EXT, "ext:UBLExtensions");
            root.insertBefore(extensions, root.getFirstChild());
        }
        Element extension = append(extensions, EXT, "ext:UBLExtension");
        append(extension, EXT, "ext:ExtensionURI")
                .setTextContent("urn:oasis:names:specification:ubl:dsig:enveloped:xades");
        Element content = append(extension, EXT, "ext:ExtensionContent");
        Element signatures = append(content, SIG, "sig:UBLDocumentSignatures");
        Element information = append(signatures, SAC, "sac:SignatureInformation");
        append(information, CBC, "cbc:ID").setTextContent("urn:oasis:names:specification:ubl:signature:1");
        append(information, SBC, "sbc:ReferencedSignatureID")
                .setTextContent("urn:oasis:names:specification:ubl:signature:" + root.getLocalName());
        return information;
    }

    private void sign(Document document, Placement placement) throws GeneralSecurityException, MarshalException,
            XMLSignatureException {
        DOMSignContext context = new DOMSignContext(key, placement.parent());
        context.setDefaultNamespacePrefix("ds");
        if (!placement.uri().isEmpty()) {
            context.setIdAttributeNS(child(document.getDocumentElement(), null, "DLHDon"), null, "Id");
        }
        List<Transform> documentTransforms = new ArrayList<>();
        if (placement.uri().isEmpty()) {
            documentTransforms.add(FACTORY.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null));
        }
        documentTransforms.add(FACTORY.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null));
        Reference documentReference = FACTORY.newReference(placement.uri(),
                FACTORY.newDigestMethod(DigestMethod.SHA256, null), documentTransforms, null, null);

        Element qualifying = qualifyingProperties(document);
        qualifying.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xades", XADES);
        Element signedProperties = (Element) qualifying.getFirstChild();
        context.setIdAttributeNS(signedProperties, null, "Id");
        Reference propertiesReference = FACTORY.newReference("#" + PROPERTIES_ID,
                FACTORY.newDigestMethod(DigestMethod.SHA256, null),
                List.of(FACTORY.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                SIGNED_PROPERTIES_TYPE, null);
        SignedInfo signedInfo = FACTORY.newSignedInfo(
                FACTORY.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                FACTORY.newSignatureMethod(signatureMethod, null), List.of(documentReference, propertiesReference));
        KeyInfoFactory keys = FACTORY.getKeyInfoFactory();
        XMLSignature signature = FACTORY.newXMLSignature(signedInfo,
                keys.newKeyInfo(List.of(keys.newX509Data(chain))),
                List.of(FACTORY.newXMLObject(List.of(new DOMStructure(qualifying)), null, null, null)),
                SIGNATURE_ID, null);
        signature.sign(context);
    }

    private Element qualifyingProperties(Document d) throws GeneralSecurityException {
        Element qualifying = d.createElementNS(XADES, "xades:QualifyingProperties");
        qualifying.setAttributeNS(null, "Target", "#" + SIGNATURE_ID);
        Element signedProperties = append(qualifying, XADES, "xades:SignedProperties");
        signedProperties.setAttributeNS(null, "Id", PROPERTIES_ID);
        Element properties = append(signedProperties, XADES, "xades:SignedSignatureProperties");
        append(properties, XADES, "xades:SigningTime").setTextContent(
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        Element cert = append(append(properties, XADES, "xades:SigningCertificateV2"), XADES, "xades:Cert");
        Element digest = append(cert, XADES, "xades:CertDigest");
        append(digest, XMLSignature.XMLNS, "ds:DigestMethod").setAttributeNS(null, "Algorithm", DigestMethod.SHA256);
        append(digest, XMLSignature.XMLNS, "ds:DigestValue").setTextContent(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded())));
        return qualifying;
    }

    private static Element append(Element parent, String ns, String qualifiedName) {
        Element element = parent.getOwnerDocument().createElementNS(ns, qualifiedName);
        parent.appendChild(element);
        return element;
    }

    private static Element child(Element parent, String ns, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && localName.equals(node.getLocalName())
                    && Objects.equals(ns, node.getNamespaceURI())) {
                return (Element) node;
            }
        }
        return null;
    }

    private static List<X509Certificate> withoutRoot(List<X509Certificate> chain) {
        X509Certificate last = chain.get(chain.size() - 1);
        if (chain.size() > 1 && last.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
            return List.copyOf(chain.subList(0, chain.size() - 1));
        }
        return List.copyOf(chain);
    }

    private static byte[] serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise the signed document", e);
        }
    }

    /** Where the signature goes and what its document Reference URI is ("" = the whole document, enveloped). */
    private record Placement(Element parent, String uri) {
    }
}
