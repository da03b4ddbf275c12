package io.silkgate.verify;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.crypto.dsig.XMLSignature;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The XAdES qualifying properties of one signature (ETSI EN 319 132-1, namespaces v1.3.2 and v1.4.1): the signed
 * properties must be covered by the signature and must name the signer's certificate; the unsigned ones may carry
 * signature time-stamps.
 */
final class XadesProperties {

    static final String XADES_132 = "http://uri.etsi.org/01903/v1.3.2#";
    static final String XADES_141 = "http://uri.etsi.org/01903/v1.4.1#";
    /** Bounds the RFC 3161 tokens a submitter can make us check per signature. */
    static final int MAX_TIMESTAMPS = 4;

    private XadesProperties() {
    }

    /**
     * Checks the qualifying properties of a signature whose references have verified.
     *
     * @param covered the xades:SignedProperties element a Reference of Type SignedProperties dereferenced, or null
     * @return the xades:SignatureTimeStamp elements of the covered properties (empty if none)
     */
    static List<Element> check(Element signature, Element covered, X509Certificate signer) throws Invalid {
        List<Element> signedProperties = descendants(signature, "SignedProperties");
        if (covered == null) {
            if (!signedProperties.isEmpty() || !descendants(signature, "SignatureTimeStamp").isEmpty()) {
                throw new Invalid("the XAdES SignedProperties are not covered by a Reference of Type "
                        + "http://uri.etsi.org/01903#SignedProperties");
            }
            return List.of();
        }
        if (!isXades(covered, "SignedProperties")) {
            throw new Invalid("the Reference of Type SignedProperties points to " + covered.getNodeName()
                    + ", not to xades:SignedProperties");
        }
        if (signedProperties.size() > 1) {
            throw new Invalid("the signature holds " + signedProperties.size() + " xades:SignedProperties; exactly "
                    + "one is accepted");
        }
        Node qualifying = covered.getParentNode();
        if (!(qualifying instanceof Element q) || !isXades(q, "QualifyingProperties")) {
            throw new Invalid("xades:SignedProperties is not inside xades:QualifyingProperties");
        }
        String target = q.getAttributeNS(null, "Target");
        String id = signature.getAttributeNS(null, "Id");
        if (!target.isEmpty() && !id.isEmpty() && !target.equals("#" + id)) {
            throw new Invalid("xades:QualifyingProperties Target=\"" + target + "\" names another signature than "
                    + "this one (Id=\"" + id + "\")");
        }
        checkSigningCertificate(covered, signer);
        List<Element> stamps = new ArrayList<>();
        for (Element unsigned : children(q, "UnsignedProperties")) {
            for (Element properties : children(unsigned, "UnsignedSignatureProperties")) {
                stamps.addAll(children(properties, "SignatureTimeStamp"));
            }
        }
        if (stamps.size() != descendants(signature, "SignatureTimeStamp").size()) {
            throw new Invalid("a xades:SignatureTimeStamp is outside the UnsignedSignatureProperties of the signed "
                    + "properties' QualifyingProperties");
        }
        if (stamps.size() > MAX_TIMESTAMPS) {
            throw new Invalid("the signature holds " + stamps.size() + " time-stamps; at most " + MAX_TIMESTAMPS
                    + " are accepted");
        }
        return stamps;
    }

    /** SigningCertificate (v1) or SigningCertificateV2: one of its Cert entries must be the signer's certificate. */
    private static void checkSigningCertificate(Element signedProperties, X509Certificate signer) throws Invalid {
        List<Element> certs = new ArrayList<>();
        int bindings = 0;
        for (Element sigProps : children(signedProperties, "SignedSignatureProperties")) {
            for (Element binding : children(sigProps, "SigningCertificate")) {
                bindings++;
                certs.addAll(children(binding, "Cert"));
            }
            for (Element binding : children(sigProps, "SigningCertificateV2")) {
                bindings++;
                certs.addAll(children(binding, "Cert"));
            }
        }
        if (bindings == 0) {
            throw new Invalid("the XAdES SignedProperties lack SigningCertificate / SigningCertificateV2, so the "
                    + "signer's certificate is not bound to the signature");
        }
        byte[] encoded;
        try {
            encoded = signer.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new Invalid("the signer certificate cannot be encoded: " + e.getMessage());
        }
        for (Element cert : certs) {
            Element digest = first(cert, "CertDigest");
            Element method = digest == null ? null : firstDsig(digest, "DigestMethod");
            Element value = digest == null ? null : firstDsig(digest, "DigestValue");
            if (method == null || value == null) {
                throw new Invalid("a xades:Cert of the SigningCertificate has no CertDigest with DigestMethod and "
                        + "DigestValue");
            }
            String algorithm = method.getAttributeNS(null, "Algorithm");
            String jca = SignatureAlgorithms.jcaDigest(algorithm);
            if (jca == null) {
                throw new Invalid(SignatureAlgorithms.refusal("SigningCertificate digest method", algorithm));
            }
            byte[] expected;
            try {
                expected = Base64.getMimeDecoder().decode(value.getTextContent().strip());
                if (MessageDigest.isEqual(expected, MessageDigest.getInstance(jca).digest(encoded))) {
                    return;
                }
            } catch (IllegalArgumentException e) {
                throw new Invalid("a SigningCertificate DigestValue is not base64");
            } catch (GeneralSecurityException e) {
                throw new Invalid("digest " + jca + " is not available: " + e.getMessage());
            }
        }
        throw new Invalid("the XAdES SigningCertificate digest does not match the signer's certificate "
                + CertificatePathValidator.dn(signer));
    }

    static boolean isXades(Node node, String localName) {
        return node.getNodeType() == Node.ELEMENT_NODE && localName.equals(node.getLocalName())
                && (XADES_132.equals(node.getNamespaceURI()) || XADES_141.equals(node.getNamespaceURI()));
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (isXades(child, localName)) {
                found.add((Element) child);
            }
        }
        return found;
    }

    static Element first(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    static Element firstDsig(Element parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && XMLSignature.XMLNS.equals(child.getNamespaceURI())
                    && localName.equals(child.getLocalName())) {
                return (Element) child;
            }
        }
        return null;
    }

    private static List<Element> descendants(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        for (String ns : List.of(XADES_132, XADES_141)) {
            NodeList list = root.getElementsByTagNameNS(ns, localName);
            for (int i = 0; i < list.getLength(); i++) {
                found.add((Element) list.item(i));
            }
        }
        return found;
    }

    /** A qualifying property that makes the signature invalid. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
