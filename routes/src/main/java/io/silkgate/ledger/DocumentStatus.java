package io.silkgate.ledger;

/** Lifecycle of a submitted document as the ledger records it and the status API reports it. */
public enum DocumentStatus {
    RECEIVED,
    REJECTED,
    ACCEPTED,
    DELIVERED,
    PARTIALLY_DELIVERED,
    FAILED
}
