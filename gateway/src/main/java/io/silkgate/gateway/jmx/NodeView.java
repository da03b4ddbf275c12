package io.silkgate.gateway.jmx;

import io.silkgate.gateway.broker.BrokerMonitor;
import java.util.function.Supplier;

/** {@code io.silkgate:type=Node}: this node's id and what it last learned about its broker. */
public final class NodeView implements NodeMXBean {

    private final String nodeId;
    private final String broker;
    private final String database;
    private final Supplier<BrokerMonitor.State> brokerState;

    public NodeView(String nodeId, String broker, String database, Supplier<BrokerMonitor.State> brokerState) {
        this.nodeId = nodeId;
        this.broker = broker;
        this.database = database;
        this.brokerState = brokerState;
    }

    @Override
    public String getNodeId() {
        return nodeId;
    }

    @Override
    public String getBroker() {
        return broker;
    }

    @Override
    public String getDatabase() {
        return database;
    }

    @Override
    public boolean isBrokerReachable() {
        return brokerState.get().reachable();
    }

    @Override
    public String getActiveBroker() {
        return brokerState.get().activeBroker();
    }

    @Override
    public String getActiveBrokerRole() {
        return brokerState.get().activeRole();
    }

    @Override
    public boolean isBackupAnnounced() {
        return brokerState.get().backupAnnounced();
    }

    @Override
    public boolean isReplicaSync() {
        return brokerState.get().replicaSync();
    }
}
