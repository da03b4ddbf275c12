package io.silkgate.ledger;

import java.time.Instant;

/**
 * One submitted document as stored in the ledger.
 *
 * @param id               gateway-assigned id (the caller generates it)
 * @param submitter        authenticated submitter id
 * @param format           detected format id, e.g. {@code ubl}
 * @param documentType     document family/type, e.g. {@code invoice}
 * @param businessId       the document's own number (invoice number, B/L number); nullable
 * @param sha256           hex SHA-256 of the original bytes
 * @param idempotencyKey   the submitter's {@code Silkgate-Document-Id}; nullable
 * @param status           current status
 * @param receivedAt       when the gateway received it
 * @param rejectionCode    error code of a rejection; nullable
 * @param verdict          signature verdict (JSON or text); nullable
 * @param duplicateFlagged true for a duplicate that was accepted-and-flagged (it claims no keys)
 */
public record DocumentRecord(
        String id,
        String submitter,
        String format,
        String documentType,
        String businessId,
        String sha256,
        String idempotencyKey,
        DocumentStatus status,
        Instant receivedAt,
        String rejectionCode,
        String verdict,
        boolean duplicateFlagged) {
}
