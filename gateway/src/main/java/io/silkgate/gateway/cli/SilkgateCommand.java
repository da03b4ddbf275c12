package io.silkgate.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code silkgate} command line (CONTRACT.md §2): exit 0 ok, 1 invalid/rejected, 2 usage, 3 internal error. */
@Command(name = "silkgate", mixinStandardHelpOptions = true, versionProvider = SilkgateCommand.Version.class,
        description = "Interoperability gateway for signed trade documents (bills of lading, e-invoices).",
        subcommands = {ServeCommand.class, DemoCommand.class, ConvertCommand.class, VerifyCommand.class,
                ValidateCommand.class, FormatsCommand.class, PartnersCommand.class, BrokerCommand.class})
public final class SilkgateCommand implements Runnable {

    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // undertow and XNIO log through jboss-logging: route it to SLF4J before any of their classes load
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new SilkgateCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                commandLine.getErr().println("silkgate: " + e.getMessage());
                return USAGE;
            }
            commandLine.getErr().println("silkgate: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return INTERNAL;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A user error that is not a picocli parse error (unknown format id, unreadable file, bad config): exit 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    /** The version from the jar manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SilkgateCommand.class.getPackage().getImplementationVersion();
            return new String[] {"silkgate " + (v == null ? "development build" : v)};
        }
    }
}
