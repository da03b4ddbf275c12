package io.silkgate.routes;

import io.silkgate.ledger.DeliveryStatus;
import io.silkgate.ledger.Ledger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's and the circuit breaker's hold on one partner's delivery route. Pausing or an open circuit
 * suspends the route's consumer, so queued deliveries wait in the broker without using up attempts; after
 * {@code circuitOpen} the route resumes and the next attempt probes the partner (one more failure re-opens).
 */
public final class PartnerControl {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerControl.class);

    private final DeliveryTarget target;
    private final Supplier<CamelContext> camel;
    private final Ledger ledger;
    private final DeadLetterRedrive redrive;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final DeliveryObserver observer;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong failedAttempts = new AtomicLong();
    private volatile boolean paused;
    // one opening at a time: concurrent consumers failing together must not schedule two half-opens, the
    // second of which would close a circuit that the first one's probe had just re-opened
    private final AtomicBoolean circuitOpen = new AtomicBoolean();
    private volatile Instant lastDeliveryAt;

    /** @param camel the context that runs the partner's route (known once Camel is configured) */
    public PartnerControl(DeliveryTarget target, Supplier<CamelContext> camel, Ledger ledger, DeadLetterRedrive redrive,
            ScheduledExecutorService scheduler, DeliveryObserver observer, Clock clock) {
        this.target = target;
        this.camel = camel;
        this.ledger = ledger;
        this.redrive = redrive;
        this.scheduler = scheduler;
        this.clock = clock;
        this.observer = observer;
    }

    public String partner() {
        return target.partner();
    }

    void delivered(Instant acceptedAt) {
        lastDeliveryAt = clock.instant();
        consecutiveFailures.set(0);
        observer.delivered(target.partner(), Duration.between(acceptedAt, lastDeliveryAt));
    }

    void failed(boolean deadLettered) {
        observer.failed(target.partner(), deadLettered);
        failedAttempts.incrementAndGet();
        int inARow = consecutiveFailures.incrementAndGet();
        boolean threshold = target.circuitFailures() > 0 && inARow >= target.circuitFailures();
        if (threshold && circuitOpen.compareAndSet(false, true)) {
            LOG.warn("circuit for {} opened after {} failed attempts in a row; consumption pauses for {}",
                    target.partner(), inARow, target.circuitOpen());
            // never suspend a route from its own consumer thread
            scheduler.execute(this::suspendRoute);
            scheduler.schedule(this::halfOpen, target.circuitOpen().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void halfOpen() {
        circuitOpen.set(false);
        // the next failure opens the circuit again at once; a success resets the count
        consecutiveFailures.set(Math.max(0, target.circuitFailures() - 1));
        if (!paused) {
            LOG.info("circuit for {} half-open: the next attempt probes the partner", target.partner());
            resumeRoute();
        }
    }

    /** Operator: stop consuming this partner's queue until {@link #resume()}. */
    public void pause() {
        paused = true;
        suspendRoute();
        LOG.info("partner {} paused by an operator", target.partner());
    }

    /** Operator: consume again (a still-open circuit resumes by itself when it half-opens). */
    public void resume() {
        paused = false;
        if (!circuitOpen.get()) {
            resumeRoute();
        }
        LOG.info("partner {} resumed by an operator", target.partner());
    }

    /** Operator: put every dead-lettered delivery of this partner back on its queue. */
    public int redeliverDeadLetters() {
        int n = redrive.redeliver(target.partner());
        LOG.info("{} dead-lettered deliveries for {} queued again by an operator", n, target.partner());
        return n;
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isCircuitOpen() {
        return circuitOpen.get();
    }

    public Instant lastDeliveryAt() {
        return lastDeliveryAt;
    }

    public long failedAttempts() {
        return failedAttempts.get();
    }

    public Map<DeliveryStatus, Long> deliveryCounts() {
        return ledger.countDeliveries(target.partner());
    }

    public Duration circuitOpenFor() {
        return target.circuitOpen();
    }

    private void suspendRoute() {
        try {
            camel.get().getRouteController().suspendRoute(PartnerDeliveryRoute.routeId(target.partner()));
        } catch (Exception e) {
            LOG.error("cannot suspend the delivery route of {}: {}", target.partner(), e.toString());
        }
    }

    private void resumeRoute() {
        try {
            camel.get().getRouteController().resumeRoute(PartnerDeliveryRoute.routeId(target.partner()));
        } catch (Exception e) {
            LOG.error("cannot resume the delivery route of {}: {}", target.partner(), e.toString());
        }
    }
}
