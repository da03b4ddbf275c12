package io.silkgate.pint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The PINT receiver on PostgreSQL, when {@code SILKGATE_TEST_POSTGRES_URL} names a database (as for the ledger
 * tests): the same DUPE/DISE decisions, restarts and concurrent forks, with PostgreSQL's locking.
 */
class PostgresPintReceiverTest extends PintReceiverTest {

    private String schema;

    @BeforeEach
    void createSchema() throws Exception {
        Assumptions.assumeTrue(baseUrl() != null, "PostgreSQL tests skipped: SILKGATE_TEST_POSTGRES_URL is not set");
        schema = "pint_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws Exception {
        close();
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Override
    protected String jdbcUrl() {
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String baseUrl() {
        String url = System.getenv("SILKGATE_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? null : url;
    }
}
