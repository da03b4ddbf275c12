package io.silkgate.routes;

import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.DeliveryStatus;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.DocumentStatus;
import io.silkgate.ledger.DuplicateDocumentException;
import io.silkgate.ledger.Evidence;
import io.silkgate.ledger.Ledger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accept step: archive the original bytes, write the document, its deliveries, signature evidence and conversion
 * reports to the ledger in one transaction, then queue the deliveries. Ledger first: a crash before the broker send
 * leaves QUEUED rows that start-up recovery sends again (the broker's duplicate id makes that safe).
 */
public final class DocumentAcceptor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentAcceptor.class);

    private final DocumentArchive archive;
    private final Ledger ledger;
    private final DeliveryQueue queue;
    private final Clock clock;
    private final DuplicateAnswer duplicates;

    public DocumentAcceptor(DocumentArchive archive, Ledger ledger, DeliveryQueue queue, DuplicateAnswer duplicates,
            Clock clock) {
        this.duplicates = duplicates;
        this.archive = archive;
        this.ledger = ledger;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        IntakeContext ctx = exchange.getProperty(IntakeContext.PROPERTY, IntakeContext.class);
        Instant now = clock.instant();
        DocumentRecord doc = new DocumentRecord(ctx.id(), ctx.submission().submitter(), ctx.format(),
                ctx.facts().documentType(), ctx.facts().businessId(), ctx.sha256(), ctx.submission().idempotencyKey(),
                DocumentStatus.ACCEPTED, now, null, VerdictText.of(ctx.verification()), false);
        List<DeliveryRecord> deliveries = new ArrayList<>();
        List<QueuedDelivery> messages = new ArrayList<>();
        for (Destination d : ctx.destinations()) {
            String deliveryId = UUID.randomUUID().toString();
            deliveries.add(new DeliveryRecord(deliveryId, ctx.id(), d.partner(), d.format(), DeliveryStatus.QUEUED,
                    0, null, now, now));
            messages.add(new QueuedDelivery(deliveryId, ctx.id(), d.partner()));
        }
        Evidence evidence = ctx.verification() == null ? null
                : SignatureEvidence.of(ctx.id(), ctx.verification(), ctx.submission().detachedSignature(), now);
        Map<String, String> conversions = new LinkedHashMap<>();
        ctx.conversions().forEach((partner, report) -> conversions.put(partner, ConversionSummary.of(report)));
        archive.store(ctx.id(), ctx.submission().body());
        try {
            ledger.recordAccepted(doc, deliveries, evidence, conversions);
        } catch (DuplicateDocumentException e) {
            // a concurrent identical submission won the race: answer as for any repeat
            ledger.findDocument(e.existingId()).ifPresent(first -> duplicates.stopWith(exchange, ctx, first));
            return;
        }
        queue.enqueue(messages);
        LOG.info("accepted document {} ({}, {}) for {}", ctx.id(), ctx.format(), ctx.facts().businessId(),
                ctx.partners());
        exchange.getMessage().setBody(IntakeOutcome.accepted(ctx.id(), ctx.format(), ctx.sha256(), ctx.partners()));
    }
}
