package io.silkgate.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void embeddedDatabaseLivesInTheDataDirectoryAndReportsItsHealth() {
        String url = LedgerDatabase.embeddedUrl(dataDir);
        assertTrue(url.startsWith("jdbc:h2:file:" + dataDir.toAbsolutePath()), url);
        assertTrue(url.contains(";DB_CLOSE_ON_EXIT=FALSE"), url);

        LedgerDatabase database = LedgerDatabase.open(url, null, null);
        assertTrue(database.isUp());
        assertTrue(Files.exists(dataDir.resolve("ledger").resolve("silkgate.mv.db")));
        database.close();
        assertFalse(database.isUp());

        // Closing released the file lock: a second open of the same file works.
        LedgerDatabase again = LedgerDatabase.open(url, null, null);
        assertTrue(again.isUp());
        again.close();
    }

    @Test
    void embeddedLedgerKeepsH2sPageCacheSmall() throws Exception {
        // Superseded page copies in a large cache were most of what each young collection copied under load.
        try (LedgerDatabase database = LedgerDatabase.open(LedgerDatabase.embeddedUrl(dataDir), null, null);
                Connection c = database.dataSource().getConnection();
                Statement statement = c.createStatement();
                ResultSet cacheMb = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                + " WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")) {
            assertTrue(cacheMb.next());
            assertEquals("1", cacheMb.getString(1), "H2 page cache in MB");
        }
    }

    @Test
    void embeddedLedgerGivesEveryHttpWorkerAndDeliveryConsumerAConnectionAtOnce() throws Exception {
        // 16 HTTP workers on two cores and up to 8 delivery consumers per partner write at the same time
        try (LedgerDatabase database = LedgerDatabase.open(LedgerDatabase.embeddedUrl(dataDir), null, null)) {
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < 24; i++) {
                    held.add(database.dataSource().getConnection());
                }
                for (Connection c : held) {
                    assertTrue(c.isValid(1));
                }
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
        }
    }

    @Test
    void committedDocumentSurvivesAKilledJvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingLedgerWriter.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("child.log").toFile())
                .start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, child.exitValue(), () -> "child failed: " + read(dataDir.resolve("child.log").toFile()));

        try (LedgerDatabase database = LedgerDatabase.open(LedgerDatabase.embeddedUrl(dataDir), null, null)) {
            Ledger ledger = new Ledger(database.dataSource(), Clock.systemUTC());
            DocumentRecord doc = ledger.findDocument("doc-crash")
                    .orElseThrow(() -> new AssertionError("a committed document was lost when the JVM died"));
            assertEquals(DocumentStatus.ACCEPTED, doc.status());
            assertEquals(DeliveryStatus.QUEUED, ledger.findDelivery("dl-crash").orElseThrow().status());
        }
    }

    @Test
    void theEmbeddedLedgerFileStaysNearTheSizeOfItsDataWhileDocumentsAreDelivered() throws Exception {
        int documents = 3000;
        String evidence = "e".repeat(3000);
        Path file = dataDir.resolve("ledger").resolve("silkgate.mv.db");
        try (LedgerDatabase database = LedgerDatabase.open(LedgerDatabase.embeddedUrl(dataDir), null, null)) {
            Ledger ledger = new Ledger(database.dataSource(), Clock.systemUTC());
            for (int i = 0; i < documents; i++) {
                String id = "doc-" + i;
                Instant now = Instant.now();
                ledger.recordAccepted(new DocumentRecord(id, "acme", "ubl", "invoice", "INV-" + i, "a".repeat(64),
                        null, DocumentStatus.RECEIVED, now, null, "{}", false), List.of(new DeliveryRecord("dl-" + i,
                        id, "vn-customs", "ubl", DeliveryStatus.QUEUED, 0, null, null, null)),
                        new Evidence(id, evidence, "leaf", now), Map.of());
                ledger.startAttempt("dl-" + i);
                ledger.markDelivered("dl-" + i, "acknowledged");
            }
            // every commit writes a chunk of ~70 KB: without compaction the file held 279 MB here, with it 25 MB
            long megabytes = Files.size(file) >> 20;
            assertTrue(megabytes < 60, "the ledger file grew to " + megabytes + " MB for " + documents
                    + " documents of ~10 KB each");
            assertEquals(DeliveryStatus.DELIVERED, ledger.findDelivery("dl-0").orElseThrow().status());
        }
    }

    @Test
    void unreachableDatabaseFailsWithoutLeakingThePassword() {
        LedgerException e = assertThrows(LedgerException.class, () -> LedgerDatabase.open(
                "jdbc:postgresql://127.0.0.1:1/none?user=silkgate&password=s3cret&connectTimeout=2", null, null));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:1/none"), e.getMessage());
    }

    private static String read(File file) {
        try {
            return Files.readString(file.toPath());
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
