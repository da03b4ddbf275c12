package io.silkgate.pint;

import java.util.List;

/** What the chain history says about a new envelope: a transfer to go on with, a repeat, or a contradiction. */
public sealed interface StartDecision {

    /** A new or unfinished transfer; {@code missing} are the declared documents not held yet. */
    record Started(PintTransfer transfer, List<String> missing) implements StartDecision {
    }

    /** The same transfer was accepted before. */
    record Duplicate(PintTransfer transfer) implements StartDecision {
    }

    /** The chain contradicts the known history of this eBL. */
    record Disputed(String reason) implements StartDecision {
    }
}
