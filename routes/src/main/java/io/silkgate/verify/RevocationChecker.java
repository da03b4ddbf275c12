package io.silkgate.verify;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;

/**
 * The revocation status of one certificate at an instant, from every source its trust entry names: CRL files, OCSP
 * (preferred over fetched CRLs), CRLs by URL and from the certificate's CRL distribution points. Thread-safe; answers
 * and CRLs are cached (see {@link OcspClient}, {@link CrlFetcher}).
 */
public final class RevocationChecker {

    private static final int KEY_USAGE_CRL_SIGN = 6;
    private static final int MAX_CACHED = 4096;
    private static final int MAX_URLS_PER_CERTIFICATE = 4;

    private final Clock clock;
    private final OcspClient ocsp;
    private final CrlFetcher crls;
    // CRL signatures verified once per (CRL, issuer): the same few CRLs are checked for every document.
    private final Map<CrlIssuer, Boolean> verifiedCrls = new ConcurrentHashMap<>();

    public RevocationChecker(Clock clock) {
        this(clock, new RevocationHttp());
    }

    RevocationChecker(Clock clock, RevocationHttp http) {
        this.clock = clock;
        this.ocsp = new OcspClient(http, clock);
        this.crls = new CrlFetcher(http, clock);
    }

    /** Whether the trust entry names any source of revocation data at all. */
    static boolean hasSources(TrustAnchors trust) {
        return !trust.crls().isEmpty() || trust.revocation().online();
    }

    /**
     * The status of {@code certificate} at {@code at}.
     *
     * @param endEntity the signer's own certificate: a configured OCSP responder override applies to it only
     */
    Revocation check(X509Certificate certificate, X509Certificate issuer, TrustAnchors trust, Instant at,
                     boolean endEntity) {
        return check(certificate, issuer, trust, at, at, endEntity);
    }

    /**
     * The status of {@code certificate} from the revocation data known at {@code at}, where only a revocation dated
     * no later than {@code existedAt} (a time-stamp's time, else {@code at}) counts.
     */
    Revocation check(X509Certificate certificate, X509Certificate issuer, TrustAnchors trust, Instant at,
                     Instant existedAt, boolean endEntity) {
        RevocationSettings settings = trust.revocation();
        List<String> problems = new ArrayList<>();

        Revocation files = fromCrls(certificate, issuer, trust.crls(), at, existedAt, false, "CRL file",
                problems);
        if (files.status() == RevocationStatus.REVOKED) {
            return files;
        }
        if (settings.ocsp()) {
            List<URI> responders = new ArrayList<>();
            if (endEntity && settings.ocspResponder() != null) {
                responders.add(settings.ocspResponder());
            } else {
                responders.addAll(ocspUrls(certificate));
            }
            if (responders.isEmpty()) {
                problems.add("no OCSP responder (the certificate names none in authority information access)");
            }
            for (URI responder : responders) {
                OcspClient.Answer answer = ocsp.status(certificate, issuer, responder, settings);
                if (answer.status() == RevocationStatus.REVOKED) {
                    return answer.revokedOn().isAfter(existedAt)
                            ? new Revocation(RevocationStatus.GOOD, null, answer.source(), null)
                            : new Revocation(RevocationStatus.REVOKED, answer.revokedOn(), answer.source(), null);
                }
                if (answer.status() == RevocationStatus.GOOD) {
                    return new Revocation(RevocationStatus.GOOD, null, answer.source(), null);
                }
                problems.add(answer.problem());
            }
        }
        if (files.status() == RevocationStatus.GOOD) {
            return files;
        }
        Set<URI> urls = new LinkedHashSet<>(settings.crlUrls());
        if (settings.crlDistributionPoints()) {
            urls.addAll(distributionPoints(certificate));
        }
        List<X509CRL> fetched = new ArrayList<>();
        for (URI url : urls) {
            CrlFetcher.Fetched crl = crls.crl(url, settings.timeout());
            if (crl.crl() != null) {
                fetched.add(crl.crl());
            }
            if (crl.problem() != null) {
                problems.add(crl.problem());
            }
        }
        if (!fetched.isEmpty()) {
            Revocation online = fromCrls(certificate, issuer, fetched, at, existedAt, true, "CRL by URL",
                    problems);
            if (online.status() != RevocationStatus.UNKNOWN) {
                return online;
            }
        }
        return new Revocation(RevocationStatus.UNKNOWN, null, null,
                problems.isEmpty() ? "no CRL of the issuer covers it" : String.join("; ", problems));
    }

