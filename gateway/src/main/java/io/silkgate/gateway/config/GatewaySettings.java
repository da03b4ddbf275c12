package io.silkgate.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code gateway:} section: listener, storage, broker, database, keys and delivery defaults.
 *
 * @param broker           {@value ConfigDefaults#EMBEDDED} or a comma-separated list of {@code tcp://} / {@code ssl://} URLs
 * @param database         {@value ConfigDefaults#EMBEDDED} or a JDBC URL
 * @param databaseUser     null when not configured
 * @param databasePassword null when not configured
 * @param maxDocumentBytes largest accepted submission, in bytes
 * @param signing          null: the gateway has no key of its own
 * @param tls              null: plain HTTP
 * @param jmx              null: no remote JMX
 * @param delivery         retry policy of every partner that does not override it
 * @param archiveRetention how long archived originals of finished documents are kept; null: for ever
 * @param jolokia          null: no JMX over HTTP; else port, user and password (both required)
 * @param rateLimit        the limit of every submitter without its own, and of {@code anonymous}
 * @param requestTimeout   the longest a request may take to arrive, headers and body; slower ones are cut off
 * @param readRateLimit    the read limit (GET, HEAD) of every submitter without its own, and of {@code anonymous}
 * @param authFailureLimit failed authentications allowed per client address before it is turned away
 * @param metrics          who may read {@code /metrics}
 * @param nodeId           this node's name in logs, health and JMX; null: the host name
 * @param archiveDir       where originals are archived; null: {@code data-dir/archive}. Nodes of one cluster share it
 */
public record GatewaySettings(String httpHost, int httpPort, Path dataDir, String broker, String database,
                              String databaseUser, Secret databasePassword, long maxDocumentBytes,
                              SigningSettings signing, TlsSettings tls, JmxSettings jmx, RetryPolicy delivery,
                              java.time.Duration archiveRetention, JmxSettings jolokia, RateLimit rateLimit,
                              java.time.Duration requestTimeout, java.time.Duration pendingAlert,
                              RateLimit readRateLimit, RateLimit authFailureLimit, MetricsAccess metrics,
                              String nodeId, Path archiveDir) {

    public GatewaySettings {
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(pendingAlert, "pendingAlert");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(readRateLimit, "readRateLimit");
        Objects.requireNonNull(authFailureLimit, "authFailureLimit");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** True when the gateway runs its own Artemis broker in the data directory. */
    public boolean embeddedBroker() {
        return ConfigDefaults.EMBEDDED.equals(broker);
    }

    /** True when the gateway keeps its ledger in an H2 file in the data directory. */
    public boolean embeddedDatabase() {
        return ConfigDefaults.EMBEDDED.equals(database);
    }

    /** The same settings with another data directory. */
    public GatewaySettings withDataDir(Path dir) {
        return new GatewaySettings(httpHost, httpPort, dir, broker, database, databaseUser, databasePassword,
                maxDocumentBytes, signing, tls, jmx, delivery, archiveRetention, jolokia, rateLimit, requestTimeout,
                pendingAlert, readRateLimit, authFailureLimit, metrics, nodeId, archiveDir);
    }

    /** This node's name: {@code gateway.node-id}, else the host name (else "silkgate" if it has none). */
    public String effectiveNodeId() {
        if (nodeId != null) {
            return nodeId;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "silkgate";
        }
    }

    /** The archive of originals: {@code gateway.archive-dir}, else {@code data-dir/archive}. */
    public Path effectiveArchiveDir() {
        return archiveDir != null ? archiveDir : dataDir.resolve("archive");
    }
}
