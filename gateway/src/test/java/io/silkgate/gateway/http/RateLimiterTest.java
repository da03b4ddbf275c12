package io.silkgate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.gateway.config.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(Map.of("acme", new RateLimit(2, Duration.ofSeconds(1)),
            "free", RateLimit.UNLIMITED), new RateLimit(1, Duration.ofMinutes(1)), now::get);

    @Test
    void aFullBucketAllowsABurstThenRefusesUntilATokenIsBack() {
        assertTrue(limiter.tryAcquire("acme").allowed());
        assertTrue(limiter.tryAcquire("acme").allowed());
        RateLimiter.Decision refused = limiter.tryAcquire("acme");
        assertFalse(refused.allowed());
        assertEquals(Duration.ofMillis(500), refused.retryAfter());

        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertTrue(limiter.tryAcquire("acme").allowed());
        assertFalse(limiter.tryAcquire("acme").allowed());
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsSize() {
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertTrue(limiter.tryAcquire("acme").allowed());
        assertTrue(limiter.tryAcquire("acme").allowed());
        assertFalse(limiter.tryAcquire("acme").allowed());
    }

    @Test
    void othersGetTheDefaultAndEachItsOwnBucket() {
        assertTrue(limiter.tryAcquire("anonymous").allowed());
        RateLimiter.Decision refused = limiter.tryAcquire("anonymous");
        assertFalse(refused.allowed());
        assertEquals(Duration.ofMinutes(1), refused.retryAfter());
        assertTrue(limiter.tryAcquire("globex").allowed(), "another submitter is not held back by anonymous");
        for (int i = 0; i < 1000; i++) {
            assertTrue(limiter.tryAcquire("free").allowed());
        }
    }

    @Test
    void ratesAreReadFromTheirTextForm() {
        assertEquals(new RateLimit(50, Duration.ofSeconds(1)), RateLimit.parse("50/s"));
        assertEquals(new RateLimit(600, Duration.ofMinutes(1)), RateLimit.parse(" 600 / min "));
        assertEquals(new RateLimit(10000, Duration.ofHours(1)), RateLimit.parse("10000/h"));
        assertEquals(RateLimit.UNLIMITED, RateLimit.parse("unlimited"));
        for (String bad : new String[] {"0/s", "50", "50/day", "-1/s", "many", "1e3/s"}) {
            assertEquals(null, RateLimit.parse(bad), bad);
        }
    }
}
