package io.silkgate.ledger;

/** Lifecycle of one delivery of a document to one partner. */
public enum DeliveryStatus {
    QUEUED,
    DELIVERING,
    DELIVERED,
    RETRYING,
    DEAD_LETTERED;

    /** True when no further attempt will be made unless an operator re-drives the delivery. */
    public boolean isFinal() {
        return this == DELIVERED || this == DEAD_LETTERED;
    }
}
