package io.silkgate.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's behaviour, run against each supported database by the subclasses. */
abstract class LedgerBehaviour {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    private String url;
    private LedgerDatabase database;
    private TestClock clock;
    private Ledger ledger;

    /** Creates an empty database for one test and returns its JDBC URL. */
    protected abstract String createDatabase() throws Exception;

    /** Removes what {@link #createDatabase()} made. */
    protected abstract void dropDatabase() throws Exception;

    @BeforeEach
    void openLedger() throws Exception {
        url = createDatabase();
        database = LedgerDatabase.open(url, null, null);
        clock = new TestClock(START);
        ledger = new Ledger(database.dataSource(), clock);
    }

    @AfterEach
    void closeLedger() throws Exception {
        if (database != null) {
            database.close();
        }
        dropDatabase();
    }

    @Test
    void acceptedDocumentIsStoredWithQueuedDeliveriesAndItsEvents() {
        DocumentRecord doc = document("doc-1", "key-1", "INV-1", SHA_A);
        clock.advance(Duration.ofMillis(250));
        ledger.recordAccepted(doc, List.of(delivery("dl-vn", "doc-1", "vn-customs", "vn-tt78"),
                delivery("dl-sg", "doc-1", "sg-buyer", "pint-sg")));

        DocumentRecord stored = ledger.findDocument("doc-1").orElseThrow();
        assertEquals(DocumentStatus.ACCEPTED, stored.status());
        assertEquals("acme", stored.submitter());
        assertEquals("ubl", stored.format());
        assertEquals("invoice", stored.documentType());
        assertEquals("INV-1", stored.businessId());
        assertEquals(SHA_A, stored.sha256());
        assertEquals("key-1", stored.idempotencyKey());
        assertEquals(START, stored.receivedAt());
        assertEquals("{\"signatures\":[{\"valid\":true}]}", stored.verdict());
        assertFalse(stored.duplicateFlagged());
        assertNull(stored.rejectionCode());

        List<DeliveryRecord> deliveries = ledger.deliveriesOf("doc-1");
        assertEquals(List.of("sg-buyer", "vn-customs"), deliveries.stream().map(DeliveryRecord::partner).toList());
        for (DeliveryRecord d : deliveries) {
            assertEquals(DeliveryStatus.QUEUED, d.status());
            assertEquals(0, d.attempts());
            assertNull(d.lastError());
            assertEquals(START.plusMillis(250), d.updatedAt());
        }
        assertEquals("pint-sg", ledger.findDelivery("dl-sg").orElseThrow().format());

        List<LedgerEvent> events = ledger.eventsOf("doc-1");
        assertEquals(List.of("RECEIVED", "ACCEPTED", "QUEUED", "QUEUED"), statuses(events));
        assertEquals(START, events.get(0).at());
        assertEquals(START.plusMillis(250), events.get(1).at());
        assertNull(events.get(0).partner());
        assertEquals(List.of("vn-customs", "sg-buyer"), List.of(events.get(2).partner(), events.get(3).partner()));

        assertEquals("doc-1", ledger.findByIdempotencyKey("acme", "key-1").orElseThrow().id());
        assertEquals("doc-1", ledger.findByBusinessKey("acme", "invoice", "INV-1", SHA_A).orElseThrow().id());
        assertTrue(ledger.findByBusinessKey("acme", "invoice", "INV-1", SHA_B).isEmpty());
        assertTrue(ledger.findByIdempotencyKey("other-submitter", "key-1").isEmpty());
        assertTrue(ledger.findDocument("no-such-doc").isEmpty());
    }

    @Test
    void rejectedDocumentIsStoredWithItsCodeAndClaimsNoKey() {
        ledger.recordRejected(document("doc-r", "key-r", "INV-R", SHA_A), "SIGNATURE_INVALID",
                "digest of reference #doc does not match");

        DocumentRecord stored = ledger.findDocument("doc-r").orElseThrow();
        assertEquals(DocumentStatus.REJECTED, stored.status());
        assertEquals("SIGNATURE_INVALID", stored.rejectionCode());
        assertTrue(ledger.deliveriesOf("doc-r").isEmpty());
        List<LedgerEvent> events = ledger.eventsOf("doc-r");
        assertEquals(List.of("RECEIVED", "REJECTED"), statuses(events));
        assertEquals("SIGNATURE_INVALID: digest of reference #doc does not match", events.get(1).detail());
        assertTrue(ledger.findByIdempotencyKey("acme", "key-r").isEmpty());
        assertTrue(ledger.findByBusinessKey("acme", "invoice", "INV-R", SHA_A).isEmpty());
    }

