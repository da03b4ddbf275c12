package io.silkgate.gateway.broker;

import io.silkgate.routes.DeliveryTarget;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.ha.SharedStoreBackupPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.SharedStorePrimaryPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActivateCallback;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Artemis broker of its own process ({@code silkgate broker}) for several gateway nodes: the gateway's
 * addresses, a TCP acceptor, and — with a shared store — one half of a primary/backup pair. The pair shares one
 * journal directory; whoever holds the file lock on it is active, so a killed primary's lock is released by the
 * operating system and the waiting backup takes over with every durable message.
 */
public final class StandaloneBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneBroker.class);

    /** Which half of a primary/backup pair this broker is. */
    public enum Role { PRIMARY, BACKUP }

    /**
     * @param sharedStore the journal directory both halves of the pair mount; null: a single broker, journal in
     *                    {@code dataDir}
     * @param peer        {@code host:port} of the other half, to which this one announces itself; null: none
     */
    public record Options(Role role, String name, Path dataDir, Path sharedStore, String host, int port, String peer,
                          String clusterPassword) {
    }

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final Options options;

    public StandaloneBroker(Options options, List<DeliveryTarget> partners) {
        this.options = options;
        Path store = options.sharedStore() != null ? options.sharedStore() : options.dataDir();
        Configuration cfg = new ConfigurationImpl()
                .setName(options.name())
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(store.resolve("journal").toString())
                .setBindingsDirectory(store.resolve("bindings").toString())
                .setLargeMessagesDirectory(store.resolve("large-messages").toString())
                .setPagingDirectory(store.resolve("paging").toString())
                .setNodeManagerLockDirectory(store.toString())
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(true)
                .setClusterPassword(options.clusterPassword());
        try {
            cfg.addAcceptorConfiguration("netty", url(options.host() + ":" + options.port()));
            cfg.addConnectorConfiguration("self", url(options.host() + ":" + options.port()));
            if (options.peer() != null) {
                cfg.addConnectorConfiguration("peer", url(options.peer()));
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("bad broker address: " + e.getMessage(), e);
        }
        if (options.peer() != null) {
            // only for the pair's topology: the backup announces itself, clients learn where to fail over to;
            // messages are not moved between brokers
            cfg.addClusterConfiguration(new ClusterConnectionConfiguration()
                    .setName("silkgate-ha")
                    .setAddress("")
                    .setConnectorName("self")
                    .setStaticConnectors(List.of("peer"))
                    .setMessageLoadBalancingType(MessageLoadBalancingType.OFF)
                    .setRetryInterval(500)
                    .setReconnectAttempts(-1));
        }
        if (options.sharedStore() != null) {
            cfg.setHAPolicyConfiguration(options.role() == Role.PRIMARY
                    // a graceful stop of the primary (maintenance) hands over to the backup as a kill does
                    ? new SharedStorePrimaryPolicyConfiguration().setFailoverOnServerShutdown(true)
                    // a restarted primary takes its place back; the backup then waits again
                    : new SharedStoreBackupPolicyConfiguration().setAllowFailBack(true)
                            .setFailoverOnServerShutdown(true).setRestartBackup(true));
        }
        EmbeddedBroker.addGatewayAddresses(cfg, partners);
        broker.setConfiguration(cfg);
    }

    /** Starts; a backup returns at once and becomes active when it gets the shared store's lock. */
    public void start() {
        try {
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not start: " + e.getMessage(), e);
        }
        broker.getActiveMQServer().registerActivateCallback(new ActivateCallback() {
            @Override
            public void activationComplete() {
                LOG.info("broker {} ({}) is ACTIVE on {}:{}", options.name(), options.role().name().toLowerCase(),
                        options.host(), options.port());
            }
        });
        if (broker.getActiveMQServer().isActive()) {
            LOG.info("broker {} ({}) is ACTIVE on {}:{}", options.name(), options.role().name().toLowerCase(),
                    options.host(), options.port());
        } else {
            LOG.info("broker {} ({}) is waiting as BACKUP for the lock on {}", options.name(),
                    options.role().name().toLowerCase(), options.sharedStore());
        }
    }

    public boolean isActive() {
        return broker.getActiveMQServer() != null && broker.getActiveMQServer().isActive();
    }

    @Override
    public void close() {
        try {
            broker.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not stop cleanly", e);
        }
    }

    private static String url(String hostPort) {
        return "tcp://" + hostPort;
    }
}
