package io.silkgate.verify;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * EC keys on curves the JDK cannot decode (the Chinese SM2 curve sm2p256v1), read with BouncyCastle: the JDK hands
 * such certificate keys out as opaque X.509 keys that no policy or signature check could use.
 */
final class Sm2Keys {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private Sm2Keys() {
    }

    /** The key as a BouncyCastle EC public key when it is an EC key the JDK left undecoded; otherwise as given. */
    static PublicKey bouncyCastle(PublicKey key) {
        if (key instanceof ECPublicKey || !"EC".equalsIgnoreCase(key.getAlgorithm())) {
            return key;
        }
        try {
            return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }

    /** Whether an EC key lies on the SM2 curve. */
    static boolean isSm2(PublicKey key) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            Object parameters = info.getAlgorithm().getParameters();
            return parameters instanceof ASN1ObjectIdentifier curve && GMObjectIdentifiers.sm2p256v1.equals(curve);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
