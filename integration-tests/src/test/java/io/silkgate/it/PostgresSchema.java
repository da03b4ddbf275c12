package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own on the server of {@code SILKGATE_TEST_POSTGRES_URL}, so that runs never share a ledger;
 * dropped with everything in it on close. Creating one skips the test, visibly, when the variable is not set.
 */
final class PostgresSchema implements AutoCloseable {

    static final String URL_VARIABLE = "SILKGATE_TEST_POSTGRES_URL";
    private static final String POSTGRES_URL = System.getenv(URL_VARIABLE);

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    /** True when a PostgreSQL server is named for the tests. */
    static boolean available() {
        return POSTGRES_URL != null && !POSTGRES_URL.isBlank();
    }

    /** Skips the calling test with a message on stdout when no server is named. */
    static void assumeAvailable(String what) {
        if (!available()) {
            String message = URL_VARIABLE + " is not set: " + what + " is skipped"
                    + " (e.g. " + URL_VARIABLE + "='jdbc:postgresql://127.0.0.1:5432/test?user=postgres')";
            report("SKIPPED %s", message);
            Assumptions.assumeTrue(false, message);
        }
    }

    static PostgresSchema create() {
        assumeAvailable("the ledger-on-PostgreSQL test");
        String name = "ledger_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(POSTGRES_URL, "CREATE SCHEMA " + name);
        report("created PostgreSQL schema %s", name);
        return new PostgresSchema(name);
    }

    String name() {
        return name;
    }

    /** The URL the gateway uses: the test server, with this schema as the current one. */
    String jdbcUrl() {
        return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** The {@code gateway.database} line for GatewayProcess. */
    String gatewayYaml() {
        return "  database: \"" + jdbcUrl() + "\"\n";
    }

    /** The single number a {@code SELECT count(*)} in this schema answers, with {@code ?} bound to the values. */
    long count(String sql, String... values) {
        try (Connection c = DriverManager.getConnection(jdbcUrl());
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), sql);
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " in " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute(POSTGRES_URL, "DROP SCHEMA " + name + " CASCADE");
        report("dropped PostgreSQL schema %s", name);
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + url + ": " + e.getMessage(), e);
        }
    }

    private static void report(String format, Object... args) {
        System.out.println("PostgresSchema: " + String.format(format, args));
    }
}
