package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One installation (one data dir) killed and stopped under the tests' hands: a kill -9 loses no accepted
 * document and causes no second delivery, and SIGTERM ends the process promptly and leaves a data dir the next
 * start can open. The tests share the installation to save JVM starts; each starts it itself if it is down.
 * Runs on the suite's ledger: PostgreSQL when {@code SILKGATE_TEST_POSTGRES_URL} is set, else embedded H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class RestartIT {

    private static final Duration SETTLE = Duration.ofSeconds(45);

    @TempDir
    static Path dataDir;

    // created once: its port, and so the URL in the gateway's config, stays the same across gateway restarts
    private final StubPartner partner = new StubPartner(StubPartner.Mode.ACCEPT);
    private GatewayProcess gateway;

    @BeforeAll
    void configure() {
        gateway = new GatewayProcess(dataDir, "partners:\n"
                // enough attempts that the crash test's document cannot be dead-lettered while the gateway is down
                + GatewayProcess.partner("vn-customs", partner,
                        "retry: { attempts: 10, delay: 500ms, multiplier: 2, max-delay: 2s }")
                + "routing:\n"
                + "  - { family: invoice, buyer-country: VN, to: [vn-customs] }\n");
        chooseLedger(gateway);
    }

    /** The suite's ledger (see GatewayProcess); {@link RestartOnEmbeddedLedgerIT} repeats these cases on H2. */
    void chooseLedger(GatewayProcess unstarted) {
    }

    @AfterAll
    void stopEverything() throws Exception {
        CloseAll.of(gateway, partner);
    }

    @Test
    @Order(1)
    void killDashNineDuringRetriesLosesNothingAndDeliversOnce() {
        partner.switchTo(StubPartner.Mode.REFUSE);
        ensureRunning();
        byte[] invoice = Samples.freshSignedInvoice("crash");
        HttpAnswer answer = gateway.submit(invoice, "application/xml");
        assertEquals(202, answer.status(), answer::toString);
        String id = answer.json().path("id").asText();
        gateway.awaitDocument(id, "a failed delivery attempt", d -> {
            JsonNode delivery = d.path("deliveries").path(0);
            return delivery.path("attempts").asInt() >= 1 && "RETRYING".equals(delivery.path("status").asText());
        }, SETTLE);
        assertFalse(partner.requestsFor(id).isEmpty(), partner::describe);

        gateway.kill();
        partner.switchTo(StubPartner.Mode.ACCEPT);
        gateway.start();

        JsonNode done = gateway.awaitDocument(id, "status DELIVERED after the restart",
                d -> "DELIVERED".equals(d.path("status").asText()), SETTLE);
        Await.pause(1500); // a second copy, e.g. from start-up recovery, would arrive right behind the first
        assertEquals(1, partner.acceptedFor(id).size(), partner::describe);
        List<StubPartner.Request> all = partner.requestsFor(id);
        assertTrue(all.size() >= 2, "refused before the crash, accepted after it\n" + partner.describe());
        for (StubPartner.Request r : all) {
            assertArrayEquals(invoice, r.body(), "every attempt must send the same document");
        }
        assertEquals(1, done.path("deliveries").size(), done::toString);
        assertEquals("DELIVERED", done.path("deliveries").path(0).path("status").asText(), done::toString);
        HttpAnswer original = gateway.get("/api/v1/documents/" + id + "/original");
        assertEquals(200, original.status(), original::toString);
        assertArrayEquals(invoice, original.body(), "the archived original must survive the crash");
    }

    @Test
    @Order(2)
    void sigtermStopsPromptlyAndTheDataDirOpensAgain() {
        partner.switchTo(StubPartner.Mode.ACCEPT);
        ensureRunning();
        byte[] before = Samples.freshSignedInvoice("before-stop");
        HttpAnswer accepted = gateway.submit(before, "application/xml");
        assertEquals(202, accepted.status(), accepted::toString);
        String beforeId = accepted.json().path("id").asText();
        gateway.awaitDocument(beforeId, "status DELIVERED", d -> "DELIVERED".equals(d.path("status").asText()),
                SETTLE);

        int exitCode = gateway.stop(Duration.ofSeconds(30));

        assertTrue(exitCode == 0 || exitCode == 143, "exit code after SIGTERM: " + exitCode + "\n" + gateway.logTail());
        gateway.start(); // fails with the log if the journal or the ledger is still locked
        JsonNode survived = gateway.document(beforeId);
        assertEquals("DELIVERED", survived.path("status").asText(), survived::toString);
        byte[] after = Samples.freshSignedInvoice("after-restart");
        HttpAnswer next = gateway.submit(after, "application/xml");
        assertEquals(202, next.status(), next::toString);
        String afterId = next.json().path("id").asText();
        gateway.awaitDocument(afterId, "status DELIVERED", d -> "DELIVERED".equals(d.path("status").asText()),
                SETTLE);
        Await.pause(1000);
        assertEquals(1, partner.acceptedFor(afterId).size(), partner::describe);
        assertEquals(1, partner.acceptedFor(beforeId).size(), "the restart must not deliver again\n"
                + partner.describe());
    }

    private void ensureRunning() {
        if (!gateway.isAlive()) {
            gateway.start();
        }
    }
}
