package io.silkgate.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.w3c.dom.Element;

/**
 * Verifies a XAdES signature time-stamp (xades:SignatureTimeStamp, EN 319 132-1 5.3): an RFC 3161 token whose
 * message imprint is the hash of the canonicalised ds:SignatureValue element, signed by a TSA certificate with the
 * timeStamping extended key usage that chains to the given anchors.
 */
final class SignatureTimestampVerifier {

    // XAdES: without a ds:CanonicalizationMethod in the time-stamp, canonical XML 1.0 (omits comments) applies.
    private static final String DEFAULT_C14N = CanonicalizationMethod.INCLUSIVE;
    private static final Map<ASN1ObjectIdentifier, String> IMPRINT_HASHES = Map.of(
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512",
            NISTObjectIdentifiers.id_sha3_256, "SHA3-256",
            NISTObjectIdentifiers.id_sha3_384, "SHA3-384",
            NISTObjectIdentifiers.id_sha3_512, "SHA3-512");
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    static {
        org.apache.xml.security.Init.init();
    }

    private final CertificatePathValidator paths;

    SignatureTimestampVerifier(CertificatePathValidator paths) {
        this.paths = paths;
    }

    /**
     * Checks one xades:SignatureTimeStamp of the signature.
     *
     * @throws XadesProperties.Invalid when the token is broken or does not cover this signature value (a forgery or
     *                                 a damaged signature, never just an unknown TSA)
     */
    TimestampReport verify(Element timeStamp, Element signatureValue, TrustAnchors anchors, Instant at)
            throws XadesProperties.Invalid {
        byte[] der = encapsulatedToken(timeStamp);
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(der));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new XadesProperties.Invalid("the signature time-stamp is not an RFC 3161 token: " + e.getMessage());
        }
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        checkImprint(token, canonical(timeStamp, signatureValue));
        X509Certificate tsa = tsaCertificate(token);
        String tsaName = tsa == null ? null : CertificatePathValidator.dn(tsa);
        if (tsa == null) {
            return new TimestampReport(genTime, null, false, "the time-stamp token carries no TSA certificate");
        }
        checkTokenAlgorithms(token, tsa);
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(tsa));
        } catch (TSPException e) {
            if (!hasTimeStampingUsage(tsa)) {
                return new TimestampReport(genTime, tsaName, false, "the certificate that signed the time-stamp ("
                        + tsaName + ") lacks the critical timeStamping extended key usage");
            }
            throw new XadesProperties.Invalid("the signature time-stamp does not verify: " + e.getMessage());
        } catch (OperatorCreationException | RuntimeException e) {
            throw new XadesProperties.Invalid("the signature time-stamp cannot be checked: " + e.getMessage());
        }
        if (genTime.isAfter(at)) {
            return new TimestampReport(genTime, tsaName, false, "the time-stamp is dated after the verification "
                    + "time " + at);
        }
        PathResult path = paths.validate(tsa, tokenCertificates(token), anchors, at);
        if (!path.trusted()) {
            return new TimestampReport(genTime, tsaName, false, "the TSA is not trusted: " + path.message());
        }
        return new TimestampReport(genTime, tsaName, true, null);
    }

    private static byte[] encapsulatedToken(Element timeStamp) throws XadesProperties.Invalid {
        List<Element> tokens = XadesProperties.children(timeStamp, "EncapsulatedTimeStamp");
        if (tokens.size() != 1) {
            throw new XadesProperties.Invalid("a xades:SignatureTimeStamp must hold exactly one "
                    + "xades:EncapsulatedTimeStamp (found " + tokens.size() + ")");
        }
        try {
            return Base64.getMimeDecoder().decode(tokens.get(0).getTextContent().strip());
        } catch (IllegalArgumentException e) {
            throw new XadesProperties.Invalid("xades:EncapsulatedTimeStamp is not base64");
        }
    }

    /** The ds:SignatureValue element canonicalised as the time-stamp says (default inclusive c14n 1.0). */
    private static byte[] canonical(Element timeStamp, Element signatureValue) throws XadesProperties.Invalid {
        Element method = XadesProperties.firstDsig(timeStamp, "CanonicalizationMethod");
        String algorithm = method == null ? DEFAULT_C14N : method.getAttributeNS(null, "Algorithm");
        if (!SignatureAlgorithms.CANONICALIZATIONS.contains(algorithm)) {
            throw new XadesProperties.Invalid(SignatureAlgorithms.refusal("time-stamp canonicalization method",
                    algorithm));
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Canonicalizer.getInstance(algorithm).canonicalizeSubtree(signatureValue, out);
            return out.toByteArray();
        } catch (XMLSecurityException | RuntimeException e) {
            throw new XadesProperties.Invalid("ds:SignatureValue cannot be canonicalised: " + e.getMessage());
        }
    }

    private static void checkImprint(TimeStampToken token, byte[] canonical) throws XadesProperties.Invalid {
        ASN1ObjectIdentifier oid = token.getTimeStampInfo().getMessageImprintAlgOID();
        String hash = IMPRINT_HASHES.get(oid);
        if (hash == null) {
            throw new XadesProperties.Invalid("the time-stamp imprint uses hash " + oid + ", which is not accepted "
                    + "(SHA-2 or SHA-3 required)");
        }
        try {
            byte[] expected = MessageDigest.getInstance(hash).digest(canonical);
            if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
                throw new XadesProperties.Invalid("the signature time-stamp does not cover this signature: its "
                        + "imprint is not the " + hash + " of the canonicalised ds:SignatureValue");
            }
        } catch (GeneralSecurityException e) {
            throw new XadesProperties.Invalid("hash " + hash + " is not available: " + e.getMessage());
        }
    }

    private static void checkTokenAlgorithms(TimeStampToken token, X509Certificate tsa)
            throws XadesProperties.Invalid {
        String weakKey = KeyStrengthPolicy.weakness(tsa.getPublicKey());
        if (weakKey != null) {
            throw new XadesProperties.Invalid("the TSA key of " + CertificatePathValidator.dn(tsa) + ": " + weakKey);
        }
        SignerInformation signerInfo = token.toCMSSignedData().getSignerInfos().get(token.getSID());
        if (signerInfo == null || !IMPRINT_HASHES.containsKey(new ASN1ObjectIdentifier(signerInfo.getDigestAlgOID()))) {
            throw new XadesProperties.Invalid("the time-stamp token is signed with digest "
                    + (signerInfo == null ? "?" : signerInfo.getDigestAlgOID()) + ", which is not accepted");
        }
    }

    private static X509Certificate tsaCertificate(TimeStampToken token) throws XadesProperties.Invalid {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            return null;
        }
        return convert(matches.iterator().next());
    }

    private static List<X509Certificate> tokenCertificates(TimeStampToken token) throws XadesProperties.Invalid {
        List<X509Certificate> certificates = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> all = token.getCertificates().getMatches(null);
        for (X509CertificateHolder holder : all) {
            certificates.add(convert(holder));
            if (certificates.size() >= 10) {
                break;
            }
        }
        return certificates;
    }

    private static X509Certificate convert(X509CertificateHolder holder) throws XadesProperties.Invalid {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new XadesProperties.Invalid("a certificate of the time-stamp token cannot be read: "
                    + e.getMessage());
        }
    }

    private static boolean hasTimeStampingUsage(X509Certificate certificate) {
        try {
            byte[] value = certificate.getExtensionValue(Extension.extendedKeyUsage.getId());
            if (value == null || !certificate.getCriticalExtensionOIDs().contains(Extension.extendedKeyUsage.getId())) {
                return false;
            }
            ExtendedKeyUsage usage = ExtendedKeyUsage.getInstance(ASN1OctetString.getInstance(value).getOctets());
            return usage.hasKeyPurposeId(KeyPurposeId.id_kp_timeStamping);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
