package io.silkgate.bench;

import io.silkgate.gateway.broker.EmbeddedBroker;
import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.DeliveryStatus;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.DocumentStatus;
import io.silkgate.ledger.Evidence;
import io.silkgate.ledger.Ledger;
import io.silkgate.ledger.LedgerDatabase;
import io.silkgate.routes.DeliveryQueue;
import io.silkgate.routes.DocumentArchive;
import io.silkgate.routes.QueuedDelivery;
import io.silkgate.routes.Sha256;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * What the gateway writes durably for one delivered document, as one step: the archived original (not forced to the
 * disk, as with the embedded ledger), the ledger's
 * acceptance (document, delivery, events, signature evidence: one commit), the persistent broker message (one
 * commit) and the delivery's two state changes (DELIVERING, DELIVERED). It writes to the running gateway's own
 * embedded ledger and archive, the database and folders the load writes to, at their size then, and to its
 * embedded broker, on a queue of its own that nothing consumes. Its documents are recorded under the partner
 * {@value #PARTNER}, delivered.
 */
final class DurableRecordStep implements Runnable, AutoCloseable {

    private static final String PARTNER = "bench-step";

    private final LedgerDatabase database;
    private final Ledger ledger;
    private final DeliveryQueue queue;
    private final DocumentArchive archive;
    private final Clock clock = Clock.systemUTC();
    private final byte[] original;
    private final String evidenceReport;
    private final String certificatePath;

    /**
     * @param gatewayDataDir the data dir of the running gateway, whose embedded ledger and archive are written
     * @param original       the signed document that is archived; its evidence is recorded with it
     */
    DurableRecordStep(Path gatewayDataDir, byte[] original, Evidence evidence) {
        this.original = original;
        this.evidenceReport = evidence.report();
        this.certificatePath = evidence.certificatePath();
        // the same database the gateway has open: H2 shares it between the two pools of this process
        database = LedgerDatabase.open(LedgerDatabase.embeddedUrl(gatewayDataDir), null, null);
        ledger = new Ledger(database.dataSource(), clock);
        queue = new DeliveryQueue(new ActiveMQConnectionFactory(EmbeddedBroker.IN_VM_URL));
        archive = new DocumentArchive(gatewayDataDir.resolve("archive"), false);
    }

    @Override
    public void run() {
        String documentId = UUID.randomUUID().toString();
        String deliveryId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        archive.store(documentId, original);
        ledger.recordAccepted(new DocumentRecord(documentId, "bench", "ubl", "invoice", documentId,
                        Sha256.hex(original), null, DocumentStatus.ACCEPTED, now, null, "valid signature", false),
                List.of(new DeliveryRecord(deliveryId, documentId, PARTNER, "ubl", DeliveryStatus.QUEUED, 0, null,
                        now, now)),
                new Evidence(documentId, evidenceReport, certificatePath, now), Map.of());
        queue.enqueue(List.of(new QueuedDelivery(deliveryId, documentId, PARTNER)));
        ledger.startAttempt(deliveryId);
        ledger.markDelivered(deliveryId, "acknowledged by " + PARTNER);
    }

    @Override
    public void close() {
        queue.close();
        database.close();
    }
}
