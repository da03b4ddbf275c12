package io.silkgate.ledger;

import java.util.Collection;

/** Derives a document's status from the statuses of its deliveries. */
final class DocumentStatusRule {

    private DocumentStatusRule() {
    }

    /**
     * All delivered: DELIVERED; all final with some delivered: PARTIALLY_DELIVERED; all final with none
     * delivered: FAILED; anything still in flight (or no deliveries at all): ACCEPTED.
     */
    static DocumentStatus of(Collection<DeliveryStatus> deliveries) {
        if (deliveries.isEmpty()) {
            return DocumentStatus.ACCEPTED;
        }
        long delivered = 0;
        for (DeliveryStatus status : deliveries) {
            if (!status.isFinal()) {
                return DocumentStatus.ACCEPTED;
            }
            if (status == DeliveryStatus.DELIVERED) {
                delivered++;
            }
        }
        if (delivered == deliveries.size()) {
            return DocumentStatus.DELIVERED;
        }
        return delivered > 0 ? DocumentStatus.PARTIALLY_DELIVERED : DocumentStatus.FAILED;
    }
}
