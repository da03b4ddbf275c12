package io.silkgate.routes;

import io.silkgate.schemas.en16931.ConversionReport;
import io.silkgate.schemas.en16931.DroppedTerm;
import java.util.List;

/** A document as one partner receives it, and the conversion report when it was converted. */
public record Translation(byte[] body, ConversionReport report) {

    /** The business terms of the source that the partner's format could not hold. */
    public List<String> droppedTerms() {
        return report == null ? List.of() : report.dropped().stream().map(DroppedTerm::term).distinct().toList();
    }
}
