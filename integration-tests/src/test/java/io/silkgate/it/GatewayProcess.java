package io.silkgate.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.silkgate.certs.SamplePki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The packaged gateway ({@code java -jar silkgate.jar serve}) as a separate process on a data dir of its own:
 * writes its silkgate.yaml, starts it, waits until it is healthy, talks to its HTTP API, and kills or stops it.
 * Several starts of one instance are the same installation restarted.
 *
 * <p>The ledger: when {@code SILKGATE_TEST_POSTGRES_URL} is set, each instance runs on a PostgreSQL schema of its
 * own ({@link PostgresSchema}), created at its first start and dropped on {@link #close()}; otherwise, or after
 * {@link #onEmbeddedLedger()}, on the embedded H2 ledger in its data dir. Each start says which in the test output.
 */
final class GatewayProcess implements AutoCloseable {

    // generous: on a CI machine shared with other builds a healthy start has been seen to take over 90 s
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static Path jarSnapshot;

    static {
        // a crashed or interrupted test JVM must not leave gateways behind holding ports and data dirs
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private final Path dataDir;
    private final String gatewayYaml;
    private final String partnersYaml;
    private final Map<String, String> environment;
    private final Path config;
    private final Path log;
    private HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String scheme = "http";
    private String trustYaml = "  - { country: CN, anchors: pki/cn/root-ca.pem, crl: pki/cn/issuing-ca.crl }\n";
    private Process process;
    private boolean embeddedLedger;
    private PostgresSchema postgresSchema;
    private int port;
    private int plannedPort;

    /**
     * @param dataDir      the gateway's data dir; the sample PKI is extracted into {@code dataDir/pki}
     * @param partnersYaml the {@code partners:} and {@code routing:} sections, appended to the generated config
     */
    GatewayProcess(Path dataDir, String partnersYaml) {
        this(dataDir, "", partnersYaml, Map.of());
    }

    /**
     * @param gatewayYaml  further keys of the {@code gateway:} section, each line indented by two spaces
     *                     (e.g. {@code "  jmx: { port: 9010 }\n"})
     * @param partnersYaml the {@code partners:} and {@code routing:} sections, appended to the generated config
     * @param environment  variables added to the gateway process's environment, e.g. for {@code ${NAME}} secrets
     */
    GatewayProcess(Path dataDir, String gatewayYaml, String partnersYaml, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.gatewayYaml = gatewayYaml;
        this.partnersYaml = partnersYaml;
        this.environment = Map.copyOf(environment);
        this.config = dataDir.resolve("silkgate.yaml");
        this.log = dataDir.resolve("gateway.log");
        if (!Files.isDirectory(dataDir.resolve("pki"))) {
            SamplePki.copyTo(dataDir.resolve("pki"));
        }
    }

    /**
     * Talks HTTPS to a gateway whose {@code gateway.tls} is set, trusting what {@code tls} trusts (and presenting
     * its client key, if it has one); call before {@link #start()}.
     */
    GatewayProcess useTls(javax.net.ssl.SSLContext tls) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(tls).build();
        this.scheme = "https";
        return this;
    }

    /**
     * The packaged jar under test, as passed by failsafe; fails with a hint if it has not been built. Every
     * process of this test run starts from one private copy, so a rebuild of gateway/target/silkgate.jar while
     * the tests run cannot change or corrupt the code under test halfway.
     */
    static synchronized Path jar() {
        if (jarSnapshot == null) {
            String property = System.getProperty("silkgate.jar");
            if (property == null) {
                fail("system property silkgate.jar is not set (run the tests through failsafe: "
                        + "./mvnw -B -pl integration-tests -am verify)");
            }
            Path built = Path.of(property).toAbsolutePath().normalize();
            if (!Files.isRegularFile(built)) {
                fail(built + " does not exist: build it first with ./mvnw -B -pl gateway -am package -DskipTests");
            }
            jarSnapshot = snapshot(built);
        }
        return jarSnapshot;
    }

    private static Path snapshot(Path built) {
        try {
            Path dir = Files.createTempDirectory("silkgate-it-jar");
            dir.toFile().deleteOnExit();
            Path copy = Files.copy(built, dir.resolve("silkgate.jar"));
            copy.toFile().deleteOnExit();
            try (JarFile jar = new JarFile(copy.toFile())) {
                Manifest manifest = jar.getManifest();
                if (manifest == null || manifest.getMainAttributes().getValue("Main-Class") == null) {
                    fail(built + " is not an executable jar (no Main-Class)");
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + built + " (is it being rebuilt right now?)", e);
        }
    }

    /**
     * Keeps this gateway on the embedded H2 ledger even when {@code SILKGATE_TEST_POSTGRES_URL} is set, for the
     * cases that must hold on both ledgers; call before {@link #start()}.
     */
    GatewayProcess onEmbeddedLedger() {
        if (postgresSchema != null) {
            throw new IllegalStateException("this gateway already has its ledger on PostgreSQL");
        }
        this.embeddedLedger = true;
        return this;
    }

    /** The PostgreSQL schema of this gateway's ledger; empty while it has not started, or when it runs on H2. */
    Optional<PostgresSchema> postgresSchema() {
        return Optional.ofNullable(postgresSchema);
    }

    /** Starts the gateway on a fresh free port and waits until {@code GET /api/v1/health} answers 200. */
    GatewayProcess start() {
        if (isAlive()) {
            throw new IllegalStateException("the gateway is already running");
        }
        try {
            port = plannedPort != 0 ? plannedPort : freePort();
            plannedPort = 0;
            Files.writeString(config, configYaml(port, ledgerYaml() + gatewayYaml) + trustYaml + partnersYaml);
            Files.writeString(log, "==== start on port " + port + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx384m", "-jar", jar().toString(),
                    "serve", "--config", config.toString(), "--data", dataDir.toString())
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            LIVE.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the gateway", e);
        }
        awaitHealthy();
        if (postgresSchema != null && Files.exists(dataDir.resolve("ledger"))) {
            fail("the gateway was configured for PostgreSQL schema " + postgresSchema.name()
                    + " but created an embedded ledger in " + dataDir.resolve("ledger"));
        }
        return this;
    }

    /** The {@code gateway.database} line, if any: a schema of its own on the test server, made at the first start. */
    private String ledgerYaml() {
        boolean ownDatabase = gatewayYaml.lines().anyMatch(line -> line.startsWith("  database:"));
        if (ownDatabase) {
            report("ledger as configured by the test");
            return "";
        }
        if (embeddedLedger || !PostgresSchema.configured()) {
            report("ledger on embedded H2 in " + dataDir
                    + (embeddedLedger ? "" : " (" + PostgresSchema.URL_VARIABLE + " is not set)"));
            return "";
        }
        if (postgresSchema == null) {
            postgresSchema = PostgresSchema.create();
        }
        report("ledger on PostgreSQL schema " + postgresSchema.name());
        return postgresSchema.gatewayYaml();
    }

    private static void report(String message) {
        System.out.println("GatewayProcess: " + message);
    }

    /** kill -9: the gateway gets no chance to clean up, like a power cut or an OOM kill. */
    void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                fail("the gateway did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            LIVE.remove(process);
        }
    }

    /**
     * SIGTERM, then waits for the process to exit. Fails (and kills it) if it is still running after
     * {@code timeout}. Returns the exit code.
     */
    int stop(Duration timeout) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the gateway is not running");
        }
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                String tail = logTail();
                kill();
                fail("the gateway did not exit within " + timeout.toSeconds() + " s of SIGTERM\n" + tail);
            }
            return process.exitValue();
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

    /** Kills the gateway if it runs, then drops its PostgreSQL schema, if it has one. */
    @Override
    public void close() {
        try {
            if (isAlive()) {
                kill();
            }
        } finally {
            if (postgresSchema != null) {
                postgresSchema.close();
            }
        }
    }

    /**
     * The base URI the next {@link #start()} will listen on, chosen now: lets another gateway's configuration
     * name this one before it runs.
     */
    synchronized URI plannedBaseUri() {
        if (plannedPort == 0) {
            try {
                plannedPort = freePort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return URI.create(scheme + "://127.0.0.1:" + plannedPort);
    }

    URI baseUri() {
        return URI.create(scheme + "://127.0.0.1:" + port);
    }

    Path dataDir() {
        return dataDir;
    }

    /** POST /api/v1/documents with the given body, content type and extra headers (name, value, name, value...). */
    HttpAnswer submit(byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri().resolve("/api/v1/documents"))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** POST of a body to a path on the gateway, with extra headers (name, value, name, value...). */
    HttpAnswer post(String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri().resolve(path))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** GET of a path or absolute URL on the gateway. */
    HttpAnswer get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(baseUri().resolve(pathOrUrl)).timeout(CALL_TIMEOUT).GET().build());
    }

    /** The ledger's view of a document: GET /api/v1/documents/{id}, which must answer 200. */
    JsonNode document(String id) {
        HttpAnswer answer = get("/api/v1/documents/" + id);
        if (answer.status() != 200) {
            fail("GET /api/v1/documents/" + id + " answered " + answer);
        }
        return answer.json();
    }

    /**
     * Waits until {@code GET /api/v1/health} reports {@code "ruleSets": "WARM"}. The gateway is healthy while it
     * still compiles its invoice rule sets in the background; a submission in that time competes with the
     * compilation and, on a loaded machine, can outlast the tests' call time-out.
     */
    void awaitRuleSetsWarm(Duration timeout) {
        AtomicReference<String> last = new AtomicReference<>();
        Await.until(timeout, "health to report ruleSets WARM", () -> {
            last.set(get("/api/v1/health").text());
            return last.get().contains("\"ruleSets\":\"WARM\"");
        }, () -> "last health: " + last.get() + "\n" + logTail());
    }

    /** Polls the document's status until {@code condition} holds; returns the last view. */
    JsonNode awaitDocument(String id, String what, Predicate<JsonNode> condition, Duration timeout) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Await.until(timeout, "document " + id + ": " + what, () -> {
            last.set(document(id));
            return condition.test(last.get());
        }, () -> "last status: " + last.get() + "\n" + logTail());
        return last.get();
    }

    /** Everything the gateway wrote to stdout and stderr, over all its starts on this data dir. */
    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines the gateway wrote (all its starts on this data dir), for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = new ArrayList<>(lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            return "---- gateway log " + log + " (last " + tail.size() + " lines) ----\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "(no gateway log: " + e + ")";
        }
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                LIVE.remove(process);
                fail("the gateway exited with code " + process.exitValue() + " during start-up\n" + logTail());
            }
            if (healthy()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                String tail = logTail();
                kill();
                fail("the gateway did not answer GET /api/v1/health with 200 within " + START_TIMEOUT.toSeconds()
                        + " s\n" + tail);
            }
            Await.pause(250);
        }
    }

    private boolean healthy() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(baseUri().resolve("/api/v1/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpAnswer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new HttpAnswer(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String configYaml(int port, String gatewayYaml) {
        // paths are relative to this file, which lives in the data dir next to the extracted PKI
        return """
                # written by the integration tests (GatewayProcess)
                gateway:
                  http-host: 127.0.0.1
                  http-port: %d
                  data-dir: .
                  signing: { keystore: pki/silkgate/gateway.p12, password: silkgate-sample, alias: gateway }
                  delivery: { attempts: 5, delay: 300ms, multiplier: 2, max-delay: 2s, timeout: 5s }
                  rate-limit: unlimited   # the harness polls document status in bursts; SecurityIT sets its own limits
                %strust:
                """.formatted(port, gatewayYaml);
    }

    /** Replaces the {@code trust:} entries (default: the sample CN root and CRL), each line indented by two spaces. */
    GatewayProcess trust(String entries) {
        this.trustYaml = entries;
        return this;
    }

    /** One partner block for the {@code partners:} list, receiving UBL over REST at the stub's URL. */
    static String partner(String id, StubPartner stub, String extraYaml) {
        return "  - id: " + id + "\n"
                + "    country: VN\n"
                + "    format: ubl\n"
                + "    endpoint: { type: rest, url: \"" + stub.url() + "\" }\n"
                + (extraYaml.isEmpty() ? "" : "    " + extraYaml + "\n");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
