package io.silkgate.verify;

import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SampleTimeStampAuthority;
import io.silkgate.schemas.SecureXml;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dom.DOMCryptoContext;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.jcp.xml.dsig.internal.dom.XMLDSigRI;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Builds XMLDSig signatures with JSR 105 for material the sample PKI does not have (weak algorithms, odd references). */
final class TestXmlSigner {

    static final String XADES_NS = "http://uri.etsi.org/01903/v1.3.2#";
    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM", new XMLDSigRI());

    private final IssuedCertificate signer;
    private String digestMethod = DigestMethod.SHA256;
    private String signatureMethod;
    private String referenceUri = "";
    private boolean keyValueOnly;
    private Element parent;
    private String signedPropertiesTarget;
    private List<X509Certificate> keyInfoCertificates;
    private X509Certificate signingCertificate;
    private boolean noSigningCertificate;
    private boolean uncoveredProperties;
    private final List<String> extraReferences = new ArrayList<>();
    private String signingTimeObjectId;

    private TestXmlSigner(IssuedCertificate signer) {
        this.signer = signer;
        this.signatureMethod = "EC".equals(signer.privateKey().getAlgorithm())
                ? SignatureMethod.ECDSA_SHA256 : SignatureMethod.RSA_SHA256;
    }

    static TestXmlSigner with(IssuedCertificate signer) {
        return new TestXmlSigner(signer);
    }

    TestXmlSigner digest(String uri) {
        this.digestMethod = uri;
        return this;
    }

    TestXmlSigner signatureMethod(String uri) {
        this.signatureMethod = uri;
        return this;
    }

    TestXmlSigner reference(String uri) {
        this.referenceUri = uri;
        return this;
    }

    /** One more Reference (exclusive c14n, no enveloped transform), e.g. to an HDon's MCCQT. */
    TestXmlSigner alsoReference(String uri) {
        this.extraReferences.add(uri);
        return this;
    }

    /** A ds:Object with a SignatureProperties signing time, referenced, as Vietnamese signing tools write it. */
    TestXmlSigner signingTimeObject(String id) {
        this.signingTimeObjectId = id;
        return this;
    }

    TestXmlSigner keyValueOnly() {
        this.keyValueOnly = true;
        return this;
    }

    TestXmlSigner keyInfo(List<X509Certificate> certificates) {
        this.keyInfoCertificates = certificates;
        return this;
    }

    TestXmlSigner into(Element parent) {
        this.parent = parent;
        return this;
    }

    /** Adds a XAdES SignedProperties reference; with a target, it points there instead of into the signature. */
    TestXmlSigner xades(String target) {
        this.signedPropertiesTarget = target;
        return this;
    }

    /** The certificate named in xades:SigningCertificateV2 (default: the signer's own). */
    TestXmlSigner signingCertificate(X509Certificate certificate) {
        this.signingCertificate = certificate;
        return this;
    }

    /** Leaves xades:SigningCertificateV2 out of the signed properties. */
    TestXmlSigner noSigningCertificate() {
        this.noSigningCertificate = true;
        return this;
    }

    /** Writes the XAdES QualifyingProperties but no Reference to its SignedProperties. */
    TestXmlSigner uncoveredProperties() {
        this.uncoveredProperties = true;
        return this;
    }

