package io.silkgate.gateway.http;

import io.silkgate.gateway.config.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per submitter: a request takes a token or is refused with the time until the next token.
 * Submitters without a limit of their own (and {@code anonymous}) get the fallback. The gateway keeps two of
 * these, one for submissions and one for reads, so polling a status never uses up the budget for submitting.
 */
public final class RateLimiter {

    /** The answer for one request: allowed, or refused and worth retrying after {@code retryAfter}. */
    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    private final Map<String, RateLimit> limits;
    private final RateLimit fallback;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

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
        long now = nanoTime.getAsLong();
        return buckets.computeIfAbsent(submitter, s -> new TokenBucket(limit, now)).take(now);
    }
}
