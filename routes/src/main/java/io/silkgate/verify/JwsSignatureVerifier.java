package io.silkgate.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Verifies the JWS that signs a JSON document at intake: compact serialisation, attached (the payload is the
 * document) or detached (RFC 7515 appendix F, the payload travels beside it). Strict policy: exactly one signature;
 * RS256, PS256, ES256, ES384 or EdDSA; RSA ≥ 2048, EC on the curve of its algorithm; the key only from the
 * {@code x5c} leaf, whose chain is validated with PKIX and revocation; {@code jku}, {@code x5u} and {@code jwk} are
 * refused (nothing is fetched), and so is any {@code crit} other than {@code b64} on a detached JWS. The signed bytes
 * are the payload exactly as sent; the caller reads its business data from them. Thread-safe.
 */
public final class JwsSignatureVerifier {

    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");
    private static final Set<String> ACCEPTED = Set.of("RS256", "PS256", "ES256", "ES384", "EdDSA");
    /** A header with a four-certificate chain is some 8 KB; a chain longer than this is no signer's chain. */
    private static final int MAX_HEADER_CHARS = 64 * 1024;
    private static final int MAX_CHAIN = 8;

    private final CertificatePathValidator paths;

    public JwsSignatureVerifier(CertificatePathValidator paths) {
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    /** What a JWS proved: the report, and the signed payload bytes when the JWS carried them (null otherwise). */
    public record Outcome(VerificationResult result, byte[] payload) {
    }

    /** Thrown for input that is not a JWS of the accepted shape; the message says why. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Verifies an attached compact JWS (the whole body of an {@code application/jose} submission).
     *
     * @param anchors chooses the trust anchors for the signer's certificate (x5c leaf)
     */
    public Outcome verifyAttached(String jws, Function<X509Certificate, TrustAnchors> anchors, Instant at) {
        return verify(jws, null, anchors, at);
    }

    /** Verifies a detached compact JWS ({@code header..signature}) over {@code payload}. */
    public Outcome verifyDetached(byte[] payload, String jws, Function<X509Certificate, TrustAnchors> anchors,
                                  Instant at) {
        return verify(jws, Objects.requireNonNull(payload, "payload"), anchors, at);
    }

    /**
     * The payload of an attached compact JWS without verifying anything — only to learn the document's format
     * before verification; null when the text is not an attached compact JWS.
     */
    public static byte[] unverifiedPayload(String jws) {
        String text = jws == null ? "" : jws.trim();
        if (!COMPACT.matcher(text).matches()) {
            return null;
        }
        String[] parts = text.split("\\.", -1);
        return parts[1].isEmpty() ? null : new Base64URL(parts[1]).decode();
    }

    private Outcome verify(String jws, byte[] detachedPayload, Function<X509Certificate, TrustAnchors> anchors,
                           Instant at) {
        String text = jws == null ? "" : jws.trim();
        if (text.isEmpty()) {
            return new Outcome(failed(ErrorCode.SIGNATURE_MISSING, "no JWS signature was submitted"), null);
        }
        JsonNode header;
        String[] parts;
        try {
            parts = compactParts(text, detachedPayload != null);
            header = header(parts[0]);
        } catch (Refused e) {
            return new Outcome(failed(ErrorCode.SIGNATURE_INVALID, e.getMessage()), null);
        }
        String alg = header.path("alg").asText(null);
        List<X509Certificate> chain;
        X509Certificate leaf = null;
        try {
            refuseHeader(header, alg, detachedPayload != null);
            chain = certificates(header.get("x5c"));
            leaf = chain.get(0);
            refuseKey(header, alg, leaf);
        } catch (Refused e) {
            return new Outcome(rejected(leaf, alg, e.getMessage()), null);
        }
        JWSObject object;
        try {
            object = detachedPayload == null ? JWSObject.parse(text)
                    : JWSObject.parse(parts[0] + ".." + parts[2], new Payload(detachedPayload));
        } catch (ParseException e) {
            return new Outcome(rejected(leaf, alg, "unreadable JWS: " + e.getMessage()), null);
        }
        if (!signatureMatches(object, alg, leaf.getPublicKey())) {
            return new Outcome(rejected(leaf, alg, "the signature does not verify over the payload with the key of "
                    + CertificatePathValidator.dn(leaf) + " (the content was changed, or signed by another key)"), null);
        }
        byte[] payload = detachedPayload != null ? detachedPayload : object.getPayload().toBytes();
        TrustAnchors trust = anchors.apply(leaf);
        PathResult path = paths.validate(leaf, chain.subList(1, chain.size()), trust, at);
        List<String> dns = path.path().stream().map(CertificatePathValidator::dn).toList();
        String dn = CertificatePathValidator.dn(leaf);
        SignatureReport report = path.trusted()
                ? new SignatureReport(true, dn, alg, true, dns, path.revocation(), null, null, path.path())
                : new SignatureReport(false, dn, alg, true, dns, path.revocation(), path.failure(), path.message(),
                        path.path());
        List<Problem> errors = path.trusted() ? List.of()
                : List.of(Problem.at(path.failure(), path.message(), "JWS"));
        return new Outcome(new VerificationResult(List.of(report), errors, null), path.trusted() ? payload : null);
    }

    /** The three parts of a compact JWS; refuses the JSON serialisations (saying how many signatures they hold). */
    private static String[] compactParts(String text, boolean detached) throws Refused {
        if (text.startsWith("{")) {
            throw new Refused(jsonSerialisation(text));
        }
        if (!COMPACT.matcher(text).matches()) {
            throw new Refused("not a JWS in compact serialisation (three base64url parts separated by '.')");
        }
        String[] parts = text.split("\\.", -1);
        if (detached && !parts[1].isEmpty()) {
            throw new Refused("a detached JWS must have an empty payload part (header..signature, RFC 7515"
                    + " appendix F)");
        }
        if (!detached && parts[1].isEmpty()) {
            throw new Refused("the JWS has an empty payload part: a detached JWS goes beside the JSON document"
                    + " (multipart part 'signature'), not as the body");
        }
        if (parts[0].length() > MAX_HEADER_CHARS) {
            throw new Refused("the JWS header is longer than " + MAX_HEADER_CHARS + " characters");
        }
        return parts;
    }

    private static String jsonSerialisation(String text) {
        try {
            JsonNode json = SecureJson.parse(text.getBytes(StandardCharsets.UTF_8));
            int count = json.path("signatures").isArray() ? json.path("signatures").size()
                    : json.has("signature") ? 1 : 0;
            if (count != 1) {
                return "the JWS (JSON serialisation) carries " + count + " signatures; exactly one is accepted,"
                        + " in compact serialisation";
            }
        } catch (DocumentRejectedException e) {
            return "not a JWS: " + e.getMessage();
        }
        return "a JWS in JSON serialisation is not accepted; send the compact serialisation";
    }

    private static JsonNode header(String encoded) throws Refused {
        JsonNode header;
        try {
            // SecureJson refuses duplicate members: two "alg" values must not be read differently by two parsers
            header = SecureJson.parse(new Base64URL(encoded).decode());
        } catch (DocumentRejectedException | IllegalArgumentException e) {
            throw new Refused("unreadable JWS header: " + e.getMessage());
        }
        if (!header.isObject()) {
            throw new Refused("the JWS header is not a JSON object");
        }
        return header;
    }

    private static void refuseHeader(JsonNode header, String alg, boolean detached) throws Refused {
        if (alg == null) {
            throw new Refused("the JWS header has no alg");
        }
        if (alg.equalsIgnoreCase("none")) {
            throw new Refused("alg \"none\" (an unsecured JWS) is not accepted");
        }
        if (alg.toUpperCase(Locale.ROOT).startsWith("HS")) {
            throw new Refused("HMAC algorithm " + alg + " is not accepted: a shared secret proves no signer");
        }
        if (!ACCEPTED.contains(alg)) {
            throw new Refused("algorithm " + alg + " is not accepted (RS256, PS256, ES256, ES384, EdDSA)");
        }
        for (String remote : List.of("jku", "x5u", "jwk")) {
            if (header.has(remote)) {
                throw new Refused("the JWS header names a key outside x5c (" + remote + "); only an x5c chain to a"
                        + " trust anchor is accepted, and nothing is fetched");
            }
        }
        boolean b64 = !header.has("b64") || header.get("b64").asBoolean(true);
        JsonNode crit = header.get("crit");
        if (crit != null) {
            if (!crit.isArray() || crit.isEmpty()) {
                throw new Refused("crit must be a non-empty array");
            }
            for (JsonNode name : crit) {
                if (!detached || !"b64".equals(name.asText())) {
                    throw new Refused("critical header parameter " + name + " is not understood");
                }
            }
        }
        if (!b64 && (crit == null || !detached)) {
            // RFC 7797 §6: b64 false must be critical, and only a detached payload can be unencoded here
            throw new Refused("b64 false is only accepted on a detached JWS, listed in crit (RFC 7797)");
        }
        if (!header.has("x5c")) {
            throw new Refused("the JWS header carries no x5c certificate chain (the signer's key is taken only from"
                    + " x5c)");
        }
    }

    private static List<X509Certificate> certificates(JsonNode x5c) throws Refused {
        if (!x5c.isArray() || x5c.isEmpty()) {
            throw new Refused("x5c must be a non-empty array of base64 certificates");
        }
        if (x5c.size() > MAX_CHAIN) {
            throw new Refused("x5c holds " + x5c.size() + " certificates; at most " + MAX_CHAIN + " are accepted");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (JsonNode encoded : x5c) {
                // x5c is standard base64 (RFC 7515 §4.1.6), not base64url
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(Base64.getDecoder().decode(encoded.asText()))));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new Refused("unreadable x5c certificate: " + e.getMessage());
        }
        return chain;
    }

