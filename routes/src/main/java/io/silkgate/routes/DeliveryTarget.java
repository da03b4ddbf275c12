package io.silkgate.routes;

import java.net.URI;
import java.time.Duration;

/** A partner endpoint as the delivery route sees it: where to send, in which format, how often to try. */
public record DeliveryTarget(String partner, URI url, String format, int maxAttempts, Duration initialDelay,
        double multiplier, Duration maxDelay, Duration timeout, int circuitFailures, Duration circuitOpen) {

    /** The broker's wait before attempt {@code failedAttempts + 1}: exponential back-off, capped. */
    public Duration delayAfter(int failedAttempts) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
    }
}
