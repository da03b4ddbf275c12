package io.silkgate.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a delivery is retried before it is dead-lettered.
 *
 * @param attempts   total delivery attempts, the first one included (at least 1)
 * @param delay      wait before the second attempt
 * @param multiplier factor applied to the wait after every further failure (at least 1.0)
 * @param maxDelay   upper bound of the wait between two attempts
 * @param timeout    how long one HTTP call to the partner may take
 * @param circuitFailures consecutive failed attempts that open the partner's circuit (0: never)
 * @param circuitOpen     how long an open circuit stops consumption before one attempt probes the partner
 */
public record RetryPolicy(int attempts, Duration delay, double multiplier, Duration maxDelay, Duration timeout,
        int circuitFailures, Duration circuitOpen) {

    public static final int DEFAULT_CIRCUIT_FAILURES = 5;
    public static final Duration DEFAULT_CIRCUIT_OPEN = Duration.ofSeconds(30);

    public RetryPolicy {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(circuitOpen, "circuitOpen");
    }

    /** A policy with the default circuit breaker. */
    public RetryPolicy(int attempts, Duration delay, double multiplier, Duration maxDelay, Duration timeout) {
        this(attempts, delay, multiplier, maxDelay, timeout, DEFAULT_CIRCUIT_FAILURES, DEFAULT_CIRCUIT_OPEN);
    }
}
