package io.silkgate.gateway.http;

import io.silkgate.gateway.config.ApiKeyHash;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which configured submitter a request comes from: by the client certificate it presented over mutual TLS
 * (matched exactly, by its SHA-256 fingerprint) or by its API key ({@code Authorization: Bearer <key>}, matched
 * by SHA-256 in constant time). With no submitters configured everyone is the submitter {@code anonymous}
 * (local use; the gateway warns at start).
 */
public final class SubmitterAuthenticator {

    public static final String ANONYMOUS = "anonymous";

    /** One submitter's API key hash. */
    public record KeyEntry(ApiKeyHash hash, String submitter) {
    }

    private final List<KeyEntry> keys;
    private final Map<String, String> submitterByFingerprint;

    /**
     * @param keys                   every submitter's API key hash
     * @param submitterByFingerprint submitter id by the lower-case hex SHA-256 of its client certificate (DER)
     */
    public SubmitterAuthenticator(List<KeyEntry> keys, Map<String, String> submitterByFingerprint) {
        this.keys = List.copyOf(keys);
        this.submitterByFingerprint = Map.copyOf(submitterByFingerprint);
    }

    /** API keys only, given in clear (tests and tools). */
    public static SubmitterAuthenticator ofKeys(Map<String, String> submitterByKey) {
        return new SubmitterAuthenticator(submitterByKey.entrySet().stream()
                .map(e -> new KeyEntry(ApiKeyHash.ofKey(e.getKey()), e.getValue())).toList(), Map.of());
    }

    public boolean isOpen() {
        return keys.isEmpty() && submitterByFingerprint.isEmpty();
    }

    /** The outcome of one authentication: the submitter, or why there is none. */
    public record Result(String submitter, String failure) {

        static Result of(String submitter) {
            return new Result(submitter, null);
        }

        static Result failed(String why) {
            return new Result(null, why);
        }

        public boolean authenticated() {
            return submitter != null;
        }
    }

    /** The submitter behind an {@code Authorization} header value alone; empty when there is none. */
    public Optional<String> submitterOf(String authorization) {
        return Optional.ofNullable(authenticate(authorization, null).submitter());
    }

    /**
     * The submitter behind the request's credentials. A client certificate and an API key may both be presented,
     * but then they must name the same submitter.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param clientCertificate the certificate the client presented in the TLS handshake, or null
     */
    public Result authenticate(String authorization, X509Certificate clientCertificate) {
        if (isOpen()) {
            return Result.of(ANONYMOUS);
        }
        String byCertificate = null;
        if (clientCertificate != null) {
            byCertificate = submitterByFingerprint.get(fingerprint(clientCertificate));
            if (byCertificate == null) {
                // the TLS layer only lets configured certificates through; this guards a listener set up otherwise
                return Result.failed("the client certificate belongs to no submitter");
            }
        }
        if (authorization == null) {
            return byCertificate != null ? Result.of(byCertificate)
                    : Result.failed("present a client certificate or an API key as 'Authorization: Bearer <key>'");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Result.failed("the Authorization header must be 'Bearer <key>'");
        }
        byte[] presented = ApiKeyHash.sha256(authorization.substring(7).trim());
        String byKey = null;
        // every hash is compared, whatever matched before, so timing tells nothing about which key is close
        for (KeyEntry e : keys) {
            if (e.hash().matchesDigest(presented)) {
                byKey = e.submitter();
            }
        }
        if (byKey == null) {
            return Result.failed("unknown API key");
        }
        if (byCertificate != null && !byCertificate.equals(byKey)) {
            return Result.failed("the client certificate and the API key belong to different submitters");
        }
        return Result.of(byKey);
    }

    /** Lower-case hex SHA-256 of the certificate's DER encoding. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }
}
