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
 */
public record RetryPolicy(int attempts, Duration delay, double multiplier, Duration maxDelay, Duration timeout) {

    public RetryPolicy {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(timeout, "timeout");
    }
}