    private static void refuseKey(JsonNode header, String alg, X509Certificate leaf) throws Refused {
        if (header.has("x5t#S256")) {
            String expected = Base64URL.encode(sha256(leaf)).toString();
            if (!expected.equals(header.get("x5t#S256").asText())) {
                throw new Refused("x5t#S256 does not match the x5c leaf certificate");
            }
        }
        PublicKey key = leaf.getPublicKey();
        String weakness = KeyStrengthPolicy.weakness(key);
        if (weakness != null) {
            throw new Refused("signing key of " + CertificatePathValidator.dn(leaf) + ": " + weakness);
        }
        String certificateWeakness = KeyStrengthPolicy.signatureWeakness(leaf);
        if (certificateWeakness != null) {
            throw new Refused("the signer's certificate is " + certificateWeakness);
        }
        boolean fits = switch (alg) {
            case "RS256", "PS256" -> key instanceof RSAPublicKey;
            case "ES256" -> key instanceof ECPublicKey ec && fieldBits(ec.getParams()) == 256;
            case "ES384" -> key instanceof ECPublicKey ec && fieldBits(ec.getParams()) == 384;
            case "EdDSA" -> "Ed25519".equalsIgnoreCase(key.getAlgorithm()) || "Ed448".equalsIgnoreCase(key.getAlgorithm())
                    || "EdDSA".equalsIgnoreCase(key.getAlgorithm());
            default -> false;
        };
        if (!fits) {
            throw new Refused("the " + key.getAlgorithm() + " key of the x5c leaf certificate cannot make " + alg
                    + " signatures");
        }
    }

