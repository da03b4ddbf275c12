package io.silkgate.gateway.cli;

import io.silkgate.gateway.demo.DemoRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code silkgate demo}: the built-in end-to-end run; exit 0 iff every expected outcome happened. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a gateway with simulated partners, submit the sample documents, print what happened.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "data dir (default: a new temporary folder)")
    Path data;

    @Option(names = "--tls", description = "HTTPS on the gateway's listener (sample server certificate); the submitter"
            + " authenticates by its client certificate (mutual TLS)")
    boolean tls;

    @Override
    public Integer call() throws Exception {
        Path dir = data != null ? data.toAbsolutePath() : Files.createTempDirectory("silkgate-demo-");
        System.out.println("Silkgate demo: data dir " + dir);
        boolean ok = new DemoRun(dir, System.out, tls).run();
        return ok ? SilkgateCommand.OK : SilkgateCommand.INVALID;
    }
}
