package io.silkgate.schemas.cii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.en16931.ConversionResult;
import io.silkgate.schemas.en16931.En16931Terms;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.schemas.en16931.InvoiceFormat;
import io.silkgate.schemas.en16931.InvoiceFormats;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The {@code cii} format is found through ServiceLoader and converts CII to CII without dropping anything. */
class CiiInvoiceFormatTest {

    @Test
    void registeredUnderItsCatalogueId() {
        InvoiceFormat format = InvoiceFormats.byId("cii").orElseThrow();
        assertInstanceOf(CiiInvoiceFormat.class, format);
        assertTrue(format.canRead());
        assertTrue(format.canWrite());
        assertEquals(En16931Terms.all(), format.writableTerms());
    }

    @ParameterizedTest
    @FieldSource("io.silkgate.schemas.cii.CiiSamples#ALL")
    void converterReportsEveryTermCarried(String sample) {
        Invoice source = new CiiInvoiceReader().read(CiiSamples.root(sample));

        ConversionResult result = new InvoiceConverter().convert(CiiSamples.root(sample), "cii", "cii");

        assertEquals(List.of(), result.report().dropped());
        assertEquals(List.copyOf(source.presentTerms()), result.report().carried());
        assertEquals(source, new CiiInvoiceReader().read(CiiSamples.root(result.document())));
    }
}
