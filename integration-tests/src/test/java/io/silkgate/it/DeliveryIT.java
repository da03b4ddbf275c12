package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.sign.DetachedJwsVerifier;
import io.silkgate.sign.JwsCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner's view of delivery: what a signed invoice looks like when it arrives, and that an outage of the
 * partner (port closed, then 503) delays the document but neither loses nor duplicates it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class DeliveryIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private final StubPartner customs = new StubPartner(StubPartner.Mode.ACCEPT);
    private final StubPartner flaky = new StubPartner(StubPartner.Mode.ACCEPT);
    private GatewayProcess gateway;

    @BeforeAll
    void startGateway() {
        gateway = new GatewayProcess(dataDir, "partners:\n"
                + GatewayProcess.partner("vn-customs", customs, "")
                // slower back-off than the default so the test can change the partner's state between attempts
                + GatewayProcess.partner("vn-flaky", flaky,
                        "retry: { attempts: 10, delay: 600ms, multiplier: 1.5, max-delay: 1200ms }")
                + "routing:\n"
                + "  - { family: invoice, buyer-country: VN, to: [vn-customs] }\n");
        gateway.start();
    }

    @AfterAll
    void stopEverything() throws Exception {
        CloseAll.of(gateway, customs, flaky);
    }

    @Test
    void signedInvoiceArrivesOnceSignedByTheGatewayAndByteExact() {
        byte[] invoice = Samples.document("invoice-cn-vn.signed.xml");

        HttpAnswer answer = gateway.submit(invoice, "application/xml");

        assertEquals(202, answer.status(), answer::toString);
        assertEquals("application/json", answer.mediaType(), answer::toString);
        JsonNode accepted = answer.json();
        String id = accepted.path("id").asText();
        assertFalse(id.isBlank(), answer::toString);
        String location = answer.headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith("/api/v1/documents/" + id), "Location: " + location);
        assertEquals("ACCEPTED", accepted.path("status").asText(), answer::toString);
        assertEquals("ubl", accepted.path("format").asText(), answer::toString);
        assertEquals(Samples.sha256Hex(invoice), accepted.path("sha256").asText(), answer::toString);
        assertEquals(List.of("vn-customs"), texts(accepted.path("destinations")), answer::toString);

        Await.until(SETTLE, "the invoice to reach vn-customs", () -> !customs.acceptedFor(id).isEmpty(),
                () -> customs.describe() + "\n" + gateway.logTail());
        JsonNode done = gateway.awaitDocument(id, "status DELIVERED",
                d -> "DELIVERED".equals(d.path("status").asText()), SETTLE);
        Await.pause(1000); // a second delivery, if the gateway made one, would come right behind the first

        List<StubPartner.Request> received = customs.requestsFor(id);
        assertEquals(1, received.size(), customs::describe);
        StubPartner.Request request = received.get(0);
        assertEquals("application/xml", request.header("Content-Type"));
        assertEquals(id, request.header("Silkgate-Document-Id"));
        assertEquals("ubl", request.header("Silkgate-Format"));
        assertEquals("ubl", request.header("Silkgate-Source-Format"));
        assertArrayEquals(invoice, request.body(), "the partner must receive the signed bytes unchanged");

        String signature = request.header("Silkgate-Signature");
        assertNotNull(signature, "no Silkgate-Signature header");
        DetachedJwsVerifier partnerCheck = new DetachedJwsVerifier(Samples.gatewayRoot(dataDir.resolve("pki")));
        JwsCheck check = partnerCheck.verify(signature, request.body());
        assertTrue(check.valid(), "Silkgate-Signature does not verify: " + check.message());
        assertTrue(check.signer().contains("CN=Silkgate Sample Gateway"), check.signer());
        byte[] altered = Arrays.copyOf(request.body(), request.body().length + 1);
        altered[altered.length - 1] = '\n';
        assertFalse(partnerCheck.verify(signature, altered).valid(), "the signature must bind the exact body");

        assertEquals("ubl", done.path("format").asText(), done::toString);
        assertEquals(Samples.sha256Hex(invoice), done.path("sha256").asText(), done::toString);
        assertFalse(done.path("receivedAt").asText().isBlank(), done::toString);
        assertEquals(1, done.path("deliveries").size(), done::toString);
        JsonNode delivery = done.path("deliveries").get(0);
        assertEquals("vn-customs", delivery.path("partner").asText(), done::toString);
        assertEquals("ubl", delivery.path("format").asText(), done::toString);
        assertEquals("DELIVERED", delivery.path("status").asText(), done::toString);
        assertEquals(1, delivery.path("attempts").asInt(), done::toString);
        assertTrue(done.path("events").size() >= 2, done::toString);
        for (JsonNode event : done.path("events")) {
            assertFalse(event.path("at").asText().isBlank(), done::toString);
            assertFalse(event.path("status").asText().isBlank(), done::toString);
        }
        assertTrue(statuses(done.path("events")).contains("DELIVERED"), done::toString);

        HttpAnswer original = gateway.get(location + "/original");
        assertEquals(200, original.status(), original::toString);
        assertArrayEquals(invoice, original.body(), "GET .../original must return the submitted bytes");
    }

    @Test
    void aBacklogForASlowPartnerIsDeliveredByMoreThanTwoConsumersAtOnce() {
        // each delivery takes 400 ms at the partner: two consumers would need 2.4 s for twelve documents
        customs.answerAfter(Duration.ofMillis(400));
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                HttpAnswer answer = gateway.submit(Samples.freshSignedInvoice("backlog-" + i), "application/xml");
                assertEquals(202, answer.status(), answer::toString);
                ids.add(answer.json().path("id").asText());
            }
            Await.until(SETTLE, "the backlog to reach vn-customs",
                    () -> ids.stream().allMatch(id -> !customs.acceptedFor(id).isEmpty()),
                    () -> customs.describe() + "\n" + gateway.logTail());
            assertTrue(customs.mostInFlight() > 2, "the partner never saw more than " + customs.mostInFlight()
                    + " deliveries at once");
            for (String id : ids) {
                assertEquals(1, customs.requestsFor(id).size(), customs::describe);
            }
        } finally {
            customs.answerAfter(Duration.ZERO);
        }
    }

    @Test
    void partnerOutageDelaysTheDocumentButDeliversItExactlyOnce() {
        flaky.switchTo(StubPartner.Mode.STOPPED);
        byte[] invoice = Samples.freshSignedInvoice("outage");

        HttpAnswer answer = gateway.submit(invoice, "application/xml", "Silkgate-Destination", "vn-flaky");

        assertEquals(202, answer.status(), answer::toString);
        assertEquals(List.of("vn-flaky"), texts(answer.json().path("destinations")), answer::toString);
        String id = answer.json().path("id").asText();

        // the partner's port is closed: the ledger records a failed attempt that never reached the partner
        gateway.awaitDocument(id, "a failed attempt while the partner's port is closed",
                d -> delivery(d).path("attempts").asInt() >= 1 && "RETRYING".equals(delivery(d).path("status").asText()),
                SETTLE);
        assertTrue(flaky.requests().isEmpty(), flaky::describe);

        // the partner is back but overloaded: it refuses twice
        flaky.switchTo(StubPartner.Mode.REFUSE);
        Await.until(SETTLE, "two refused attempts", () -> flaky.requestsFor(id).size() >= 2,
                () -> flaky.describe() + "\n" + gateway.logTail());
        JsonNode meanwhile = gateway.document(id);
        assertNotEquals("DELIVERED", delivery(meanwhile).path("status").asText(), meanwhile::toString);

        flaky.switchTo(StubPartner.Mode.ACCEPT);
        JsonNode done = gateway.awaitDocument(id, "status DELIVERED",
                d -> "DELIVERED".equals(d.path("status").asText()), SETTLE);
        Await.pause(1000);

        List<StubPartner.Request> requests = flaky.requestsFor(id);
        assertEquals(flaky.requests().size(), requests.size(),
                "every attempt must carry the same Silkgate-Document-Id\n" + flaky.describe());
        assertEquals(1, flaky.acceptedFor(id).size(), flaky::describe);
        assertTrue(requests.stream().filter(r -> r.answered() == 503).count() >= 2, flaky::describe);
        assertTrue(requests.get(requests.size() - 1).accepted(), "nothing may follow the acknowledged attempt\n"
                + flaky.describe());
        byte[] firstBody = requests.get(0).body();
        for (StubPartner.Request r : requests) {
            assertArrayEquals(firstBody, r.body(), "every attempt must send the same document");
        }

        JsonNode delivery = delivery(done);
        assertEquals("DELIVERED", delivery.path("status").asText(), done::toString);
        int attempts = delivery.path("attempts").asInt();
        assertTrue(attempts >= 3, done::toString);
        assertTrue(attempts > requests.size(), "the attempt(s) against the closed port must be counted too: "
                + done + "\n" + flaky.describe());
        assertTrue(StreamSupport.stream(done.path("events").spliterator(), false)
                .anyMatch(e -> "RETRYING".equals(e.path("status").asText())
                        && e.path("detail").asText().contains("503")),
                "the ledger should tell the operator that the partner answered 503: " + done);
    }

    private static JsonNode delivery(JsonNode document) {
        JsonNode deliveries = document.path("deliveries");
        assertEquals(1, deliveries.size(), document::toString);
        return deliveries.get(0);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> statuses(JsonNode events) {
        return StreamSupport.stream(events.spliterator(), false).map(e -> e.path("status").asText()).toList();
    }
}