    @Test
    void evidenceIsKeptWithTheRejectedDocument() {
        String report = "{\"ok\":false,\"signatures\":[{\"valid\":false,\"code\":\"CERTIFICATE_REVOKED\"}]}";
        String pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".repeat(3);

        ledger.recordRejected(document("doc-e", "key-e", "INV-E", SHA_A), "CERTIFICATE_REVOKED", "revoked",
                new Evidence("doc-e", report, pem, START));

        Evidence stored = ledger.findEvidence("doc-e").orElseThrow();
        assertEquals(report, stored.report());
        assertEquals(pem, stored.certificatePath());
        assertEquals(START, stored.recordedAt());
        assertTrue(ledger.findEvidence("doc-1").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ledger.recordRejected(
                document("doc-f", null, "INV-F", SHA_A), "CERTIFICATE_REVOKED", null,
                new Evidence("doc-e", report, null, START)));
        assertTrue(ledger.findDocument("doc-f").isEmpty(), "nothing is written for evidence of another document");
    }

    @Test
    void evidenceAndConversionsAreRecordedWithTheAcceptanceOrNotAtAll() {
        String report = "{\"ok\":true,\"signatures\":[{\"valid\":true}]}";
        ledger.recordAccepted(document("doc-a", "key-a", "INV-A", SHA_A),
                List.of(delivery("dl-a", "doc-a", "vn-customs", "vn-tt78")), new Evidence("doc-a", report, null, START),
                Map.of("vn-customs", "ubl -> vn-tt78: 31 terms carried, 2 dropped"));

        assertEquals(report, ledger.findEvidence("doc-a").orElseThrow().report());
        LedgerEvent converted = last(ledger.eventsOf("doc-a"));
        assertEquals(Ledger.CONVERTED, converted.status());
        assertEquals("vn-customs", converted.partner());
        assertEquals("ubl -> vn-tt78: 31 terms carried, 2 dropped", converted.detail());

        assertThrows(DuplicateDocumentException.class, () -> ledger.recordAccepted(
                document("doc-b", "key-a", "INV-B", SHA_B), List.of(delivery("dl-b", "doc-b")),
                new Evidence("doc-b", report, null, START), Map.of("vn-customs", "converted")));
        assertTrue(ledger.findEvidence("doc-b").isEmpty(), "a refused acceptance leaves no evidence behind");
        assertTrue(ledger.eventsOf("doc-b").isEmpty());
    }

    @Test
    void repeatedIdempotencyKeyIsReportedWithTheFirstIdAndWritesNothing() {
        ledger.recordAccepted(document("doc-1", "key-1", "INV-1", SHA_A), List.of(delivery("dl-1", "doc-1")));

        DuplicateDocumentException e = assertThrows(DuplicateDocumentException.class, () -> ledger.recordAccepted(
                document("doc-2", "key-1", "INV-2", SHA_B), List.of(delivery("dl-2", "doc-2"))));

        assertEquals("doc-1", e.existingId());
        assertTrue(ledger.findDocument("doc-2").isEmpty(), "the repeat must leave no document row");
        assertTrue(ledger.findDelivery("dl-2").isEmpty(), "the repeat must leave no delivery");
        assertTrue(ledger.findByBusinessKey("acme", "invoice", "INV-2", SHA_B).isEmpty());
        assertEquals(1, ledger.unfinishedDeliveries().size());
    }

