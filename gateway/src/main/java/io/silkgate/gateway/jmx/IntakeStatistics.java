package io.silkgate.gateway.jmx;

import io.silkgate.gateway.metrics.GatewayMetrics;
import io.silkgate.routes.IntakeOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts every intake outcome (HTTP and SOAP alike) for the {@link IntakeMXBean} and the metrics. */
public final class IntakeStatistics implements IntakeMXBean {

    private final GatewayMetrics metrics;

    private final LongAdder received = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final Map<String, LongAdder> byCode = new ConcurrentHashMap<>();

    public IntakeStatistics(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    /** Counts a submission that was turned away before the pipeline (401, 413, 415 …). */
    public void rejectedAtTheDoor(String code) {
        received.increment();
        reject(code);
        metrics.rejectedAtTheDoor(code);
    }

    public void record(IntakeOutcome outcome, Duration took) {
        metrics.intake(outcome, took);
        received.increment();
        if (!outcome.accepted()) {
            reject(outcome.code().name());
        } else if (outcome.duplicate()) {
            duplicates.increment();
        } else {
            accepted.increment();
        }
    }

    private void reject(String code) {
        rejected.increment();
        byCode.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    @Override
    public long getReceived() {
        return received.sum();
    }

    @Override
    public long getAccepted() {
        return accepted.sum();
    }

    @Override
    public long getRejected() {
        return rejected.sum();
    }

    @Override
    public long getDuplicates() {
        return duplicates.sum();
    }

    @Override
    public Map<String, Long> getRejectedByCode() {
        Map<String, Long> copy = new TreeMap<>();
        byCode.forEach((code, n) -> copy.put(code, n.sum()));
        return copy;
    }
}
