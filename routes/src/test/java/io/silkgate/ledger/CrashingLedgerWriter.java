package io.silkgate.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Run in a child JVM by {@link LedgerDatabaseTest}: records one document, then dies without any shutdown. */
final class CrashingLedgerWriter {

    private CrashingLedgerWriter() {
    }

    public static void main(String[] args) {
        LedgerDatabase database = LedgerDatabase.open(LedgerDatabase.embeddedUrl(Path.of(args[0])), null, null);
        Ledger ledger = new Ledger(database.dataSource(), Clock.systemUTC());
        ledger.recordAccepted(new DocumentRecord("doc-crash", "acme", "ubl", "invoice", "INV-9", "c".repeat(64),
                "key-crash", DocumentStatus.RECEIVED, Instant.now(), null, null, false),
                List.of(new DeliveryRecord("dl-crash", "doc-crash", "vn-customs", "vn-tt78",
                        DeliveryStatus.QUEUED, 0, null, null, null)));
        // What a kill -9 or an OOM kill does: no shutdown hooks, no pool close, no H2 close.
        Runtime.getRuntime().halt(0);
    }
}
