package io.silkgate.schemas.en16931;

import java.util.List;

/** What a conversion did with each present term of the source: carried to the target, or dropped with a reason. */
public record ConversionReport(String from, String to, List<String> carried, List<DroppedTerm> dropped) {

    public ConversionReport {
        carried = List.copyOf(carried);
        dropped = List.copyOf(dropped);
    }

    /** Whether every source term reached the target unchanged. */
    public boolean lossless() {
        return dropped.isEmpty();
    }
}
