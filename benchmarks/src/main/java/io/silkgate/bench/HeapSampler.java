package io.silkgate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the used heap every few milliseconds on a daemon thread and keeps the peak since the last reset. */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler(long intervalMillis) {
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Heap in use now, in bytes. */
    long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The peak since the last reset, in bytes. */
    long peak() {
        sample();
        return peak.get();
    }

    void reset() {
        peak.set(used());
    }

    private void sample() {
        long used = used();
        peak.accumulateAndGet(used, Math::max);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
