package io.silkgate.sign;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import io.silkgate.verify.KeyStrengthPolicy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's detached JWS (RFC 7515 Appendix F) over an outbound body: header alg (RS256 for RSA keys, ES256 for
 * P-256), kid = base64url SHA-256 of the leaf certificate (x5t#S256 value too), x5c = the chain without the root.
 * Thread-safe.
 */
public final class DetachedJwsSigner {

    private final JWSHeader header;
    private final JWSSigner signer;
    private final List<X509Certificate> chain;

    /**
     * @param key   the private key of the leaf certificate
     * @param chain leaf first; a self-signed root in it is left out of x5c
     * @throws IllegalArgumentException if the key type is unsupported, too weak, or does not match the leaf
     */
    public DetachedJwsSigner(PrivateKey key, List<X509Certificate> chain) {
        Objects.requireNonNull(key, "key");
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("the signing certificate chain is empty");
        }
        this.chain = List.copyOf(chain);
        X509Certificate leaf = chain.get(0);
        PublicKey publicKey = leaf.getPublicKey();
        String weakness = KeyStrengthPolicy.weakness(publicKey);
        if (weakness != null) {
            throw new IllegalArgumentException("gateway signing key: " + weakness);
        }
        JWSAlgorithm algorithm;
        JWSVerifier selfCheck;
        try {
            if (publicKey instanceof RSAPublicKey rsa) {
                algorithm = JWSAlgorithm.RS256;
                signer = new RSASSASigner(key);
                selfCheck = new RSASSAVerifier(rsa);
            } else if (publicKey instanceof ECPublicKey ec) {
                Curve curve = Curve.forECParameterSpec(ec.getParams());
                algorithm = algorithmFor(curve);
                signer = new ECDSASigner(key, curve);
                selfCheck = new ECDSAVerifier(ec);
            } else {
                throw new IllegalArgumentException(publicKey.getAlgorithm() + " keys cannot sign a JWS here");
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable gateway signing key: " + e.getMessage(), e);
        }
        Base64URL thumbprint = sha256Thumbprint(leaf);
        List<Base64> x5c = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            if (!isSelfSigned(certificate) || certificate == leaf) {
                x5c.add(Base64.encode(encoded(certificate)));
            }
        }
        header = new JWSHeader.Builder(algorithm)
                .keyID(thumbprint.toString())
                .x509CertSHA256Thumbprint(thumbprint)
                .x509CertChain(x5c)
                .build();
        // A key that does not belong to the certificate would sign every delivery unverifiably: fail at start-up.
        try {
            JWSObject probe = new JWSObject(header, new Payload("silkgate".getBytes(StandardCharsets.US_ASCII)));
            probe.sign(signer);
            if (!probe.verify(selfCheck)) {
                throw new IllegalArgumentException("the private key does not match the certificate "
                        + leaf.getSubjectX500Principal().getName());
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the gateway signing key cannot sign: " + e.getMessage(), e);
        }
    }

    /** Signs a body; returns the compact serialization with an empty payload part: "header..signature". */
    /** The signing certificate and its chain, leaf first, as configured. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public String sign(byte[] body) {
        JWSObject jws = new JWSObject(header, new Payload(body));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
        return jws.serialize(true);
    }

    /** Signs a payload as an ordinary (attached) compact JWS with the same header, e.g. a signed PINT response. */
    public String signAttached(byte[] payload) {
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
        return jws.serialize();
    }

    private static JWSAlgorithm algorithmFor(Curve curve) {
        if (Curve.P_256.equals(curve)) {
            return JWSAlgorithm.ES256;
        }
        if (Curve.P_384.equals(curve)) {
            return JWSAlgorithm.ES384;
        }
        if (Curve.P_521.equals(curve)) {
            return JWSAlgorithm.ES512;
        }
        throw new IllegalArgumentException("EC curve " + curve + " is not supported for JWS signing");
    }

    static Base64URL sha256Thumbprint(X509Certificate certificate) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(encoded(certificate)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
