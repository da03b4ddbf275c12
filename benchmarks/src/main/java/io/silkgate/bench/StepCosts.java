package io.silkgate.bench;

import io.silkgate.certs.IssuedCertificate;
import io.silkgate.certs.SamplePki;
import io.silkgate.ledger.Evidence;
import io.silkgate.routes.SignatureEvidence;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.en16931.InvoiceFormats;
import io.silkgate.schemas.validation.InvoiceValidator;
import io.silkgate.sign.DetachedJwsSigner;
import io.silkgate.verify.CertificatePathValidator;
import io.silkgate.verify.TrustAnchors;
import io.silkgate.verify.XmlSignatureVerifier;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.w3c.dom.Document;

/**
 * The single-thread cost of each CPU step the gateway spends on one document, measured in this process on the
 * documents of the load run (timed loops after a warm-up), and the documents per second they allow on N cores.
 */
final class StepCosts {

    /**
     * One step: mean CPU and wall time per document on one thread, taken in pipeline order, and its CPU time when
     * it runs alone in a loop (for comparison: the loop keeps the step's code and data in the core's caches).
     */
    record Step(String name, double micros, double wallMicros, double aloneMicros) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Each measurement is taken this many times; the cheapest round counts. */
    private static final int ROUNDS = 3;

    private final List<Step> steps;

    private StepCosts(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    List<Step> steps() {
        return steps;
    }

    /** Sum of the steps, in microseconds per document. */
    double totalMicros() {
        return steps.stream().mapToDouble(Step::micros).sum();
    }

    /** Documents per second the steps allow when every one of {@code cores} cores does nothing else. */
    double limit(int cores) {
        return cores * 1_000_000.0 / totalMicros();
    }

    /** As {@link #limit}, with each CPU step's cost when it runs alone in a loop. */
    double limitAlone(int cores) {
        return cores * 1_000_000.0 / aloneTotalMicros();
    }

    /** Sum of the CPU steps' costs when each runs alone in a loop, in microseconds per document. */
    private double aloneTotalMicros() {
        double sum = 0;
        for (Step step : steps) {
            sum += step.aloneMicros();
        }
        return sum;
    }

    /**
     * Measures, after a warm-up, the CPU steps of each of the given signed documents in the order the gateway runs
     * them: parse + XMLDSig verify (path and CRL included), the EN 16931 model read and the EN 16931 validation of
     * that parsed document, then the outbound JWS over its bytes; and the durable record of one document (archive,
     * ledger, broker message, into the gateway's own ledger: {@link DurableRecordStep}). Each CPU step is also
     * measured alone, in a loop over a few of the documents, for comparison.
     */
    static StepCosts measure(List<byte[]> signedDocuments, Path gatewayDataDir, double warmupSeconds,
            double measureSeconds) {
        XmlSignatureVerifier verifier = new XmlSignatureVerifier(new CertificatePathValidator());
        TrustAnchors cn = TrustAnchors.of(List.of(SamplePki.certificate("cn/root-ca.pem")),
                List.of(SamplePki.crl("cn/issuing-ca.crl")));
        InvoiceValidator validator = new InvoiceValidator();
        InvoiceFormat ubl = InvoiceFormats.byId("ubl").orElseThrow();
        IssuedCertificate gatewayKey = SamplePki.load("silkgate/gateway");
        DetachedJwsSigner signer = new DetachedJwsSigner(gatewayKey.privateKey(), gatewayKey.chain());
        Instant at = Instant.now();
        Map<String, Function<Document, Object>> onParsed = new LinkedHashMap<>();
        onParsed.put("read EN 16931 model", document -> ubl.read(document.getDocumentElement()));
        onParsed.put("validate EN 16931 (warm)", document -> require(
                validator.validate("ubl", document).isEmpty(), "invoice is not EN 16931-valid"));
        Function<byte[], Document> parseAndVerify = bytes -> {
            Document document = SecureXml.parse(bytes);
            require(verifier.verify(document, (e, c) -> cn, at).ok(), "signature did not verify");
            return document;
        };
        Function<byte[], Object> sign = signer::sign;

        InPipelineOrder pipeline = new InPipelineOrder(signedDocuments, parseAndVerify, onParsed.values(), sign);
        pipeline.run(warmupSeconds);
        double[][] inOrder = cheapestRoundOf(ROUNDS, () -> pipeline.run(measureSeconds));

        // alone: a loop over a few of the documents, parsed beforehand, as JMH would measure a step
        List<byte[]> few = signedDocuments.subList(0, Math.min(8, signedDocuments.size()));
        Cycle<byte[]> bytes = new Cycle<>(few);
        List<Document> parsed = few.stream().map(SecureXml::parse).toList();
        Cycle<Document> documents = new Cycle<>(parsed);
        List<Runnable> alone = new ArrayList<>();
        alone.add(() -> parseAndVerify.apply(bytes.next()));
        onParsed.values().forEach(step -> alone.add(() -> step.apply(documents.next())));
        alone.add(() -> sign.apply(bytes.next()));
        List<String> names = new ArrayList<>();
        names.add("parse + verify XMLDSig");
        names.addAll(onParsed.keySet());
        names.add("sign outbound JWS");
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < alone.size(); i++) {
            Runnable step = alone.get(i);
            run(step, warmupSeconds, false);
            double[] cost = cheapestOf(ROUNDS, () -> run(step, measureSeconds, false));
            steps.add(new Step(names.get(i), inOrder[i][0], inOrder[i][1], cost[0]));
        }
        Evidence evidence = SignatureEvidence.of("sample", verifier.verify(parsed.get(0), (e, c) -> cn, at), at);
        try (DurableRecordStep durable = new DurableRecordStep(gatewayDataDir, signedDocuments.get(0), evidence)) {
            run(durable, warmupSeconds, true);
            double[] cost = cheapestOf(ROUNDS, () -> run(durable, measureSeconds, true));
            steps.add(new Step("archive + ledger + enqueue", cost[0], cost[1], cost[0]));
        }
        return new StepCosts(steps);
    }

