package io.silkgate.pint;

import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.DeliveryStatus;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.DocumentStatus;
import io.silkgate.ledger.DuplicateDocumentException;
import io.silkgate.ledger.Ledger;
import io.silkgate.routes.DeliveryQueue;
import io.silkgate.routes.Destination;
import io.silkgate.routes.DocumentArchive;
import io.silkgate.routes.QueuedDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hands an accepted PINT transfer to delivery like any accepted document: the envelope is archived as received,
 * the ledger gets a document (format {@code dcsa-pint3}, submitter {@code pint:<sending platform>}, business id =
 * transport document reference) with one delivery per {@code pint.forward-to} partner, and the deliveries are
 * queued. Ids are derived from the envelope reference, so a repeated hand-over (after a crash) adds nothing.
 */
public final class PintHandover implements AcceptedEnvelopes {

    /** The document type of eBLs in the ledger. */
    public static final String DOCUMENT_TYPE = "bill-of-lading";
    public static final String FORMAT = "dcsa-pint3";

    private final DocumentArchive archive;
    private final Ledger ledger;
    private final DeliveryQueue queue;
    private final List<Destination> forwardTo;
    private final Clock clock;

    public PintHandover(DocumentArchive archive, Ledger ledger, DeliveryQueue queue, List<Destination> forwardTo,
            Clock clock) {
        this.archive = archive;
        this.ledger = ledger;
        this.queue = queue;
        this.forwardTo = List.copyOf(forwardTo);
        this.clock = clock;
    }

    /** The ledger document of an accepted transfer: a name-based UUID of its envelope reference (stable on retry). */
    public static String documentIdOf(String envelopeReference) {
        return UUID.nameUUIDFromBytes(("pint:" + envelopeReference).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public String handOver(PintTransfer t) {
        String id = documentIdOf(t.envelopeReference());
        byte[] envelope = t.envelope().getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        DocumentRecord doc = new DocumentRecord(id, "pint:" + t.senderPlatform(), FORMAT, DOCUMENT_TYPE,
                t.transportDocumentReference(), PintChecksums.ofBytes(envelope), null, DocumentStatus.ACCEPTED, now,
                null, "PINT RECE: chain of " + t.chainLength() + " entries, last entry " + t.lastEntryChecksum()
                        + ", eBL " + t.transportDocumentChecksum(), false);
        List<DeliveryRecord> deliveries = new ArrayList<>();
        List<QueuedDelivery> messages = new ArrayList<>();
        for (Destination d : forwardTo) {
            String deliveryId = UUID.nameUUIDFromBytes((id + "/" + d.partner()).getBytes(StandardCharsets.UTF_8))
                    .toString();
            deliveries.add(new DeliveryRecord(deliveryId, id, d.partner(), d.format(), DeliveryStatus.QUEUED, 0, null,
                    now, now));
            messages.add(new QueuedDelivery(deliveryId, id, d.partner()));
        }
        archive.store(id, envelope);
        try {
            ledger.recordAccepted(doc, deliveries);
            queue.enqueue(messages);
        } catch (DuplicateDocumentException e) {
            // handed over before, then the process stopped before the transfer was marked accepted: the broker
            // drops what it still holds (same duplicate ids)
            queue.requeue(messages);
        }
        return id;
    }
}
