package io.silkgate.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.silkgate.ledger.Evidence;
import io.silkgate.schemas.Problem;
import io.silkgate.verify.SignatureReport;
import io.silkgate.verify.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a verification result into the evidence kept per document: the report in the shape of the {@code verify}
 * command's (CONTRACT.md §2 {@code signatures}) and every certificate of the signers' paths as PEM.
 */
public final class SignatureEvidence {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SignatureEvidence() {
    }

    public static Evidence of(String documentId, VerificationResult result, Instant at) {
        return of(documentId, result, null, at);
    }

    /** @param detachedCms a detached CMS signature submitted beside the document, kept (base64) to re-verify later */
    public static Evidence of(String documentId, VerificationResult result, byte[] detachedCms, Instant at) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("ok", result.ok());
        report.put("signatures", result.signatures().stream().map(SignatureEvidence::entry).toList());
        report.put("errors", result.errors().stream().map(SignatureEvidence::problem).toList());
        if (detachedCms != null) {
            report.put("detachedSignature", Base64.getEncoder().encodeToString(detachedCms));
        }
        Set<X509Certificate> certificates = new LinkedHashSet<>();
        result.signatures().forEach(s -> certificates.addAll(s.certificates()));
        try {
            return new Evidence(documentId, JSON.writeValueAsString(report),
                    certificates.isEmpty() ? null : pem(new ArrayList<>(certificates)), at);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the verification report", e);
        }
    }

    /** One entry of the report, with the same keys as {@code silkgate verify} prints. */
    public static Map<String, Object> entry(SignatureReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", s.valid());
        m.put("signer", s.signer());
        m.put("algorithm", s.algorithm());
        m.put("coversDocument", s.coversDocument());
        m.put("certificatePath", s.certificatePath());
        m.put("revocation", s.revocation().json());
        m.put("role", s.role().json());
        if (s.failure() != null) {
            m.put("code", s.failure().name());
            m.put("message", s.message());
        }
        if (s.timestamp() != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("time", s.timestamp().time().toString());
            t.put("tsa", s.timestamp().tsa());
            t.put("trusted", s.timestamp().trusted());
            if (s.timestamp().message() != null) {
                t.put("message", s.timestamp().message());
            }
            m.put("timestamp", t);
        }
        return m;
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", p.code());
        m.put("message", p.message());
        if (p.location() != null) {
            m.put("location", p.location());
        }
        return m;
    }

    static String pem(List<X509Certificate> certificates) {
        StringBuilder text = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : certificates) {
            try {
                text.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode a verified certificate", e);
            }
        }
        return text.toString();
    }
}
