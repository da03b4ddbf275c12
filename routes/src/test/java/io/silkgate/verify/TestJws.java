package io.silkgate.verify;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import io.silkgate.certs.IssuedCertificate;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Makes compact JWS for tests, well-formed or deliberately not, with the signer's chain in x5c. */
public final class TestJws {

    private TestJws() {
    }

    /** An attached JWS signed by {@code signer} (its chain, leaf first, in x5c). */
    public static String attached(IssuedCertificate signer, JWSAlgorithm alg, byte[] payload) {
        return sign(signer, alg, payload, h -> h, false);
    }

    /** A detached JWS ({@code header..signature}). */
    public static String detached(IssuedCertificate signer, JWSAlgorithm alg, byte[] payload) {
        return sign(signer, alg, payload, h -> h, true);
    }

    public static String sign(IssuedCertificate signer, JWSAlgorithm alg, byte[] payload,
                              UnaryOperator<JWSHeader.Builder> tweak, boolean detached) {
        JWSHeader header = tweak.apply(new JWSHeader.Builder(alg).x509CertChain(x5c(signer))).build();
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            JWSSigner jwsSigner = signer.privateKey() instanceof ECPrivateKey ec ? new ECDSASigner(ec)
                    : new RSASSASigner(signer.privateKey(), true);
            jws.sign(jwsSigner);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize(detached);
    }

    /** An EdDSA JWS, signed with the JDK (nimbus needs Tink for it). */
    public static String eddsa(IssuedCertificate signer, byte[] payload) throws Exception {
        String header = Base64URL.encode("{\"alg\":\"EdDSA\",\"x5c\":[" + quoted(x5c(signer)) + "]}").toString();
        String input = header + "." + Base64URL.encode(payload);
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(signer.privateKey());
        ed.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64URL.encode(ed.sign());
    }

    /** A compact JWS with the given raw header and signature bytes (for alg none, HMAC and the like). */
    public static String raw(String headerJson, byte[] payload, byte[] signature) {
        return Base64URL.encode(headerJson) + "." + Base64URL.encode(payload) + "." + Base64URL.encode(signature);
    }

    public static List<Base64> x5c(IssuedCertificate signer) {
        List<Base64> chain = new ArrayList<>();
        try {
            chain.add(Base64.encode(signer.certificate().getEncoded()));
            for (X509Certificate c : signer.chain()) {
                if (!c.equals(signer.certificate())) {
                    chain.add(Base64.encode(c.getEncoded()));
                }
            }
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        return chain;
    }

    public static String quoted(List<Base64> x5c) {
        return String.join(",", x5c.stream().map(b -> "\"" + b + "\"").toList());
    }
}
