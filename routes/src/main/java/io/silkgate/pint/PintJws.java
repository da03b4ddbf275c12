package io.silkgate.pint;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.SecureJson;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies the compact JWS strings of DCSA PINT: PS256, ES256 and RS256 only; {@code alg: none}, HMAC, remote key
 * references ({@code jku}, {@code x5u}) and any {@code crit} extension are refused; the key always comes from
 * {@link PintTrust}, never from the header. Problems with the signature answer BSIG, a malformed string BENV.
 */
public final class PintJws {

    /** The specification's pattern: three non-empty base64url parts. */
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.RS256);

    private PintJws() {
    }

    /**
     * @param what names the JWS in reasons, e.g. "envelopeTransferChain[1]"
     * @throws PintRejection BSIG or BENV with the reason
     */
    public static VerifiedJws verify(JsonNode value, PintTrust trust, String what) {
        if (value == null || !value.isTextual()) {
            throw new PintRejection(PintResponseCode.BENV, what + " is not a JWS string");
        }
        return verify(value.asText(), trust, what);
    }

    /** @see #verify(JsonNode, PintTrust, String) */
    public static VerifiedJws verify(String compact, PintTrust trust, String what) {
        refuseUnsafeAlgorithm(compact, what);
        if (!COMPACT.matcher(compact).matches()) {
            throw new PintRejection(PintResponseCode.BENV, what + " is not a compact JWS (three base64url parts)");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new PintRejection(PintResponseCode.BENV, what + " is not a readable JWS: " + e.getMessage());
        }
        JWSHeader header = jws.getHeader();
        if (!ALLOWED.contains(header.getAlgorithm())) {
            throw new PintRejection(PintResponseCode.BSIG, what + ": algorithm " + header.getAlgorithm()
                    + " is not accepted (PS256, ES256, RS256)");
        }
        if (header.getJWKURL() != null || header.getX509CertURL() != null) {
            throw new PintRejection(PintResponseCode.BSIG, what + ": remote key references (jku, x5u) are refused");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new PintRejection(PintResponseCode.BSIG, what + ": critical header parameters "
                    + header.getCriticalParams() + " are not understood");
        }
        List<TrustedKey> candidates = trust.candidates(header);
        if (candidates.isEmpty()) {
            throw new PintRejection(PintResponseCode.BSIG, what + ": no trusted key matches "
                    + keyHint(header));
        }
        TrustedKey signer = null;
        for (TrustedKey key : candidates) {
            if (verifies(jws, key)) {
                signer = key;
                break;
            }
        }
        if (signer == null) {
            throw new PintRejection(PintResponseCode.BSIG, what + ": the signature does not verify with "
                    + (candidates.size() == 1 ? "the trusted key " + candidates.get(0).label()
                            : "any of " + candidates.size() + " trusted keys"));
        }
        JsonNode payload;
        try {
            payload = SecureJson.parse(jws.getPayload().toBytes());
        } catch (DocumentRejectedException e) {
            throw new PintRejection(PintResponseCode.BENV, what + ": the payload is not JSON: " + e.getMessage());
        }
        if (!payload.isObject()) {
            throw new PintRejection(PintResponseCode.BENV, what + ": the payload is not a JSON object");
        }
        return new VerifiedJws(compact, header.getAlgorithm().getName(), signer, payload);
    }

    // alg none and HMAC are refused as signature problems before the shape check, so "alg none with an empty
    // signature" reads BSIG (what it is) rather than a generic malformed-string BENV
    private static void refuseUnsafeAlgorithm(String compact, String what) {
        int dot = compact.indexOf('.');
        if (dot <= 0) {
            return;
        }
        try {
            JsonNode header = SecureJson.parse(new Base64URL(compact.substring(0, dot)).decode());
            String alg = header.path("alg").asText("");
            if (alg.equalsIgnoreCase("none") || alg.toUpperCase(java.util.Locale.ROOT).startsWith("HS")) {
                throw new PintRejection(PintResponseCode.BSIG, what + ": algorithm " + alg + " is refused");
            }
        } catch (DocumentRejectedException | IllegalArgumentException e) {
            // an unreadable header is reported by the shape check and the parser
        }
    }

    private static boolean verifies(JWSObject jws, TrustedKey key) {
        try {
            JWSVerifier verifier;
            if (key.publicKey() instanceof RSAPublicKey rsa) {
                verifier = new RSASSAVerifier(rsa);
            } else if (key.publicKey() instanceof ECPublicKey ec) {
                verifier = new ECDSAVerifier(ec);
            } else {
                return false;
            }
            return jws.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            // a key of the wrong curve for the algorithm is simply not this signer
            return false;
        }
    }

    private static String keyHint(JWSHeader header) {
        if (header.getX509CertSHA256Thumbprint() != null) {
            return "x5t#S256 " + header.getX509CertSHA256Thumbprint();
        }
        if (header.getKeyID() != null) {
            return "kid " + header.getKeyID();
        }
        return "algorithm " + header.getAlgorithm();
    }
}
