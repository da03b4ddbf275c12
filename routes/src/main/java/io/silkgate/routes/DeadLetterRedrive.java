package io.silkgate.routes;

import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.DeliveryStatus;
import io.silkgate.ledger.Ledger;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves a partner's dead letters back onto its delivery queue, one broker transaction per message, and tells the
 * ledger first: a crash in between leaves the delivery QUEUED with its message still in the dead-letter queue,
 * where a second redrive finds it — never a delivered message the ledger thinks is dead.
 */
public final class DeadLetterRedrive {

    private static final long RECEIVE_TIMEOUT_MS = 200;

    private final ConnectionFactory connections;
    private final Ledger ledger;

    public DeadLetterRedrive(ConnectionFactory connections, Ledger ledger) {
        this.connections = connections;
        this.ledger = ledger;
    }

    public int redeliver(String partner) {
        int moved = 0;
        try (Connection connection = connections.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                // only what was dead already: a delivery that fails again meanwhile waits for the next re-drive
                MessageConsumer consumer = session.createConsumer(
                        session.createQueue(QueuedDelivery.deadLetterQueueOf(partner)),
                        "JMSTimestamp <= " + System.currentTimeMillis());
                MessageProducer producer = session.createProducer(
                        session.createQueue(QueuedDelivery.queueOf(partner)))) {
            connection.start();
            Message m;
            while ((m = consumer.receive(RECEIVE_TIMEOUT_MS)) != null) {
                String deliveryId = m.getStringProperty(DeliveryQueue.DELIVERY_ID);
                Optional<DeliveryRecord> undelivered = deliveryId == null ? Optional.empty()
                        : ledger.findDelivery(deliveryId).filter(d -> d.status() != DeliveryStatus.DELIVERED);
                if (undelivered.isPresent()) {
                    ledger.requeue(deliveryId, "redelivered from the dead-letter queue by an operator");
                    TextMessage copy = DeliveryQueue.deliveryMessage(session, deliveryId,
                            m.getStringProperty(DeliveryQueue.DOCUMENT_ID));
                    // the partner gets its full number of attempts again; the ledger keeps counting all of them
                    copy.setIntProperty(PartnerDelivery.ATTEMPTS_BEFORE, undelivered.get().attempts());
                    // a fresh duplicate id: the broker still remembers the first send of this delivery
                    copy.setStringProperty(DeliveryQueue.DUPLICATE_ID, deliveryId + "/redrive/" + UUID.randomUUID());
                    producer.send(copy);
                    moved++;
                }
                session.commit();
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot redeliver the dead letters of " + partner + ": " + e.getMessage(),
                    e);
        }
        return moved;
    }
}
