package io.silkgate.gateway;

import io.silkgate.gateway.config.TrustEntry;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.TrustStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-country trust anchors, CRL files and revocation settings of {@code trust:}, read again from their files
 * on {@link #reload()} (new CRLs, a replaced anchor) without a restart. A reload that fails keeps the trust that was in force.
 */
public final class ReloadableTrust implements Supplier<TrustStore> {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadableTrust.class);

    private final List<TrustEntry> entries;
    private final AtomicReference<TrustStore> current = new AtomicReference<>();

    public ReloadableTrust(List<TrustEntry> entries) {
        this.entries = List.copyOf(entries);
        current.set(read());
    }

    @Override
    public TrustStore get() {
        return current.get();
    }

    public void reload() {
        current.set(read());
        LOG.info("trust anchors reloaded for {}", current.get().countries());
    }

    /** Every anchor and intermediate that expires before {@code deadline}, as "subject (country, expires …)". */
    public List<String> expiringBefore(Instant deadline) {
        List<String> expiring = new ArrayList<>();
        TrustStore store = current.get();
        for (String country : store.countries()) {
            TrustAnchors anchors = store.forCountry(country).orElseThrow();
            List<X509Certificate> all = new ArrayList<>(anchors.anchors());
            all.addAll(anchors.intermediates());
            for (X509Certificate c : all) {
                if (c.getNotAfter().toInstant().isBefore(deadline)) {
                    expiring.add(c.getSubjectX500Principal().getName() + " (" + country + ", expires "
                            + c.getNotAfter().toInstant() + ")");
                }
            }
        }
        return expiring;
    }

    private TrustStore read() {
        Map<String, TrustAnchors> byCountry = new HashMap<>();
        for (TrustEntry t : entries) {
            byCountry.merge(t.country(), TrustAnchors.load(t.anchors(), t.crl()).withRevocation(t.revocationSettings()),
                    TrustAnchors::plus);
        }
        return new TrustStore(byCountry);
    }
}