    @Test
    void repeatedBusinessKeyIsReportedWithTheFirstId() {
        ledger.recordAccepted(document("doc-1", "key-1", "INV-1", SHA_A), List.of(delivery("dl-1", "doc-1")));

        DuplicateDocumentException e = assertThrows(DuplicateDocumentException.class, () -> ledger.recordAccepted(
                document("doc-2", "another-key", "INV-1", SHA_A), List.of(delivery("dl-2", "doc-2"))));
        assertEquals("doc-1", e.existingId());
        assertTrue(ledger.findDocument("doc-2").isEmpty());
        assertTrue(ledger.findByIdempotencyKey("acme", "another-key").isEmpty(),
                "the idempotency key claimed before the clash must be rolled back");

        // Same invoice number with different content, or from another submitter, is a different document.
        ledger.recordAccepted(document("doc-3", null, "INV-1", SHA_B), List.of(delivery("dl-3", "doc-3")));
        ledger.recordAccepted(new DocumentRecord("doc-4", "globex", "ubl", "invoice", "INV-1", SHA_A, null,
                DocumentStatus.ACCEPTED, START, null, null, false), List.of(delivery("dl-4", "doc-4")));
        assertEquals(DocumentStatus.ACCEPTED, ledger.findDocument("doc-3").orElseThrow().status());
        assertEquals(DocumentStatus.ACCEPTED, ledger.findDocument("doc-4").orElseThrow().status());
    }

    @Test
    void sameDocumentIdRecordedTwiceIsADuplicateOfItself() {
        ledger.recordAccepted(document("doc-1", null, null, SHA_A), List.of(delivery("dl-1", "doc-1")));
        DuplicateDocumentException e = assertThrows(DuplicateDocumentException.class, () -> ledger.recordAccepted(
                document("doc-1", null, null, SHA_A), List.of(delivery("dl-1", "doc-1"))));
        assertEquals("doc-1", e.existingId());
        assertEquals(1, ledger.deliveriesOf("doc-1").size());
        assertEquals(3, ledger.eventsOf("doc-1").size());
    }

    @Test
    void rejectedDocumentDoesNotBlockACorrectedResubmissionWithTheSameKeys() {
        ledger.recordRejected(document("doc-bad", "key-1", "INV-1", SHA_A), "SCHEMA_INVALID", "cbc:IssueDate missing");
        ledger.recordAccepted(document("doc-good", "key-1", "INV-1", SHA_A), List.of(delivery("dl-1", "doc-good")));

        assertEquals("doc-good", ledger.findByIdempotencyKey("acme", "key-1").orElseThrow().id());
        assertEquals("doc-good", ledger.findByBusinessKey("acme", "invoice", "INV-1", SHA_A).orElseThrow().id());
        assertEquals(DocumentStatus.REJECTED, ledger.findDocument("doc-bad").orElseThrow().status());
    }

    @Test
    void flaggedDuplicateIsStoredWithoutClaimingKeysAndTheFirstDocumentGetsAnEvent() {
        ledger.recordAccepted(document("doc-1", "key-1", "INV-1", SHA_A), List.of(delivery("dl-1", "doc-1")));
        ledger.recordAccepted(new DocumentRecord("doc-2", "acme", "ubl", "invoice", "INV-1", SHA_A, "key-1",
                DocumentStatus.ACCEPTED, START, null, null, true), List.of());
        ledger.recordDuplicateFlagged("doc-1", "repeated as doc-2");

        assertTrue(ledger.findDocument("doc-2").orElseThrow().duplicateFlagged());
        assertEquals("doc-1", ledger.findByIdempotencyKey("acme", "key-1").orElseThrow().id());
        LedgerEvent last = ledger.eventsOf("doc-1").get(ledger.eventsOf("doc-1").size() - 1);
        assertEquals(Ledger.DUPLICATE_FLAGGED, last.status());
        assertEquals("repeated as doc-2", last.detail());
        assertThrows(IllegalArgumentException.class, () -> ledger.recordDuplicateFlagged("no-such-doc", "x"));
    }

