package io.silkgate.gateway.cli;

import io.silkgate.schemas.FormatCatalogue;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code silkgate convert}: translate a document between formats. This build has no conversion yet. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a document to another format (no conversions in this build yet).")
final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "FORMAT")
    String to;

    @Option(names = "--from", paramLabel = "FORMAT")
    String from;

    @Option(names = "--report", paramLabel = "FILE")
    Path report;

    @Option(names = "--no-validate")
    boolean noValidate;

    @Parameters(paramLabel = "FILE|-")
    String file;

    @Override
    public Integer call() {
        for (String id : new String[] {to, from}) {
            if (id != null && FormatCatalogue.byId(id).isEmpty()) {
                throw new SilkgateCommand.UsageException("unknown format id '" + id + "'; see 'silkgate formats'");
            }
        }
        throw new SilkgateCommand.UsageException("conversion to " + to + " is not supported by this build yet "
                + "(supported conversions: none so far)");
    }
}
