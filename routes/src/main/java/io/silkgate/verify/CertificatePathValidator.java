package io.silkgate.verify;

import io.silkgate.schemas.ErrorCode;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PKIX path building and validation to the given anchors only (never the JDK cacerts), validity at a given instant,
 * revocation (CRL files, OCSP, CRLs by URL, with the entry's hard- or soft-fail policy) and the key and algorithm
 * policy. Thread-safe.
 */
public final class CertificatePathValidator {

    private static final int KEY_USAGE_DIGITAL_SIGNATURE = 0;
    private static final int KEY_USAGE_NON_REPUDIATION = 1;
    private static final int MAX_CACHED = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(CertificatePathValidator.class);

    private final RevocationChecker revocations;
    // Paths already built for a signer, its chain and an anchor set. Everything PKIX checks but validity dates is
    // independent of the instant, so a cached path only needs its dates checked again.
    private final Map<PathKey, List<X509Certificate>> builtPaths = new ConcurrentHashMap<>();

    /** A validator whose revocation checks use the system clock for freshness and caching. */
    public CertificatePathValidator() {
        this(new RevocationChecker(Clock.systemUTC()));
    }

    public CertificatePathValidator(RevocationChecker revocations) {
        this.revocations = Objects.requireNonNull(revocations, "revocations");
    }

    /** Validates the signer's certificate at {@code at}; suppliedChain are candidate intermediates sent with it. */
    public PathResult validate(X509Certificate signer, List<X509Certificate> suppliedChain, TrustAnchors trust,
                               Instant at) {
        return validate(signer, suppliedChain, trust, at, at);
    }

    /**
     * Validates the signer's certificate as it was when a trusted time-stamp proves the signature existed: validity
     * dates at {@code existedAt}, revocation data as known at {@code at} (the verification time), where only a
     * revocation dated no later than {@code existedAt} counts.
     */
    public PathResult validate(X509Certificate signer, List<X509Certificate> suppliedChain, TrustAnchors trust,
                               Instant at, Instant existedAt) {
        if (trust == null || trust.isEmpty()) {
            return untrusted(signer, "no trust anchors configured for " + dn(signer));
        }
        List<X509Certificate> path;
        if (trust.anchors().contains(signer)) {
            // The signer itself is configured as an anchor: the path is just that certificate.
            String validity = validityProblem(signer, existedAt);
            if (validity != null) {
                return new PathResult(false, List.of(signer), RevocationStatus.NOT_CHECKED,
                        ErrorCode.CERTIFICATE_EXPIRED, validity);
            }
            path = List.of(signer);
        } else {
            List<X509Certificate> candidates = candidates(signer, suppliedChain, trust);
            PathKey key = new PathKey(candidates, trust);
            path = builtPaths.get(key);
            if (path != null && validAt(path, existedAt)) {
                // Same checks as a fresh build would make: only the instant differs.
                return afterBuilding(path, trust, at, existedAt);
            }
            try {
                path = build(signer, candidates, trust, existedAt);
            } catch (CertPathBuilderException e) {
                return explainFailure(signer, candidates, trust, existedAt, e);
            }
            if (builtPaths.size() >= MAX_CACHED) {
                builtPaths.clear();
            }
            builtPaths.put(key, path);
        }
        return afterBuilding(path, trust, at, existedAt);
    }

    private PathResult afterBuilding(List<X509Certificate> path, TrustAnchors trust, Instant at,
                                     Instant existedAt) {
        String policy = policyProblem(path);
        if (policy != null) {
            return new PathResult(false, path, RevocationStatus.NOT_CHECKED, ErrorCode.CERTIFICATE_UNTRUSTED, policy);
        }
        return checkRevocation(path, trust, at, existedAt);
    }

    /** Whether every certificate of a path but its anchor (whose dates PKIX ignores too) is valid at the instant. */
    private static boolean validAt(List<X509Certificate> path, Instant at) {
        for (X509Certificate certificate : path.subList(0, path.size() - 1)) {
            if (validityProblem(certificate, at) != null) {
                return false;
            }
        }
        return true;
    }

    private static List<X509Certificate> candidates(X509Certificate signer, List<X509Certificate> supplied,
                                                    TrustAnchors trust) {
        Set<X509Certificate> all = new LinkedHashSet<>();
        all.add(signer);
        if (supplied != null) {
            all.addAll(supplied);
        }
        all.addAll(trust.intermediates());
        return new ArrayList<>(all);
    }

    private static List<X509Certificate> build(X509Certificate signer, List<X509Certificate> candidates,
                                               TrustAnchors trust, Instant at) throws CertPathBuilderException {
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate anchor : trust.anchors()) {
                anchors.add(new TrustAnchor(anchor, null));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            // Revocation is checked below against the configured CRLs only; PKIX must not go online.
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates)));
            PKIXCertPathBuilderResult result =
                    (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            List<X509Certificate> path = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
            path.add(result.getTrustAnchor().getTrustedCert());
            return path;
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("PKIX path building is not available", e);
        }
    }

    /** Tells an expired (or not yet valid) certificate from a path that does not lead to an anchor at all. */
    private PathResult explainFailure(X509Certificate signer, List<X509Certificate> candidates, TrustAnchors trust,
                                      Instant at, CertPathBuilderException failure) {
        String reason = failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")";
        if (candidates.stream().allMatch(certificate -> validityProblem(certificate, at) == null)) {
            return untrusted(signer, "no certification path from " + dn(signer) + " to a trust anchor" + reason);
        }
        long from = signer.getNotBefore().getTime();
        long to = signer.getNotAfter().getTime();
        Instant[] instants = {Instant.ofEpochMilli(from + (to - from) / 2), Instant.ofEpochMilli(to - 1000),
                Instant.ofEpochMilli(from + 1000)};
        for (Instant when : instants) {
            try {
                List<X509Certificate> path = build(signer, candidates, trust, when);
                for (X509Certificate certificate : path.subList(0, path.size() - 1)) {
                    String problem = validityProblem(certificate, at);
                    if (problem != null) {
                        return new PathResult(false, path, RevocationStatus.NOT_CHECKED,
                                ErrorCode.CERTIFICATE_EXPIRED, problem);
                    }
                }
            } catch (CertPathBuilderException ignored) {
                // no path at that instant either: try the next one
            }
        }
        return untrusted(signer, "no certification path from " + dn(signer) + " to a trust anchor" + reason);
    }

    private static String validityProblem(X509Certificate certificate, Instant at) {
        if (at.isAfter(certificate.getNotAfter().toInstant())) {
            return "certificate " + dn(certificate) + " expired on " + certificate.getNotAfter().toInstant()
                    + " (checked at " + at + ")";
        }
        if (at.isBefore(certificate.getNotBefore().toInstant())) {
            return "certificate " + dn(certificate) + " is not valid before " + certificate.getNotBefore().toInstant()
                    + " (checked at " + at + ")";
        }
        return null;
    }

    private static String policyProblem(List<X509Certificate> path) {
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            String key = KeyStrengthPolicy.weakness(certificate.getPublicKey());
            if (key != null) {
                return "certificate " + dn(certificate) + ": " + key;
            }
            // The anchor's self-signature proves nothing, so its algorithm does not matter.
            String signature = i < path.size() - 1 ? KeyStrengthPolicy.signatureWeakness(certificate) : null;
            if (signature != null) {
                return "certificate " + dn(certificate) + " is " + signature;
            }
        }
        boolean[] usage = path.get(0).getKeyUsage();
        if (usage != null && !bit(usage, KEY_USAGE_DIGITAL_SIGNATURE) && !bit(usage, KEY_USAGE_NON_REPUDIATION)) {
            return "certificate " + dn(path.get(0)) + " is not allowed to sign (key usage has neither "
                    + "digitalSignature nor nonRepudiation)";
        }
        return null;
    }

    private PathResult checkRevocation(List<X509Certificate> path, TrustAnchors trust, Instant at,
                                       Instant existedAt) {
        if (path.size() < 2 || !RevocationChecker.hasSources(trust)) {
            return new PathResult(true, path, RevocationStatus.NOT_CHECKED, null, null);
        }
        RevocationChecker.Revocation signerStatus = null;
        for (int i = 0; i < path.size() - 1; i++) {
            X509Certificate certificate = path.get(i);
            X509Certificate issuer = path.get(i + 1);
            RevocationChecker.Revocation revocation = revocations.check(certificate, issuer, trust, at, existedAt,
                    i == 0);
            if (revocation.status() == RevocationStatus.REVOKED) {
                String message = "certificate " + dn(certificate) + " was revoked on " + revocation.date()
                        + (revocation.source() == null ? "" : " (" + revocation.source() + ")")
                        + (i == 0 ? "" : ", so the signer's certificate " + dn(path.get(0)) + " is not trusted");
                return new PathResult(false, path, RevocationStatus.REVOKED, ErrorCode.CERTIFICATE_REVOKED, message);
            }
            // Issuing CAs are often covered by no source the entry names; only the signer's status is decisive.
            if (i == 0) {
                signerStatus = revocation;
            }
        }
        if (signerStatus.status() == RevocationStatus.UNKNOWN) {
            String why = "the revocation status of " + dn(path.get(0)) + " is unknown: " + signerStatus.problem();
            if (trust.revocation().policy() == RevocationPolicy.HARD_FAIL) {
                return new PathResult(false, path, RevocationStatus.UNKNOWN, ErrorCode.CERTIFICATE_UNTRUSTED,
                        why + " (revocation: hard-fail)");
            }
            if (trust.revocation().online()) {
                LOG.warn("ALERT {}; accepted because the trust entry is soft-fail", why);
            }
        }
        return new PathResult(true, path, signerStatus.status(), null, null);
    }

    private static boolean bit(boolean[] bits, int index) {
        return bits.length > index && bits[index];
    }

    private static PathResult untrusted(X509Certificate signer, String message) {
        return new PathResult(false, List.of(signer), RevocationStatus.NOT_CHECKED, ErrorCode.CERTIFICATE_UNTRUSTED,
                message);
    }

    static String dn(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    /** The candidate certificates (signer first) and the anchor set, compared by identity. */
    private record PathKey(List<X509Certificate> candidates, TrustAnchors trust) {

        @Override
        public boolean equals(Object other) {
            return other instanceof PathKey key && key.trust == trust && key.candidates.equals(candidates);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(trust) + candidates.hashCode();
        }
    }
}
