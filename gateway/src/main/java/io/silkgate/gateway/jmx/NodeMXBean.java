package io.silkgate.gateway.jmx;

/** JMX view of this gateway node and the broker it uses, {@code io.silkgate:type=Node}. */
public interface NodeMXBean {

    /** {@code gateway.node-id}, default the host name. */
    String getNodeId();

    /** The configured broker list without URL parameters, or {@code embedded}. */
    String getBroker();

    /** {@code embedded}, or the kind of JDBC database ({@code postgresql}, ...). */
    String getDatabase();

    /** True when the broker answered its last management request (embedded: it is active). */
    boolean isBrokerReachable();

    /** The name of the active broker ({@code silkgate broker --name}). */
    String getActiveBroker();

    /** {@code primary}, or {@code backup} once the primary has failed over to its backup; null while unknown. */
    String getActiveBrokerRole();

    /** True when a backup broker has announced itself to the active one (fail-over is possible). */
    boolean isBackupAnnounced();

    /** True when a replicating backup is in sync with the active broker (false for a shared store). */
    boolean isReplicaSync();
}
