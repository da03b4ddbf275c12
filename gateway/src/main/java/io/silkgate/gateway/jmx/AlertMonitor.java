package io.silkgate.gateway.jmx;

import io.silkgate.routes.PartnerControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the states an operator must act on into log warnings, once per change: dead letters waiting, a delivery
 * pending for longer than the configured {@code gateway.pending-alert}, certificates expiring within 30 days. (An open circuit is
 * logged by the partner control the moment it opens.) The same facts are MBean attributes.
 */
public final class AlertMonitor implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);

    private final List<PartnerView> partners;
    private final TrustView trust;
    private final Clock clock;
    private final Duration pendingAlert;
    private final Map<String, Long> deadLettersSeen = new HashMap<>();
    private final Map<String, Boolean> lateSeen = new HashMap<>();
    private Instant nextCertificateCheck = Instant.MIN;

    public AlertMonitor(List<PartnerView> partners, TrustView trust, Clock clock, Duration pendingAlert) {
        this.partners = List.copyOf(partners);
        this.trust = trust;
        this.clock = clock;
        this.pendingAlert = pendingAlert;
    }

    @Override
    public void run() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("alert check failed: {}", e.toString());
        }
    }

    private void check() {
        for (PartnerView p : partners) {
            long dead = p.getDeadLettered();
            Long before = deadLettersSeen.put(p.partner(), dead);
            if (dead > 0 && (before == null || dead > before)) {
                LOG.warn("ALERT partner {} has {} dead-lettered deliveries: fix the partner, then "
                        + "'silkgate partners redeliver {}'", p.partner(), dead, p.partner());
            }
            boolean late = p.getOldestPendingSeconds() > pendingAlert.toSeconds();
            if (late && !Boolean.TRUE.equals(lateSeen.get(p.partner()))) {
                LOG.warn("ALERT partner {}: a delivery has been pending for {} s (more than {})", p.partner(),
                        p.getOldestPendingSeconds(), pendingAlert);
            }
            lateSeen.put(p.partner(), late);
        }
        Instant now = clock.instant();
        if (now.isAfter(nextCertificateCheck)) {
            nextCertificateCheck = now.plus(Duration.ofDays(1));
            for (String c : trust.getExpiringCertificates()) {
                LOG.warn("ALERT certificate expires within {} days: {}", TrustView.EXPIRY_WARNING.toDays(), c);
            }
        }
    }
}
