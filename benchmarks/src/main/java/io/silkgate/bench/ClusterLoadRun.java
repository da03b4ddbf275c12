package io.silkgate.bench;

import io.silkgate.certs.SamplePki;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput of one gateway node next to two (issue 10): each configuration runs as separate processes of
 * {@code gateway/target/silkgate.jar} — a {@code silkgate broker} and N {@code silkgate serve} nodes on a fresh
 * PostgreSQL schema — and C clients submit signed invoices round-robin to the nodes in a closed loop until every
 * one has reached the partner. On one small machine the nodes share its cores, so this shows the cost of the
 * shared broker and database rather than the gain of more hosts.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.silkgate.bench.ClusterLoadRun
 *     --postgres 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres' [--documents 400] [--clients 8]</pre>
 */
public final class ClusterLoadRun {

    private static final String PARTNER = "bench-buyer";

    private final String postgres;
    private final int documents;
    private final int clients;
    private final Path jar;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger numbers = new AtomicInteger();
    private final List<Process> processes = new ArrayList<>();

    ClusterLoadRun(String postgres, int documents, int clients, Path jar, PrintStream out) {
        this.postgres = postgres;
        this.documents = documents;
        this.clients = clients;
        this.jar = jar;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String postgres = System.getenv("SILKGATE_TEST_POSTGRES_URL");
        int documents = 400;
        int clients = 8;
        Path jar = Path.of("gateway/target/silkgate.jar");
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--postgres" -> postgres = args[i + 1];
                    case "--documents" -> documents = Integer.parseInt(args[i + 1]);
                    case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                    case "--jar" -> jar = Path.of(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (postgres == null || !Files.isRegularFile(jar) || documents < 1 || clients < 1) {
                throw new IllegalArgumentException("needs --postgres JDBC_URL (or SILKGATE_TEST_POSTGRES_URL), an"
                        + " existing --jar and positive counts");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\nusage: ClusterLoadRun --postgres JDBC_URL [--documents N (400)]"
                    + " [--clients C (8)] [--jar gateway/target/silkgate.jar]");
            System.exit(2);
        }
        ClusterLoadRun run = new ClusterLoadRun(postgres, documents, clients, jar, System.out);
        double one = run.throughput(1);
        double two = run.throughput(2);
        System.out.printf(Locale.ROOT, "delivered docs/s: 1 node %.1f, 2 nodes %.1f (x%.2f), %d cores%n", one, two,
                two / one, Runtime.getRuntime().availableProcessors());
        System.exit(0);
    }

    /** Delivered documents per second with {@code nodes} gateway nodes; everything is stopped afterwards. */
    double throughput(int nodes) throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path dir = Files.createTempDirectory("silkgate-cluster-load");
        sql("CREATE SCHEMA " + schema);
        try (BenchReceiver partner = new BenchReceiver()) {
            int brokerPort = freePort();
            Path partners = Files.writeString(dir.resolve("partners.yaml"), partnersYaml(partner));
            start(dir.resolve("broker.log"), "broker", "--role", "primary", "--config", partners.toString(),
                    "--data", dir.resolve("broker").toString(), "--port", String.valueOf(brokerPort));
            List<URI> bases = new ArrayList<>();
            for (int i = 1; i <= nodes; i++) {
                Path node = Files.createDirectories(dir.resolve("node-" + i));
                SamplePki.copyTo(node.resolve("pki"));
                int port = freePort();
                Path config = Files.writeString(node.resolve("silkgate.yaml"), """
                        gateway:
                          http-host: 127.0.0.1
                          http-port: %d
                          node-id: node-%d
                          data-dir: .
                          archive-dir: "%s"
                          broker: tcp://127.0.0.1:%d
                          database: "%s"
                          rate-limit: unlimited
                        trust:
                          - { country: CN, anchors: pki/cn/root-ca.pem, crl: pki/cn/issuing-ca.crl }
                        """.formatted(port, i, dir.resolve("archive"), brokerPort, withSchema(schema))
                        + partnersYaml(partner));
                start(node.resolve("gateway.log"), "serve", "--config", config.toString());
                bases.add(URI.create("http://127.0.0.1:" + port));
            }
            for (URI base : bases) {
                awaitReady(base);
            }
            closedLoop(bases, presign(Math.max(20, documents / 10)), partner);
            List<byte[]> load = presign(documents);
            int before = partner.deliveredCount();
            long start = System.nanoTime();
            closedLoop(bases, load, partner);
            while (partner.deliveredCount() < before + documents) {
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException("only " + (partner.deliveredCount() - before) + " of "
                            + documents + " delivered after 10 minutes; logs in " + dir);
                }
                Thread.sleep(20);
            }
            double perSecond = documents / ((System.nanoTime() - start) / 1e9);
            out.printf(Locale.ROOT, "%d node(s), %d clients: %d documents delivered, %.1f docs/s%n", nodes, clients,
                    documents, perSecond);
            return perSecond;
        } finally {
            stopAll();
            sql("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private String partnersYaml(BenchReceiver partner) {
        return "partners:\n  - { id: " + PARTNER + ", country: VN, format: ubl, endpoint: { type: rest, url: \""
                + partner.url() + "\" } }\nrouting:\n  - { family: invoice, buyer-country: VN, to: [" + PARTNER
                + "] }\n";
    }

    private void closedLoop(List<URI> bases, List<byte[]> docs, BenchReceiver partner) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < docs.size(); i = next.getAndIncrement()) {
                        submit(bases.get(i % bases.size()), docs.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void submit(URI base, byte[] document) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/documents"))
                .header("Content-Type", "application/xml").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(document)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("not accepted by " + base + ": " + r.statusCode() + " " + r.body());
        }
    }

    private List<byte[]> presign(int count) {
        List<byte[]> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            docs.add(BenchDocuments.signedInvoice(BenchDocuments.SMALL_LINES, "CLUSTER-" + numbers.incrementAndGet()
                    + "-" + UUID.randomUUID().toString().substring(0, 8), BenchDocuments.RSA_SIGNER));
        }
        return docs;
    }

    private void awaitReady(URI base) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/api/v1/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(base + " was not ready within 600 s");
    }

    private void start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        processes.add(p);
        if (args[0].equals("broker")) {
            // the broker logs "is ACTIVE" once it serves; the nodes need it at start
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(log) || !Files.readString(log).contains("is ACTIVE")) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    throw new IllegalStateException("the broker did not start; see " + log);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Gateways first (SIGTERM, they finish their deliveries), the broker last. */
    private void stopAll() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        processes.clear();
    }

    private String withSchema(String schema) {
        return postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres)) {
            c.createStatement().execute(statement);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
