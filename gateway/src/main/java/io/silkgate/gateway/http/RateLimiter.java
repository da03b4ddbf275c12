package io.silkgate.gateway.http;

import io.silkgate.gateway.config.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per submitter: a request takes a token or is refused with the time until the next token.
 * Submitters without a limit of their own (and {@code anonymous}) get the gateway-wide default.
 */
public final class RateLimiter {

    /** The answer for one request: allowed, or refused and worth retrying after {@code retryAfter}. */
    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    private final Map<String, RateLimit> limits;
    private final RateLimit fallback;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Map<String, RateLimit> limitBySubmitter, RateLimit fallback) {
        this(limitBySubmitter, fallback, System::nanoTime);
    }

    /** With a clock of its own, so that tests decide when time passes. */
    RateLimiter(Map<String, RateLimit> limitBySubmitter, RateLimit fallback, LongSupplier nanoTime) {
        this.limits = Map.copyOf(limitBySubmitter);
        this.fallback = fallback;
        this.nanoTime = nanoTime;
    }

    /** Takes one token from the submitter's bucket if it has one. */
    public Decision tryAcquire(String submitter) {
        RateLimit limit = limits.getOrDefault(submitter, fallback);
        if (limit.unlimited()) {
            return Decision.ALLOWED;
        }
        // buckets exist only for authenticated submitter ids, so the map cannot grow with attacker input
        return buckets.computeIfAbsent(submitter, s -> new Bucket(limit, nanoTime.getAsLong())).take(nanoTime);
    }

    /** A token bucket holding up to {@code permits} tokens, refilled continuously at {@code permits / per}. */
    private static final class Bucket {

        private final double capacity;
        private final double tokensPerNano;
        private double tokens;
        private long last;

        Bucket(RateLimit limit, long now) {
            this.capacity = limit.permits();
            this.tokensPerNano = limit.permits() / (double) limit.per().toNanos();
            this.tokens = capacity;
            this.last = now;
        }

        synchronized Decision take(LongSupplier clock) {
            long now = clock.getAsLong();
            tokens = Math.min(capacity, tokens + Math.max(0, now - last) * tokensPerNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.ALLOWED;
            }
            long wait = (long) Math.ceil((1 - tokens) / tokensPerNano);
            return new Decision(false, Duration.ofNanos(wait));
        }
    }
}