    void print(PrintStream out, int cores) {
        out.printf(Locale.ROOT, "  %-28s %9s %15s %9s%n", "", "CPU µs", "(wall µs)", "alone µs");
        for (Step step : steps) {
            out.printf(Locale.ROOT, "  %-28s %9.0f %15s %9.0f%n", step.name(), step.micros(),
                    String.format(Locale.ROOT, "(%,.0f)", step.wallMicros()), step.aloneMicros());
        }
        out.printf(Locale.ROOT, "  %-28s %9.0f %15s %9.0f%n", "sum", totalMicros(), "",
                aloneTotalMicros());
        out.printf(Locale.ROOT, "  limit on %d cores: %,.1f docs/s (each step alone would allow %,.1f)%n", cores,
                limit(cores), limitAlone(cores));
    }

    /**
     * The CPU steps of one document after another, each step timed on its own (thread CPU and wall clock): the
     * parsed document goes from step to step as in the gateway, so each step finds in the caches what the previous
     * one left there, not its own data of the previous run.
     */
    private static final class InPipelineOrder {
        private final Cycle<byte[]> documents;
        private final Function<byte[], Document> parse;
        private final List<Function<Document, Object>> onParsed;
        private final Function<byte[], Object> sign;

        InPipelineOrder(List<byte[]> documents, Function<byte[], Document> parse,
                Collection<Function<Document, Object>> onParsed, Function<byte[], Object> sign) {
            this.documents = new Cycle<>(documents);
            this.parse = parse;
            this.onParsed = List.copyOf(onParsed);
            this.sign = sign;
        }

        /** Runs documents for about {@code seconds} of this thread's CPU; per step, mean CPU and wall µs. */
        double[][] run(double seconds) {
            int count = onParsed.size() + 2;
            long[] cpu = new long[count];
            long[] wall = new long[count];
            long budget = (long) (seconds * 1e9);
            long runs = 0;
            long spent = 0;
            while (spent < budget || runs < 2) {
                byte[] bytes = documents.next();
                long[] cpuMarks = new long[count + 1];
                long[] wallMarks = new long[count + 1];
                mark(cpuMarks, wallMarks, 0);
                Document document = parse.apply(bytes);
                mark(cpuMarks, wallMarks, 1);
                for (int i = 0; i < onParsed.size(); i++) {
                    onParsed.get(i).apply(document);
                    mark(cpuMarks, wallMarks, i + 2);
                }
                sign.apply(bytes);
                mark(cpuMarks, wallMarks, count);
                for (int i = 0; i < count; i++) {
                    cpu[i] += cpuMarks[i + 1] - cpuMarks[i];
                    wall[i] += wallMarks[i + 1] - wallMarks[i];
                }
                spent += cpuMarks[count] - cpuMarks[0];
                runs++;
            }
            double[][] perStep = new double[count][];
            for (int i = 0; i < count; i++) {
                perStep[i] = new double[] {cpu[i] / 1000.0 / runs, wall[i] / 1000.0 / runs};
            }
            return perStep;
        }

        private static void mark(long[] cpu, long[] wall, int at) {
            cpu[at] = THREADS.getCurrentThreadCpuTime();
            wall[at] = System.nanoTime();
        }
    }

    /**
     * Runs the step for about {@code seconds} of this thread's CPU time (at least twice): the mean CPU and wall time
     * per run in microseconds. CPU time, because other processes on a shared machine stretch wall time. With
     * {@code withBroker}, for a step whose work the broker shares (its journal is written by its own threads), the
     * broker threads' CPU in the meantime is added.
     */
    private static double[] run(Runnable step, double seconds, boolean withBroker) {
        CpuMeter threads = CpuMeter.start();
        long budget = (long) (seconds * 1e9);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long runs = 0;
        long cpu;
        do {
            step.run();
            runs++;
            cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        } while (cpu < budget || runs < 2);
        long wall = System.nanoTime() - start;
        double cpuMicros = cpu / 1000.0;
        if (withBroker) {
            cpuMicros += 1e6 * threads.bySpender().get(CpuMeter.Spender.BROKER);
        }
        return new double[] {cpuMicros / runs, wall / 1000.0 / runs};
    }

    /**
     * The round with the least CPU: a step's cost swings between rounds (a compilation or a collection landing in
     * one of them), and the cheapest round is the fairest figure for a limit.
     */
    private static double[] cheapestOf(int rounds, Supplier<double[]> round) {
        return cheapestRoundOf(rounds, () -> new double[][] {round.get()})[0];
    }

    /** As above for a round of several steps (CPU first in each): the round with the least CPU over all steps. */
    private static double[][] cheapestRoundOf(int rounds, Supplier<double[][]> round) {
        double[][] best = round.get();
        for (int i = 1; i < rounds; i++) {
            double[][] next = round.get();
            if (cpuOf(next) < cpuOf(best)) {
                best = next;
            }
        }
        return best;
    }

    private static double cpuOf(double[][] round) {
        double sum = 0;
        for (double[] step : round) {
            sum += step[0];
        }
        return sum;
    }

    private static boolean require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
        return true;
    }

    /** Hands out the elements of a list round-robin (one thread only). */
    private static final class Cycle<T> implements Supplier<T> {
        private final List<T> items;
        private int next;

        Cycle(List<T> items) {
            this.items = items;
        }

        @Override
        public T get() {
            return next();
        }

        T next() {
            T item = items.get(next);
            next = (next + 1) % items.size();
            return item;
        }
    }
}
