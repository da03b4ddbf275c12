package io.silkgate.verify;

import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.apache.jcp.xml.dsig.internal.dom.XMLDSigRI;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Verifies enveloped XMLDSig / XAdES-BES / XAdES-T signatures on the ORIGINAL parsed document, defending against
 * signature wrapping: exactly one signature, whose Reference covers the document element — except a Vietnamese HDon,
 * signed by its seller from DSCKS/NBan over the DLHDon and possibly countersigned by the buyer (DSCKS/NMua) and the
 * tax authority (DSCKS/CQT, over the DLHDon and the MCCQT code). Thread-safe.
 */
public final class XmlSignatureVerifier {

    private static final String SECURE_VALIDATION = "org.apache.jcp.xml.dsig.secureValidation";
    private static final String XADES_SIGNED_PROPERTIES = "http://uri.etsi.org/01903#SignedProperties";
    private static final String[] ID_ATTRIBUTES = {"Id", "ID", "id"};
    // Each candidate certificate may cost a signature verification: bound what a submitter can make us try.
    private static final int MAX_KEYINFO_CERTIFICATES = 10;
    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM", new XMLDSigRI());

    private final CertificatePathValidator paths;
    private final SignatureTimestampVerifier timestamps;

    public XmlSignatureVerifier(CertificatePathValidator paths) {
        this.paths = Objects.requireNonNull(paths, "paths");
        this.timestamps = new SignatureTimestampVerifier(paths);
    }

    /**
     * Verifies every signature of a document parsed by {@code SecureXml.parse} from the submitted bytes.
     *
     * @param trust chooses the anchors once the signature value is known to be good
     * @param at    the instant at which certificates must be valid and not revoked
     */
    public VerificationResult verify(Document original, TrustSelector trust, Instant at) {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(at, "at");
        List<Element> signatures = signatureElements(original);
        if (signatures.isEmpty()) {
            return new VerificationResult(List.of(),
                    List.of(Problem.of(ErrorCode.SIGNATURE_MISSING, "the document is not signed (no ds:Signature)")),
                    null);
        }
        Element root = original.getDocumentElement();
        if (isHdon(root)) {
            return verifyHdon(root, signatures, trust, at);
        }
        if (signatures.size() > 1) {
            return rejectAll(signatures, "the document contains " + signatures.size()
                    + " ds:Signature elements; exactly one signature is accepted", signatures.get(1));
        }
        Outcome outcome = verifyChecked(root, signatures.get(0), new Expected(SignerRole.ISSUER, root, List.of()),
                trust, at);
        return new VerificationResult(List.of(outcome.report()), outcome.errors(), outcome.covered());
    }

    /**
     * A Vietnamese HDon: the seller's signature in DSCKS/NBan over the DLHDon (required), and optionally the buyer's
     * in DSCKS/NMua over the DLHDon and the tax authority's in DSCKS/CQT over the DLHDon and the MCCQT code it
     * issued (Circular 78). Each is verified in full; a signature anywhere else is refused.
     */
    private VerificationResult verifyHdon(Element root, List<Element> signatures, TrustSelector trust, Instant at) {
        Map<SignerRole, Element> byRole = new EnumMap<>(SignerRole.class);
        for (Element signature : signatures) {
            SignerRole role = hdonRole(root, signature);
            if (role == null) {
                return rejectAll(signatures, "a signature of an HDon belongs in HDon/DSCKS/NBan (seller), NMua (buyer)"
                        + " or CQT (tax authority), not in " + location(signature), signature);
            }
            if (byRole.put(role, signature) != null) {
                return rejectAll(signatures, "the HDon carries more than one signature in "
                        + location((Element) signature.getParentNode()) + "; one per signer is accepted", signature);
            }
        }
        if (!byRole.containsKey(SignerRole.SELLER)) {
            return new VerificationResult(List.of(), List.of(Problem.at(ErrorCode.SIGNATURE_MISSING,
                    "the HDon has no seller signature in HDon/DSCKS/NBan", location(signatures.get(0)))), null);
        }
        Element data;
        try {
            data = dlhdon(root);
        } catch (Rejected rejected) {
            return rejectAll(signatures, rejected.getMessage(), byRole.get(SignerRole.SELLER));
        }
        List<SignatureReport> reports = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        X509Certificate sellers = null;
        for (Map.Entry<SignerRole, Element> signature : byRole.entrySet()) {
            SignerRole role = signature.getKey();
            Outcome outcome;
            try {
                List<Element> alsoCovered = role == SignerRole.TAX_AUTHORITY ? List.of(mccqt(root)) : List.of();
                outcome = verifyChecked(root, signature.getValue(), new Expected(role, data, alsoCovered), trust, at);
                X509Certificate signer = outcome.report().certificates().isEmpty() ? null
                        : outcome.report().certificates().get(0);
                if (role == SignerRole.SELLER) {
                    sellers = signer;
                } else if (signer != null && signer.equals(sellers)) {
                    // a copy of the seller's own signature is no countersignature
                    throw new Rejected(ErrorCode.SIGNATURE_INVALID, "the " + role.json() + " signature in "
                            + location((Element) signature.getValue().getParentNode())
                            + " is made with the seller's certificate");
                }
            } catch (Rejected rejected) {
                outcome = Outcome.rejected(rejected, signature.getValue(), new Findings(role));
            }
            reports.add(outcome.report());
            errors.addAll(outcome.errors());
        }
        return new VerificationResult(reports, errors, errors.isEmpty() ? data : null);
    }

