package io.silkgate.gateway.cli;

import io.silkgate.gateway.SilkgateGateway;
import io.silkgate.gateway.broker.StandaloneBroker;
import io.silkgate.gateway.config.SilkgateConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code silkgate broker}: an Artemis broker for several gateway nodes, alone or as one half of a shared-store
 * primary/backup pair, with the gateway's addresses (partners and their retry policies from {@code --config}).
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run an Artemis broker (primary or backup of a shared-store pair) for several gateway nodes.")
final class BrokerCommand implements Callable<Integer> {

    static final String CLUSTER_PASSWORD_ENV = "SILKGATE_BROKER_CLUSTER_PASSWORD";

    @Option(names = "--role", required = true, paramLabel = "primary|backup",
            description = "primary, or the backup that takes over when the primary dies")
    String role;

    @Option(names = "--config", paramLabel = "FILE",
            description = "silkgate.yaml whose partners get their queues, retry policies and dead-letter queues")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./broker",
            description = "journal dir of a single broker (no --shared-store); default ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--shared-store", paramLabel = "DIR",
            description = "journal dir shared by the primary and the backup (the same dir or a shared volume)")
    Path sharedStore;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to listen on; default ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--port", defaultValue = "61616", description = "TCP port; default ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--peer", paramLabel = "HOST:PORT",
            description = "the other half of the pair (required for a backup, so that it announces itself)")
    String peer;

    @Option(names = "--name", description = "broker name; default silkgate-<role>")
    String name;

    @Override
    public Integer call() throws Exception {
        StandaloneBroker.Role r = switch (role) {
            case "primary" -> StandaloneBroker.Role.PRIMARY;
            case "backup" -> StandaloneBroker.Role.BACKUP;
            default -> throw new SilkgateCommand.UsageException("--role: must be primary or backup, not " + role);
        };
        if (r == StandaloneBroker.Role.BACKUP && (sharedStore == null || peer == null)) {
            throw new SilkgateCommand.UsageException("--role backup needs --shared-store DIR and --peer HOST:PORT");
        }
        if (port < 1 || port > 65535) {
            throw new SilkgateCommand.UsageException("--port: must be 1..65535, not " + port);
        }
        if (peer != null && !peer.matches("[^:\\s]+:\\d{1,5}")) {
            throw new SilkgateCommand.UsageException("--peer: must be HOST:PORT, not " + peer);
        }
        SilkgateConfig cfg = config == null ? null : ServeCommand.load(config, null);
        Path store = sharedStore != null ? sharedStore : data;
        Files.createDirectories(store);
        String clusterPassword = System.getenv(CLUSTER_PASSWORD_ENV);
        if (peer != null && (clusterPassword == null || clusterPassword.isBlank())) {
            System.err.println("silkgate: " + CLUSTER_PASSWORD_ENV + " is not set: the pair authenticates its"
                    + " cluster connection with a built-in password (local use only)");
            clusterPassword = "silkgate-local-cluster";
        }
        StandaloneBroker broker = new StandaloneBroker(new StandaloneBroker.Options(r,
                name != null ? name : "silkgate-" + role, data.toAbsolutePath(),
                sharedStore == null ? null : sharedStore.toAbsolutePath(), host, port, peer, clusterPassword),
                cfg == null ? java.util.List.of() : cfg.partners().stream().map(SilkgateGateway::targetOf).toList());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "silkgate-broker-stop"));
        broker.start();
        stopped.await();
        return SilkgateCommand.OK;
    }
}
