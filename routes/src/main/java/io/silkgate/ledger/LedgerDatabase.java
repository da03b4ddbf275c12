package io.silkgate.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The ledger's connection pool, migrated to the current schema on open. */
public final class LedgerDatabase implements AutoCloseable {

    /** Connections to a database server: each one is a server process, and a cluster has several nodes. */
    private static final int MAX_POOL_SIZE = 8;
    /**
     * Connections to the embedded H2 database cost a little memory each. With fewer connections than the threads
     * that write (HTTP workers and delivery consumers: 16-24 under load), the threads queue for one, and handing a
     * connection from thread to thread cost more CPU than the statements it ran.
     */
    private static final int MAX_EMBEDDED_POOL_SIZE = 32;
    private static final int VALIDITY_TIMEOUT_SECONDS = 2;

    private final HikariDataSource dataSource;
    private final EmbeddedLedgerCompaction compaction;

    private LedgerDatabase(HikariDataSource dataSource, EmbeddedLedgerCompaction compaction) {
        this.dataSource = dataSource;
        this.compaction = compaction;
    }

    /**
     * Opens a connection pool (small for a database server, larger for embedded H2) and applies the Flyway migrations under {@code classpath:db/migration}.
     *
     * @param user     database user, or null when the URL carries it (or none is needed)
     * @param password database password, or null
     * @throws LedgerException if the database cannot be reached or migrated
     */
    public static LedgerDatabase open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("silkgate-ledger");
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(jdbcUrl.startsWith("jdbc:h2:") ? MAX_EMBEDDED_POOL_SIZE : MAX_POOL_SIZE);
        // One idle connection keeps an embedded H2 database open between requests instead of re-opening the file.
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new LedgerException("cannot open the ledger database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new LedgerException("cannot migrate the ledger database " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        boolean embedded = jdbcUrl.startsWith("jdbc:h2:file:");
        return new LedgerDatabase(pool, embedded ? new EmbeddedLedgerCompaction(pool) : null);
    }

    /**
     * The JDBC URL of the embedded ledger in {@code <dataDir>/ledger/silkgate.mv.db}.
     *
     * <ul>
     *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook would close the database under routes that are
     *       still finishing in-flight exchanges; the gateway closes the pool itself, last.</li>
     *   <li>{@code WRITE_DELAY=0}: by default H2 writes committed changes to the file up to 500 ms later, so a
     *       killed JVM loses documents it has already answered 202 for (verified: a row committed just before
     *       {@code Runtime.halt} is gone on reopen). With 0 every commit reaches the file before it returns.
     *       H2 still does not fsync per commit, so this protects against process crashes, not power loss;
     *       use PostgreSQL where that matters.</li>
     *   <li>{@code RETENTION_TIME=0}: chunks no longer in use may be overwritten at once instead of after 45 s; at
     *       100 commits/s H2's default kept gigabytes of dead chunks. H2 counts on that delay only where written
     *       buffers may not reach the disk (power loss), which this ledger does not cover anyway (see above).
     *       {@link EmbeddedLedgerCompaction} rewrites the chunks that hold few live pages.</li>
     *   <li>{@code LOCK_TIMEOUT=10000}: status recomputation locks the document row and two concurrent
     *       acceptances of one key wait on each other; H2's 2 s default turns a short queue of writers into
     *       spurious failures.</li>
     *   <li>{@code QUERY_CACHE_SIZE=64}: H2 keeps the 8 last parsed statements per connection by default; the
     *       ledger runs about 30 distinct ones, so every statement was parsed again on each use.</li>
     *   <li>{@code CACHE_SIZE=1024} (KB): every commit writes new copies of the pages it changed and H2 puts them
     *       in its page cache (16 MB by default), where the superseded copies stay until evicted. Under load that
     *       cache was most of what each young collection had to copy: with 1 MB the half-load pauses went from
     *       22-31 ms to about 10 ms and the ledger's own cost per document did not change (load run, README).
     *       The pages the ledger reads back are the recent ones, still in memory or in the OS file cache.</li>
     * </ul>
     * {@code AUTO_SERVER} is deliberately off: it would open a TCP port on the gateway host.
     */
    public static String embeddedUrl(Path dataDir) {
        Path base = dataDir.toAbsolutePath().normalize().resolve("ledger").resolve("silkgate");
        return "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0"
                + ";LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;CACHE_SIZE=1024";
    }

    /** The pooled data source, for {@link Ledger}. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** True when the pool is open and a connection passes the driver's validity check. */
    public boolean isUp() {
        if (dataSource.isClosed()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDITY_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Closes the pool; for an embedded database this also closes the file and releases its lock. */
    @Override
    public void close() {
        if (compaction != null) {
            compaction.close();
        }
        dataSource.close();
    }

    // JDBC URLs may carry credentials (PostgreSQL ?password=, H2 ;PASSWORD=); keep them out of messages.
    static String redact(String jdbcUrl) {
        return jdbcUrl == null ? "null" : jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
