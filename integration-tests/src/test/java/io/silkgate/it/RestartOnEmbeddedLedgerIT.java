package io.silkgate.it;

import org.junit.jupiter.api.Assumptions;

/**
 * {@link RestartIT} on the embedded H2 ledger, the default, when the suite itself runs on PostgreSQL: a kill -9 and
 * a SIGTERM must leave an H2 file the next start can open. Without {@code SILKGATE_TEST_POSTGRES_URL} RestartIT
 * already runs on H2, and this repeat is skipped.
 */
class RestartOnEmbeddedLedgerIT extends RestartIT {

    @Override
    void chooseLedger(GatewayProcess unstarted) {
        if (!PostgresSchema.configured()) {
            String why = "RestartIT already runs on the embedded ledger, so its repeat on H2 is skipped";
            System.out.println("RestartOnEmbeddedLedgerIT: SKIPPED: " + why);
            Assumptions.assumeTrue(false, why);
        }
        unstarted.onEmbeddedLedger();
    }
}
