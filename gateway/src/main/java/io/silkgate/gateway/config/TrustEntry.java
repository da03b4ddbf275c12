package io.silkgate.gateway.config;

import io.silkgate.verify.RevocationPolicy;
import io.silkgate.verify.RevocationSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The trust anchors for signatures from one country, and where the revocation status of its certificates is found.
 *
 * @param country               ISO 3166 alpha-2 code, upper case
 * @param anchors               a PEM file or a directory of certificates
 * @param crl                   a CRL file, or null
 * @param crlUrl                a CRL fetched over http(s) and cached until its nextUpdate, or null
 * @param ocsp                  whether to ask the OCSP responders named in certificates (or {@code ocspResponder})
 * @param ocspResponder         one responder asked about every signer certificate instead, or null
 * @param ocspNonce             whether OCSP requests carry a nonce that the answer must echo
 * @param crlDistributionPoints whether the CRLs named in certificates' CRL distribution points are fetched
 * @param revocation            what an unknown revocation status of a signer leads to
 * @param revocationTimeout     connect and read time-out towards responders and CRL servers
 */
public record TrustEntry(String country, Path anchors, Path crl, URI crlUrl, boolean ocsp, URI ocspResponder,
                         boolean ocspNonce, boolean crlDistributionPoints, RevocationPolicy revocation,
                         Duration revocationTimeout) {

    public TrustEntry {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(anchors, "anchors");
        Objects.requireNonNull(revocation, "revocation");
        Objects.requireNonNull(revocationTimeout, "revocationTimeout");
    }

    /** An entry with a CRL file and OCSP on or off, and every other revocation setting at its default. */
    public TrustEntry(String country, Path anchors, Path crl, boolean ocsp) {
        this(country, anchors, crl, null, ocsp, null, false, false,
                defaultPolicy(crl != null || ocsp), RevocationSettings.DEFAULT_TIMEOUT);
    }

    /** hard-fail as soon as any revocation source is configured; without any there is nothing to fail. */
    public static RevocationPolicy defaultPolicy(boolean anySource) {
        return anySource ? RevocationPolicy.HARD_FAIL : RevocationPolicy.SOFT_FAIL;
    }

    /** The online sources and the policy, for the verifier. */
    public RevocationSettings revocationSettings() {
        return new RevocationSettings(ocsp, ocspResponder, ocspNonce, crlUrl == null ? List.of() : List.of(crlUrl),
                crlDistributionPoints, revocation, revocationTimeout);
    }
}
