package io.silkgate.verify;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the revocation status of a trust entry's certificates is looked up beyond its CRL files.
 *
 * @param ocsp                  ask OCSP responders (the one in each certificate's authority information access,
 *                              or {@code ocspResponder})
 * @param ocspResponder         a responder that answers for every certificate instead of the AIA one; null: AIA
 * @param ocspNonce             send a nonce and require it back (responders that pre-produce answers cannot)
 * @param crlUrls               CRLs fetched over http(s), cached until their nextUpdate
 * @param crlDistributionPoints also fetch the CRLs named in each certificate's CRL distribution points
 * @param policy                what an unknown status of the signer's certificate leads to
 * @param timeout               connect and read time-out of each request to a responder or CRL server
 */
public record RevocationSettings(boolean ocsp, URI ocspResponder, boolean ocspNonce, List<URI> crlUrls,
                                 boolean crlDistributionPoints, RevocationPolicy policy, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Only the CRL files, and an unknown status is accepted: what a bare set of anchors means. */
    public static final RevocationSettings OFFLINE =
            new RevocationSettings(false, null, false, List.of(), false, RevocationPolicy.SOFT_FAIL, DEFAULT_TIMEOUT);

    public RevocationSettings {
        crlUrls = List.copyOf(crlUrls);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Whether any source needs the network. */
    public boolean online() {
        return ocsp || !crlUrls.isEmpty() || crlDistributionPoints;
    }

    /** The union of two entries' settings (used when anchor sets are merged): every source, the stricter policy. */
    public RevocationSettings merge(RevocationSettings other) {
        if (other == null || other.equals(this)) {
            return this;
        }
        List<URI> urls = new ArrayList<>(new LinkedHashSet<>(crlUrls));
        other.crlUrls.stream().filter(u -> !urls.contains(u)).forEach(urls::add);
        RevocationPolicy stricter = policy == RevocationPolicy.HARD_FAIL || other.policy == RevocationPolicy.HARD_FAIL
                ? RevocationPolicy.HARD_FAIL : RevocationPolicy.SOFT_FAIL;
        return new RevocationSettings(ocsp || other.ocsp, ocspResponder != null ? ocspResponder : other.ocspResponder,
                ocspNonce || other.ocspNonce, urls, crlDistributionPoints || other.crlDistributionPoints, stricter,
                timeout.compareTo(other.timeout) <= 0 ? timeout : other.timeout);
    }
}
