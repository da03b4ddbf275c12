package io.silkgate.gateway.http;

import io.silkgate.gateway.config.RateLimit;
import java.time.Duration;

/**
 * A bucket of up to {@code permits} tokens, refilled continuously at {@code permits / per}: a full bucket allows a
 * burst of {@code permits}. Times are {@link System#nanoTime()} readings handed in by the caller.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long last;

    TokenBucket(RateLimit limit, long now) {
        this.capacity = limit.permits();
        this.tokensPerNano = limit.permits() / (double) limit.per().toNanos();
        this.tokens = capacity;
        this.last = now;
    }

    /** Takes a token if there is one; otherwise says how long until there is. */
    synchronized RateLimiter.Decision take(long now) {
        Duration wait = waitAt(now);
        if (wait.isZero()) {
            tokens -= 1;
            return RateLimiter.Decision.ALLOWED;
        }
        return new RateLimiter.Decision(false, wait);
    }

    /** Zero if a token is there now, else the time until one is; takes nothing. */
    synchronized Duration waitAt(long now) {
        tokens = Math.min(capacity, tokens + Math.max(0, now - last) * tokensPerNano);
        last = Math.max(last, now);
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }
}
