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
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.w3c.dom.Document;

/**
 * The single-thread cost of each CPU step the gateway spends on one document, measured in this process on the
 * documents of the load run (timed loops after a warm-up), and the documents per second they allow on N cores.
 */
final class StepCosts {

    /** One step: mean CPU time (and wall time) per document on one thread. */
    record Step(String name, double micros, double wallMicros) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Each step is measured this many times; the cheapest round counts. */
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

    /**
     * Measures, each the cheapest of {@value #ROUNDS} rounds after a warm-up: parse + XMLDSig verify (path and CRL
     * included), the EN 16931 model read, the EN 16931 validation and the outbound JWS over the given signed
     * documents, round-robin, and the durable record of one document (archive, ledger, broker message:
     * {@link DurableRecordStep}).
     */
    static StepCosts measure(List<byte[]> signedDocuments, double warmupSeconds, double measureSeconds) {
        XmlSignatureVerifier verifier = new XmlSignatureVerifier(new CertificatePathValidator());
        TrustAnchors cn = TrustAnchors.of(List.of(SamplePki.certificate("cn/root-ca.pem")),
                List.of(SamplePki.crl("cn/issuing-ca.crl")));
        InvoiceValidator validator = new InvoiceValidator();
        InvoiceFormat ubl = InvoiceFormats.byId("ubl").orElseThrow();
        IssuedCertificate gatewayKey = SamplePki.load("silkgate/gateway");
        DetachedJwsSigner signer = new DetachedJwsSigner(gatewayKey.privateKey(), gatewayKey.chain());
        Instant at = Instant.now();
        List<Document> parsed = new ArrayList<>();
        for (byte[] document : signedDocuments) {
            parsed.add(SecureXml.parse(document));
        }
        Map<String, Runnable> work = new LinkedHashMap<>();
        Cycle<byte[]> bytes = new Cycle<>(signedDocuments);
        Cycle<Document> documents = new Cycle<>(parsed);
        work.put("parse + verify XMLDSig", () -> require(
                verifier.verify(SecureXml.parse(bytes.next()), (e, c) -> cn, at).ok(), "signature did not verify"));
        work.put("read EN 16931 model", () -> ubl.read(documents.next().getDocumentElement()));
        work.put("validate EN 16931 (warm)", () -> require(
                validator.validate("ubl", documents.next()).isEmpty(), "invoice is not EN 16931-valid"));
        work.put("sign outbound JWS", () -> signer.sign(bytes.next()));
        List<Step> steps = new ArrayList<>();
        for (Map.Entry<String, Runnable> step : work.entrySet()) {
            run(step.getValue(), warmupSeconds, false);
            double[] cost = cheapestOf(ROUNDS, () -> run(step.getValue(), measureSeconds, false));
            steps.add(new Step(step.getKey(), cost[0], cost[1]));
        }
        Evidence evidence = SignatureEvidence.of("sample", verifier.verify(parsed.get(0), (e, c) -> cn, at), at);
        try (DurableRecordStep durable = new DurableRecordStep(signedDocuments.get(0), evidence)) {
            run(durable, warmupSeconds, true);
            double[] cost = cheapestOf(ROUNDS, () -> run(durable, measureSeconds, true));
            steps.add(new Step("archive + ledger + enqueue", cost[0], cost[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StepCosts(steps);
    }

    void print(PrintStream out, int cores) {
        for (Step step : steps) {
            out.printf(Locale.ROOT, "  %-28s %9.0f µs CPU (%,.0f docs/s on one core; wall %,.0f µs)%n",
                    step.name(), step.micros(), 1_000_000.0 / step.micros(), step.wallMicros());
        }
        out.printf(Locale.ROOT, "  %-28s %9.0f µs CPU -> limit on %d cores: %,.1f docs/s%n", "sum", totalMicros(), cores,
                limit(cores));
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
     * The round with the least CPU per run: a step's cost swings between rounds (a compilation or a collection
     * landing in one of them), and the cheapest round is the fairest figure for a limit.
     */
    private static double[] cheapestOf(int rounds, Supplier<double[]> round) {
        double[] best = round.get();
        for (int i = 1; i < rounds; i++) {
            double[] next = round.get();
            if (next[0] < best[0]) {
                best = next;
            }
        }
        return best;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
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
