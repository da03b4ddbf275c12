package io.silkgate.schemas.en16931;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class InvoiceConverterTest {

    /** A source format that "reads" a fixed invoice. */
    private record FixedSource(Invoice invoice) implements InvoiceFormat {
        public String formatId() {
            return "fixed";
        }

        public boolean canRead() {
            return true;
        }

        public boolean canWrite() {
            return false;
        }

        public Invoice read(Element root) {
            return invoice;
        }

        public byte[] write(Invoice in) {
            throw new UnsupportedOperationException();
        }

        public Set<String> writableTerms() {
            return En16931Terms.all();
        }
    }

    /** A target with no room for attachments and a profile of its own. */
    private static final class NoAttachmentsTarget implements InvoiceFormat {
        Invoice written;

        public String formatId() {
            return "no-attachments";
        }

        public boolean canRead() {
            return false;
        }

        public boolean canWrite() {
            return true;
        }

        public Invoice read(Element root) {
            throw new UnsupportedOperationException();
        }

        public byte[] write(Invoice in) {
            written = prepare(in);
            return ("<doc>" + written.invoiceNumber() + "</doc>").getBytes(StandardCharsets.UTF_8);
        }

        public Set<String> writableTerms() {
            return En16931Terms.allExcept("BT-125", "BT-125-1", "BT-125-2");
        }

        @Override
        public String droppedReason(String term) {
            return "attachments are sent separately (" + term + ")";
        }

        @Override
        public Invoice prepare(Invoice in) {
            return in.withProcessControl(new ProcessControl(null, "urn:example:no-attachments"));
        }
    }

    private static Invoice withAttachment() {
        Invoice base = PresentTermsTest.minimal();
        return new Invoice(base.invoiceNumber(), base.issueDate(), base.typeCode(), base.currencyCode(), null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                new ProcessControl(null, "urn:cen.eu:en16931:2017"), null, base.seller(), base.buyer(), null, null,
                null, null, null, null, null, base.totals(), base.vatBreakdown(),
                List.of(new SupportingDocument("DOC-1", null, null,
                        new BinaryObject(new byte[] {1}, "application/pdf", "scan.pdf"))),
                base.lines());
    }

    @Test
    void reportCarriesWhatTheTargetHoldsAndDropsTheRestWithReasons() {
        Invoice invoice = withAttachment();
        NoAttachmentsTarget target = new NoAttachmentsTarget();
        InvoiceConverter converter = new InvoiceConverter(List.of(new FixedSource(invoice), target));

        ConversionResult result = converter.convert(null, "fixed", "no-attachments");

        assertEquals("<doc>INV-1</doc>", new String(result.document(), StandardCharsets.UTF_8));
        ConversionReport report = result.report();
        assertEquals("fixed", report.from());
        assertEquals("no-attachments", report.to());
        assertEquals(List.of(
                new DroppedTerm("BT-24", "no-attachments replaces the specification identifier "
                        + "'urn:cen.eu:en16931:2017' (BT-24) with 'urn:example:no-attachments'"),
                new DroppedTerm("BT-125", "attachments are sent separately (BT-125)"),
                new DroppedTerm("BT-125-1", "attachments are sent separately (BT-125-1)"),
                new DroppedTerm("BT-125-2", "attachments are sent separately (BT-125-2)")), report.dropped());
        assertTrue(report.carried().containsAll(List.of("BT-1", "BG-24", "BT-122", "BG-2")));
        assertEquals(invoice.presentTerms().size(), report.carried().size() + report.dropped().size());
        assertEquals("urn:example:no-attachments", target.written.processControl().specificationIdentifier());
    }

    @Test
    void aTargetThatHoldsEverythingIsLossless() {
        Invoice invoice = PresentTermsTest.minimal();
        ConversionReport report = InvoiceConverter.report("fixed", invoice, new FixedSource(invoice));
        assertTrue(report.lossless());
        assertEquals(List.copyOf(invoice.presentTerms()), report.carried());
    }

    @Test
    void instanceLossesAreDroppedAndATermLosingEveryInstanceIsNotCarried() {
        Invoice base = PresentTermsTest.minimal();
        Invoice twoPreceding = new Invoice(base.invoiceNumber(), base.issueDate(), base.typeCode(),
                base.currencyCode(), null, LocalDate.of(2024, 1, 1), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null,
                List.of(new PrecedingInvoiceReference("OLD-1", null), new PrecedingInvoiceReference("OLD-2", null)),
                base.seller(), base.buyer(), null, null, null, null, null, null, null, base.totals(),
                base.vatBreakdown(), null, base.lines());
        assertEquals(2, twoPreceding.termCounts().get("BT-25"));
        assertEquals(2, twoPreceding.termCounts().get("BG-3"));
        InvoiceFormat target = new InvoiceFormat() {
            public String formatId() {
                return "one-reference";
            }

            public boolean canRead() {
                return false;
            }

            public boolean canWrite() {
                return true;
            }

            public Invoice read(Element root) {
                throw new UnsupportedOperationException();
            }

            public byte[] write(Invoice in) {
                return new byte[0];
            }

            public Set<String> writableTerms() {
                return En16931Terms.all();
            }

            @Override
            public List<DroppedTerm> droppedInstances(Invoice in) {
                return List.of(new DroppedTerm("BG-3", "only one preceding invoice reference"),
                        new DroppedTerm("BT-25", "only one preceding invoice reference"),
                        new DroppedTerm("BT-7", "no VAT breakdown to hold the VAT point date"));
            }
        };
        ConversionReport report = InvoiceConverter.report("fixed", twoPreceding, target);
        assertTrue(report.carried().containsAll(List.of("BG-3", "BT-25")));
        assertTrue(!report.carried().contains("BT-7"));
        assertEquals(List.of("BT-7", "BG-3", "BT-25").stream().sorted().toList(),
                report.dropped().stream().map(DroppedTerm::term).sorted().toList());
        assertEquals(twoPreceding.presentTerms().size(), report.carried().size() + 1);
    }

    @Test
    void unknownOrOneWayFormatsAreRefused() {
        InvoiceFormat source = new FixedSource(PresentTermsTest.minimal());
        InvoiceConverter converter = new InvoiceConverter(List.of(source, new NoAttachmentsTarget()));
        assertThrows(IllegalArgumentException.class, () -> converter.convert(null, "nope", "no-attachments"));
        assertThrows(IllegalArgumentException.class, () -> converter.convert(null, "fixed", "fixed"));
        assertThrows(IllegalArgumentException.class, () -> converter.convert(null, "no-attachments", "fixed"));
    }
}