    /** Signs the document in place and returns the new ds:Signature element. */
    Element sign(Document document) throws Exception {
        Element where = parent == null ? document.getDocumentElement() : parent;
        DOMSignContext context = new DOMSignContext(signer.privateKey(), where);
        context.setDefaultNamespacePrefix("ds");
        registerIds(document, context);

        List<Reference> references = new ArrayList<>();
        references.add(FACTORY.newReference(referenceUri, FACTORY.newDigestMethod(digestMethod, null),
                List.of(FACTORY.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                        FACTORY.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                null, null));
        for (String uri : extraReferences) {
            references.add(FACTORY.newReference(uri, FACTORY.newDigestMethod(digestMethod, null),
                    List.of(FACTORY.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null));
        }
        List<XMLObject> objects = new ArrayList<>();
        if (signingTimeObjectId != null) {
            Element properties = document.createElementNS(XMLSignature.XMLNS, "ds:SignatureProperties");
            Element property = document.createElementNS(XMLSignature.XMLNS, "ds:SignatureProperty");
            property.setAttributeNS(null, "Target", "#" + signingTimeObjectId);
            Element signingTime = document.createElementNS(null, "SigningTime");
            signingTime.setTextContent("2026-03-02T10:00:00");
            property.appendChild(signingTime);
            properties.appendChild(property);
            objects.add(FACTORY.newXMLObject(List.of(new DOMStructure(properties)), signingTimeObjectId, null, null));
            references.add(FACTORY.newReference("#" + signingTimeObjectId, FACTORY.newDigestMethod(digestMethod, null),
                    List.of(FACTORY.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    "http://www.w3.org/2000/09/xmldsig#SignatureProperties", null));
        }
        if (signedPropertiesTarget != null) {
            Element qualifying = document.createElementNS(XADES_NS, "xades:QualifyingProperties");
            Element signedProperties = document.createElementNS(XADES_NS, "xades:SignedProperties");
            signedProperties.setAttributeNS(null, "Id", "xades-props");
            Element signingTime = document.createElementNS(XADES_NS, "xades:SigningTime");
            signingTime.setTextContent("2026-03-02T10:00:00Z");
            Element signedSignatureProperties = document.createElementNS(XADES_NS, "xades:SignedSignatureProperties");
            signedSignatureProperties.appendChild(signingTime);
            if (!noSigningCertificate) {
                signedSignatureProperties.appendChild(signingCertificateV2(document,
                        signingCertificate == null ? signer.certificate() : signingCertificate));
            }
            signedProperties.appendChild(signedSignatureProperties);
            qualifying.appendChild(signedProperties);
            context.setIdAttributeNS(signedProperties, null, "Id");
            objects.add(FACTORY.newXMLObject(List.of(new DOMStructure(qualifying)), null, null, null));
            qualifying.setAttributeNS(null, "Target", "#sig-1");
            String target = signedPropertiesTarget.isEmpty() ? "#xades-props" : signedPropertiesTarget;
            if (!uncoveredProperties) {
                references.add(FACTORY.newReference(target, FACTORY.newDigestMethod(digestMethod, null),
                        List.of(FACTORY.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                        "http://uri.etsi.org/01903#SignedProperties", null));
            }
        }
        SignedInfo signedInfo = FACTORY.newSignedInfo(
                FACTORY.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                FACTORY.newSignatureMethod(signatureMethod, null), references);
        KeyInfoFactory keys = FACTORY.getKeyInfoFactory();
        KeyInfo keyInfo = keyValueOnly
                ? keys.newKeyInfo(List.of(keys.newKeyValue(signer.certificate().getPublicKey())))
                : keys.newKeyInfo(List.of(keys.newX509Data(keyInfoCertificates())));
        XMLSignature signature = FACTORY.newXMLSignature(signedInfo, keyInfo, objects,
                signedPropertiesTarget == null ? null : "sig-1", null);
        signature.sign(context);
        NodeList all = where.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        return (Element) all.item(all.getLength() - 1);
    }

    private static Element signingCertificateV2(Document document, X509Certificate certificate) throws Exception {
        Element binding = document.createElementNS(XADES_NS, "xades:SigningCertificateV2");
        Element cert = document.createElementNS(XADES_NS, "xades:Cert");
        Element digest = document.createElementNS(XADES_NS, "xades:CertDigest");
        Element method = document.createElementNS(XMLSignature.XMLNS, "ds:DigestMethod");
        method.setAttributeNS(null, "Algorithm", DigestMethod.SHA256);
        Element value = document.createElementNS(XMLSignature.XMLNS, "ds:DigestValue");
        value.setTextContent(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
        digest.appendChild(method);
        digest.appendChild(value);
        cert.appendChild(digest);
        binding.appendChild(cert);
        return binding;
    }

    /**
     * Adds a xades:SignatureTimeStamp (XAdES-T) to a signed XAdES signature: a token over the inclusive-c14n
     * ds:SignatureValue element, or over {@code otherBytes} when given (a time-stamp of something else).
     */
    static Element addTimestamp(Element signature, SampleTimeStampAuthority tsa, Instant genTime, byte[] otherBytes)
            throws Exception {
        return addTimestamp(signature, tsa, genTime, otherBytes, false);
    }

    /** As above; {@code unchecked} lets a certificate that is no TSA sign the token. */
    static Element addTimestamp(Element signature, SampleTimeStampAuthority tsa, Instant genTime, byte[] otherBytes,
                                boolean unchecked) throws Exception {
        Document document = signature.getOwnerDocument();
        Element signatureValue = (Element) signature.getElementsByTagNameNS(XMLSignature.XMLNS, "SignatureValue")
                .item(0);
        org.apache.xml.security.Init.init();
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        Canonicalizer.getInstance(CanonicalizationMethod.INCLUSIVE).canonicalizeSubtree(signatureValue, canonical);
        byte[] stamped = otherBytes != null ? otherBytes : canonical.toByteArray();
        byte[] token = unchecked ? tsa.stampUnchecked(stamped, genTime) : tsa.stamp(stamped, genTime);
        Element qualifying = (Element) signature.getElementsByTagNameNS(XADES_NS, "QualifyingProperties").item(0);
        Element unsigned = document.createElementNS(XADES_NS, "xades:UnsignedProperties");
        Element properties = document.createElementNS(XADES_NS, "xades:UnsignedSignatureProperties");
        Element stamp = document.createElementNS(XADES_NS, "xades:SignatureTimeStamp");
        Element method = document.createElementNS(XMLSignature.XMLNS, "ds:CanonicalizationMethod");
        method.setAttributeNS(null, "Algorithm", CanonicalizationMethod.INCLUSIVE);
        Element encapsulated = document.createElementNS(XADES_NS, "xades:EncapsulatedTimeStamp");
        encapsulated.setTextContent(Base64.getEncoder().encodeToString(token));
        stamp.appendChild(method);
        stamp.appendChild(encapsulated);
        properties.appendChild(stamp);
        unsigned.appendChild(properties);
        qualifying.appendChild(unsigned);
        return stamp;
    }

    private List<X509Certificate> keyInfoCertificates() {
        if (keyInfoCertificates != null) {
            return keyInfoCertificates;
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509Certificate certificate : signer.chain()) {
            if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                certificates.add(certificate);
            }
        }
        return certificates;
    }

    /**
     * What a naive verifier sees: plain JSR 105 core validation with the X509Data leaf key and every Id registered.
     * The wrapping tests use it to show their attack signatures are cryptographically sound.
     */
    static boolean coreValid(Document document) throws Exception {
        Element signatureElement = (Element) document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0);
        DOMValidateContext context = new DOMValidateContext(new KeySelector() {
            @Override
            public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                            XMLCryptoContext ctx) {
                for (Object content : keyInfo.getContent()) {
                    if (content instanceof X509Data data) {
                        X509Certificate leaf = (X509Certificate) data.getContent().get(0);
                        return leaf::getPublicKey;
                    }
                }
                throw new IllegalStateException("no X509Data");
            }
        }, signatureElement);
        registerIds(document, context);
        return FACTORY.unmarshalXMLSignature(context).validate(context);
    }

    private static void registerIds(Document document, DOMCryptoContext context) {
        NodeList elements = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (element.hasAttributeNS(null, "Id")) {
                context.setIdAttributeNS(element, null, "Id");
            }
        }
    }

    static byte[] serialize(Document document) throws Exception {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    /** Serializes and parses again with the gateway's parser, as if the bytes had been submitted. */
    static Document resubmit(Document document) throws Exception {
        return SecureXml.parse(serialize(document));
    }
}
