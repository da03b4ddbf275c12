package io.silkgate.ledger;

import java.time.Instant;

/**
 * One delivery of a document to one partner as stored in the ledger.
 *
 * @param id            delivery id (the caller generates it)
 * @param documentId    the document delivered
 * @param partner       destination partner id
 * @param format        format the partner receives
 * @param status        current status
 * @param attempts      send attempts made so far, cumulative across operator re-drives
 * @param lastError     error of the most recent failed attempt; nullable
 * @param nextAttemptAt when a retry is due (RETRYING only); nullable
 * @param updatedAt     time of the last change
 */
public record DeliveryRecord(
        String id,
        String documentId,
        String partner,
        String format,
        DeliveryStatus status,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant updatedAt) {
}
