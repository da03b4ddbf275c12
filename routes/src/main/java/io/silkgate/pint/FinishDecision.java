package io.silkgate.pint;

import java.util.List;

/** The outcome of finishing a transfer. */
public sealed interface FinishDecision {

    /** Accepted now; the eBL was handed over to delivery. */
    record Accepted(PintTransfer transfer) implements FinishDecision {
    }

    /** Accepted before. */
    record AlreadyAccepted(PintTransfer transfer) implements FinishDecision {
    }

    /** Declared documents are still missing. */
    record Missing(PintTransfer transfer, List<String> missing) implements FinishDecision {
    }

    /** No transfer has this envelope reference. */
    record Unknown() implements FinishDecision {
    }
}
