package io.silkgate.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.activemq.artemis.core.server.metrics.ActiveMQMetricsPlugin;

/** Hands the gateway's registry to the embedded Artemis broker, so queue depths and consumers reach /metrics. */
public final class BrokerMetricsPlugin implements ActiveMQMetricsPlugin {

    private static final long serialVersionUID = 1L;

    private final transient MeterRegistry registry;

    public BrokerMetricsPlugin(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ActiveMQMetricsPlugin init(Map<String, String> options) {
        return this;
    }

    @Override
    public MeterRegistry getRegistry() {
        return registry;
    }
}
