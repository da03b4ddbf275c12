package io.silkgate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.gateway.config.RateLimit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthFailureThrottleTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final AuthFailureThrottle throttle =
            new AuthFailureThrottle(new RateLimit(3, Duration.ofMinutes(1)), 100, now::get);

    @Test
    void anAddressIsTurnedAwayAfterItsFailuresAndMayTryAgainWhenOneIsForgiven() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.retryAfter("203.0.113.7"), "failure " + i + " still allowed");
            throttle.failed("203.0.113.7");
        }
        assertEquals(Duration.ofSeconds(20), throttle.retryAfter("203.0.113.7"), "one failure forgiven every 20 s");

        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertEquals(Duration.ZERO, throttle.retryAfter("203.0.113.7"));
        throttle.failed("203.0.113.7");
        assertEquals(Duration.ofSeconds(20), throttle.retryAfter("203.0.113.7"));
    }

    @Test
    void otherAddressesAreNotAffected() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("203.0.113.7");
        }
        assertEquals(Duration.ZERO, throttle.retryAfter("203.0.113.8"));
        assertEquals(Duration.ZERO, throttle.retryAfter("2001:db8::1"));
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        for (int i = 1; i <= 3; i++) {
            throttle.failed("2001:db8:0:7::" + Integer.toHexString(i * 4099));
        }
        assertTrue(throttle.retryAfter("[2001:db8:0:7:ffff:1:2:3]").toSeconds() > 0, "same /64");
        assertEquals(Duration.ZERO, throttle.retryAfter("2001:db8:0:8::1"), "next /64");
        assertEquals("198.51.100.4", AuthFailureThrottle.keyOf("::ffff:198.51.100.4"), "IPv4-mapped is IPv4");
    }

    @Test
    void aSprayOfAddressesCannotGrowTheTableNorFreeAnAddressThatKeepsTrying() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("203.0.113.7");
        }
        for (int i = 0; i < 100_000; i++) {
            throttle.failed("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
            if (i % 50 == 0) {
                assertTrue(throttle.retryAfter("203.0.113.7").toSeconds() > 0, "still turned away after " + i);
            }
        }
        assertEquals(100, throttle.size());
    }

    @Test
    void unlimitedCountsNothing() {
        AuthFailureThrottle off = new AuthFailureThrottle(RateLimit.UNLIMITED, 100, now::get);
        for (int i = 0; i < 1000; i++) {
            off.failed("203.0.113.7");
        }
        assertEquals(Duration.ZERO, off.retryAfter("203.0.113.7"));
        assertEquals(0, off.size());
    }
}
