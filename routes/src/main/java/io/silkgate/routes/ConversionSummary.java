package io.silkgate.routes;

import io.silkgate.schemas.en16931.ConversionReport;
import java.util.stream.Collectors;

/** One line of a conversion report for the ledger: how many terms were carried and which were dropped, and why. */
final class ConversionSummary {

    private ConversionSummary() {
    }

    static String of(ConversionReport report) {
        String dropped = report.dropped().isEmpty() ? "nothing dropped"
                : "dropped " + report.dropped().stream().map(d -> d.term() + " (" + d.reason() + ")")
                        .collect(Collectors.joining("; "));
        return report.from() + " -> " + report.to() + ": " + report.carried().size() + " terms carried, " + dropped;
    }
}
