package io.silkgate.bench;

import com.helger.cii.d16b.CIID16BCrossIndustryInvoiceTypeMarshaller;
import com.helger.diagnostics.error.list.ErrorList;
import com.helger.en16931.cii2ubl.CIIToUBL21Converter;
import com.helger.en16931.ubl2cii.UBL21InvoiceToCIID16BConverter;
import com.helger.ubl21.UBL21Marshaller;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.InvoiceConverter;
import java.util.concurrent.TimeUnit;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
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
import un.unece.uncefact.data.standard.crossindustryinvoice._100.CrossIndustryInvoiceType;

/**
 * UBL → CII and CII → UBL, bytes in and bytes out on the same inputs: ours ({@link InvoiceConverter}, through the
 * EN 16931 model, with its conversion report) side by side with the phax converters (JAXB in, JAXB out).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ConvertBenchmark {

    @Param({BenchSize.SMALL, BenchSize.LARGE})
    public String size;

    private byte[] ubl;
    private byte[] cii;
    private InvoiceConverter ours;
    private CIIToUBL21Converter phaxCiiToUbl;

    @Setup
    public void setUp() {
        ubl = BenchDocuments.unsignedInvoice(BenchSize.lines(size), "BENCH-CONVERT-1");
        cii = BenchDocuments.ciiInvoice(BenchSize.lines(size), "BENCH-CONVERT-1");
        ours = new InvoiceConverter();
        phaxCiiToUbl = new CIIToUBL21Converter();
    }

    @Benchmark
    public byte[] oursUblToCii() {
        return ours.convert(SecureXml.parse(ubl).getDocumentElement(), "ubl", "cii").document();
    }

    @Benchmark
    public byte[] oursCiiToUbl() {
        return ours.convert(SecureXml.parse(cii).getDocumentElement(), "cii", "ubl").document();
    }

    @Benchmark
    public byte[] phaxUblToCii() {
        InvoiceType invoice = UBL21Marshaller.invoice().read(SecureXml.parse(ubl));
        CrossIndustryInvoiceType converted =
                UBL21InvoiceToCIID16BConverter.convertToCrossIndustryInvoice(invoice, new ErrorList());
        return new CIID16BCrossIndustryInvoiceTypeMarshaller().getAsBytes(converted);
    }

    @Benchmark
    public byte[] phaxCiiToUbl() {
        CrossIndustryInvoiceType invoice = new CIID16BCrossIndustryInvoiceTypeMarshaller().read(SecureXml.parse(cii));
        InvoiceType converted = phaxCiiToUbl.convertToInvoice(invoice, new ErrorList());
        return UBL21Marshaller.invoice().getAsBytes(converted);
    }
}
