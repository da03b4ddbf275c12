package io.silkgate.bench;

import io.silkgate.schemas.SecureXml;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;

/** Hardened DOM parse ({@link SecureXml}) of a signed invoice. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {

    @Param({BenchSize.SMALL, BenchSize.LARGE})
    public String size;

    private byte[] signed;

    @Setup
    public void setUp() {
        signed = BenchDocuments.signedInvoice(BenchSize.lines(size), "BENCH-PARSE-1", BenchDocuments.RSA_SIGNER);
    }

    @Benchmark
    public Document secureParse() {
        return SecureXml.parse(signed);
    }
}
