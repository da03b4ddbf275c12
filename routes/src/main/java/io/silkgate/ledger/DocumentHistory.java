package io.silkgate.ledger;

import java.util.List;

/** A document, its events and its deliveries, all read at one moment. */
public record DocumentHistory(DocumentRecord document, List<LedgerEvent> events, List<DeliveryRecord> deliveries) {

    public DocumentHistory {
        events = List.copyOf(events);
        deliveries = List.copyOf(deliveries);
    }
}