    @Test
    void deliveriesThatAllSucceedMakeTheDocumentDelivered() {
        ledger.recordAccepted(document("doc-1", "key-1", null, SHA_A),
                List.of(delivery("dl-a", "doc-1", "partner-a", "ubl"), delivery("dl-b", "doc-1", "partner-b", "cii")));

        Instant t1 = clock.advance(Duration.ofSeconds(1));
        DeliveryRecord attempt = ledger.startAttempt("dl-a");
        assertEquals(DeliveryStatus.DELIVERING, attempt.status());
        assertEquals(1, attempt.attempts());
        assertEquals(t1, attempt.updatedAt());

        Instant retryAt = clock.advance(Duration.ofSeconds(1)).plusSeconds(30);
        ledger.markRetrying("dl-a", "HTTP 503 from partner-a", retryAt);
        DeliveryRecord retrying = ledger.findDelivery("dl-a").orElseThrow();
        assertEquals(DeliveryStatus.RETRYING, retrying.status());
        assertEquals("HTTP 503 from partner-a", retrying.lastError());
        assertEquals(retryAt, retrying.nextAttemptAt());

        clock.advance(Duration.ofSeconds(30));
        assertEquals(2, ledger.startAttempt("dl-a").attempts());
        ledger.markDelivered("dl-a", "HTTP 202");
        DeliveryRecord delivered = ledger.findDelivery("dl-a").orElseThrow();
        assertEquals(DeliveryStatus.DELIVERED, delivered.status());
        assertNull(delivered.nextAttemptAt());
        assertEquals(DocumentStatus.ACCEPTED, ledger.findDocument("doc-1").orElseThrow().status(),
                "one delivery is still outstanding");

        ledger.startAttempt("dl-b");
        ledger.markDelivered("dl-b", "HTTP 200");
        assertEquals(DocumentStatus.DELIVERED, ledger.findDocument("doc-1").orElseThrow().status());

        List<LedgerEvent> events = ledger.eventsOf("doc-1");
        assertEquals(List.of("RECEIVED", "ACCEPTED", "QUEUED", "QUEUED", "DELIVERING", "RETRYING", "DELIVERING",
                "DELIVERED", "DELIVERING", "DELIVERED", "DELIVERED"), statuses(events));
        LedgerEvent documentDelivered = events.get(events.size() - 1);
        assertNull(documentDelivered.partner(), "the last event is the document-level transition");
        assertEquals("partner-b", events.get(events.size() - 2).partner());
        assertTrue(events.get(5).detail().startsWith("HTTP 503 from partner-a"));
    }

    @Test
    void oneDeadLetteredDeliveryMakesTheDocumentPartiallyDelivered() {
        ledger.recordAccepted(document("doc-1", "key-1", null, SHA_A),
                List.of(delivery("dl-a", "doc-1", "partner-a", "ubl"), delivery("dl-b", "doc-1", "partner-b", "cii")));
        ledger.startAttempt("dl-a");
        ledger.markDeadLettered("dl-a", "connection refused");
        assertEquals(DocumentStatus.ACCEPTED, ledger.findDocument("doc-1").orElseThrow().status());
        ledger.startAttempt("dl-b");
        ledger.markDelivered("dl-b", "HTTP 202");

        assertEquals(DocumentStatus.PARTIALLY_DELIVERED, ledger.findDocument("doc-1").orElseThrow().status());
        assertEquals("connection refused", ledger.findDelivery("dl-a").orElseThrow().lastError());
        assertEquals("PARTIALLY_DELIVERED", last(ledger.eventsOf("doc-1")).status());
    }

    @Test
    void allDeadLetteredFailsTheDocumentAndAReDriveReopensIt() {
        ledger.recordAccepted(document("doc-1", "key-1", null, SHA_A),
                List.of(delivery("dl-a", "doc-1", "partner-a", "ubl"), delivery("dl-b", "doc-1", "partner-b", "cii")));
        for (String id : List.of("dl-a", "dl-b")) {
            ledger.startAttempt(id);
            ledger.markDeadLettered(id, "HTTP 400: rejected by partner");
        }
        assertEquals(DocumentStatus.FAILED, ledger.findDocument("doc-1").orElseThrow().status());

        ledger.requeue("dl-a", "operator re-drive");
        DeliveryRecord requeued = ledger.findDelivery("dl-a").orElseThrow();
        assertEquals(DeliveryStatus.QUEUED, requeued.status());
        assertEquals(1, requeued.attempts(), "attempts are cumulative across re-drives");
        assertEquals(DocumentStatus.ACCEPTED, ledger.findDocument("doc-1").orElseThrow().status());

        assertEquals(2, ledger.startAttempt("dl-a").attempts());
        ledger.markDelivered("dl-a", "HTTP 202");
        assertEquals(DocumentStatus.PARTIALLY_DELIVERED, ledger.findDocument("doc-1").orElseThrow().status());
        List<String> documentLevel = ledger.eventsOf("doc-1").stream()
                .filter(e -> e.partner() == null).map(LedgerEvent::status).toList();
        assertEquals(List.of("RECEIVED", "ACCEPTED", "FAILED", "ACCEPTED", "PARTIALLY_DELIVERED"), documentLevel);
    }

