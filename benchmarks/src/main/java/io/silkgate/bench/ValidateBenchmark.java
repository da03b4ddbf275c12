package io.silkgate.bench;

import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.validation.InvoiceValidator;
import java.util.List;
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

/** EN 16931 validation (XSD + Schematron, {@link InvoiceValidator}) of a UBL invoice, rule set pre-warmed. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValidateBenchmark {

    @Param({BenchSize.SMALL, BenchSize.LARGE})
    public String size;

    private Document invoice;
    private InvoiceValidator validator;

    @Setup
    public void setUp() {
        invoice = SecureXml.parse(BenchDocuments.unsignedInvoice(BenchSize.lines(size), "BENCH-VALIDATE-1"));
        validator = new InvoiceValidator();
        validator.validate("ubl", invoice);
    }

    @Benchmark
    public List<Problem> en16931Ubl() {
        return validator.validate("ubl", invoice);
    }
}
