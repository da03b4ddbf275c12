package io.silkgate.gateway.jmx;

import io.silkgate.ledger.DeliveryStatus;
import io.silkgate.ledger.Ledger;
import java.time.Clock;
import java.time.Duration;
import io.silkgate.routes.PartnerControl;
import java.util.Map;

/** The {@link PartnerMXBean} of one partner, read from its {@link PartnerControl} and the ledger. */
public final class PartnerView implements PartnerMXBean {

    private final PartnerControl control;
    private final Ledger ledger;
    private final Clock clock;

    public PartnerView(PartnerControl control, Ledger ledger, Clock clock) {
        this.control = control;
        this.ledger = ledger;
        this.clock = clock;
    }

    public String partner() {
        return control.partner();
    }

    @Override
    public long getOldestPendingSeconds() {
        return ledger.oldestUnfinished(control.partner())
                .map(t -> Duration.between(t, clock.instant()).toSeconds()).orElse(-1L);
    }

    @Override
    public long getDelivered() {
        return count(DeliveryStatus.DELIVERED);
    }

    @Override
    public long getFailed() {
        return control.failedAttempts();
    }

    @Override
    public long getDeadLettered() {
        return count(DeliveryStatus.DEAD_LETTERED);
    }

    @Override
    public long getPending() {
        Map<DeliveryStatus, Long> counts = control.deliveryCounts();
        return counts.getOrDefault(DeliveryStatus.QUEUED, 0L) + counts.getOrDefault(DeliveryStatus.DELIVERING, 0L)
                + counts.getOrDefault(DeliveryStatus.RETRYING, 0L);
    }

    @Override
    public String getLastDeliveryAt() {
        return control.lastDeliveryAt() == null ? null : control.lastDeliveryAt().toString();
    }

    @Override
    public boolean isPaused() {
        return control.isPaused();
    }

    @Override
    public boolean isCircuitOpen() {
        return control.isCircuitOpen();
    }

    @Override
    public void pause() {
        control.pause();
    }

    @Override
    public void resume() {
        control.resume();
    }

    @Override
    public int redeliverDeadLetters() {
        return control.redeliverDeadLetters();
    }

    private long count(DeliveryStatus status) {
        return control.deliveryCounts().getOrDefault(status, 0L);
    }
}
