package io.silkgate.schemas.cii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silkgate.schemas.en16931.ConversionResult;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.schemas.ubl.UblInvoiceFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Element;

/** CII → UBL → CII over the CII samples: nothing dropped, and both hops land on the same EN 16931 model. */
class CiiUblInteropTest {

    private final InvoiceConverter converter =
            new InvoiceConverter(List.of(new CiiInvoiceFormat(), new UblInvoiceFormat.Ubl()));

    @ParameterizedTest
    @FieldSource("io.silkgate.schemas.cii.CiiSamples#ALL")
    void ciiToUblCarriesEveryTerm(String sample) {
        Invoice source = new CiiInvoiceReader().read(CiiSamples.root(sample));

        ConversionResult toUbl = converter.convert(CiiSamples.root(sample), "cii", "ubl");

        assertEquals(List.of(), toUbl.report().dropped());
        assertEquals(List.copyOf(source.presentTerms()), toUbl.report().carried());
        Element ubl = CiiSamples.root(toUbl.document());
        assertEquals(source.isCreditNote() ? "CreditNote" : "Invoice", ubl.getLocalName());
        assertEquals(source, new UblInvoiceFormat.Ubl().read(ubl));
    }

    @ParameterizedTest
    @FieldSource("io.silkgate.schemas.cii.CiiSamples#ALL")
    void ublBackToCiiGivesTheOriginalModel(String sample) {
        Invoice source = new CiiInvoiceReader().read(CiiSamples.root(sample));
        byte[] ubl = converter.convert(CiiSamples.root(sample), "cii", "ubl").document();

        ConversionResult back = converter.convert(CiiSamples.root(ubl), "ubl", "cii");

        assertEquals(List.of(), back.report().dropped());
        assertEquals(source, new CiiInvoiceReader().read(CiiSamples.root(back.document())));
    }
}
