package io.silkgate.gateway.cli;

import io.silkgate.gateway.SilkgateGateway;
import io.silkgate.gateway.config.ConfigException;
import io.silkgate.gateway.config.ConfigLoader;
import io.silkgate.gateway.config.SilkgateConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code silkgate serve}: run the gateway until stopped (SIGTERM stops it gracefully). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the gateway until stopped.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "silkgate.yaml (default: ./silkgate.yaml if present)")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "data dir, overrides gateway.data-dir")
    Path data;

    @Override
    public Integer call() throws Exception {
        SilkgateConfig cfg = load(config, data);
        try {
            new SilkgateGateway(cfg).runUntilStopped();
        } catch (SilkgateGateway.GatewayStartException e) {
            System.err.println("silkgate: the gateway did not start: " + e.getMessage());
            return SilkgateCommand.INTERNAL;
        }
        return SilkgateCommand.OK;
    }

    static SilkgateConfig load(Path config, Path data) {
        try {
            Path file = config;
            if (file == null && Path.of("silkgate.yaml").toFile().isFile()) {
                file = Path.of("silkgate.yaml");
            }
            SilkgateConfig cfg = file == null ? ConfigLoader.defaults(Path.of("")) : ConfigLoader.load(file);
            return data == null ? cfg : cfg.withDataDir(data.toAbsolutePath());
        } catch (ConfigException e) {
            throw new SilkgateCommand.UsageException("bad configuration:\n" + e.getMessage());
        }
    }
}
