package io.silkgate.routes;

import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.DocumentStatus;
import io.silkgate.ledger.Ledger;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * Ends an intake with the answer for a repeat of an accepted document: its first id, never a second delivery.
 * When a destination of the first document takes duplicates as {@code accept-and-flag}, the repeat is also kept
 * in the ledger as a flagged document of its own (no deliveries); otherwise only an event on the first records it.
 */
public final class DuplicateAnswer {

    private final Ledger ledger;
    private final Set<String> flaggingPartners;
    private final Clock clock;

    /** @param flaggingPartners the partners configured with {@code duplicates: accept-and-flag} */
    public DuplicateAnswer(Ledger ledger, Set<String> flaggingPartners, Clock clock) {
        this.ledger = ledger;
        this.flaggingPartners = Set.copyOf(flaggingPartners);
        this.clock = clock;
    }

    void stopWith(Exchange exchange, IntakeContext repeat, DocumentRecord first) {
        List<String> partners = ledger.deliveriesOf(first.id()).stream().map(DeliveryRecord::partner).toList();
        if (partners.stream().anyMatch(flaggingPartners::contains)) {
            String type = repeat.facts() != null ? repeat.facts().documentType() : first.documentType();
            String businessId = repeat.facts() != null ? repeat.facts().businessId() : first.businessId();
            ledger.recordAccepted(new DocumentRecord(repeat.id(), repeat.submission().submitter(), first.format(),
                    type, businessId, repeat.sha256(), repeat.submission().idempotencyKey(), DocumentStatus.ACCEPTED,
                    clock.instant(), null, null, true), List.of());
            ledger.recordDuplicateFlagged(first.id(), "repeat submission kept as flagged duplicate " + repeat.id());
        } else {
            ledger.recordDuplicateFlagged(first.id(), "repeat submission answered with this document's id");
        }
        exchange.getMessage().setBody(IntakeOutcome.duplicateOf(first.id(), first.format(), first.sha256(), partners));
        exchange.setRouteStop(true);
    }
}
