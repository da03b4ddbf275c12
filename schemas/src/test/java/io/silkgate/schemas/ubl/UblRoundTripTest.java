package io.silkgate.schemas.ubl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.Problem;
import io.silkgate.schemas.UblSchemaValidator;
import io.silkgate.schemas.en16931.Invoice;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

class UblRoundTripTest {

    private static final UblSchemaValidator XSD = new UblSchemaValidator();
    private final UblInvoiceReader reader = new UblInvoiceReader();
    private final UblInvoiceWriter writer = new UblInvoiceWriter();

    static List<String> samples() {
        return UblSamples.FILES;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theSamplesAreValidUbl(String sample) {
        assertEquals(List.of(), XSD.validate(UblSamples.root(sample)), sample);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void readWriteReadKeepsEveryTermAndValue(String sample) {
        Invoice first = reader.read(UblSamples.root(sample));
        byte[] written = writer.write(first, UblProfile.EN16931);
        Element writtenRoot = UblSamples.root(written);
        List<Problem> problems = XSD.validate(writtenRoot);
        assertEquals(List.of(), problems, () -> sample + " written:\n" + UblSamples.text(written));

        Invoice second = reader.read(writtenRoot);
        assertEquals(first.presentTerms(), second.presentTerms(), sample);
        assertEquals(first, second, sample);
        assertEquals(first.isCreditNote(), "CreditNote".equals(writtenRoot.getLocalName()), sample);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writingIsStableAfterTheFirstRoundTrip(String sample) {
        Invoice invoice = reader.read(UblSamples.root(sample));
        byte[] once = writer.write(invoice, UblProfile.EN16931);
        byte[] twice = writer.write(reader.read(UblSamples.root(once)), UblProfile.EN16931);
        assertEquals(UblSamples.text(once), UblSamples.text(twice), sample);
    }

    @Test
    void aThousandLineInvoiceRoundTripsValidAndQuickly() {
        Invoice invoice = UblSamples.generated(1000);
        long start = System.nanoTime();
        byte[] written = writer.write(invoice, UblProfile.PEPPOL_BIS3);
        Element root = UblSamples.root(written);
        Invoice back = reader.read(root);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(List.of(), XSD.validate(root));
        assertEquals(1000, back.lines().size());
        assertEquals(invoice, back);
        assertEquals(invoice.presentTerms(), back.presentTerms());
        assertTrue(millis < 20_000, "1,000 lines took " + millis + " ms");
    }

    @Test
    void aModelBuiltInCodeRoundTripsThroughEveryProfile() {
        Invoice generated = UblSamples.generated(3);
        for (UblProfile profile : UblProfile.ALL) {
            // PINT SG keeps the VAT categories of a seller registered for Singapore GST only
            Invoice invoice = profile == UblProfile.PINT_SG ? UblSamples.inSingapore(generated) : generated;
            byte[] written = writer.write(invoice, profile);
            Element root = UblSamples.root(written);
            assertEquals(List.of(), XSD.validate(root), profile.formatId());
            assertEquals(profile.prepare(invoice), reader.read(root), profile.formatId());
        }
    }
}
