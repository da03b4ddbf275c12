package io.silkgate.ledger;

import java.time.Instant;

/**
 * One step in a document's history.
 *
 * @param at      when it happened
 * @param status  the document or delivery status entered (or {@code DUPLICATE_FLAGGED})
 * @param detail  human-readable detail; nullable
 * @param partner the delivery's partner, or null for a document-level event
 */
public record LedgerEvent(Instant at, String status, String detail, String partner) {
}
