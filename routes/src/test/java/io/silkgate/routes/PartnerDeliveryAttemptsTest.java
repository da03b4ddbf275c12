package io.silkgate.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.ledger.DeliveryRecord;
import io.silkgate.ledger.DeliveryStatus;
import io.silkgate.ledger.DocumentRecord;
import io.silkgate.ledger.DocumentStatus;
import io.silkgate.ledger.Ledger;
import io.silkgate.ledger.LedgerDatabase;
import io.silkgate.schemas.validation.InvoiceValidator;
import io.silkgate.sign.DetachedJwsSigner;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner that keeps failing gets exactly its configured attempts, counted by the ledger, then the delivery is
 * dead-lettered in the ledger and on the dead-letter queue together — whatever the broker's own delivery count says.
 */
class PartnerDeliveryAttemptsTest {

    private static final String URL = "vm://72";
    private static final String PARTNER = "vn-customs";
    private static final String DOC = "0b5e7f0c-3a61-4c8e-9d3b-6a2f1e0c9d41";
    private static final int ATTEMPTS = 3;
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final DeliveryTarget TARGET = new DeliveryTarget(PARTNER, URI.create("http://127.0.0.1:9/in"),
            "ubl", ATTEMPTS, Duration.ofMillis(20), 1.0, Duration.ofMillis(20), Duration.ofSeconds(1), 0,
            Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<String> tries = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean partnerUp = new AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private EmbeddedActiveMQ broker;
    private ActiveMQConnectionFactory factory;
    private LedgerDatabase database;
    private Ledger ledger;
    private DeliveryQueue queue;
    private CamelContext camel;
    private PartnerControl control;

    @BeforeEach
    void start() throws Exception {
        ConfigurationImpl cfg = new ConfigurationImpl();
        cfg.setPersistenceEnabled(false).setSecurityEnabled(false).addAcceptorConfiguration("in-vm", URL);
        cfg.addAddressSetting(QueuedDelivery.queueOf(PARTNER), new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(QueuedDelivery.deadLetterQueueOf(PARTNER)))
                .setMaxDeliveryAttempts(TARGET.brokerDeliveryLimit())
                .setRedeliveryDelay(TARGET.initialDelay().toMillis()));
        broker = new EmbeddedActiveMQ().setConfiguration(cfg);
        broker.start();
        factory = new ActiveMQConnectionFactory(URL);
        database = LedgerDatabase.open(LedgerDatabase.embeddedUrl(dir.resolve("ledger")), null, null);
        ledger = new Ledger(database.dataSource(), Clock.systemUTC());
        queue = new DeliveryQueue(factory);

        DocumentArchive archive = new DocumentArchive(dir.resolve("archive"));
        archive.store(DOC, "<Invoice>INV-1</Invoice>".getBytes(StandardCharsets.UTF_8));
        ledger.recordAccepted(new DocumentRecord(DOC, "acme", "ubl", "invoice", "INV-1", "a".repeat(64), null,
                DocumentStatus.RECEIVED, Instant.now(), null, "{}", false), List.of(new DeliveryRecord("dl-1",
                DOC, PARTNER, "ubl", DeliveryStatus.QUEUED, 0, null, null, null)));

        IssuedCertificate gateway = SamplePki.load("silkgate/gateway");
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("jms", JmsComponent.jmsComponent(factory));
        control = new PartnerControl(TARGET, () -> camel, ledger, new DeadLetterRedrive(factory, ledger), scheduler,
                DeliveryObserver.NONE, Clock.systemUTC());
        PartnerTransport partner = document -> {
            tries.add(document.documentId());
            if (!partnerUp.get()) {
                throw new DeliveryFailedException("partner answered 500");
            }
        };
        camel.addRoutes(new PartnerDeliveryRoute(TARGET, new PartnerDelivery(TARGET, ledger, archive,
                new DocumentTranslator(new InvoiceValidator()), new DetachedJwsSigner(gateway.privateKey(),
                        gateway.chain()), partner, control, Clock.systemUTC()), 1, 2));
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.close();
        }
        scheduler.shutdownNow();
        queue.close();
        database.close();
        factory.close();
        broker.stop();
    }

    @Test
    void aFailingPartnerGetsItsAttemptsThenTheDeliveryIsDeadLetteredInTheLedgerAndOnTheQueue() throws Exception {
        queue.enqueue(List.of(new QueuedDelivery("dl-1", DOC, PARTNER)));
        camel.start();

        awaitStatus(DeliveryStatus.DEAD_LETTERED);

        assertEquals(ATTEMPTS, tries.size(), "retry attempts: " + ATTEMPTS);
        assertEquals(ATTEMPTS, ledger.findDelivery("dl-1").orElseThrow().attempts());
        Message dead = receive(QueuedDelivery.deadLetterQueueOf(PARTNER));
        assertNotNull(dead, "the dead-letter queue holds the delivery");
        assertEquals("dl-1", dead.getStringProperty(DeliveryQueue.DELIVERY_ID));
        assertEquals(DOC, dead.getStringProperty(DeliveryQueue.DOCUMENT_ID));
        assertEquals("partner answered 500", dead.getStringProperty(PartnerDelivery.DEAD_LETTER_REASON));
        assertNull(receive(QueuedDelivery.queueOf(PARTNER)), "nothing is left on the delivery queue");
    }

    @Test
    void brokerDeliveriesThatNeverReachedAnAttemptDoNotShortenTheAttempts() throws Exception {
        queue.enqueue(List.of(new QueuedDelivery("dl-1", DOC, PARTNER)));
        // two deliveries the gateway never saw: consumers that received the message and went away without it
        for (int i = 0; i < 2; i++) {
            try (Connection c = factory.createConnection()) {
                c.start();
                Session s = c.createSession(true, Session.SESSION_TRANSACTED);
                assertNotNull(s.createConsumer(s.createQueue(QueuedDelivery.queueOf(PARTNER))).receive(2000));
                s.rollback();
            }
        }
        camel.start();

        awaitStatus(DeliveryStatus.DEAD_LETTERED);

        assertEquals(ATTEMPTS, tries.size(), "the partner was tried " + ATTEMPTS + " times, not fewer");
        assertNotNull(receive(QueuedDelivery.deadLetterQueueOf(PARTNER)));
    }

    @Test
    void aRedrivenDeliveryGetsItsAttemptsAgainAndTheLedgerKeepsCountingThemAll() throws Exception {
        queue.enqueue(List.of(new QueuedDelivery("dl-1", DOC, PARTNER)));
        camel.start();
        awaitStatus(DeliveryStatus.DEAD_LETTERED);

        assertEquals(1, control.redeliverDeadLetters());
        awaitStatus(DeliveryStatus.DEAD_LETTERED);
        assertEquals(2 * ATTEMPTS, tries.size(), "a second round of " + ATTEMPTS + " attempts");

        partnerUp.set(true);
        assertEquals(1, control.redeliverDeadLetters());
        awaitStatus(DeliveryStatus.DELIVERED);
        assertEquals(2 * ATTEMPTS + 1, ledger.findDelivery("dl-1").orElseThrow().attempts());
        assertNull(receive(QueuedDelivery.deadLetterQueueOf(PARTNER)), "the dead-letter queue is empty again");
    }

    private void awaitStatus(DeliveryStatus wanted) throws InterruptedException {
        // a re-drive first puts the delivery back to QUEUED: wait for it to leave that state as well
        BooleanSupplier reached = () -> ledger.findDelivery("dl-1").map(DeliveryRecord::status)
                .filter(s -> s == wanted).isPresent() && receiveQueueIsQuiet();
        long end = System.nanoTime() + SETTLE.toNanos();
        while (!reached.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "delivery dl-1 never became " + wanted + ": "
                    + ledger.findDelivery("dl-1").orElseThrow());
            Thread.sleep(20);
        }
    }

    private boolean receiveQueueIsQuiet() {
        var q = broker.getActiveMQServer().locateQueue(SimpleString.of(QueuedDelivery.queueOf(PARTNER)));
        return q == null || q.getMessageCount() == 0;
    }

    private Message receive(String queueName) throws Exception {
        try (Connection c = factory.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(queueName));
            return consumer.receive(500);
        }
    }
}
