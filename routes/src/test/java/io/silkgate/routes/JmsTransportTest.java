package io.silkgate.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmsTransportTest {

    @TempDir
    Path dir;

    private EmbeddedActiveMQ partnerBroker;
    private int port;

    @BeforeEach
    void startPartnerBroker() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        partnerBroker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false).setSecurityEnabled(false)
                .setJournalDirectory(dir.resolve("j").toString())
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port));
        partnerBroker.start();
    }

    @AfterEach
    void stopPartnerBroker() throws Exception {
        partnerBroker.stop();
    }

    @Test
    void putsTheDocumentOnThePartnersQueueOnceWithItsHeaders() throws Exception {
        byte[] body = "<Invoice/>".getBytes(StandardCharsets.UTF_8);
        OutboundDocument doc = new OutboundDocument("doc-1", "peppol-bis3", "ubl", "application/xml", body, "h..s");
        try (JmsTransport transport = new JmsTransport("vn-customs", URI.create("tcp://127.0.0.1:" + port + "/in.docs"),
                ActiveMQConnectionFactory::new)) {
            transport.send(doc);
            transport.send(doc); // a retry after a lost confirmation
        }
        try (Connection c = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port).createConnection();
                Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue("in.docs"))) {
            c.start();
            BytesMessage m = (BytesMessage) consumer.receive(5000);
            assertNotNull(m);
            byte[] received = new byte[(int) m.getBodyLength()];
            m.readBytes(received);
            assertArrayEquals(body, received);
            assertEquals("doc-1", m.getStringProperty("SilkgateDocumentId"));
            assertEquals("ubl", m.getStringProperty("SilkgateFormat"));
            assertEquals("peppol-bis3", m.getStringProperty("SilkgateSourceFormat"));
            assertEquals("h..s", m.getStringProperty("SilkgateSignature"));
            assertNull(consumer.receive(500), "the retry must not be a second message");
        }
    }

    @Test
    void anUnreachableBrokerIsAFailedAttempt() throws Exception {
        partnerBroker.stop();
        try (JmsTransport transport = new JmsTransport("p", URI.create("tcp://127.0.0.1:" + port + "/in.docs"),
                ActiveMQConnectionFactory::new)) {
            assertThrows(DeliveryFailedException.class, () -> transport.send(
                    new OutboundDocument("d", "ubl", "ubl", "application/xml", new byte[1], "s")));
        }
        partnerBroker.start();
    }

    @Test
    void aUrlWithoutQueueIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new JmsTransport("p", URI.create("tcp://127.0.0.1:1"), ActiveMQConnectionFactory::new));
    }
}
