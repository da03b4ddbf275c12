package io.silkgate.ledger;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The ledger on the embedded H2 file database, exactly as the gateway opens it by default. */
class H2LedgerTest extends LedgerBehaviour {

    @TempDir
    Path dataDir;

    @Override
    protected String createDatabase() {
        return LedgerDatabase.embeddedUrl(dataDir);
    }

    @Override
    protected void dropDatabase() {
        // @TempDir removes the database files.
    }
}