    private static boolean signatureMatches(JWSObject object, String alg, PublicKey key) {
        try {
            if ("EdDSA".equals(alg)) {
                // nimbus needs Tink for EdDSA; the JDK (15+) verifies Ed25519/Ed448 itself
                Signature eddsa = Signature.getInstance("EdDSA");
                eddsa.initVerify(key);
                eddsa.update(object.getSigningInput());
                return eddsa.verify(object.getSignature().decode());
            }
            JWSVerifier verifier = key instanceof RSAPublicKey rsa ? new RSASSAVerifier(rsa)
                    : new ECDSAVerifier((ECPublicKey) key);
            return verifier.supportedJWSAlgorithms().contains(JWSAlgorithm.parse(alg)) && object.verify(verifier);
        } catch (JOSEException | GeneralSecurityException | IllegalStateException e) {
            return false;
        }
    }

    private static int fieldBits(ECParameterSpec params) {
        return params.getCurve().getField().getFieldSize();
    }

    private static byte[] sha256(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VerificationResult rejected(X509Certificate leaf, String alg, String message) {
        return new VerificationResult(List.of(invalid(leaf, alg, message)),
                List.of(Problem.at(ErrorCode.SIGNATURE_INVALID, message, "JWS")), null);
    }

    private static SignatureReport invalid(X509Certificate leaf, String alg, String message) {
        List<X509Certificate> certificates = leaf == null ? List.of() : List.of(leaf);
        return new SignatureReport(false, leaf == null ? null : CertificatePathValidator.dn(leaf), alg, false,
                List.of(), RevocationStatus.NOT_CHECKED, ErrorCode.SIGNATURE_INVALID, message, certificates);
    }

    private static VerificationResult failed(ErrorCode code, String message) {
        return new VerificationResult(List.of(), List.of(Problem.of(code, message)), null);
    }
}
