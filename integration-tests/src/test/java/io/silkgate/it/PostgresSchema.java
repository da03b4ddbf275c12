package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * A ledger schema of its own on the PostgreSQL server named by {@code SILKGATE_TEST_POSTGRES_URL}, so that gateways
 * of one run, of parallel runs and of other test suites never share a ledger; dropped with everything in it on
 * close (or, if a test JVM is stopped first, by its shutdown hook).
 */
final class PostgresSchema implements AutoCloseable {

    static final String URL_VARIABLE = "SILKGATE_TEST_POSTGRES_URL";
    private static final String URL = System.getenv(URL_VARIABLE);
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(name -> {
            try {
                drop(name);
            } catch (RuntimeException e) {
                System.err.println("PostgresSchema: " + e.getMessage());
            }
        })));
    }

    private final String name;
    private boolean dropped;

    private PostgresSchema(String name) {
        this.name = name;
    }

    /** True when {@code SILKGATE_TEST_POSTGRES_URL} names a server. */
    static boolean configured() {
        return URL != null && !URL.isBlank();
    }

    /** Skips the calling test, visibly, when no PostgreSQL server is configured. */
    static void assumeConfigured(String what) {
        if (!configured()) {
            String message = URL_VARIABLE + " is not set: " + what + " is skipped (e.g. " + URL_VARIABLE
                    + "='jdbc:postgresql://127.0.0.1:5432/test?user=postgres')";
            System.out.println("SKIPPED " + message);
            Assumptions.assumeTrue(false, message);
        }
    }

    /** Creates a fresh, empty schema; the gateway's Flyway migrations fill it at start-up. */
    static PostgresSchema create() {
        assumeConfigured("a test that needs PostgreSQL");
        String name = "silkgate_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + name);
        LIVE.add(name);
        System.out.println("PostgresSchema: created schema " + name);
        return new PostgresSchema(name);
    }

    String name() {
        return name;
    }

    /** The URL a gateway uses: the test server, with this schema as the current (and only searched) one. */
    String jdbcUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** The {@code gateway.database} line of a gateway's configuration. */
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
    public synchronized void close() {
        if (!dropped) {
            dropped = true;
            drop(name);
        }
    }

    private static void drop(String name) {
        if (LIVE.remove(name)) {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            System.out.println("PostgresSchema: dropped schema " + name);
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL); Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            // the URL may carry a password: name the variable, not its value
            throw new IllegalStateException(sql + " on " + URL_VARIABLE + ": " + e.getMessage(), e);
        }
    }
}