    /**
     * What the CRLs of the certificate's issuer say. A CRL past its nextUpdate says nothing reliable any more and is
     * ignored: against the verification instant for files (as ever), against now for fetched ones.
     */
    private Revocation fromCrls(X509Certificate certificate, X509Certificate issuer, List<X509CRL> list, Instant at,
                                Instant existedAt, boolean fetched, String source, List<String> problems) {
        boolean usable = false;
        Instant now = clock.instant();
        for (X509CRL crl : list) {
            if (!crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            if (!fetched && crl.getThisUpdate().toInstant().isAfter(at)) {
                continue;
            }
            Instant freshness = fetched ? now : at;
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(freshness)) {
                problems.add("the " + (fetched ? "fetched" : "configured") + " CRL of " + crl.getIssuerX500Principal()
                        .getName() + " is stale (nextUpdate " + crl.getNextUpdate().toInstant() + ")");
                continue;
            }
            if (!issuedBy(crl, issuer)) {
                if (fetched) {
                    problems.add("a fetched CRL naming " + crl.getIssuerX500Principal().getName()
                            + " is not signed by that issuer");
                }
                continue;
            }
            usable = true;
            X509CRLEntry entry = crl.getRevokedCertificate(certificate);
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(existedAt)) {
                return new Revocation(RevocationStatus.REVOKED, entry.getRevocationDate().toInstant(), source, null);
            }
        }
        return new Revocation(usable ? RevocationStatus.GOOD : RevocationStatus.UNKNOWN, null,
                usable ? source : null, null);
    }

    private boolean issuedBy(X509CRL crl, X509Certificate issuer) {
        boolean[] usage = issuer.getKeyUsage();
        if (usage != null && !(usage.length > KEY_USAGE_CRL_SIGN && usage[KEY_USAGE_CRL_SIGN])) {
            return false;
        }
        CrlIssuer key = new CrlIssuer(crl, issuer);
        Boolean known = verifiedCrls.get(key);
        if (known != null) {
            return known;
        }
        boolean verified;
        try {
            crl.verify(issuer.getPublicKey());
            verified = true;
        } catch (GeneralSecurityException e) {
            verified = false;
        }
        if (verifiedCrls.size() >= MAX_CACHED) {
            verifiedCrls.clear();
        }
        verifiedCrls.put(key, verified);
        return verified;
    }

    /** The http(s) OCSP responder URLs of the certificate's authority information access. */
    static List<URI> ocspUrls(X509Certificate certificate) {
        List<URI> urls = new ArrayList<>();
        ASN1Primitive value = extension(certificate, Extension.authorityInfoAccess.getId());
        if (value == null) {
            return urls;
        }
        try {
            for (AccessDescription description : AuthorityInformationAccess.getInstance(value)
                    .getAccessDescriptions()) {
                if (X509ObjectIdentifiers.ocspAccessMethod.equals(description.getAccessMethod())) {
                    addHttp(description.getAccessLocation(), urls);
                }
            }
        } catch (RuntimeException e) {
            return urls;
        }
        return urls;
    }

    /** The http(s) URLs of the certificate's CRL distribution points (full names only). */
    static List<URI> distributionPoints(X509Certificate certificate) {
        List<URI> urls = new ArrayList<>();
        ASN1Primitive value = extension(certificate, Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return urls;
        }
        try {
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        addHttp(general, urls);
                    }
                }
            }
        } catch (RuntimeException e) {
            return urls;
        }
        return urls;
    }

    private static void addHttp(GeneralName name, List<URI> urls) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier || urls.size() >= MAX_URLS_PER_CERTIFICATE) {
            return;
        }
        try {
            URI uri = new URI(name.getName().toString());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            // ldap:// and file: locations are never followed
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                urls.add(uri);
            }
        } catch (URISyntaxException e) {
            // not a usable location: ignored like any other unsupported one
        }
    }

    private static ASN1Primitive extension(X509Certificate certificate, String oid) {
        byte[] encoded = certificate.getExtensionValue(oid);
        if (encoded == null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(encoded).getOctets());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A status with its date (REVOKED), the source that gave it, and for UNKNOWN why no source could tell.
     */
    record Revocation(RevocationStatus status, Instant date, String source, String problem) {
    }

    private record CrlIssuer(X509CRL crl, X509Certificate issuer) {
    }
}
