package io.silkgate.routes;

import java.net.URI;
import java.time.Duration;

/**
 * A partner endpoint as the delivery route sees it: where to send, in which format, how often to try.
 *
 * @param jwsEnvelope a JSON document goes out as a compact JWS signed by the gateway instead of plain JSON
 */
public record DeliveryTarget(String partner, URI url, String format, int maxAttempts, Duration initialDelay,
        double multiplier, Duration maxDelay, Duration timeout, int circuitFailures, Duration circuitOpen,
        boolean jwsEnvelope) {

    private static final int BROKER_BACKSTOP = 10;

    /** A target that receives JSON formats as plain JSON. */
    public DeliveryTarget(String partner, URI url, String format, int maxAttempts, Duration initialDelay,
            double multiplier, Duration maxDelay, Duration timeout, int circuitFailures, Duration circuitOpen) {
        this(partner, url, format, maxAttempts, initialDelay, multiplier, maxDelay, timeout, circuitFailures,
                circuitOpen, false);
    }

    /**
     * Deliveries the broker makes before it dead-letters a message itself: a backstop above {@code maxAttempts},
     * for messages that never reach an attempt (the ledger unreachable, a consumer closed while a message was on its
     * way to it). The gateway dead-letters on its own last attempt.
     */
    public int brokerDeliveryLimit() {
        return maxAttempts + BROKER_BACKSTOP;
    }

    /** The broker's wait before attempt {@code failedAttempts + 1}: exponential back-off, capped. */
    public Duration delayAfter(int failedAttempts) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
    }
}
