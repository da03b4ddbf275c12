package io.silkgate.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The ledger on PostgreSQL, when {@code SILKGATE_TEST_POSTGRES_URL} names a database to use, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. Each test gets its own schema, dropped afterwards.
 */
class PostgresLedgerTest extends LedgerBehaviour {

    private static final String URL_VARIABLE = "SILKGATE_TEST_POSTGRES_URL";

    private String schema;

    @BeforeAll
    static void requirePostgres() {
        if (baseUrl() == null) {
            String message = "PostgreSQL tests skipped: " + URL_VARIABLE + " is not set";
            System.out.println(message);
            Assumptions.abort(message);
        }
    }

    @Override
    protected String createDatabase() throws Exception {
        schema = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + schema);
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected void dropDatabase() throws Exception {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String baseUrl() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? null : url;
    }
}
