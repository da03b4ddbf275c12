package io.silkgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.silkgate.certs.SamplePki;
import io.silkgate.gateway.SilkgateGateway;
import io.silkgate.gateway.config.ConfigLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The end-to-end load run: an in-process gateway (embedded broker, H2 ledger, temp data dir) delivering to a REST
 * partner stub, N signed invoices submitted over HTTP by C concurrent clients, compared with the limit that the
 * per-step single-thread costs of the same documents allow on this machine's cores, measured first in this process.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.silkgate.bench.LoadRun --documents 2000 --clients 8</pre>
 */
public final class LoadRun {

    private static final String PARTNER = "bench-buyer";
    private static final Duration SETTLE = Duration.ofMinutes(5);
    /** The warm-up ends once the JIT compiler takes less than this share of the process CPU. */
    private static final double JIT_SETTLED = 0.05;

    /** What to run; see {@link #usage()}. */
    public record Options(int documents, int clients, int lines, int warmup, int warmupSeconds, boolean halfLoad,
                          int longRunSeconds, double stepSeconds, Path dataDir) {

        static Options parse(String[] args) {
            int documents = 2000;
            int clients = 8;
            int lines = BenchDocuments.SMALL_LINES;
            int warmup = 1000;
            int warmupSeconds = 300;
            boolean halfLoad = true;
            int longRun = 0;
            double stepSeconds = 2;
            Path dataDir = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--documents" -> documents = Integer.parseInt(require(value, args[i++]));
                    case "--clients" -> clients = Integer.parseInt(require(value, args[i++]));
                    case "--lines" -> lines = Integer.parseInt(require(value, args[i++]));
                    case "--warmup" -> warmup = Integer.parseInt(require(value, args[i++]));
                    case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(require(value, args[i++]));
                    case "--no-half-load" -> halfLoad = false;
                    case "--long-run" -> longRun = Integer.parseInt(require(value, args[i++]));
                    case "--step-seconds" -> stepSeconds = Double.parseDouble(require(value, args[i++]));
                    case "--data" -> dataDir = Path.of(require(value, args[i++]));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
                }
            }
            if (documents < 1 || clients < 1 || lines < 1 || warmup < 0 || warmupSeconds < 0 || longRun < 0) {
                throw new IllegalArgumentException("counts must be positive\n" + usage());
            }
            return new Options(documents, clients, lines, warmup, warmupSeconds, halfLoad, longRun, stepSeconds,
                    dataDir);
        }

        private static String require(String value, String option) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value\n" + usage());
            }
            return value;
        }
    }

    /** The figures of one load run. */
    public record Report(int documents, int accepted, int delivered, double acceptedPerSecond,
                         double deliveredPerSecond, Percentiles acceptLatency, Percentiles endToEndLatency,
                         long peakHeapBytes, double limitPerSecond, Percentiles halfLoadAcceptLatency,
                         double halfLoadRate, boolean signatureSeen) {

        /** Delivered documents per second as a fraction of the same-run limit. */
        public double ratio() {
            return deliveredPerSecond / limitPerSecond;
        }
    }

    private final Options options;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger numbers = new AtomicInteger();
    /** Each client thread's own keep-alive connection. */
    private final ThreadLocal<SubmitConnection> connections = new ThreadLocal<>();
    private final Queue<SubmitConnection> opened = new ConcurrentLinkedQueue<>();
    private int port;

    public LoadRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        // one log line per document and delivery would be the loudest thing in the run
        System.setProperty("org.slf4j.simpleLogger.log.io.silkgate", "warn");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new LoadRun(options, System.out).run();
        System.exit(0);
    }

    static String usage() {
        return "usage: LoadRun [--documents N (2000)] [--clients C (8)] [--lines L (2: ~10 KB signed)]"
                + " [--warmup W (1000)] [--warmup-seconds S (300)] [--no-half-load] [--long-run SECONDS]"
                + " [--step-seconds S (2)] [--data DIR]";
    }

    // The collector sets the half-load tail (its pauses), so a report names it even when the JVM chose it.
    private static String collectorNames() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }

    /** Runs everything the options ask for and prints the figures; the report is also returned. */
    public Report run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "Silkgate load run: %d documents (%d lines), %d clients, %d cores, %s, Java %s %s%n",
                options.documents(), options.lines(), options.clients(), cores, cpuModel(),
                System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments());
        out.println("garbage collector: " + collectorNames());

        out.printf(Locale.ROOT, "signed document size: %,d bytes%n", nextDocument().length);

        Path dataDir = options.dataDir() != null ? options.dataDir() : Files.createTempDirectory("silkgate-load");
        try (BenchReceiver partner = new BenchReceiver(); HeapSampler heap = new HeapSampler(50)) {
            SilkgateGateway gateway = new SilkgateGateway(ConfigLoader.load(writeConfig(dataDir, partner)));
            gateway.start();
            try {
                URI base = URI.create("http://127.0.0.1:" + port);
                awaitReady(base);
                warmUp(base, partner, options.warmup());
                List<byte[]> documents = presign(options.documents());
                // measured now, on code the JIT compiled for the warm-up, as the full load will run it, and on the
                // documents the full load submits
                out.println("per-step single-thread cost, the full load's documents, this process (gateway idle):");
                StepCosts costs = StepCosts.measure(documents, dataDir, options.stepSeconds() * 0.75,
                        options.stepSeconds());
                costs.print(out, cores);
                double limit = costs.limit(cores);
                // the steps alone gave the compiler other profiles to act on: let it settle again on the full load
                warmUp(base, partner, 1);
                // signed before the measured phases, and moved to the old generation by one full collection here:
                // otherwise every young collection of the half-load phase copies them again
                int halfCount = Math.max(1, options.documents() / 2);
                List<byte[]> halfDocuments = options.halfLoad() ? presign(halfCount) : List.of();
                System.gc();
                heap.reset();
                CpuMeter meter = CpuMeter.start();
                Phase full = closedLoop(base, partner, documents);
                long peakHeap = heap.peak();
                double cpuSeconds = meter.cpuSeconds();
                double wallSeconds = meter.wallSeconds();
                out.println();
                out.printf(Locale.ROOT, "full load (%d clients, closed loop):%n", options.clients());
                out.printf(Locale.ROOT, "  accepted    %d/%d, %,.1f docs/s%n", full.accepted(), full.submitted(),
                        full.acceptedPerSecond());
                out.printf(Locale.ROOT, "  delivered   %d/%d, %,.1f docs/s%n", full.delivered(), full.submitted(),
                        full.deliveredPerSecond());
                out.println("  accept latency      " + full.accept());
                out.println("  end-to-end latency  " + full.endToEnd());
                out.printf(Locale.ROOT, "  peak heap   %,d MB (max %,d MB)%n", peakHeap >> 20,
                        Runtime.getRuntime().maxMemory() >> 20);
                out.printf(Locale.ROOT, "  same-run limit %,.1f docs/s -> delivered / limit = %.2f (against the"
                                + " steps alone: %.2f)%n", limit, full.deliveredPerSecond() / limit,
                        full.deliveredPerSecond() / costs.limitAlone(cores));
                // on a shared machine the process may not get every core: CPU per document shows the overhead alone
                out.printf(Locale.ROOT, "  process CPU %.1f s over %.1f s = %.0f%% of %d cores; %,.0f µs CPU per"
                                + " delivered document = %.1f x the steps' %,.0f µs (load clients and partner stub"
                                + " included)%n", cpuSeconds, wallSeconds, 100 * cpuSeconds / wallSeconds / cores, cores,
                        1e6 * cpuSeconds / Math.max(1, full.delivered()),
                        1e6 * cpuSeconds / Math.max(1, full.delivered()) / costs.totalMicros(), costs.totalMicros());
                out.print("  CPU per delivered document by thread:");
                meter.bySpender().forEach((spender, seconds) -> out.printf(Locale.ROOT, " %s %,.0f µs;",
                        spender.label, 1e6 * seconds / Math.max(1, full.delivered())));
                out.println();

                Percentiles half = null;
                double halfRate = 0;
                if (options.halfLoad()) {
                    halfRate = Math.min(full.acceptedPerSecond(), full.deliveredPerSecond()) / 2;
                    Phase halfPhase = openLoop(base, partner, halfDocuments, halfRate);
                    half = halfPhase.accept();
                    out.printf(Locale.ROOT, "half load (open loop at %,.1f docs/s, %d documents):%n", halfRate,
                            halfCount);
                    out.println("  accept latency      " + half);
                    out.println("  end-to-end latency  " + halfPhase.endToEnd());
                }
                if (options.longRunSeconds() > 0) {
                    double rate = halfRate > 0 ? halfRate
                            : Math.min(full.acceptedPerSecond(), full.deliveredPerSecond()) / 2;
                    longRun(base, partner, rate, options.longRunSeconds(), heap);
                }
                String firstId = full.ids().isEmpty() ? null : full.ids().get(0);
                boolean signed = firstId != null && partner.signed(firstId);
                return new Report(full.submitted(), full.accepted(), full.delivered(), full.acceptedPerSecond(),
                        full.deliveredPerSecond(), full.accept(), full.endToEnd(), peakHeap, limit, half, halfRate,
                        signed);
            } finally {
                gateway.stop();
            }
        } finally {
            if (options.dataDir() == null) {
                TempDirs.delete(dataDir);
            }
        }
    }

    /**
     * Closed-loop rounds of documents until at least {@code minimum} documents went through and the JIT compiler
     * took less than {@link #JIT_SETTLED} of the process CPU in the last two rounds (one quiet round can be a lull
     * between two waves of compilations), or {@code --warmup-seconds} passed.
     */
    private void warmUp(URI base, BenchReceiver partner, int minimum) throws Exception {
        if (options.warmup() == 0) {
            return;
        }
        // rounds long enough (several seconds) for the compiler's share to mean something
        int round = Math.max(500, 50 * options.clients());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        int done = 0;
        int quietRounds = 0;
        double jitShare;
        do {
            List<byte[]> documents = presign(round);
            CpuMeter meter = CpuMeter.start();
            Phase warm = closedLoop(base, partner, documents);
            jitShare = meter.jitShare();
            quietRounds = jitShare <= JIT_SETTLED ? quietRounds + 1 : 0;
            done += documents.size();
            out.printf(Locale.ROOT, "warm-up: %,d documents, %.1f docs/s delivered, JIT compiler %.0f%% of the CPU%n",
                    done, warm.deliveredPerSecond(), 100 * jitShare);
        } while ((done < minimum || quietRounds < 2) && System.nanoTime() < deadline);
        if (quietRounds < 2) {
            out.printf(Locale.ROOT, "warm-up stopped after %d s with the JIT compiler still busy: the figures below"
                    + " include it%n", options.warmupSeconds());
        }
    }

    /** The outcome of one phase: per-document timings and rates. */
    private record Phase(int submitted, int accepted, int delivered, double acceptedPerSecond,
                         double deliveredPerSecond, Percentiles accept, Percentiles endToEnd, List<String> ids) {
    }

    /** Every client sends its next document as soon as the previous one was answered. */
    private Phase closedLoop(URI base, BenchReceiver partner, List<byte[]> documents) throws Exception {
        int n = documents.size();
        long[] submitted = new long[n];
        long[] answered = new long[n];
        String[] ids = new String[n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = clientPool(options.clients());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < options.clients(); c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        submitted[i] = System.nanoTime();
                        ids[i] = submit(base, documents.get(i));
                        answered[i] = System.nanoTime();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
            closeConnections();
        }
        return settle(partner, submitted, answered, ids);
    }

    /** Documents are sent on a fixed schedule; latency counts from the scheduled instant (no coordinated omission). */
    private Phase openLoop(URI base, BenchReceiver partner, List<byte[]> documents, double rate) throws Exception {
        int n = documents.size();
        long[] scheduled = new long[n];
        long[] answered = new long[n];
        String[] ids = new String[n];
        long start = System.nanoTime() + 50_000_000L;
        long interval = (long) (1e9 / rate);
        int threads = Math.max(options.clients(), 4);
        ExecutorService clients = clientPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < threads; c++) {
                int first = c;
                running.add(clients.submit(() -> {
                    for (int i = first; i < n; i += threads) {
                        scheduled[i] = start + i * interval;
                        long wait = scheduled[i] - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        ids[i] = submit(base, documents.get(i));
                        answered[i] = System.nanoTime();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
            closeConnections();
        }
        return settle(partner, scheduled, answered, ids);
    }

    /**
     * Submits at {@code rate} for {@code seconds}, signing each document just before it is due, and prints the heap
     * in use after a full GC every few seconds: a leak shows as a rising line.
     */
    private void longRun(URI base, BenchReceiver partner, double rate, int seconds, HeapSampler heap)
            throws Exception {
        out.printf(Locale.ROOT, "long run: %d s at %,.1f docs/s, heap after GC:%n", seconds, rate);
        BlockingQueue<byte[]> ready = new ArrayBlockingQueue<>(256);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Thread signer = new Thread(() -> {
            try {
                while (System.nanoTime() < end) {
                    ready.put(nextDocument());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-signer");
        signer.setDaemon(true);
        signer.start();
        long interval = (long) (1e9 / rate);
        int threads = Math.max(options.clients(), 4);
        ExecutorService clients = clientPool(threads);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        List<long[]> samples = new ArrayList<>();
        long sampleEvery = TimeUnit.SECONDS.toNanos(Math.max(2, seconds / 30));
        long nextSample = start;
        try {
            long due = start;
            // a machine too busy for the rate leaves documents unsent at the end: the run still ends on time
            while (due < end && System.nanoTime() < end) {
                long now = System.nanoTime();
                if (now >= nextSample) {
                    System.gc();
                    samples.add(new long[] {TimeUnit.NANOSECONDS.toSeconds(now - start), heap.used()});
                    out.printf(Locale.ROOT, "  %5d s  %,6d MB  (%d sent)%n", samples.get(samples.size() - 1)[0],
                            heap.used() >> 20, sent.get());
                    nextSample += sampleEvery;
                }
                if (now < due) {
                    LockSupport.parkNanos(Math.min(due - now, nextSample - now));
                    continue;
                }
                byte[] document = ready.poll(1, TimeUnit.SECONDS);
                if (document == null) {
                    continue;
                }
                clients.execute(() -> {
                    try {
                        submit(base, document);
                        sent.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                });
                due += interval;
            }
        } finally {
            clients.shutdown();
            clients.awaitTermination(1, TimeUnit.MINUTES);
            closeConnections();
            signer.interrupt();
        }
        System.gc();
        samples.add(new long[] {TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), heap.used()});
        int quarter = Math.max(1, samples.size() / 4);
        double first = samples.subList(0, quarter).stream().mapToLong(s -> s[1]).average().orElse(0);
        double last = samples.subList(samples.size() - quarter, samples.size()).stream().mapToLong(s -> s[1])
                .average().orElse(0);
        boolean flat = last <= first * 1.2 + (16 << 20);
        out.printf(Locale.ROOT, "  sent %d, failed %d, delivered so far %d; heap after GC first quarter %,d MB,"
                        + " last quarter %,d MB: %s%n", sent.get(), failed.get(), partner.deliveredCount(),
                (long) first >> 20, (long) last >> 20, flat ? "flat" : "RISING");
    }

    private Phase settle(BenchReceiver partner, long[] submitted, long[] answered, String[] ids)
            throws InterruptedException {
        int n = ids.length;
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<String> accepted = new ArrayList<>();
        for (String id : ids) {
            if (id != null) {
                accepted.add(id);
            }
        }
        while (System.nanoTime() < deadline && accepted.stream().anyMatch(id -> partner.deliveredAt(id) == null)) {
            Thread.sleep(20);
        }
        long firstSubmit = Long.MAX_VALUE;
        long lastAnswer = 0;
        long lastDelivery = 0;
        List<Long> acceptNanos = new ArrayList<>();
        List<Long> endToEndNanos = new ArrayList<>();
        int delivered = 0;
        for (int i = 0; i < n; i++) {
            firstSubmit = Math.min(firstSubmit, submitted[i]);
            lastAnswer = Math.max(lastAnswer, answered[i]);
            if (ids[i] == null) {
                continue;
            }
            acceptNanos.add(answered[i] - submitted[i]);
            Long at = partner.deliveredAt(ids[i]);
            if (at != null) {
                delivered++;
                lastDelivery = Math.max(lastDelivery, at);
                endToEndNanos.add(at - submitted[i]);
            }
        }
        double acceptedRate = accepted.size() / ((lastAnswer - firstSubmit) / 1e9);
        double deliveredRate = delivered == 0 ? 0 : delivered / ((lastDelivery - firstSubmit) / 1e9);
        return new Phase(n, accepted.size(), delivered, acceptedRate, deliveredRate,
                Percentiles.of(acceptNanos.stream().mapToLong(Long::longValue).toArray()),
                Percentiles.of(endToEndNanos.stream().mapToLong(Long::longValue).toArray()), accepted);
    }

    /** POSTs one document; its gateway id when the answer is 202, otherwise null (and one line on the output). */
    private String submit(URI base, byte[] document) {
        SubmitConnection connection = connections.get();
        if (connection == null) {
            connection = new SubmitConnection(base);
            connections.set(connection);
            opened.add(connection);
        }
        try {
            SubmitConnection.Answer answer = connection.post("/api/v1/documents", "application/xml", document);
            if (answer.status() != 202) {
                out.println("  not accepted: " + answer.status() + " " + answer.body());
                return null;
            }
            return json.readTree(answer.body()).path("id").asText(null);
        } catch (IOException e) {
            out.println("  submission failed: " + e);
            return null;
        }
    }

    /** Load client threads, named so that the CPU split counts them as the run's own. */
    private static ExecutorService clientPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-client-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Closes the clients' connections at the end of a phase (its threads end with it). */
    private void closeConnections() {
        for (SubmitConnection c = opened.poll(); c != null; c = opened.poll()) {
            c.close();
        }
    }

    private List<byte[]> presign(int count) {
        List<byte[]> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            documents.add(nextDocument());
        }
        return documents;
    }

    /** A new invoice number each time: the gateway would answer a repeat as a duplicate. */
    private byte[] nextDocument() {
        return BenchDocuments.signedInvoice(options.lines(), "BENCH-" + numbers.incrementAndGet(),
                BenchDocuments.RSA_SIGNER);
    }

    private Path writeConfig(Path dataDir, BenchReceiver partner) throws IOException {
        Files.createDirectories(dataDir);
        SamplePki.copyTo(dataDir.resolve("pki"));
        port = freePort();
        String yaml = """
                # written by the Silkgate load run
                gateway:
                  http-host: 127.0.0.1
                  http-port: %d
                  data-dir: .
                  max-document-size: 64MB
                trust:
                  - { country: CN, anchors: pki/cn/root-ca.pem, crl: pki/cn/issuing-ca.crl }
                partners:
                  - { id: %s, country: VN, format: ubl, endpoint: { type: rest, url: "%s" } }
                routing:
                  - { family: invoice, buyer-country: VN, to: [%s] }
                """.formatted(port, PARTNER, partner.url(), PARTNER);
        Path file = dataDir.resolve("silkgate.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private void awaitReady(URI base) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/api/v1/health/ready")).build();
        while (System.nanoTime() < deadline) {
            if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the gateway did not become ready within 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | UncheckedIOException e) {
            return "unknown CPU";
        }
    }
}