    @Test
    void aDocumentsHistoryComesWithItsEventsAndDeliveries() {
        assertEquals(Optional.empty(), ledger.history("nope"));
        ledger.recordAccepted(document("doc-1", "key-1", null, SHA_A),
                List.of(delivery("dl-a", "doc-1", "partner-a", "ubl")));
        ledger.startAttempt("dl-a");
        ledger.markDeadLettered("dl-a", "HTTP 500");
        DocumentHistory h = ledger.history("doc-1").orElseThrow();
        assertEquals(DocumentStatus.FAILED, h.document().status());
        assertEquals(DeliveryStatus.DEAD_LETTERED, h.deliveries().get(0).status());
        assertEquals("FAILED", last(h.events()).status());
        assertEquals(ledger.eventsOf("doc-1"), h.events());
    }

    @Test
    void theOldestPendingDeliveryOfAPartnerIsKnown() {
        assertEquals(Optional.empty(), ledger.oldestUnfinished("partner-a"));
        ledger.recordAccepted(document("doc-1", "key-1", null, SHA_A),
                List.of(delivery("dl-a", "doc-1", "partner-a", "ubl")));
        assertTrue(ledger.oldestUnfinished("partner-a").isPresent());
        assertEquals(Optional.empty(), ledger.oldestUnfinished("partner-b"));
        ledger.startAttempt("dl-a");
        ledger.markDelivered("dl-a", "HTTP 200");
        assertEquals(Optional.empty(), ledger.oldestUnfinished("partner-a"));
    }

    @Test
    void aFailedDocumentMayBeSubmittedAgainAsANewOne() {
        ledger.recordAccepted(document("doc-1", "key-1", "INV-1", SHA_A), List.of(delivery("dl-a", "doc-1")));
        ledger.startAttempt("dl-a");
        ledger.markDeadLettered("dl-a", "HTTP 500");
        assertEquals(DocumentStatus.FAILED, ledger.findDocument("doc-1").orElseThrow().status());
        assertEquals(Optional.empty(), ledger.findByIdempotencyKey("acme", "key-1"));

        ledger.recordAccepted(document("doc-2", "key-1", "INV-1", SHA_A), List.of(delivery("dl-b", "doc-2")));
        assertEquals("doc-2", ledger.findByIdempotencyKey("acme", "key-1").orElseThrow().id());
        assertEquals("doc-2", ledger.findByBusinessKey("acme", "invoice", "INV-1", SHA_A).orElseThrow().id());
    }

    @Test
    void aDeliveredDeliveryIsNeverSentOrFailedAgain() {
        ledger.recordAccepted(document("doc-1", "key-1", null, SHA_A), List.of(delivery("dl-1", "doc-1")));
        ledger.startAttempt("dl-1");
        ledger.markDelivered("dl-1", "HTTP 202");
        int events = ledger.eventsOf("doc-1").size();

        assertThrows(IllegalStateException.class, () -> ledger.startAttempt("dl-1"));
        assertThrows(IllegalStateException.class, () -> ledger.markRetrying("dl-1", "late timeout", START));
        assertThrows(IllegalStateException.class, () -> ledger.markDeadLettered("dl-1", "late failure"));
        assertThrows(IllegalStateException.class, () -> ledger.requeue("dl-1", "operator"));
        ledger.markDelivered("dl-1", "duplicate acknowledgement");

        assertEquals(events, ledger.eventsOf("doc-1").size(), "refused and repeated transitions leave no trace");
        DeliveryRecord d = ledger.findDelivery("dl-1").orElseThrow();
        assertEquals(DeliveryStatus.DELIVERED, d.status());
        assertEquals(1, d.attempts());
        assertThrows(IllegalArgumentException.class, () -> ledger.startAttempt("no-such-delivery"));
    }

