package io.silkgate.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches CRLs by URL and keeps each until its nextUpdate; after that it is fetched again. A failed or still stale
 * fetch is not repeated for a short pause, so an unreachable CRL server costs one time-out per pause. Thread-safe.
 */
final class CrlFetcher {

    private static final int MAX_CRL_BYTES = 20 * 1024 * 1024;
    /** A CRL without nextUpdate is fetched again after this long. */
    private static final Duration WITHOUT_NEXT_UPDATE = Duration.ofHours(1);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(30);
    private static final int MAX_CACHED = 1_000;

    private final RevocationHttp http;
    private final Clock clock;
    private final Map<URI, Fetched> cache = new ConcurrentHashMap<>();

    CrlFetcher(RevocationHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** The current CRL at the URL (possibly stale, when the server has no newer one), or why there is none. */
    Fetched crl(URI url, Duration timeout) {
        Instant now = clock.instant();
        Fetched cached = cache.get(url);
        if (cached != null && (cached.freshAt(now) || now.isBefore(cached.fetchedAt().plus(RETRY_PAUSE)))) {
            return cached;
        }
        Fetched fetched = fetch(url, timeout, now);
        if (fetched.crl() == null && cached != null && cached.crl() != null) {
            // keep the last CRL we had (the checker will find it stale); remember the failure for the pause
            fetched = new Fetched(cached.crl(), now, fetched.problem());
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(url, fetched);
        return fetched;
    }

    private Fetched fetch(URI url, Duration timeout, Instant now) {
        byte[] body;
        try {
            body = http.get(url, timeout, MAX_CRL_BYTES);
        } catch (IOException e) {
            return new Fetched(null, now, "CRL " + url + " could not be fetched: " + e.getMessage());
        }
        try {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(body));
            return new Fetched(crl, now, null);
        } catch (CRLException | CertificateException | RuntimeException e) {
            return new Fetched(null, now, "CRL " + url + " is not a readable X.509 CRL: " + e.getMessage());
        }
    }

    /** A fetched CRL (null if none) with the time of the fetch and, for a failed one, why. */
    record Fetched(X509CRL crl, Instant fetchedAt, String problem) {

        boolean freshAt(Instant now) {
            if (crl == null) {
                return false;
            }
            Instant until = crl.getNextUpdate() == null ? fetchedAt.plus(WITHOUT_NEXT_UPDATE)
                    : crl.getNextUpdate().toInstant();
            return now.isBefore(until);
        }
    }
}
