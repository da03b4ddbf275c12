package io.silkgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scale-out topology on one machine, as separate processes of the packaged jar: a shared-store broker pair
 * ({@code silkgate broker --role primary|backup}) and several gateway nodes on one PostgreSQL schema, one archive
 * directory and that broker pair (client URL {@code tcp://primary,tcp://backup}: HA, reconnect for ever).
 */
final class ClusterTopology implements AutoCloseable {

    private final BrokerProcess primary;
    private final BrokerProcess backup;
    private final List<GatewayProcess> nodes = new ArrayList<>();

    /**
     * @param root         a fresh directory for everything (broker store, archive, one data dir per node)
     * @param partnersYaml the {@code partners:}/{@code routing:} sections; the brokers get their queues from it
     * @param extraYaml    per node: further lines of the {@code gateway:} section and further top-level sections
     *                     (e.g. {@code pint:}), as {@code [gatewayLines, sections]}
     */
    ClusterTopology(Path root, PostgresSchema schema, int nodeCount, String partnersYaml,
            java.util.function.IntFunction<String[]> extraYaml) {
        try {
            Path brokerConfig = root.resolve("broker.yaml");
            Files.createDirectories(root);
            Files.writeString(brokerConfig, partnersYaml);
            Path store = root.resolve("broker-store");
            primary = new BrokerProcess("primary", root.resolve("brokers"), store, brokerConfig);
            backup = new BrokerProcess("backup", root.resolve("brokers"), store, brokerConfig);
            primary.peer(backup);
            backup.peer(primary);
            Path archive = Files.createDirectories(root.resolve("shared-archive"));
            for (int i = 0; i < nodeCount; i++) {
                String[] extra = extraYaml.apply(i);
                String gatewayYaml = "  broker: " + primary.url() + "," + backup.url() + "\n"
                        + "  node-id: node-" + (char) ('a' + i) + "\n"
                        + "  archive-dir: \"" + archive + "\"\n"
                        + schema.gatewayYaml() + extra[0];
                nodes.add(new GatewayProcess(root.resolve("node-" + (char) ('a' + i)), gatewayYaml,
                        partnersYaml + extra[1], Map.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the primary, the backup (waiting for the store's lock), then every node. */
    ClusterTopology start() {
        primary.start();
        backup.start();
        nodes.forEach(GatewayProcess::start);
        return this;
    }

    BrokerProcess primary() {
        return primary;
    }

    BrokerProcess backup() {
        return backup;
    }

    GatewayProcess node(int i) {
        return nodes.get(i);
    }

    List<GatewayProcess> nodes() {
        return List.copyOf(nodes);
    }

    /** Every process's log tail, for failure messages. */
    String logTails() {
        StringBuilder s = new StringBuilder();
        nodes.forEach(n -> s.append(n.logTail()).append('\n'));
        s.append(primary.logTail()).append('\n').append(backup.logTail());
        return s.toString();
    }

    @Override
    public void close() {
        nodes.forEach(GatewayProcess::close);
        backup.close();
        primary.close();
    }
}
