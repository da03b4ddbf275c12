package io.silkgate.pint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.util.Base64URL;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Signs PINT payloads as compact JWS with a certificate's key: PS256 for RSA (as the DCSA conformance kit does),
 * ES256 for P-256; the header names the certificate by {@code x5t#S256} and the same value as {@code kid}.
 */
public final class JwsPayloadSigner implements PintSigner {

    private final JWSHeader header;
    private final JWSSigner signer;

    public JwsPayloadSigner(PrivateKey key, X509Certificate certificate) {
        JWSAlgorithm algorithm;
        try {
            if (certificate.getPublicKey() instanceof RSAPublicKey) {
                algorithm = JWSAlgorithm.PS256;
                signer = new RSASSASigner(key);
            } else if (certificate.getPublicKey() instanceof ECPublicKey ec
                    && Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
                algorithm = JWSAlgorithm.ES256;
                signer = new ECDSASigner(key, Curve.P_256);
            } else {
                throw new IllegalArgumentException("PINT signatures need an RSA or P-256 key, not "
                        + certificate.getPublicKey().getAlgorithm());
            }
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable PINT signing key: " + e.getMessage(), e);
        }
        String thumbprint = PintTrust.thumbprint(certificate);
        header = new JWSHeader.Builder(algorithm).keyID(thumbprint)
                .x509CertSHA256Thumbprint(new Base64URL(thumbprint)).build();
    }

    @Override
    public String sign(byte[] payload) {
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("PINT signing failed: " + e.getMessage(), e);
        }
        return jws.serialize();
    }
}
