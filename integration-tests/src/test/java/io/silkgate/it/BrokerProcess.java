package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One half of a shared-store broker pair ({@code java -jar silkgate.jar broker}) as a separate process: started on
 * a fixed free port, killed with SIGKILL like a crashed host, restarted on the same port.
 */
final class BrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        // a crashed or interrupted test JVM must not leave brokers behind holding ports and the store's lock
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private final String role;
    private final Path sharedStore;
    private final Path config;
    private final Path log;
    private final int port;
    private int peerPort;
    private Process process;

    /**
     * @param dir         this broker's own dir (its log)
     * @param sharedStore the journal dir both halves share
     * @param config      a silkgate.yaml whose partners get their queues
     */
    BrokerProcess(String role, Path dir, Path sharedStore, Path config) {
        this.role = role;
        this.sharedStore = sharedStore;
        this.config = config;
        this.log = dir.resolve("broker-" + role + ".log");
        try {
            Files.createDirectories(dir);
            this.port = GatewayProcess.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The other half, to which this one announces itself. */
    BrokerProcess peer(BrokerProcess other) {
        this.peerPort = other.port;
        return this;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts and waits until the primary is active, or the backup is waiting for the store's lock. */
    BrokerProcess start() {
        try {
            Files.writeString(log, "==== start\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            long before = Files.size(log);
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx192m", "-jar", GatewayProcess.jar().toString(), "broker", "--role", role,
                    "--shared-store", sharedStore.toString(), "--port", String.valueOf(port),
                    "--peer", "127.0.0.1:" + peerPort, "--config", config.toString(), "--data",
                    log.getParent().resolve("broker-" + role).toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            LIVE.add(process);
            String expected = "primary".equals(role) ? "is ACTIVE" : "waiting as BACKUP";
            Await.until(START_TIMEOUT, "broker " + role + " to log '" + expected + "'", () -> {
                if (!process.isAlive()) {
                    fail("broker " + role + " exited with " + process.exitValue() + "\n" + logText());
                }
                return logText().substring((int) before).contains(expected);
            }, this::logText);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start broker " + role, e);
        }
    }

    /** Waits until this broker logs that it became active (a backup after the primary died). */
    void awaitActive(Duration timeout) {
        Await.until(timeout, "broker " + role + " to become active",
                () -> logText().lines().filter(l -> l.contains("is ACTIVE")).count() > 0, this::logText);
    }

    /** kill -9: the broker's file lock on the shared store goes with it. */
    void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                fail("broker " + role + " did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            LIVE.remove(process);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no broker log: " + e + ")";
        }
    }

    String logTail() {
        List<String> lines = logText().lines().toList();
        return "---- broker log " + log + " ----\n" + String.join("\n",
                lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    @Override
    public void close() {
        kill();
    }
}
