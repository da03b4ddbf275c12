package io.silkgate.routes;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.net.URI;

/**
 * Delivers to a partner endpoint of type {@code jms}: a queue on the partner's broker, written
 * {@code tcp://host:port/<queue>}. A persistent send that the broker confirmed is the acknowledgement. The
 * broker's duplicate id is the document id and partner, so a retry after a lost confirmation is not a second
 * message.
 */
public final class JmsTransport implements PartnerTransport, AutoCloseable {

    private final String partner;
    private final String queue;
    private final ConnectionFactory factory;
    private Connection connection;

    public JmsTransport(String partner, URI url, java.util.function.Function<String, ConnectionFactory> factories) {
        this.partner = partner;
        String path = url.getPath() == null ? "" : url.getPath().replaceFirst("^/", "");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("partner " + partner + ": a jms endpoint names its queue as the URL "
                    + "path, e.g. tcp://broker:61616/silkgate.in");
        }
        this.queue = path;
        this.factory = factories.apply(url.getScheme() + "://" + url.getAuthority());
    }

    @Override
    public synchronized void send(OutboundDocument doc) {
        try {
            if (connection == null) {
                connection = factory.createConnection();
            }
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                BytesMessage m = session.createBytesMessage();
                m.writeBytes(doc.body());
                m.setStringProperty("SilkgateDocumentId", doc.documentId());
                m.setStringProperty("SilkgateFormat", doc.targetFormat());
                m.setStringProperty("SilkgateSourceFormat", doc.sourceFormat());
                m.setStringProperty("SilkgateSignature", doc.signature());
                m.setStringProperty("ContentType", doc.mediaType());
                if (!doc.droppedTerms().isEmpty()) {
                    m.setStringProperty("SilkgateDroppedTerms", String.join(",", doc.droppedTerms()));
                }
                m.setStringProperty(DeliveryQueue.DUPLICATE_ID, doc.documentId() + "/" + partner);
                producer.send(m);
            }
        } catch (JMSException e) {
            closeQuietly();
            throw new DeliveryFailedException("queue " + queue + " of " + partner + " refused the document: "
                    + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                // a broken connection is replaced on the next attempt
            }
            connection = null;
        }
    }
}
