package io.silkgate.gateway.cli;

import io.silkgate.routes.IntakeParser;
import io.silkgate.schemas.Format;
import io.silkgate.schemas.FormatCatalogue;
import io.silkgate.schemas.bol.BillOfLadingConverter;
import io.silkgate.schemas.en16931.InvoiceFormats;
import io.silkgate.schemas.validation.InvoiceValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code silkgate formats}: the format ids, and what this build does with each. */
@Command(name = "formats", mixinStandardHelpOptions = true, description = "List the format ids.")
final class FormatsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.printf("%-12s %-15s %-3s %-3s %-38s %s%n", "id", "family", "in", "out", "this build", "what");
        for (Format f : FormatCatalogue.all()) {
            System.out.printf("%-12s %-15s %-3s %-3s %-38s %s%n", f.id(), f.family().id(), f.input() ? "yes" : "no",
                    f.output() ? "yes" : "no", buildSupport(f.id()), f.description());
        }
        return SilkgateCommand.OK;
    }

    static String buildSupport(String id) {
        List<String> can = new ArrayList<>();
        if (IntakeParser.ACCEPTED_FORMATS.contains(id)) {
            can.add("intake");
        }
        InvoiceFormats.byId(id).ifPresent(f -> {
            if (f.canRead()) {
                can.add("read");
            }
            if (f.canWrite()) {
                can.add("write");
            }
        });
        if ("dcsa-td3".equals(id)) {
            can.add("read");
        }
        if (BillOfLadingConverter.TARGETS.contains(id)) {
            can.add("write");
        }
        if (VALIDATOR.formats().contains(id) || "dcsa-td3".equals(id)) {
            can.add("validate");
        }
        return can.isEmpty() ? "detected only" : String.join(", ", can);
    }

    private static final InvoiceValidator VALIDATOR = new InvoiceValidator();
}
