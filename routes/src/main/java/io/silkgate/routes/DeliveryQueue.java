package io.silkgate.routes;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;

/**
 * Puts deliveries on the partners' queues, all of one document in one broker transaction. Each message carries
 * the broker duplicate id {@code _AMQ_DUPL_ID} = delivery id, so sending a delivery again (start-up recovery
 * after a crash between the ledger commit and the send) never yields a second message.
 */
public final class DeliveryQueue implements AutoCloseable {

    public static final String DELIVERY_ID = "SilkgateDeliveryId";
    public static final String DOCUMENT_ID = "SilkgateDocumentId";
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final Connection connection;

    public DeliveryQueue(ConnectionFactory factory) {
        try {
            this.connection = factory.createConnection();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot connect to the broker: " + e.getMessage(), e);
        }
    }

    /** Queues all deliveries of one newly accepted document in one broker transaction. */
    public void enqueue(List<QueuedDelivery> deliveries) {
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            for (QueuedDelivery d : deliveries) {
                send(session, d);
            }
            session.commit();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot queue deliveries: " + e.getMessage(), e);
        }
    }

    /**
     * Queues deliveries again one by one, outside any transaction: the broker silently drops each one it still
     * holds (same duplicate id), where a transaction would fail as a whole on the first.
     */
    public void requeue(List<QueuedDelivery> deliveries) {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            for (QueuedDelivery d : deliveries) {
                send(session, d);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot queue deliveries again: " + e.getMessage(), e);
        }
    }

    private static void send(Session session, QueuedDelivery d) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(QueuedDelivery.queueOf(d.partner())))) {
            TextMessage m = session.createTextMessage(d.deliveryId());
            m.setStringProperty(DELIVERY_ID, d.deliveryId());
            m.setStringProperty(DOCUMENT_ID, d.documentId());
            m.setStringProperty(DUPLICATE_ID, d.deliveryId());
            producer.send(m);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            // closing during shutdown: nothing left to protect
        }
    }
}
