package io.silkgate.verify;

import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Verifies the Chinese tax bureau's SM2-with-SM3 signature of a fully digitalised fapiao ({@code EInvoice/
 * TaxBureauSignature}, SignatureAlgorithm 1.2.156.10197.1.501). The exact byte string the State Taxation
 * Administration signs is not published; this verifier checks the signature over what it names: the elements its
 * Reference URI lists ({@code /EInvoice/Header|/EInvoice/EInvoiceData|…}, path steps matched without regard to
 * case), each in Canonical XML 1.0 without comments, concatenated in the listed order (see README, an assumption).
 * SignatureValue is base64 of the DER SM2 signature, optionally followed by {@code &} and a base64 time. SM2 uses
 * the default user id 1234567812345678 (GM/T 0009). Thread-safe.
 */
public final class TaxBureauSignatureVerifier {

    /** SM2 signature with SM3 (GM/T 0006). */
    public static final String SM2_WITH_SM3 = "1.2.156.10197.1.501";
    private static final int MAX_PARTS = 16;
    private static final int MAX_KEYINFO_CERTIFICATES = 10;
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    static {
        org.apache.xml.security.Init.init();
    }

    private final CertificatePathValidator paths;

    public TaxBureauSignatureVerifier(CertificatePathValidator paths) {
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    /** Whether the document is a fapiao ({@code EInvoice}) carrying a TaxBureauSignature. */
    public static boolean present(Document document) {
        Element root = document.getDocumentElement();
        return root.getNamespaceURI() == null && "EInvoice".equals(root.getLocalName())
                && !children(root, "TaxBureauSignature").isEmpty();
    }

    /**
     * Verifies the tax bureau signature against {@code anchors}: the tax bureau's signing certificate comes from the
     * signature's KeyInfo (base64 X509Certificate) or, as the published files carry none, from the SM2 certificates
     * among the anchors and intermediates (configure the tax bureau's certificate in the CN trust entry).
     */
    public VerificationResult verify(Document document, TrustAnchors anchors, Instant at) {
        Element root = document.getDocumentElement();
        List<Element> signatures = children(root, "TaxBureauSignature");
        if (signatures.isEmpty()) {
            return new VerificationResult(List.of(), List.of(Problem.of(ErrorCode.SIGNATURE_MISSING,
                    "the fapiao has no TaxBureauSignature")), null);
        }
        String algorithm = signatures.size() == 1 ? text(first(signatures.get(0), "SignatureAlgorithm")) : null;
        try {
            if (signatures.size() > 1) {
                throw new Invalid(ErrorCode.SIGNATURE_INVALID, "the fapiao holds " + signatures.size()
                        + " TaxBureauSignature elements; exactly one is accepted", null);
            }
            return verifyOne(root, signatures.get(0), algorithm, anchors, at);
        } catch (Invalid e) {
            SignatureReport report = new SignatureReport(false, e.signer == null ? null
                    : CertificatePathValidator.dn(e.signer), algorithm, false, List.of(), RevocationStatus.NOT_CHECKED,
                    e.code, e.getMessage(), e.signer == null ? List.of() : List.of(e.signer));
            return new VerificationResult(List.of(report), List.of(Problem.at(e.code, e.getMessage(),
                    "/EInvoice/TaxBureauSignature")), null);
        }
    }

    private VerificationResult verifyOne(Element root, Element signature, String algorithm, TrustAnchors anchors,
                                         Instant at) throws Invalid {
        if (!SM2_WITH_SM3.equals(algorithm)) {
            throw new Invalid(ErrorCode.SIGNATURE_INVALID, "TaxBureauSignature SignatureAlgorithm " + algorithm
                    + " is not accepted (only " + SM2_WITH_SM3 + ", SM2 with SM3)", null);
        }
        Element reference = first(signature, "Reference");
        byte[] signed = signedBytes(root, reference == null ? null : reference.getAttributeNS(null, "URI"));
        byte[] value = signatureValue(text(first(signature, "SignatureValue")));
        List<X509Certificate> keyInfo = keyInfoCertificates(first(signature, "KeyInfo"));
        Set<X509Certificate> candidates = new LinkedHashSet<>(keyInfo);
        if (keyInfo.isEmpty() && anchors != null) {
            candidates.addAll(anchors.anchors());
            candidates.addAll(anchors.intermediates());
        }
        X509Certificate signer = null;
        int sm2Keys = 0;
        for (X509Certificate candidate : candidates) {
            PublicKey key = Sm2Keys.bouncyCastle(candidate.getPublicKey());
            if (key != null && Sm2Keys.isSm2(key)) {
                sm2Keys++;
                if (verifies(key, signed, value)) {
                    signer = candidate;
                    break;
                }
            }
        }
        if (sm2Keys == 0 && keyInfo.isEmpty()) {
            throw new Invalid(ErrorCode.CERTIFICATE_UNTRUSTED, "no tax bureau (SM2) certificate is configured among "
                    + "the CN trust anchors, and the signature names none", null);
        }
        if (signer == null) {
            throw new Invalid(ErrorCode.SIGNATURE_INVALID, keyInfo.isEmpty()
                    ? "the tax bureau signature does not verify with any SM2 certificate of the trust anchors"
                    : "the tax bureau signature does not verify with the certificate in KeyInfo", null);
        }
        if (anchors == null || anchors.isEmpty()) {
            throw new Invalid(ErrorCode.CERTIFICATE_UNTRUSTED, "no trust anchors configured for the tax bureau",
                    signer);
        }
        PathResult path = paths.validate(signer, keyInfo, anchors, at);
        List<String> names = path.path().stream().map(CertificatePathValidator::dn).toList();
        if (!path.trusted()) {
            SignatureReport report = new SignatureReport(false, CertificatePathValidator.dn(signer), algorithm, true,
                    names, path.revocation(), path.failure(), path.message(), path.path());
            return new VerificationResult(List.of(report), List.of(Problem.at(path.failure(), path.message(),
                    "/EInvoice/TaxBureauSignature")), null);
        }
        SignatureReport report = new SignatureReport(true, CertificatePathValidator.dn(signer), algorithm, true, names,
                path.revocation(), null, null, path.path());
        return new VerificationResult(List.of(report), List.of(), root);
    }

    /**
     * The bytes the signature covers under Silkgate's reading (see the class comment): every element the Reference
     * URI lists, in Canonical XML 1.0 without comments, concatenated in order. Each path must name one element that
     * exists exactly once; paths to absent elements contribute nothing; EInvoiceData must be covered.
     */
    public static byte[] signedBytes(Element root, String uri) throws Invalid {
        if (uri == null || uri.isBlank()) {
            throw new Invalid(ErrorCode.SIGNATURE_INVALID, "TaxBureauSignature has no Reference URI", null);
        }
        String[] parts = uri.split("\\|");
        if (parts.length > MAX_PARTS) {
            throw new Invalid(ErrorCode.SIGNATURE_INVALID, "the Reference URI lists " + parts.length
                    + " parts; at most " + MAX_PARTS + " are accepted", null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Set<Element> seen = new HashSet<>();
        boolean data = false;
        for (String part : parts) {
            Element element = resolve(root, part.strip());
            if (element == null) {
                continue;
            }
            if (!seen.add(element)) {
                throw new Invalid(ErrorCode.SIGNATURE_INVALID, "the Reference URI lists " + part + " twice", null);
            }
            data |= element.getParentNode() == root && "EInvoiceData".equals(element.getLocalName());
            try {
                Canonicalizer.getInstance(CanonicalizationMethod.INCLUSIVE).canonicalizeSubtree(element, out);
            } catch (XMLSecurityException | RuntimeException e) {
                throw new Invalid(ErrorCode.SIGNATURE_INVALID, "cannot canonicalise " + part + ": " + e.getMessage(),
                        null);
            }
        }
        if (!data) {
            throw new Invalid(ErrorCode.SIGNATURE_INVALID, "the tax bureau signature does not cover "
                    + "/EInvoice/EInvoiceData (Reference URI=\"" + uri + "\")", null);
        }
        return out.toByteArray();
    }

    /** An absolute path of child steps from EInvoice; null when the element is absent. */
    private static Element resolve(Element root, String path) throws Invalid {
        String[] steps = path.split("/", -1);
        if (steps.length < 2 || !steps[0].isEmpty() || !steps[1].equalsIgnoreCase(root.getLocalName())) {
            throw new Invalid(ErrorCode.SIGNATURE_INVALID, "Reference URI part \"" + path + "\" is not a path from "
                    + "/EInvoice", null);
        }
        Element current = root;
        for (int i = 2; i < steps.length; i++) {
            List<Element> matches = new ArrayList<>();
            for (Node child = current.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.ELEMENT_NODE && child.getLocalName().equalsIgnoreCase(steps[i])) {
                    matches.add((Element) child);
                }
            }
            if (matches.size() > 1) {
                throw new Invalid(ErrorCode.SIGNATURE_INVALID, "Reference URI part \"" + path + "\" is ambiguous: "
                        + matches.size() + " elements " + steps[i], null);
            }
            if (matches.isEmpty()) {
                return null;
            }
            current = matches.get(0);
        }
        return current == root ? null : current;
    }

    private static byte[] signatureValue(String text) throws Invalid {
        if (text == null || text.isBlank()) {
            throw new Invalid(ErrorCode.SIGNATURE_INVALID, "TaxBureauSignature has no SignatureValue", null);
        }
        int amp = text.indexOf('&');
        String value = (amp < 0 ? text : text.substring(0, amp)).strip();
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new Invalid(ErrorCode.SIGNATURE_INVALID, "the SignatureValue is not base64", null);
        }
    }

    private static boolean verifies(PublicKey key, byte[] signed, byte[] value) {
        try {
            Signature verifier = Signature.getInstance("SM3withSM2", BC);
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(value);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static List<X509Certificate> keyInfoCertificates(Element keyInfo) throws Invalid {
        List<X509Certificate> certificates = new ArrayList<>();
        if (keyInfo == null) {
            return certificates;
        }
        NodeList values = keyInfo.getElementsByTagNameNS("*", "X509Certificate");
        for (int i = 0; i < values.getLength(); i++) {
            if (certificates.size() >= MAX_KEYINFO_CERTIFICATES) {
                throw new Invalid(ErrorCode.SIGNATURE_INVALID, "KeyInfo holds more than " + MAX_KEYINFO_CERTIFICATES
                        + " certificates", null);
            }
            try {
                byte[] der = Base64.getMimeDecoder().decode(values.item(i).getTextContent().strip());
                // the JDK cannot read certificates on the SM2 curve
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509", BC)
                        .generateCertificate(new ByteArrayInputStream(der)));
            } catch (CertificateException | IllegalArgumentException e) {
                throw new Invalid(ErrorCode.SIGNATURE_INVALID, "a KeyInfo X509Certificate cannot be read", null);
            }
        }
        return certificates;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && child.getNamespaceURI() == null
                    && localName.equals(child.getLocalName())) {
                found.add((Element) child);
            }
        }
        return found;
    }

    private static Element first(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element element) {
        return element == null ? null : element.getTextContent().strip();
    }

    /** Why the tax bureau signature is not valid. */
    public static final class Invalid extends Exception {
        private final ErrorCode code;
        private final transient X509Certificate signer;

        Invalid(ErrorCode code, String message, X509Certificate signer) {
            super(message, null, false, false);
            this.code = code;
            this.signer = signer;
        }

        public ErrorCode code() {
            return code;
        }
    }
}
