package io.silkgate.pint;

/**
 * Where an accepted transfer goes: the delivery path (ledger document, archive, partner queues). Called while the
 * transfer is locked, at most once per transfer.
 */
@FunctionalInterface
public interface AcceptedEnvelopes {

    /** Hands an accepted transfer over to delivery; returns the ledger document id. */
    String handOver(PintTransfer transfer);
}
