package io.silkgate.gateway.broker;

import io.micrometer.core.instrument.MeterRegistry;
import io.silkgate.gateway.metrics.BrokerMetricsPlugin;
import io.silkgate.routes.DeliveryTarget;
import io.silkgate.routes.QueuedDelivery;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.MetricsConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The embedded, persistent Artemis broker (journal under the data dir, in-VM acceptor only). Each partner gets
 * its delivery queue with broker redelivery and back-off, and its own dead-letter queue: Artemis without a
 * dead-letter address would drop a message after the last attempt.
 */
public final class EmbeddedBroker implements AutoCloseable {

    public static final String IN_VM_URL = "vm://0";
    private static final String UNROUTED_DLQ = "silkgate.dlq";
    private static final String EXPIRED = "silkgate.expired";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();

    public EmbeddedBroker(Path brokerDir, List<DeliveryTarget> partners, MeterRegistry meters) {
        this(brokerDir, partners, meters, true);
    }

    /**
     * @param syncJournal force journal writes to the disk (fsync) before a commit returns. Every commit is written to
     *                    the file either way, so a killed process loses nothing; the fsync protects against a power
     *                    cut, which the embedded H2 ledger does not survive either (it does not fsync its commits):
     *                    with it, the fsync (40–60 ms on a cloud VM's disk) only made each acceptance and delivery wait.
     */
    public EmbeddedBroker(Path brokerDir, List<DeliveryTarget> partners, MeterRegistry meters, boolean syncJournal) {
        Configuration cfg = new ConfigurationImpl()
                .setName("silkgate")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDatasync(syncJournal)
                .setJournalDirectory(brokerDir.resolve("journal").toString())
                .setBindingsDirectory(brokerDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(brokerDir.resolve("large-messages").toString())
                .setPagingDirectory(brokerDir.resolve("paging").toString())
                .setNodeManagerLockDirectory(brokerDir.toString())
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(true)
                // a second gateway on the same data dir must fail, not wait for ever for the journal lock
                .setJournalLockAcquisitionTimeout(5000)
                .setMetricsConfiguration(new MetricsConfiguration().setPlugin(new BrokerMetricsPlugin(meters))
                        // the gateway binds the JVM meters itself, once
                        .setJvmMemory(false).setJvmGc(false).setJvmThread(false));
        try {
            cfg.addAcceptorConfiguration("in-vm", IN_VM_URL);
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the in-VM acceptor", e);
        }
        addGatewayAddresses(cfg, partners);
        broker.setConfiguration(cfg);
    }

    /**
     * The gateway's addresses: per partner its delivery queue with redelivery and back-off and its own dead-letter
     * queue, and catch-alls for every other address (the dead-letter queues themselves included) instead of silent
     * drops. The embedded broker and a standalone {@code silkgate broker} share this.
     */
    public static void addGatewayAddresses(Configuration cfg, List<DeliveryTarget> partners) {
        cfg.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(UNROUTED_DLQ))
                .setExpiryAddress(SimpleString.of(EXPIRED)));
        cfg.addAddressConfiguration(anycast(UNROUTED_DLQ));
        cfg.addAddressConfiguration(anycast(EXPIRED));
        for (DeliveryTarget p : partners) {
            String queue = QueuedDelivery.queueOf(p.partner());
            String dlq = QueuedDelivery.deadLetterQueueOf(p.partner());
            cfg.addAddressSetting(queue, new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(dlq))
                    .setExpiryAddress(SimpleString.of(EXPIRED))
                    .setMaxDeliveryAttempts(p.brokerDeliveryLimit())
                    .setRedeliveryDelay(p.initialDelay().toMillis())
                    .setRedeliveryMultiplier(p.multiplier())
                    .setMaxRedeliveryDelay(p.maxDelay().toMillis()));
            cfg.addAddressConfiguration(anycast(queue));
            cfg.addAddressConfiguration(anycast(dlq));
        }
    }

    public void start() {
        try {
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException("the embedded broker did not start: " + e.getMessage(), e);
        }
        // EmbeddedActiveMQ.start() only logs a journal-lock time-out; check for ourselves
        if (!broker.getActiveMQServer().isActive()) {
            close();
            throw new IllegalStateException("the embedded broker did not become active: is another gateway "
                    + "running on the same data dir?");
        }
    }

    public boolean isActive() {
        return broker.getActiveMQServer() != null && broker.getActiveMQServer().isActive();
    }

    /** Messages waiting in a queue (0 if it does not exist), for operators and tests. */
    public long messageCount(String queue) {
        var q = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return q == null ? 0 : q.getMessageCount();
    }

    @Override
    public void close() {
        try {
            broker.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the embedded broker did not stop cleanly", e);
        }
    }

    private static CoreAddressConfiguration anycast(String name) {
        return new CoreAddressConfiguration().setName(name).addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(name).setAddress(name)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true));
    }
}
