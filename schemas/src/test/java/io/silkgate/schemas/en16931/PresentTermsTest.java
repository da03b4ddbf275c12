package io.silkgate.schemas.en16931;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresentTermsTest {

    static Invoice minimal() {
        return new Invoice("INV-1", LocalDate.of(2024, 1, 2), "380", "EUR", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null,
                new Seller("Seller Ltd", null, null, null, null, null, null, null,
                        new PostalAddress(null, null, null, null, null, null, "CN"), null),
                new Buyer("Buyer GmbH", null, null, null, null, null,
                        new PostalAddress(null, null, null, null, null, null, "DE"), null),
                null, null, null, null, null, null, null,
                new DocumentTotals(new BigDecimal("10.00"), null, null, new BigDecimal("10.00"),
                        new BigDecimal("0.00"), null, new BigDecimal("10.00"), null, null, new BigDecimal("10.00")),
                List.of(new VatBreakdown(new BigDecimal("10.00"), new BigDecimal("0.00"), "Z", BigDecimal.ZERO, null,
                        null)),
                null,
                List.of(new InvoiceLine("1", null, null, BigDecimal.ONE, "C62", new BigDecimal("10.00"), null, null,
                        null, null, null, new PriceDetails(new BigDecimal("10.00"), null, null, null, null),
                        new LineVatInformation("Z", BigDecimal.ZERO),
                        new ItemInformation("Tea", null, null, null, null, null, null, null))));
    }

    @Test
    void minimalInvoiceListsExactlyItsTermsInEn16931Order() {
        assertEquals(List.of("BG-4", "BG-5", "BG-7", "BG-8", "BG-22", "BG-23", "BG-25", "BG-29", "BG-30", "BG-31",
                "BT-1", "BT-2", "BT-3", "BT-5", "BT-27", "BT-40", "BT-44", "BT-55", "BT-106", "BT-109", "BT-110",
                "BT-112", "BT-115", "BT-116", "BT-117", "BT-118", "BT-119", "BT-126", "BT-129", "BT-130", "BT-131",
                "BT-146", "BT-151", "BT-152", "BT-153"), List.copyOf(minimal().presentTerms()));
    }

    @Test
    void schemeSubTermsAndAttachmentPartsCountOnlyWhenGiven() {
        Invoice base = minimal();
        Invoice withIds = new Invoice(base.invoiceNumber(), base.issueDate(), base.typeCode(), base.currencyCode(),
                null, null, null, null, null, null, null, null, null, null, null, null,
                new Identifier("OBJ-1", null, null), null, null, null, null, null, base.seller(), base.buyer(),
                new Payee("Factor", Identifier.of("P-1", "0088"), null), null, null, null, null, null, null,
                base.totals(), base.vatBreakdown(),
                List.of(new SupportingDocument("DOC-1", null, null,
                        new BinaryObject("x".getBytes(StandardCharsets.UTF_8), "text/csv", null))),
                base.lines());
        List<String> terms = List.copyOf(withIds.presentTerms());
        assertTrue(terms.containsAll(List.of("BT-18", "BT-60", "BT-60-1", "BT-59", "BG-10", "BT-125", "BT-125-1")));
        assertFalse(terms.contains("BT-18-1"));
        assertFalse(terms.contains("BT-125-2"));
        assertFalse(terms.contains("BT-61"));
    }

    @Test
    void emptyGroupsAndEmptyTextAreNotPresent() {
        Invoice base = minimal();
        Invoice withEmpty = new Invoice(base.invoiceNumber(), base.issueDate(), base.typeCode(), base.currencyCode(),
                null, null, null, null, "", null, null, null, null, null, null, null, null, null, null,
                List.of(new InvoiceNote(null, "")), new ProcessControl(null, null), null, base.seller(), base.buyer(),
                new Payee(null, null, null), null, new DeliveryInformation(null, null, null, null),
                new Period(null, null), new PaymentInstructions(null, null, null, null, null, null), null, null,
                base.totals(), base.vatBreakdown(), null, base.lines());
        assertEquals(base.presentTerms(), withEmpty.presentTerms());
    }

    @Test
    void catalogueHasEveryBusinessTermAndGroup() {
        assertEquals(32 + 164 + En16931Terms.SUB_TERMS.size(), En16931Terms.all().size());
        assertFalse(En16931Terms.all().contains("BT-4"), "EN 16931 has no BT-4");
        assertTrue(En16931Terms.all().containsAll(List.of("BG-32", "BT-165", "BT-158-2", "BT-125-2")));
        assertTrue(En16931Terms.all().containsAll(minimal().presentTerms()));
        assertEquals(List.of("BG-2", "BG-10", "BT-1", "BT-29", "BT-29-1", "BT-30"),
                En16931Terms.sorted(List.of("BT-30", "BT-29-1", "BG-10", "BT-1", "BG-2", "BT-29")));
        assertFalse(En16931Terms.allExcept("BT-125", "BG-24").contains("BT-125"));
    }

    @Test
    void modelIsImmutableAndComparesAttachmentsByContent() {
        List<InvoiceLine> lines = new ArrayList<>(minimal().lines());
        Invoice invoice = minimal().withLines(lines);
        lines.clear();
        assertEquals(1, invoice.lines().size());
        assertThrows(UnsupportedOperationException.class, () -> invoice.lines().clear());

        byte[] bytes = {1, 2, 3};
        BinaryObject object = new BinaryObject(bytes, "application/pdf", "a.pdf");
        bytes[0] = 9;
        assertEquals(new BinaryObject(new byte[] {1, 2, 3}, "application/pdf", "a.pdf"), object);
        assertNotEquals(new BinaryObject(new byte[] {1, 2, 4}, "application/pdf", "a.pdf"), object);
        object.content()[1] = 7;
        assertEquals(2, object.content()[1]);
    }

    @Test
    void creditNoteTypesAreRecognised() {
        assertFalse(minimal().isCreditNote());
        for (String code : List.of("381", "396", "261", "262", "296", "308", "420", "458", "532", "81", "83")) {
            assertTrue(Invoice.CREDIT_NOTE_TYPE_CODES.contains(code), code);
        }
        assertFalse(Invoice.CREDIT_NOTE_TYPE_CODES.contains("384"), "a corrected invoice is an invoice");
    }
}