    @Test
    void unfinishedDeliveriesAreTheOnesRecoveryMustReDrive() {
        ledger.recordAccepted(document("doc-1", "k1", null, SHA_A), List.of(
                delivery("queued", "doc-1", "p1", "ubl"), delivery("delivering", "doc-1", "p2", "ubl"),
                delivery("retrying", "doc-1", "p3", "ubl"), delivery("delivered", "doc-1", "p4", "ubl"),
                delivery("dead", "doc-1", "p5", "ubl")));
        ledger.startAttempt("delivering");
        ledger.startAttempt("retrying");
        ledger.markRetrying("retrying", "timeout", START.plusSeconds(60));
        ledger.startAttempt("delivered");
        ledger.markDelivered("delivered", "ok");
        ledger.markDeadLettered("dead", "HTTP 404");

        List<String> unfinished = ledger.unfinishedDeliveries().stream().map(DeliveryRecord::id).sorted().toList();
        assertEquals(List.of("delivering", "queued", "retrying"), unfinished);
    }

    @Test
    void deliveriesAreCountedPerPartnerAndStatus() {
        ledger.recordAccepted(document("doc-1", "k1", null, SHA_A), List.of(
                delivery("d1", "doc-1", "vn-customs", "vn-tt78"), delivery("d2", "doc-1", "sg-buyer", "pint-sg")));
        ledger.recordAccepted(document("doc-2", "k2", null, SHA_B), List.of(
                delivery("d3", "doc-2", "vn-customs", "vn-tt78")));
        ledger.startAttempt("d1");
        ledger.markDelivered("d1", "ok");

        Map<DeliveryStatus, Long> vn = ledger.countDeliveries("vn-customs");
        assertEquals(1L, vn.get(DeliveryStatus.DELIVERED));
        assertEquals(1L, vn.get(DeliveryStatus.QUEUED));
        assertEquals(0L, vn.get(DeliveryStatus.DEAD_LETTERED));
        assertEquals(DeliveryStatus.values().length, vn.size());
        assertEquals(1L, ledger.countDeliveries("sg-buyer").get(DeliveryStatus.QUEUED));
        assertEquals(0L, ledger.countDeliveries("nobody").get(DeliveryStatus.QUEUED));
    }

