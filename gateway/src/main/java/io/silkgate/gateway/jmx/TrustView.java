package io.silkgate.gateway.jmx;

import io.silkgate.gateway.ReloadableTrust;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@link TrustMXBean}: expiring certificates of the trust store and of the gateway's own key. */
public final class TrustView implements TrustMXBean {

    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private final ReloadableTrust trust;
    private final List<X509Certificate> ownChain;
    private final Clock clock;

    public TrustView(ReloadableTrust trust, List<X509Certificate> ownChain, Clock clock) {
        this.trust = trust;
        this.ownChain = List.copyOf(ownChain);
        this.clock = clock;
    }

    @Override
    public List<String> getExpiringCertificates() {
        Instant deadline = clock.instant().plus(EXPIRY_WARNING);
        List<String> expiring = new ArrayList<>(trust.expiringBefore(deadline));
        for (X509Certificate c : ownChain) {
            if (c.getNotAfter().toInstant().isBefore(deadline)) {
                expiring.add(c.getSubjectX500Principal().getName() + " (gateway signing key, expires "
                        + c.getNotAfter().toInstant() + ")");
            }
        }
        return expiring;
    }

    @Override
    public List<String> getCountries() {
        return List.copyOf(new java.util.TreeSet<>(trust.get().countries()));
    }

    @Override
    public void reload() {
        trust.reload();
    }
}
