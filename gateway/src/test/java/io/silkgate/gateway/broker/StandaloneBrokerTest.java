package io.silkgate.gateway.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.routes.DeliveryTarget;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code silkgate broker} without a pair: the gateway's partner addresses over TCP, and what the monitor sees. */
class StandaloneBrokerTest {

    private static final DeliveryTarget PARTNER = new DeliveryTarget("vn-customs", URI.create("http://127.0.0.1:1/in"),
            "ubl", 2, Duration.ofMillis(10), 1.0, Duration.ofMillis(10), Duration.ofSeconds(5), 0, Duration.ZERO);

    @TempDir
    Path dir;

    @Test
    void aPartnerMessageThatNeverReachesAnAttemptEndsInThePartnersDeadLetterQueueAtTheBackstop() throws Exception {
        int port = freePort();
        try (StandaloneBroker broker = started(port);
             Connection c = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port).createConnection()) {
            c.start();
            Session session = c.createSession(true, Session.SESSION_TRANSACTED);
            session.createProducer(session.createQueue("silkgate.out.vn-customs"))
                    .send(session.createTextMessage("delivery-1"));
            session.commit();
            MessageConsumer consumer = session.createConsumer(session.createQueue("silkgate.out.vn-customs"));
            // the gateway dead-letters on its own last attempt; the broker's limit lies above it
            for (int delivery = 1; delivery <= PARTNER.brokerDeliveryLimit(); delivery++) {
                assertNotNull(consumer.receive(5000), "delivery " + delivery);
                session.rollback();
            }
            consumer.close();
            Message dead = session.createConsumer(session.createQueue("silkgate.dlq.vn-customs")).receive(5000);
            assertNotNull(dead, "after " + PARTNER.brokerDeliveryLimit() + " deliveries the broker dead-letters");
            assertEquals("delivery-1", ((TextMessage) dead).getText());
            session.commit();
        }
    }

    @Test
    void theMonitorNamesTheActiveBrokerAndSeesNoBackupWithoutAPair() throws Exception {
        int port = freePort();
        try (StandaloneBroker broker = started(port);
             BrokerMonitor monitor = new BrokerMonitor("tcp://127.0.0.1:" + port, Clock.systemUTC())) {
            monitor.probe();
            BrokerMonitor.State s = monitor.state();
            assertTrue(s.reachable(), s::toString);
            assertEquals("silkgate-test", s.activeBroker());
            assertEquals("primary", s.activeRole());
            assertFalse(s.backupAnnounced());
        }
    }

    @Test
    void theMonitorReportsABrokerThatDoesNotAnswerAsUnreachable() throws Exception {
        int port = freePort();
        try (BrokerMonitor monitor = new BrokerMonitor("tcp://127.0.0.1:" + port + ",tcp://127.0.0.1:" + port,
                Clock.systemUTC())) {
            monitor.probe();
            BrokerMonitor.State s = monitor.state();
            assertFalse(s.reachable());
            assertNotNull(s.lastError());
        }
    }

    @Test
    void aBackupInTheTopologyCountsAsAnnounced() throws Exception {
        assertTrue(BrokerMonitor.hasBackup("[{\"nodeID\":\"n1\",\"live\":\"a:1\",\"backup\":\"b:2\"}]"));
        assertFalse(BrokerMonitor.hasBackup("[{\"nodeID\":\"n1\",\"live\":\"a:1\"}]"));
        assertFalse(BrokerMonitor.hasBackup("[]"));
    }

    @Test
    void theProbeUrlFailsFastInsteadOfReconnecting() {
        assertEquals("(tcp://a:1,tcp://b:2)?initialConnectAttempts=1&reconnectAttempts=0&callTimeout=3000"
                + "&connectionTTL=6000", BrokerMonitor.probeUrl("tcp://a:1, tcp://b:2"));
    }

    private StandaloneBroker started(int port) {
        StandaloneBroker broker = new StandaloneBroker(new StandaloneBroker.Options(StandaloneBroker.Role.PRIMARY,
                "silkgate-test", dir.resolve("broker"), null, "127.0.0.1", port, null, "test-cluster"),
                List.of(PARTNER));
        broker.start();
        assertTrue(broker.isActive());
        return broker;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
