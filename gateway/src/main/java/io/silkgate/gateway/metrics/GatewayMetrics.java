package io.silkgate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.silkgate.routes.DeliveryObserver;
import io.silkgate.routes.IntakeOutcome;
import java.time.Duration;

/**
 * Silkgate's own meters on the one Prometheus registry that Camel's route policy and Artemis also write to:
 * documents received and rejected by code, deliveries sent, failed and dead-lettered by partner, accept and
 * end-to-end latency. Served as text at {@code GET /metrics}.
 */
public final class GatewayMetrics implements DeliveryObserver {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public GatewayMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** One answered submission: its outcome and how long the synchronous intake took. */
    public void intake(IntakeOutcome outcome, Duration took) {
        String result = !outcome.accepted() ? "rejected" : outcome.duplicate() ? "duplicate" : "accepted";
        Counter.builder("silkgate.documents.received").description("Submissions answered by the intake")
                .tag("result", result).register(registry).increment();
        if (!outcome.accepted()) {
            rejected(outcome.code().name());
        }
        Timer.builder("silkgate.intake.latency").description("Time from request to answer of the intake")
                .tag("result", result).register(registry).record(took);
    }

    /** A submission turned away before the pipeline (401, 413, 415, …). */
    public void rejectedAtTheDoor(String code) {
        Counter.builder("silkgate.documents.received").tag("result", "rejected").register(registry).increment();
        rejected(code);
    }

    private void rejected(String code) {
        Counter.builder("silkgate.documents.rejected").description("Rejected submissions by contract code")
                .tag("code", code).register(registry).increment();
    }

    @Override
    public void delivered(String partner, Duration sinceReceived) {
        Counter.builder("silkgate.deliveries.sent").description("Deliveries acknowledged by the partner")
                .tag("partner", partner).register(registry).increment();
        Timer.builder("silkgate.delivery.end.to.end").description("Time from acceptance to the partner's acknowledgement")
                .tag("partner", partner).register(registry).record(sinceReceived);
    }

    @Override
    public void failed(String partner, boolean deadLettered) {
        Counter.builder("silkgate.deliveries.failed").description("Failed delivery attempts")
                .tag("partner", partner).register(registry).increment();
        if (deadLettered) {
            Counter.builder("silkgate.deliveries.dead.lettered").description("Deliveries moved to the dead-letter queue")
                    .tag("partner", partner).register(registry).increment();
        }
    }

    public void close() {
        gc.close();
        registry.close();
    }
}
