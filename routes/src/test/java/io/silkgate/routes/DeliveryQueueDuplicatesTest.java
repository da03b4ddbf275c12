package io.silkgate.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several gateway nodes send the same deliveries: one node's start-up recovery may re-send a delivery before the
 * node that accepted it has queued it. The broker keeps each delivery once, and the accepting node's queueing
 * still succeeds.
 */
class DeliveryQueueDuplicatesTest {

    private static final String URL = "vm://71";
    private EmbeddedActiveMQ broker;
    private ActiveMQConnectionFactory factory;

    @BeforeEach
    void start() throws Exception {
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", URL));
        broker.start();
        factory = new ActiveMQConnectionFactory(URL);
    }

    @AfterEach
    void stop() throws Exception {
        factory.close();
        broker.stop();
    }

    @Test
    void aDocumentQueuedAfterAnotherNodeRecoveredOneOfItsDeliveriesIsStillQueuedOncePerDelivery() throws Exception {
        List<QueuedDelivery> deliveries = List.of(new QueuedDelivery("d-1", "doc-1", "vn-customs"),
                new QueuedDelivery("d-2", "doc-1", "sg-buyer"));
        try (DeliveryQueue otherNode = new DeliveryQueue(factory);
             DeliveryQueue acceptingNode = new DeliveryQueue(factory)) {
            otherNode.requeue(List.of(deliveries.get(0)));
            acceptingNode.enqueue(deliveries);
            acceptingNode.enqueue(deliveries);
            // the sessions whose commits failed are gone; the next document goes out in a fresh one
            acceptingNode.enqueue(List.of(new QueuedDelivery("d-3", "doc-2", "vn-customs")));
            acceptingNode.enqueue(List.of(new QueuedDelivery("d-4", "doc-3", "vn-customs"),
                    new QueuedDelivery("d-5", "doc-3", "sg-buyer")));
        }
        assertEquals(List.of("d-1", "d-3", "d-4"), drain("silkgate.out.vn-customs"));
        assertEquals(List.of("d-2", "d-5"), drain("silkgate.out.sg-buyer"));
    }

    private List<String> drain(String queue) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = factory.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
            Message m = consumer.receive(2000);
            assertNotNull(m, "nothing on " + queue);
            while (m != null) {
                ids.add(m.getStringProperty(DeliveryQueue.DELIVERY_ID));
                m = consumer.receive(300);
            }
            assertNull(consumer.receiveNoWait());
        }
        return ids;
    }
}
