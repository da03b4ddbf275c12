package io.silkgate.sign;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import io.silkgate.verify.CertificatePathValidator;
import io.silkgate.verify.KeyStrengthPolicy;
import io.silkgate.verify.PathResult;
import io.silkgate.verify.TrustAnchors;
import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies a detached JWS over a body against trust anchors (for partners, tests and the demo's stub partners):
 * rejects alg none and HMAC algs, and headers that point at keys elsewhere (jku, x5u, an embedded jwk) — the key
 * is only ever the x5c leaf, whose chain to the anchors CertificatePathValidator checks; kid is a label, never
 * a look-up. Nothing named in a header is ever fetched.
 */
public final class DetachedJwsVerifier {

    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** A header with a three-certificate x5c chain is some 6 KB; anything far beyond is not a header. */
    private static final int MAX_HEADER_CHARS = 64 * 1024;

    private final TrustAnchors anchors;
    private final CertificatePathValidator paths = new CertificatePathValidator();

    public DetachedJwsVerifier(TrustAnchors anchors) {
        this.anchors = Objects.requireNonNull(anchors, "anchors");
    }

    /** Verifies at the current time. */
    public JwsCheck verify(String detachedJws, byte[] body) {
        return verify(detachedJws, body, Instant.now());
    }

    /** Verifies with certificate validity and revocation judged at {@code at}. */
    public JwsCheck verify(String detachedJws, byte[] body, Instant at) {
        if (detachedJws == null || body == null) {
            return new JwsCheck(false, null, null, "no JWS or no body");
        }
        String[] parts = detachedJws.trim().split("\\.", -1);
        if (parts.length != 3) {
            return new JwsCheck(false, null, null, "not a JWS compact serialization (expected 3 parts, found "
                    + parts.length + ")");
        }
        if (!parts[1].isEmpty()) {
            return new JwsCheck(false, null, null, "not a detached JWS: the payload part must be empty");
        }
        if (parts[0].length() > MAX_HEADER_CHARS) {
            return new JwsCheck(false, null, null, "the JWS header is longer than " + MAX_HEADER_CHARS + " characters");
        }
        Header parsed;
        try {
            parsed = Header.parse(new Base64URL(parts[0]));
        } catch (ParseException e) {
            return new JwsCheck(false, null, null, "unreadable JWS header: " + e.getMessage());
        }
        Algorithm declared = parsed.getAlgorithm();
        if (Algorithm.NONE.equals(declared)) {
            return new JwsCheck(false, null, declared.getName(), "alg \"none\" (an unsecured JWS) is not accepted");
        }
        if (!(parsed instanceof JWSHeader header)) {
            return new JwsCheck(false, null, declared == null ? null : declared.getName(), "not a JWS header");
        }
        JWSAlgorithm algorithm = header.getAlgorithm();
        if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
            return new JwsCheck(false, null, algorithm.getName(),
                    "HMAC algorithm " + algorithm.getName() + " is not accepted: a shared secret proves no signer");
        }
        if (!ACCEPTED.contains(algorithm)) {
            return new JwsCheck(false, null, algorithm.getName(), "algorithm " + algorithm.getName()
                    + " is not accepted");
        }
        // the key must come from x5c and chain to our anchors: a header pointing elsewhere is an attempt to swap it
        if (header.getJWKURL() != null || header.getX509CertURL() != null || header.getJWK() != null) {
            return new JwsCheck(false, null, algorithm.getName(), "the JWS header names a key outside x5c (jku, x5u"
                    + " or jwk); only an x5c chain to a trust anchor is accepted, and nothing is fetched");
        }
        if (!header.isBase64URLEncodePayload()
                && (header.getCriticalParams() == null || !header.getCriticalParams().contains("b64"))) {
            // RFC 7797 §6: without "crit", verifiers that do not know b64 would check other bytes than we do
            return new JwsCheck(false, null, algorithm.getName(), "b64 false must be listed in crit (RFC 7797)");
        }
        List<X509Certificate> chain;
        try {
            chain = certificates(header.getX509CertChain());
        } catch (CertificateException e) {
            return new JwsCheck(false, null, algorithm.getName(), "unreadable x5c certificate: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            return new JwsCheck(false, null, algorithm.getName(), "the JWS header carries no x5c certificate chain");
        }
        X509Certificate leaf = chain.get(0);
        String signer = leaf.getSubjectX500Principal().getName();
        Base64URL thumbprint = header.getX509CertSHA256Thumbprint();
        if (thumbprint != null && !thumbprint.equals(DetachedJwsSigner.sha256Thumbprint(leaf))) {
            return new JwsCheck(false, signer, algorithm.getName(), "x5t#S256 does not match the x5c leaf certificate");
        }
        PublicKey key = leaf.getPublicKey();
        String weakness = KeyStrengthPolicy.weakness(key);
        if (weakness != null) {
            return new JwsCheck(false, signer, algorithm.getName(), "signing key: " + weakness);
        }
        boolean matches;
        try {
            JWSVerifier verifier = verifierFor(algorithm, key);
            if (verifier == null) {
                return new JwsCheck(false, signer, algorithm.getName(), "the " + key.getAlgorithm()
                        + " key of the x5c leaf certificate cannot verify " + algorithm.getName());
            }
            JWSObject jws = JWSObject.parse(detachedJws.trim(), new Payload(body));
            matches = jws.verify(verifier);
        } catch (ParseException | JOSEException e) {
            return new JwsCheck(false, signer, algorithm.getName(), "the JWS cannot be verified: " + e.getMessage());
        }
        if (!matches) {
            return new JwsCheck(false, signer, algorithm.getName(),
                    "the signature does not match the body (or the header has unsupported critical parameters)");
        }
        PathResult path = paths.validate(leaf, chain, anchors, at);
        if (!path.trusted()) {
            return new JwsCheck(false, signer, algorithm.getName(), path.message());
        }
        return new JwsCheck(true, signer, algorithm.getName(), null);
    }

    private static JWSVerifier verifierFor(JWSAlgorithm algorithm, PublicKey key) throws JOSEException {
        if (JWSAlgorithm.Family.RSA.contains(algorithm) && key instanceof RSAPublicKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (JWSAlgorithm.Family.EC.contains(algorithm) && key instanceof ECPublicKey ec) {
            return new ECDSAVerifier(ec);
        }
        return null;
    }

    private static List<X509Certificate> certificates(List<Base64> x5c) throws CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        if (x5c == null) {
            return certificates;
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (Base64 encoded : x5c) {
            certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(encoded.decode())));
        }
        return certificates;
    }
}