    @Test
    void longErrorsAreClippedAndControlCharactersStored() {
        ledger.recordAccepted(document("doc-1", "k1", null, SHA_A), List.of(delivery("dl-1", "doc-1")));
        String hugeError = "HTTP 500: " + "x".repeat(10_000) + "\0";
        ledger.startAttempt("dl-1");
        ledger.markDeadLettered("dl-1", hugeError);

        String stored = ledger.findDelivery("dl-1").orElseThrow().lastError();
        assertEquals(Ledger.MAX_TEXT, stored.length());
        assertTrue(stored.startsWith("HTTP 500: xxx"));
        assertEquals(Ledger.MAX_TEXT, ledger.eventsOf("doc-1").get(4).detail().length());
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsDataAndRunsNoMigration() {
        ledger.recordAccepted(document("doc-1", "key-1", "INV-1", SHA_A), List.of(delivery("dl-1", "doc-1")));
        database.close();

        database = LedgerDatabase.open(url, null, null);
        ledger = new Ledger(database.dataSource(), clock);

        assertTrue(database.isUp());
        assertEquals(DocumentStatus.ACCEPTED, ledger.findDocument("doc-1").orElseThrow().status());
        MigrationInfoService info = Flyway.configure().dataSource(database.dataSource()).load().info();
        // V1, V2 (PINT), ...: each migration applied exactly once, on the first open
        assertEquals(info.applied().length, java.util.Arrays.stream(info.applied())
                .map(m -> m.getVersion().getVersion()).distinct().count(), "a migration ran twice");
        assertEquals(info.all().length, info.applied().length, "every migration was applied on the first open");
        assertTrue(info.applied().length >= 3, "V1 ledger, V2 PINT, V3 evidence");
        assertEquals(0, info.pending().length);
        assertThrows(DuplicateDocumentException.class, () -> ledger.recordAccepted(
                document("doc-2", "key-1", null, SHA_B), List.of()), "the key claims survive a restart");
    }

    @Test
    void concurrentAcceptancesOfOneBusinessKeyHaveExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String businessId = "INV-RACE-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> outcomes = new ArrayList<>();
                for (String contender : List.of("a", "b")) {
                    String docId = "doc-" + round + contender;
                    Callable<String> accept = () -> {
                        start.await();
                        try {
                            ledger.recordAccepted(document(docId, null, businessId, SHA_A),
                                    List.of(delivery("dl-" + docId, docId)));
                            return "won:" + docId;
                        } catch (DuplicateDocumentException e) {
                            return "lost-to:" + e.existingId();
                        }
                    };
                    outcomes.add(pool.submit(accept));
                }
                start.countDown();
                String first = outcomes.get(0).get(30, TimeUnit.SECONDS);
                String second = outcomes.get(1).get(30, TimeUnit.SECONDS);
                List<String> results = List.of(first, second);
                assertEquals(1, results.stream().filter(r -> r.startsWith("won:")).count(), results.toString());
                String winner = results.stream().filter(r -> r.startsWith("won:")).findFirst().orElseThrow()
                        .substring("won:".length());
                assertTrue(results.contains("lost-to:" + winner), results.toString());
                assertEquals(winner, ledger.findByBusinessKey("acme", "invoice", businessId, SHA_A).orElseThrow().id());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, ledger.unfinishedDeliveries().size(), "only the winners' deliveries exist");
    }

    @Test
    void concurrentAttemptsOnOneDocumentsDeliveriesEndWithTheRightDocumentStatus() throws Exception {
        int partners = 6;
        List<DeliveryRecord> deliveries = new ArrayList<>();
        for (int i = 0; i < partners; i++) {
            deliveries.add(delivery("dl-" + i, "doc-1", "partner-" + i, "ubl"));
        }
        ledger.recordAccepted(document("doc-1", "key-1", null, SHA_A), deliveries);
        ExecutorService pool = Executors.newFixedThreadPool(partners);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < partners; i++) {
                String id = "dl-" + i;
                boolean succeeds = i > 0;
                running.add(pool.submit(() -> {
                    start.await();
                    // two failed attempts each, then the outcome: in-flight changes race with final ones
                    for (int attempt = 0; attempt < 2; attempt++) {
                        ledger.startAttempt(id);
                        ledger.markRetrying(id, "HTTP 503", null);
                    }
                    ledger.startAttempt(id);
                    if (succeeds) {
                        ledger.markDelivered(id, "HTTP 202");
                    } else {
                        ledger.markDeadLettered(id, "HTTP 400");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(DocumentStatus.PARTIALLY_DELIVERED, ledger.findDocument("doc-1").orElseThrow().status());
        for (DeliveryRecord d : ledger.deliveriesOf("doc-1")) {
            assertEquals(3, d.attempts(), d.toString());
        }
        List<String> documentLevel = ledger.eventsOf("doc-1").stream().filter(e -> e.partner() == null)
                .map(LedgerEvent::status).toList();
        assertEquals(List.of("RECEIVED", "ACCEPTED", "PARTIALLY_DELIVERED"), documentLevel);
    }

    private static DocumentRecord document(String id, String idempotencyKey, String businessId, String sha256) {
        return new DocumentRecord(id, "acme", "ubl", "invoice", businessId, sha256, idempotencyKey,
                DocumentStatus.RECEIVED, START, null, "{\"signatures\":[{\"valid\":true}]}", false);
    }

    private static DeliveryRecord delivery(String id, String documentId) {
        return delivery(id, documentId, "vn-customs", "vn-tt78");
    }

    private static DeliveryRecord delivery(String id, String documentId, String partner, String format) {
        return new DeliveryRecord(id, documentId, partner, format, DeliveryStatus.QUEUED, 0, null, null, null);
    }

    private static List<String> statuses(List<LedgerEvent> events) {
        return events.stream().map(LedgerEvent::status).toList();
    }

    private static LedgerEvent last(List<LedgerEvent> events) {
        return events.get(events.size() - 1);
    }
}
