package io.silkgate.verify;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Locale;

/** The gateway's key and algorithm policy: RSA at least 2048 bits, EC at least 256 bits, no MD5 or SHA-1. */
public final class KeyStrengthPolicy {

    public static final int MIN_RSA_BITS = 2048;
    public static final int MIN_EC_BITS = 256;

    private KeyStrengthPolicy() {
    }

    /** Why a key is too weak, or null when it is acceptable. */
    public static String weakness(PublicKey given) {
        PublicKey key = Sm2Keys.bouncyCastle(given);
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return bits < MIN_RSA_BITS
                    ? "RSA key of " + bits + " bits is too weak (at least " + MIN_RSA_BITS + " required)" : null;
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits < MIN_EC_BITS
                    ? "EC key of " + bits + " bits is too weak (at least " + MIN_EC_BITS + " required)" : null;
        }
        String algorithm = key.getAlgorithm();
        if ("Ed25519".equalsIgnoreCase(algorithm) || "Ed448".equalsIgnoreCase(algorithm)
                || "EdDSA".equalsIgnoreCase(algorithm)) {
            return null;
        }
        return algorithm + " keys are not accepted";
    }

    /** Why a certificate's own signature algorithm is too weak, or null when it is acceptable. */
    public static String signatureWeakness(X509Certificate certificate) {
        String name = certificate.getSigAlgName().toUpperCase(Locale.ROOT).replace("-", "");
        if (name.startsWith("SHA1") || name.startsWith("MD5") || name.startsWith("MD2")) {
            return "signed with " + certificate.getSigAlgName() + ", which is not accepted";
        }
        return null;
    }
}
