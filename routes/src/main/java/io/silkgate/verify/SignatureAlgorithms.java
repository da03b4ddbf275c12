package io.silkgate.verify;

import java.util.Locale;
import java.util.Set;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;

/** The XMLDSig algorithms Silkgate accepts on inbound signatures: RSA and ECDSA with SHA-2, c14n, enveloped. */
final class SignatureAlgorithms {

    static final Set<String> CANONICALIZATIONS = Set.of(
            CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS,
            "http://www.w3.org/2006/12/xml-c14n11",
            "http://www.w3.org/2006/12/xml-c14n11#WithComments",
            CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);

    static final Set<String> DIGESTS = Set.of(
            DigestMethod.SHA256, DigestMethod.SHA384, DigestMethod.SHA512,
            DigestMethod.SHA3_256, DigestMethod.SHA3_384, DigestMethod.SHA3_512);

    static final Set<String> RSA_SIGNATURES = Set.of(
            SignatureMethod.RSA_SHA256, SignatureMethod.RSA_SHA384, SignatureMethod.RSA_SHA512,
            SignatureMethod.SHA256_RSA_MGF1, SignatureMethod.SHA384_RSA_MGF1, SignatureMethod.SHA512_RSA_MGF1,
            SignatureMethod.RSA_PSS);

    static final Set<String> EC_SIGNATURES = Set.of(
            SignatureMethod.ECDSA_SHA256, SignatureMethod.ECDSA_SHA384, SignatureMethod.ECDSA_SHA512);

    static final Set<String> TRANSFORMS = Set.of(
            Transform.ENVELOPED,
            CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS,
            "http://www.w3.org/2006/12/xml-c14n11",
            "http://www.w3.org/2006/12/xml-c14n11#WithComments",
            CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);

    private SignatureAlgorithms() {
    }

    static boolean isSignatureAllowed(String uri) {
        return RSA_SIGNATURES.contains(uri) || EC_SIGNATURES.contains(uri);
    }

    /** Whether a public key of this JCA algorithm can verify signatures of the given method. */
    static boolean keyFits(String signatureMethod, String keyAlgorithm) {
        String key = keyAlgorithm.toUpperCase(Locale.ROOT);
        if (RSA_SIGNATURES.contains(signatureMethod)) {
            return key.equals("RSA") || key.equals("RSASSA-PSS");
        }
        if (EC_SIGNATURES.contains(signatureMethod)) {
            return key.equals("EC") || key.equals("ECDSA");
        }
        return false;
    }

    /** The JCA name of an accepted digest method URI, or null when the digest is not accepted. */
    static String jcaDigest(String uri) {
        if (uri == null) {
            return null;
        }
        return switch (uri) {
            case DigestMethod.SHA256 -> "SHA-256";
            case DigestMethod.SHA384 -> "SHA-384";
            case DigestMethod.SHA512 -> "SHA-512";
            case DigestMethod.SHA3_256 -> "SHA3-256";
            case DigestMethod.SHA3_384 -> "SHA3-384";
            case DigestMethod.SHA3_512 -> "SHA3-512";
            default -> null;
        };
    }

    /** A readable reason for refusing an algorithm URI. */
    static String refusal(String what, String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.contains("sha1") || lower.contains("md5")) {
            return what + " " + uri + " uses " + (lower.contains("md5") ? "MD5" : "SHA-1")
                    + ", which is too weak and not accepted";
        }
        return what + " " + uri + " is not accepted";
    }
}
