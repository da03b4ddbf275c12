package io.silkgate.routes;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts deliveries on the partners' queues, all of one document in one broker transaction. Each message carries
 * the broker duplicate id {@code _AMQ_DUPL_ID} = delivery id, so sending a delivery again (start-up recovery
 * after a crash between the ledger commit and the send) never yields a second message.
 *
 * <p>Transacted sessions and their producers are kept for the next document (a session is a broker round trip to
 * open and to close); each is used by one thread at a time, and one that failed is closed, never reused.
 */
public final class DeliveryQueue implements AutoCloseable {

    public static final String DELIVERY_ID = "SilkgateDeliveryId";
    public static final String DOCUMENT_ID = "SilkgateDocumentId";
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    private static final int RESEND_ATTEMPTS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryQueue.class);

    private final Connection connection;
    private final Deque<PooledSession> idle = new ConcurrentLinkedDeque<>();

    public DeliveryQueue(ConnectionFactory factory) {
        try {
            this.connection = factory.createConnection();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot connect to the broker: " + e.getMessage(), e);
        }
    }

    /**
     * Queues all deliveries of one newly accepted document in one broker transaction. When the commit fails — the
     * broker failed over to its backup mid-transaction, or another node's start-up recovery sent one of these
     * deliveries first (same duplicate id) — they are sent again one by one: the broker keeps each exactly once.
     */
    public void enqueue(List<QueuedDelivery> deliveries) {
        PooledSession pooled = idle.pollFirst();
        boolean committed = false;
        try {
            if (pooled == null) {
                pooled = new PooledSession(connection.createSession(true, Session.SESSION_TRANSACTED));
            }
            for (QueuedDelivery d : deliveries) {
                pooled.send(d);
            }
            pooled.session.commit();
            committed = true;
        } catch (JMSException e) {
            LOG.warn("queueing {} deliveries in one transaction failed ({}); sending them one by one",
                    deliveries.size(), e.toString());
            requeue(deliveries);
        } finally {
            if (committed) {
                idle.offerFirst(pooled);
            } else if (pooled != null) {
                pooled.close();
            }
        }
    }

    /**
     * Queues deliveries again one by one, outside any transaction: the broker silently drops each one it still
     * holds (same duplicate id), where a transaction would fail as a whole on the first.
     */
    public void requeue(List<QueuedDelivery> deliveries) {
        for (int attempt = 1; ; attempt++) {
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                for (QueuedDelivery d : deliveries) {
                    send(session, d);
                }
                return;
            } catch (JMSException e) {
                // a send cut off by a fail-over may or may not have arrived: sending all again is safe
                if (attempt == RESEND_ATTEMPTS) {
                    throw new IllegalStateException("cannot queue deliveries again: " + e.getMessage(), e);
                }
                LOG.warn("queueing deliveries failed (attempt {} of {}): {}", attempt, RESEND_ATTEMPTS, e.toString());
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing deliveries", e);
        }
    }

    private static void send(Session session, QueuedDelivery d) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(QueuedDelivery.queueOf(d.partner())))) {
            producer.send(message(session, d));
        }
    }

    private static TextMessage message(Session session, QueuedDelivery d) throws JMSException {
        TextMessage m = deliveryMessage(session, d.deliveryId(), d.documentId());
        m.setStringProperty(DUPLICATE_ID, d.deliveryId());
        return m;
    }

    /** What stands for one delivery on a partner's queues (delivery and dead-letter): its id, and its document's. */
    static TextMessage deliveryMessage(Session session, String deliveryId, String documentId) throws JMSException {
        TextMessage m = session.createTextMessage(deliveryId);
        m.setStringProperty(DELIVERY_ID, deliveryId);
        m.setStringProperty(DOCUMENT_ID, documentId);
        return m;
    }

    /** A transacted session with a producer per partner queue it has sent to. */
    private static final class PooledSession {

        private final Session session;
        private final Map<String, MessageProducer> producers = new HashMap<>();

        PooledSession(Session session) {
            this.session = session;
        }

        void send(QueuedDelivery d) throws JMSException {
            String queue = QueuedDelivery.queueOf(d.partner());
            MessageProducer producer = producers.get(queue);
            if (producer == null) {
                producer = session.createProducer(session.createQueue(queue));
                producers.put(queue, producer);
            }
            producer.send(message(session, d));
        }

        void close() {
            try {
                session.close();
            } catch (JMSException e) {
                // it already failed: nothing of it is kept
            }
        }
    }

    @Override
    public void close() {
        idle.clear();
        try {
            // closes every session the pool kept
            connection.close();
        } catch (JMSException e) {
            // closing during shutdown: nothing left to protect
        }
    }
}
