package io.silkgate.schemas.cii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.en16931.ConversionReport;
import io.silkgate.schemas.en16931.DroppedTerm;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.PrecedingInvoiceReference;
import io.silkgate.schemas.en16931.PriceDetails;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What CII D16B cannot hold of a particular invoice is named, and everything else is still written. */
class CiiCapacityTest {

    private final CiiInvoiceFormat format = new CiiInvoiceFormat();
    private final Invoice creditNote = new CiiInvoiceReader().read(CiiSamples.root(CiiSamples.CREDIT_NOTE));

    @Test
    void theSamplesLoseNothing() {
        for (String sample : CiiSamples.ALL) {
            assertEquals(List.of(), format.droppedInstances(new CiiInvoiceReader().read(CiiSamples.root(sample))),
                    sample);
        }
    }

    @Test
    void onlyTheFirstPrecedingInvoiceReferenceFitsIntoD16b() {
        PrecedingInvoiceReference first = creditNote.precedingInvoiceReferences().get(0);
        PrecedingInvoiceReference second = new PrecedingInvoiceReference("INV-2026-0312", LocalDate.of(2026, 4, 12));
        Invoice twoReferences = InvoiceCopies.withPrecedingReferences(creditNote, List.of(first, second));

        List<DroppedTerm> dropped = format.droppedInstances(twoReferences);

        assertEquals(List.of("BG-3", "BT-25", "BT-26"), dropped.stream().map(DroppedTerm::term).toList());
        assertTrue(dropped.get(0).reason().contains("'INV-2026-0312'"), dropped.get(0).reason());
        Invoice written = new CiiInvoiceReader().read(CiiSamples.root(format.write(twoReferences)));
        assertEquals(List.of(first), written.precedingInvoiceReferences());
    }

    @Test
    void theConversionReportNamesTheLostReferenceAndStillCarriesTheFirst() {
        PrecedingInvoiceReference second = new PrecedingInvoiceReference("INV-2026-0312", null);
        Invoice twoReferences = InvoiceCopies.withPrecedingReferences(creditNote,
                List.of(creditNote.precedingInvoiceReferences().get(0), second));

        ConversionReport report = InvoiceConverter.report("ubl", twoReferences, format);

        assertEquals(List.of("BG-3", "BT-25"), report.dropped().stream().map(DroppedTerm::term).toList());
        assertTrue(report.carried().containsAll(List.of("BG-3", "BT-25", "BT-26")), report.carried().toString());
    }

    @Test
    void aVatPointDateWithoutVatBreakdownIsReportedAsDropped() {
        Invoice noBreakdown = new Invoice(creditNote.invoiceNumber(), creditNote.issueDate(), creditNote.typeCode(),
                creditNote.currencyCode(), null, creditNote.vatPointDate(), null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, creditNote.seller(), creditNote.buyer(), null,
                null, null, null, null, null, null, creditNote.totals(), List.of(), null, creditNote.lines());

        ConversionReport report = InvoiceConverter.report("ubl", noBreakdown, format);

        assertEquals(List.of("BT-7"), report.dropped().stream().map(DroppedTerm::term).toList());
        assertFalse(report.carried().contains("BT-7"));
        assertNull(new CiiInvoiceReader().read(CiiSamples.root(format.write(noBreakdown))).vatPointDate());
    }

    @Test
    void aDiscountWithoutGrossPriceIsWrittenAsTheGrossPriceItImplies() {
        InvoiceLine line = creditNote.lines().get(0);
        PriceDetails discountOnly = new PriceDetails(new BigDecimal("14.50"), new BigDecimal("0.50"), null, null, null);
        Invoice invoice = creditNote.withLines(
                List.of(InvoiceCopies.withPrice(line, discountOnly), creditNote.lines().get(1)));

        assertEquals(List.of(), format.droppedInstances(invoice));
        PriceDetails written = new CiiInvoiceReader().read(CiiSamples.root(format.write(invoice))).lines().get(0)
                .priceDetails();
        assertEquals(new PriceDetails(new BigDecimal("14.50"), new BigDecimal("0.50"), new BigDecimal("15.00"), null,
                null), written);
    }

    @Test
    void priceQualifiersWithoutAnyPriceAreNamed() {
        InvoiceLine line = creditNote.lines().get(0);
        PriceDetails noPrice = new PriceDetails(null, new BigDecimal("1.00"), null, BigDecimal.TEN, "H87");
        Invoice invoice = creditNote.withLines(List.of(InvoiceCopies.withPrice(line, noPrice)));

        assertEquals(List.of("BT-147", "BT-149", "BT-150"),
                format.droppedInstances(invoice).stream().map(DroppedTerm::term).toList());
        assertTrue(format.droppedInstances(invoice).get(0).reason().contains("line 1"));
    }
}
