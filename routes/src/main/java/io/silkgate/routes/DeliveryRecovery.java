package io.silkgate.routes;

import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.Ledger;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up recovery: every delivery the ledger has not finished is queued again. Messages still held by the
 * broker are dropped by its duplicate-id check, so only those lost in a crash between the ledger commit and the
 * broker send are really added.
 *
 * <p>With several nodes on one ledger this also re-sends the deliveries the other nodes have in flight: the broker
 * drops those too (it keeps each delivery id in its persisted duplicate-id cache, which fails over with the
 * journal), a node whose own transacted send then collides falls back to single sends, and a consumer acknowledges
 * without sending any message whose delivery the ledger already shows finished. So nothing is queued twice.
 */
public final class DeliveryRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRecovery.class);

    private DeliveryRecovery() {
    }

    public static int requeueUnfinished(Ledger ledger, DeliveryQueue queue) {
        List<DeliveryRecord> unfinished = ledger.unfinishedDeliveries();
        if (!unfinished.isEmpty()) {
            queue.requeue(unfinished.stream()
                    .map(d -> new QueuedDelivery(d.id(), d.documentId(), d.partner()))
                    .toList());
            LOG.info("recovery: {} unfinished deliveries handed to the broker again", unfinished.size());
        }
        return unfinished.size();
    }
}
