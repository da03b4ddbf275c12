package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; the tests' only way of waiting for asynchronous work. */
final class Await {

    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    /** Waits until {@code condition} holds; fails with {@code what} and the diagnostics otherwise. */
    static void until(Duration timeout, String what, BooleanSupplier condition, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toSeconds() + " s waiting for " + what + "\n" + diagnostics.get());
            }
            pause(POLL_MILLIS);
        }
    }

    /** Sleeps without forcing callers to handle interruption (the test fails anyway if interrupted). */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
