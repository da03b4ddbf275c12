package io.silkgate.routes;

import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.Ledger;
import org.apache.camel.Exchange;

/** Ends an intake with the answer for a repeat of an accepted document: its first id, never a second delivery. */
final class DuplicateAnswer {

    private DuplicateAnswer() {
    }

    static void stopWith(Exchange exchange, Ledger ledger, DocumentRecord first) {
        ledger.recordDuplicateFlagged(first.id(), "repeat submission answered with this document's id");
        exchange.getMessage().setBody(IntakeOutcome.duplicateOf(first.id(), first.format(), first.sha256(),
                ledger.deliveriesOf(first.id()).stream().map(DeliveryRecord::partner).toList()));
        exchange.setRouteStop(true);
    }
}
