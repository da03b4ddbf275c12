package io.silkgate.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 ledger file near the size of its data. With {@code WRITE_DELAY=0} every commit writes a new
 * chunk of pages and H2 runs no background housekeeping, so chunks that still hold a few live pages were never
 * rewritten: the file grew by ~100 KB per document (4.5 GB after 23 000 documents), and finding free space in it
 * cost more with every commit. This rewrites the emptiest chunks a little at a time (about 512 KB every 100 ms), as
 * H2's own background writer would, so that a commit never waits long for the store lock it holds meanwhile.
 */
final class EmbeddedLedgerCompaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedLedgerCompaction.class);
    private static final long EVERY_MS = 100;
    /** Below this share of live pages in the file, the emptiest chunks are rewritten. */
    private static final int TARGET_FILL_PERCENT = 50;
    /**
     * About this much is rewritten per round, so that a commit never waits long on the store lock; it keeps up with
     * ~450 commits of a document's acceptance and delivery per second (the file then holds ~20 KB per document).
     */
    private static final int REWRITE_BYTES = 512 << 10;

    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "silkgate-ledger-compaction");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean warned;

    EmbeddedLedgerCompaction(DataSource dataSource) {
        this.dataSource = dataSource;
        scheduler.scheduleWithFixedDelay(this::compactOnce, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    void compactOnce() {
        // looked up each round: H2 reopens the store if every connection was closed in between
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase()
                    .getStore().getMvStore();
            store.compact(TARGET_FILL_PERCENT, REWRITE_BYTES);
        } catch (SQLException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warn("compacting the embedded ledger failed (retried every {} ms, logged once): {}", EVERY_MS,
                        e.toString());
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