    /** Every signature reported invalid for one reason that concerns them all (too many, misplaced). */
    private static VerificationResult rejectAll(List<Element> signatures, String message, Element at) {
        List<SignatureReport> reports = new ArrayList<>();
        for (Element signature : signatures) {
            reports.add(new SignatureReport(false, null, declaredSignatureMethod(signature), false, List.of(),
                    RevocationStatus.NOT_CHECKED, ErrorCode.SIGNATURE_INVALID, message));
        }
        return new VerificationResult(reports, List.of(Problem.at(ErrorCode.SIGNATURE_INVALID, message, location(at))),
                null);
    }

    private Outcome verifyChecked(Element root, Element signatureElement, Expected expected, TrustSelector trust,
                                  Instant at) {
        Findings findings = new Findings(expected.role());
        findings.algorithm = declaredSignatureMethod(signatureElement);
        try {
            return verifyOne(root, signatureElement, expected, trust, at, findings);
        } catch (Rejected rejected) {
            return Outcome.rejected(rejected, signatureElement, findings);
        }
    }

    private Outcome verifyOne(Element root, Element signatureElement, Expected expected, TrustSelector trust,
                              Instant at, Findings findings) throws Rejected {
        Map<String, IdAttribute> ids = uniqueIds(root);
        Element covered = expected.covered();

        CandidateKeySelector selector = new CandidateKeySelector();
        DOMValidateContext context = context(selector, signatureElement, ids);
        XMLSignature signature = unmarshal(context);
        SignedInfo signedInfo = signature.getSignedInfo();
        findings.algorithm = signedInfo.getSignatureMethod().getAlgorithm();

        checkAlgorithms(signedInfo);
        checkCoverage(signedInfo, root, expected, signatureElement, ids, findings);

        List<X509Certificate> keyInfoCertificates = keyInfoCertificates(signature.getKeyInfo());
        List<X509Certificate> candidates = candidates(keyInfoCertificates, findings.algorithm);
        X509Certificate signer = null;
        String lastError = null;
        for (int i = 0; i < candidates.size() && signer == null; i++) {
            if (i > 0) {
                // A SignatureValue remembers its first verdict, so each further candidate needs a fresh unmarshal.
                selector = new CandidateKeySelector();
                context = context(selector, signatureElement, ids);
                signature = unmarshal(context);
            }
            selector.candidate = candidates.get(i);
            try {
                if (signature.getSignatureValue().validate(context)) {
                    signer = candidates.get(i);
                }
            } catch (XMLSignatureException | RuntimeException e) {
                lastError = e.getMessage();
            }
        }
        if (signer == null) {
            String which = keyInfoCertificates.size() == 1
                    ? "the certificate in KeyInfo (" + CertificatePathValidator.dn(keyInfoCertificates.get(0)) + ")"
                    : "any of the " + keyInfoCertificates.size() + " certificates in KeyInfo";
            throw new Rejected(ErrorCode.SIGNATURE_INVALID, "the SignatureValue does not verify with " + which
                    + (lastError == null ? "" : ": " + lastError));
        }
        findings.signer = CertificatePathValidator.dn(signer);
        findings.certificates = List.of(signer);
        String weakKey = KeyStrengthPolicy.weakness(signer.getPublicKey());
        if (weakKey != null) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID, "signing key of " + findings.signer + ": " + weakKey);
        }
        checkDigests(signature, context);
        List<Element> stamps;
        try {
            stamps = XadesProperties.check(signatureElement, findings.signedProperties, signer);
        } catch (XadesProperties.Invalid e) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID, e.getMessage());
        }

        TrustAnchors anchors = trust.anchorsFor(covered, signer);
        if (anchors == null || anchors.isEmpty()) {
            throw new Rejected(ErrorCode.CERTIFICATE_UNTRUSTED,
                    "no trust anchors configured for the signer " + findings.signer);
        }
        findings.timestamp = timestamp(stamps, signatureElement, anchors, at);
        // A trusted time-stamp proves the signature existed then: the certificate must have been valid at that time.
        Instant existedAt = findings.timestamp != null && findings.timestamp.trusted() ? findings.timestamp.time() : at;
        PathResult path = paths.validate(signer, keyInfoCertificates, anchors, at, existedAt);
        findings.path = path.path().stream().map(CertificatePathValidator::dn).toList();
        findings.certificates = path.path();
        findings.revocation = path.revocation();
        if (!path.trusted()) {
            throw new Rejected(path.failure(), path.message());
        }
        SignatureReport report = new SignatureReport(true, findings.signer, findings.algorithm, true, findings.path,
                findings.revocation, null, null, findings.certificates, findings.timestamp, expected.role());
        return new Outcome(report, List.of(), covered);
    }

    private static boolean isHdon(Element root) {
        return root.getNamespaceURI() == null && "HDon".equals(root.getLocalName());
    }

    /** The signer an HDon signature stands for, by where it sits: HDon/DSCKS/(NBan|NMua|CQT); null elsewhere. */
    private static SignerRole hdonRole(Element root, Element signatureElement) {
        Node holder = signatureElement.getParentNode();
        Node list = holder == null ? null : holder.getParentNode();
        if (!(holder instanceof Element h) || h.getNamespaceURI() != null || !(list instanceof Element l)
                || !"DSCKS".equals(l.getLocalName()) || l.getNamespaceURI() != null || l.getParentNode() != root) {
            return null;
        }
        return switch (h.getLocalName()) {
            case "NBan" -> SignerRole.SELLER;
            case "NMua" -> SignerRole.BUYER;
            case "CQT" -> SignerRole.TAX_AUTHORITY;
            default -> null;
        };
    }

    /** The invoice data every HDon signature covers: the one DLHDon, with an Id to reference it by. */
    private static Element dlhdon(Element root) throws Rejected {
        Element data = onlyChild(root, "DLHDon", "the HDon must hold exactly one DLHDon");
        if (data == null || data.getAttributeNS(null, "Id").isEmpty()) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID, "the HDon has no DLHDon with an Id for its seller "
                    + "signature to reference");
        }
        return data;
    }

    /** The code the tax authority issued, which its signature certifies together with the DLHDon. */
    private static Element mccqt(Element root) throws Rejected {
        Element code = onlyChild(root, "MCCQT", "the HDon must hold at most one MCCQT");
        if (code == null || code.getAttributeNS(null, "Id").isEmpty()) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID, "the tax authority's signature (DSCKS/CQT) must cover the "
                    + "MCCQT code, but the HDon has no MCCQT with an Id");
        }
        return code;
    }

    private static Element onlyChild(Element parent, String localName, String tooMany) throws Rejected {
        Element found = null;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && localName.equals(child.getLocalName())) {
                if (found != null || child.getNamespaceURI() != null) {
                    throw new Rejected(ErrorCode.SIGNATURE_INVALID, tooMany);
                }
                found = (Element) child;
            }
        }
        return found;
    }

    /**
     * Checks every signature time-stamp; a broken one rejects the signature. Reports the earliest trusted one (the
     * best proof of when the signature existed), else the first; null when there is none.
     */
    private TimestampReport timestamp(List<Element> stamps, Element signatureElement, TrustAnchors anchors,
                                      Instant at) throws Rejected {
        if (stamps.isEmpty()) {
            return null;
        }
        Element signatureValue = XadesProperties.firstDsig(signatureElement, "SignatureValue");
        TimestampReport chosen = null;
        for (Element stamp : stamps) {
            TimestampReport report;
            try {
                report = timestamps.verify(stamp, signatureValue, anchors, at);
            } catch (XadesProperties.Invalid e) {
                throw new Rejected(ErrorCode.SIGNATURE_INVALID, e.getMessage());
            }
            if (chosen == null || (report.trusted() && (!chosen.trusted() || report.time().isBefore(chosen.time())))) {
                chosen = report;
            }
        }
        return chosen;
    }

    private static void checkAlgorithms(SignedInfo signedInfo) throws Rejected {
        String canonicalization = signedInfo.getCanonicalizationMethod().getAlgorithm();
        if (!SignatureAlgorithms.CANONICALIZATIONS.contains(canonicalization)) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID,
                    SignatureAlgorithms.refusal("canonicalization method", canonicalization));
        }
        String method = signedInfo.getSignatureMethod().getAlgorithm();
        if (!SignatureAlgorithms.isSignatureAllowed(method)) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID, SignatureAlgorithms.refusal("signature method", method));
        }
    }

    /**
     * The anti-wrapping rules: exactly one Reference to each element the signature must cover (the document element,
     * for an HDon the DLHDon and, for the tax authority, the MCCQT), at most one to the XAdES SignedProperties and at
     * most one to signature properties (a signing time) in a ds:Object of this same signature; nothing else.
     */
    private static void checkCoverage(SignedInfo signedInfo, Element root, Expected expected,
                                      Element signatureElement, Map<String, IdAttribute> ids, Findings findings)
            throws Rejected {
        Element covered = expected.covered();
        Map<Element, Integer> coverage = new IdentityHashMap<>();
        coverage.put(covered, 0);
        expected.alsoCovered().forEach(element -> coverage.put(element, 0));
        int propertiesReferences = 0;
        int objectReferences = 0;
        for (Object item : signedInfo.getReferences()) {
            Reference reference = (Reference) item;
            String uri = reference.getURI();
            boolean enveloped = false;
            for (Object t : reference.getTransforms()) {
                String transform = ((Transform) t).getAlgorithm();
                if (!SignatureAlgorithms.TRANSFORMS.contains(transform)) {
                    throw new Rejected(ErrorCode.SIGNATURE_INVALID, SignatureAlgorithms.refusal(
                            "transform", transform) + " (Reference URI=\"" + uri + "\")");
                }
                enveloped |= Transform.ENVELOPED.equals(transform);
            }
            String digest = reference.getDigestMethod().getAlgorithm();
            if (!SignatureAlgorithms.DIGESTS.contains(digest)) {
                throw new Rejected(ErrorCode.SIGNATURE_INVALID, SignatureAlgorithms.refusal("digest method", digest)
                        + " (Reference URI=\"" + uri + "\")");
            }
            if ("".equals(uri)) {
                if (covered != root) {
                    throw new Rejected(ErrorCode.SIGNATURE_INVALID, "the " + expected.role().json() + " signature of an"
                            + " HDon must reference its DLHDon (URI=\"#" + covered.getAttributeNS(null, "Id")
                            + "\"), not URI=\"\"");
                }
                if (!enveloped) {
                    throw new Rejected(ErrorCode.SIGNATURE_INVALID,
                            "Reference URI=\"\" lacks the enveloped-signature transform");
                }
                coverage.merge(root, 1, Integer::sum);
                continue;
            }
            IdAttribute target = uri != null && uri.startsWith("#") ? ids.get(uri.substring(1)) : null;
            if (target != null && coverage.containsKey(target.element())) {
                coverage.merge(target.element(), 1, Integer::sum);
            } else if (target != null && XADES_SIGNED_PROPERTIES.equals(reference.getType())
                    && isInside(target.element(), signatureElement)) {
                propertiesReferences++;
                findings.signedProperties = target.element();
            } else if (target != null && isSignatureObjectContent(target.element(), signatureElement)) {
                objectReferences++;
            } else {
                throw new Rejected(ErrorCode.SIGNATURE_INVALID, "signature does not cover the document: Reference URI=\""
                        + uri + "\" " + describeTarget(uri, target) + ", not "
                        + (covered == root ? "the document element" : location(covered)));
            }
        }
        if (coverage.get(covered) == 0) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID, "signature does not cover the document: no Reference to "
                    + (covered == root ? "the document element" : location(covered)));
        }
        for (Map.Entry<Element, Integer> part : coverage.entrySet()) {
            if (part.getValue() != 1) {
                throw new Rejected(ErrorCode.SIGNATURE_INVALID, "signature has " + part.getValue() + " References to "
                        + location(part.getKey()) + "; exactly one is accepted");
            }
        }
        if (propertiesReferences > 1 || objectReferences > 1) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID, "signature has " + propertiesReferences
                    + " References to signed properties and " + objectReferences + " to signature properties;"
                    + " at most one of each is accepted");
        }
        findings.coversDocument = true;
    }

    /** A ds:Object of this signature, or the SignatureProperties/SignatureProperty in one: a signing time, no data. */
    private static boolean isSignatureObjectContent(Element target, Element signatureElement) {
        if (!isDsig(target, "Object") && !isDsig(target, "SignatureProperties") && !isDsig(target, "SignatureProperty")) {
            return false;
        }
        for (Node node = target; node != null && node != signatureElement; node = node.getParentNode()) {
            if (isDsig(node, "Object")) {
                return node.getParentNode() == signatureElement;
            }
        }
        return false;
    }

    private static void checkDigests(XMLSignature signature, DOMValidateContext context)
            throws Rejected {
        for (Object item : signature.getSignedInfo().getReferences()) {
            Reference reference = (Reference) item;
            boolean matches;
            try {
                matches = reference.validate(context);
            } catch (XMLSignatureException | RuntimeException e) {
                throw new Rejected(ErrorCode.SIGNATURE_INVALID, "Reference URI=\"" + reference.getURI()
                        + "\" could not be processed: " + e.getMessage());
            }
            if (!matches) {
                String what = XADES_SIGNED_PROPERTIES.equals(reference.getType())
                        ? "the signed properties were changed after signing"
                        : "the document was changed after signing";
                throw new Rejected(ErrorCode.SIGNATURE_INVALID, "the digest of Reference URI=\"" + reference.getURI()
                        + "\" does not match: " + what);
            }
        }
        try {
            // Every part was checked above; this only confirms Santuario's own overall verdict agrees.
            if (!signature.validate(context)) {
                throw new Rejected(ErrorCode.SIGNATURE_INVALID, "core signature validation failed");
            }
        } catch (XMLSignatureException | RuntimeException e) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID, "core signature validation failed: " + e.getMessage());
        }
    }

    private static List<X509Certificate> keyInfoCertificates(KeyInfo keyInfo) throws Rejected {
        Set<X509Certificate> certificates = new LinkedHashSet<>();
        if (keyInfo != null) {
            for (Object content : keyInfo.getContent()) {
                if (content instanceof X509Data data) {
                    for (Object entry : data.getContent()) {
                        if (entry instanceof X509Certificate certificate) {
                            certificates.add(certificate);
                        }
                    }
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID, "no certificate in KeyInfo (an X509Data certificate "
                    + "is required to identify the signer)");
        }
        if (certificates.size() > MAX_KEYINFO_CERTIFICATES) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID, "KeyInfo holds " + certificates.size()
                    + " certificates; at most " + MAX_KEYINFO_CERTIFICATES + " are accepted");
        }
        return new ArrayList<>(certificates);
    }

    /** Certificates whose key type fits the signature method, end-entity certificates first. */
    private static List<X509Certificate> candidates(List<X509Certificate> certificates, String method)
            throws Rejected {
        List<X509Certificate> endEntities = new ArrayList<>();
        List<X509Certificate> authorities = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            if (SignatureAlgorithms.keyFits(method, certificate.getPublicKey().getAlgorithm())) {
                (certificate.getBasicConstraints() < 0 ? endEntities : authorities).add(certificate);
            }
        }
        endEntities.addAll(authorities);
        if (endEntities.isEmpty()) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID,
                    "no certificate in KeyInfo has a key that fits the signature method " + method);
        }
        return endEntities;
    }

    private static DOMValidateContext context(KeySelector selector, Element signatureElement,
                                              Map<String, IdAttribute> ids) {
        DOMValidateContext context = new DOMValidateContext(selector, signatureElement);
        context.setProperty(SECURE_VALIDATION, Boolean.TRUE);
        for (IdAttribute id : ids.values()) {
            context.setIdAttributeNS(id.element(), null, id.name());
        }
        return context;
    }

    private static XMLSignature unmarshal(DOMValidateContext context) throws Rejected {
        try {
            return FACTORY.unmarshalXMLSignature(context);
        } catch (MarshalException | RuntimeException e) {
            throw new Rejected(ErrorCode.SIGNATURE_INVALID, "the ds:Signature element cannot be read: "
                    + e.getMessage());
        }
    }

    /** Every Id/ID/id value in the document; a value used twice makes the document ambiguous, hence rejected. */
    private static Map<String, IdAttribute> uniqueIds(Element root) throws Rejected {
        Map<String, IdAttribute> ids = new HashMap<>();
        Node node = root;
        while (node != null) {
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                Element element = (Element) node;
                for (String name : ID_ATTRIBUTES) {
                    Attr attribute = element.getAttributeNodeNS(null, name);
                    if (attribute != null && !attribute.getValue().isEmpty()) {
                        IdAttribute previous = ids.put(attribute.getValue(),
                                new IdAttribute(element, name, attribute.getValue()));
                        if (previous != null) {
                            throw new Rejected(ErrorCode.SIGNATURE_INVALID, "the ID value \"" + attribute.getValue()
                                    + "\" is used more than once (on " + location(previous.element()) + " and "
                                    + location(element) + ")");
                        }
                    }
                }
            }
            node = next(node, root);
        }
        return ids;
    }

    /** Document-order successor within root, without recursion (documents may be deep). */
    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        Node current = node;
        while (current != null && current != root) {
            if (current.getNextSibling() != null) {
                return current.getNextSibling();
            }
            current = current.getParentNode();
        }
        return null;
    }

    private static List<Element> signatureElements(Document document) {
        NodeList list = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        List<Element> elements = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            elements.add((Element) list.item(i));
        }
        return elements;
    }

    /** The SignatureMethod as written, for reports on signatures that are rejected before they are unmarshalled. */
    private static String declaredSignatureMethod(Element signature) {
        for (Node info = signature.getFirstChild(); info != null; info = info.getNextSibling()) {
            if (isDsig(info, "SignedInfo")) {
                for (Node method = info.getFirstChild(); method != null; method = method.getNextSibling()) {
                    if (isDsig(method, "SignatureMethod")) {
                        String algorithm = ((Element) method).getAttribute("Algorithm");
                        return algorithm.isEmpty() ? null : algorithm;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isDsig(Node node, String localName) {
        return node.getNodeType() == Node.ELEMENT_NODE && XMLSignature.XMLNS.equals(node.getNamespaceURI())
                && localName.equals(node.getLocalName());
    }

    private static boolean isInside(Node node, Element ancestor) {
        for (Node current = node; current != null; current = current.getParentNode()) {
            if (current == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static String describeTarget(String uri, IdAttribute target) {
        if (target != null) {
            return "points to " + location(target.element());
        }
        return uri != null && uri.startsWith("#") ? "points to no element of the document" : "is not a same-document "
                + "reference";
    }

    /** A readable XPath-like location of an element, e.g. /Invoice/ext:UBLExtensions[1]/ds:Signature. */
    static String location(Element element) {
        StringBuilder path = new StringBuilder();
        for (Node node = element; node != null && node.getNodeType() == Node.ELEMENT_NODE;
                node = node.getParentNode()) {
            path.insert(0, "/" + node.getNodeName());
        }
        return path.toString();
    }

    private record IdAttribute(Element element, String name, String value) {
    }

    /** What is known about the signature so far, so that a rejection still reports it. */
    private static final class Findings {
        private final SignerRole role;
        private String signer;
        private String algorithm;
        private boolean coversDocument;
        private List<String> path = List.of();
        private List<X509Certificate> certificates = List.of();
        private RevocationStatus revocation = RevocationStatus.NOT_CHECKED;
        private Element signedProperties;
        private TimestampReport timestamp;

        Findings(SignerRole role) {
            this.role = role;
        }
    }

    /** What one signature must cover, and whose it is. */
    private record Expected(SignerRole role, Element covered, List<Element> alsoCovered) {
    }

    /** One signature's report, its error (if any) and the element it was verified to cover (null if invalid). */
    private record Outcome(SignatureReport report, List<Problem> errors, Element covered) {

        static Outcome rejected(Rejected rejected, Element signatureElement, Findings findings) {
            SignatureReport report = new SignatureReport(false, findings.signer, findings.algorithm,
                    findings.coversDocument, findings.path, findings.revocation, rejected.code, rejected.getMessage(),
                    findings.certificates, findings.timestamp, findings.role);
            return new Outcome(report, List.of(Problem.at(rejected.code, rejected.getMessage(),
                    location(signatureElement))), null);
        }
    }

    /** Offers exactly one certificate from KeyInfo/X509Data; never a bare KeyValue. */
    private static final class CandidateKeySelector extends KeySelector {
        private X509Certificate candidate;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            if (candidate == null) {
                throw new KeySelectorException("no certificate in KeyInfo");
            }
            PublicKey key = candidate.getPublicKey();
            return () -> key;
        }
    }

    private static final class Rejected extends Exception {
        private final ErrorCode code;

        Rejected(ErrorCode code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
