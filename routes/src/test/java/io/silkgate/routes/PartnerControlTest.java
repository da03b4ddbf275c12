package io.silkgate.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker of one partner, as operators see it in JMX {@code CircuitOpen}. The half-open is scheduled an
 * hour ahead, so it never runs here; the tests look at what is scheduled instead of waiting.
 */
class PartnerControlTest {

    private static final Duration OPEN_FOR = Duration.ofHours(1);

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final CamelContext camel = new DefaultCamelContext();
    private final AtomicInteger failuresSeen = new AtomicInteger();

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        camel.close();
    }

    @Test
    void theCircuitOpensAfterTheConfiguredFailuresInARowAndASuccessResetsTheCount() {
        PartnerControl control = control(3);

        control.failed(false);
        control.failed(false);
        control.delivered(java.time.Instant.now());
        control.failed(false);
        control.failed(false);
        assertFalse(control.isCircuitOpen(), "two failures in a row, not three");

        control.failed(false);

        assertTrue(control.isCircuitOpen(), "three failures in a row");
        assertEquals(1, halfOpensScheduled());
        assertEquals(5, control.failedAttempts());
        assertEquals(5, failuresSeen.get(), "every failure reaches the metrics");
    }

    @Test
    void furtherFailuresWhileOpenDoNotScheduleAnotherHalfOpen() {
        PartnerControl control = control(2);
        for (int i = 0; i < 6; i++) {
            control.failed(false);
        }
        assertTrue(control.isCircuitOpen());
        // a second half-open would close the circuit early, right after the first one's probe re-opened it
        assertEquals(1, halfOpensScheduled(), "one opening, one half-open");
    }

    @Test
    void withoutACircuitBreakerFailuresNeverOpenIt() {
        PartnerControl control = control(0);
        for (int i = 0; i < 20; i++) {
            control.failed(false);
        }
        assertFalse(control.isCircuitOpen());
        assertEquals(0, halfOpensScheduled());
    }

    private PartnerControl control(int circuitFailures) {
        DeliveryTarget target = new DeliveryTarget("p1", URI.create("http://127.0.0.1:9/in"), "ubl", 5,
                Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5), Duration.ofSeconds(5), circuitFailures, OPEN_FOR);
        DeliveryObserver observer = new DeliveryObserver() {
            @Override
            public void delivered(String partner, Duration sinceReceived) {
            }

            @Override
            public void failed(String partner, boolean deadLettered) {
                failuresSeen.incrementAndGet();
            }
        };
        return new PartnerControl(target, () -> camel, null, null, scheduler, observer, Clock.systemUTC());
    }

    /** Tasks due in more than a minute: the half-opens (route suspensions run at once). */
    private long halfOpensScheduled() {
        return scheduler.getQueue().stream()
                .filter(task -> ((Delayed) task).getDelay(TimeUnit.SECONDS) > 60)
                .count();
    }
}
