package io.silkgate.schemas.ubl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.en16931.BinaryObject;
import io.silkgate.schemas.en16931.En16931Terms;
import io.silkgate.schemas.en16931.Identifier;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.InvoiceNote;
import io.silkgate.schemas.en16931.PriceDetails;
import io.silkgate.schemas.en16931.VatBreakdown;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class UblInvoiceReaderTest {

    private final UblInvoiceReader reader = new UblInvoiceReader();

    @Test
    void richInvoiceHasEveryTermExceptTheOnesItDeliberatelyLeavesOut() {
        Invoice invoice = reader.read(UblSamples.root("rich-invoice.xml"));
        Set<String> missing = new TreeSet<>(En16931Terms.ORDER);
        missing.addAll(En16931Terms.all());
        missing.removeAll(invoice.presentTerms());
        // BT-7 excludes BT-8 (BR-CO-3); card and direct debit live in the other samples.
        assertEquals(List.of("BG-18", "BG-19", "BT-7", "BT-87", "BT-88", "BT-89", "BT-90", "BT-91"),
                List.copyOf(missing));
    }

    @Test
    void notesSplitTheSubjectCodePrefix() {
        Invoice invoice = reader.read(UblSamples.root("rich-invoice.xml"));
        assertEquals(List.of(new InvoiceNote("AAI", "Goods shipped from Shenzhen via Rotterdam."),
                new InvoiceNote("REG", "Registered at the Chamber of Commerce of Rotterdam."),
                new InvoiceNote(null, "Thank you for your business.")), invoice.notes());
    }

    @Test
    void partiesKeepLegalAndTradingNamesAndSchemesApart() {
        Invoice invoice = reader.read(UblSamples.root("rich-invoice.xml"));
        assertEquals("Silk Export Trading B.V.", invoice.seller().name());
        assertEquals("Silk Export Trading", invoice.seller().tradingName());
        assertEquals(List.of(Identifier.of("5790000436101", "0088"), Identifier.of("SUPPLIER-INTERNAL-12")),
                invoice.seller().identifiers());
        assertEquals(Identifier.of("12345678", "0106"), invoice.seller().legalRegistrationIdentifier());
        assertEquals("NL123456789B01", invoice.seller().vatIdentifier());
        assertEquals("TAXREG-998877", invoice.seller().taxRegistrationIdentifier());
        assertEquals(Identifier.of("7300010000001", "0088"), invoice.seller().electronicAddress());
        assertEquals("Gate 4", invoice.seller().postalAddress().addressLine3());
        assertEquals("Nordic Buyer AB", invoice.buyer().name());
        assertEquals("Nordic Buyer", invoice.buyer().tradingName());
        assertEquals("Silk Factoring", invoice.payee().name());
        assertEquals("BE0123456749", invoice.sellerTaxRepresentative().vatIdentifier());
        assertEquals("Nordic Buyer Warehouse", invoice.delivery().deliverToPartyName());
    }

    @Test
    void headerReferencesAndVatPointDateCode() {
        Invoice invoice = reader.read(UblSamples.root("rich-invoice.xml"));
        assertEquals("432", invoice.vatPointDateCode());
        assertNull(invoice.vatPointDate());
        assertEquals(LocalDate.of(2024, 4, 14), invoice.paymentDueDate());
        assertEquals("PROJECT-SILK-ROAD", invoice.projectReference());
        assertEquals("PO-5531", invoice.purchaseOrderReference());
        assertEquals("SO-889", invoice.salesOrderReference());
        assertEquals("TENDER-LOT-7", invoice.tenderOrLotReference());
        assertEquals(Identifier.of("METER-4711", "AAJ"), invoice.invoicedObjectIdentifier());
        assertEquals(2, invoice.precedingInvoiceReferences().size());
        assertEquals("urn:silkgate:process:trade-1", invoice.processControl().businessProcessType());
    }

    @Test
    void attachmentsKeepBytesMimeCodeAndFileName() {
        Invoice invoice = reader.read(UblSamples.root("rich-invoice.xml"));
        assertEquals(2, invoice.supportingDocuments().size(), "the BT-18 reference is not a supporting document");
        BinaryObject pdf = invoice.supportingDocuments().get(0).attachedDocument();
        assertArrayEquals("%PDF-1.4\n% silkgate test timesheet\n".getBytes(StandardCharsets.US_ASCII), pdf.content());
        assertEquals("application/pdf", pdf.mimeCode());
        assertEquals("timesheet-02.pdf", pdf.filename());
        assertEquals("https://docs.example.com/packing/9", invoice.supportingDocuments().get(1).externalLocation());
    }

    @Test
    void amountsKeepTheirScaleAndTotalsIncludeRoundingAndAccountingCurrency() {
        Invoice invoice = reader.read(UblSamples.root("rich-invoice.xml"));
        assertEquals(new BigDecimal("855.30"), invoice.totals().amountDueForPayment());
        assertEquals(new BigDecimal("0.30"), invoice.totals().roundingAmount());
        assertEquals(new BigDecimal("100.00"), invoice.totals().paidAmount());
        assertEquals(new BigDecimal("131.00"), invoice.totals().invoiceTotalVatAmount());
        assertEquals(new BigDecimal("1441.00"), invoice.totals().invoiceTotalVatAmountInAccountingCurrency());
        assertEquals("SEK", invoice.vatAccountingCurrencyCode());
        assertEquals(1, invoice.allowances().size());
        assertEquals(1, invoice.charges().size());
        assertEquals("FC", invoice.charges().get(0).reasonCode());
        assertEquals(new BigDecimal("5"), invoice.allowances().get(0).percentage());
    }

    @Test
    void linesKeepPriceBaseQuantityGrossPriceDiscountAndAllowances() {
        Invoice invoice = reader.read(UblSamples.root("rich-invoice.xml"));
        InvoiceLine first = invoice.lines().get(0);
        assertEquals(new PriceDetails(new BigDecimal("50.00"), new BigDecimal("5.00"), new BigDecimal("55.00"),
                new BigDecimal("1"), "C62"), first.priceDetails());
        assertEquals(1, first.allowances().size());
        assertEquals(1, first.charges().size());
        assertEquals(Identifier.of("SUBSCRIPTION-123", "AVV"), first.objectIdentifier());
        assertEquals(List.of(new Identifier("621410", "HS", "2022"), Identifier.of("53102100", "STI")),
                first.item().classificationIdentifiers());
        assertEquals(2, first.item().attributes().size());
        assertEquals(new BigDecimal("2"), invoice.lines().get(1).priceDetails().itemPriceBaseQuantity());
        assertEquals("H87", invoice.lines().get(1).priceDetails().itemPriceBaseQuantityUnitCode());
    }

    @Test
    void creditNoteDueDateComesFromPaymentMeansAndProjectFromDocumentReference() {
        Invoice credit = reader.read(UblSamples.root("credit-note.xml"));
        assertTrue(credit.isCreditNote());
        assertEquals("381", credit.typeCode());
        assertEquals(LocalDate.of(2024, 4, 30), credit.paymentDueDate());
        assertEquals("PROJECT-SILK-ROAD", credit.projectReference());
        assertEquals(List.of(), credit.supportingDocuments());
        assertEquals(new BigDecimal("2"), credit.lines().get(0).invoicedQuantity());
        assertEquals("************1234", credit.paymentInstructions().paymentCard().primaryAccountNumber());
        assertEquals("Anna Purchaser", credit.paymentInstructions().paymentCard().holderName());
        assertEquals(LocalDate.of(2024, 3, 31), credit.vatPointDate());
    }

    @Test
    void creditNotePresentTermsAreExactlyWhatTheDocumentHolds() {
        Invoice credit = reader.read(UblSamples.root("credit-note.xml"));
        assertEquals(List.of("BG-1", "BG-2", "BG-3", "BG-4", "BG-5", "BG-7", "BG-8", "BG-16", "BG-18", "BG-22",
                "BG-23", "BG-25", "BG-29", "BG-30", "BG-31", "BT-1", "BT-2", "BT-3", "BT-5", "BT-7", "BT-9", "BT-10",
                "BT-11", "BT-21", "BT-22", "BT-23", "BT-24", "BT-25", "BT-26", "BT-27", "BT-31", "BT-34", "BT-34-1",
                "BT-37", "BT-40", "BT-44", "BT-49", "BT-49-1", "BT-52", "BT-55", "BT-81", "BT-82", "BT-83", "BT-87",
                "BT-88", "BT-106", "BT-109", "BT-110", "BT-112", "BT-115", "BT-116", "BT-117", "BT-118", "BT-119",
                "BT-126", "BT-129", "BT-130", "BT-131", "BT-146", "BT-151", "BT-152", "BT-153", "BT-155"),
                List.copyOf(credit.presentTerms()));
    }

    @Test
    void severalVatCategoriesWithExemptionsAndDirectDebit() {
        Invoice invoice = reader.read(UblSamples.root("vat-categories.xml"));
        List<VatBreakdown> vat = invoice.vatBreakdown();
        assertEquals(List.of("S", "S", "Z", "E", "AE", "K", "G"), vat.stream().map(VatBreakdown::categoryCode).toList());
        assertEquals(new BigDecimal("12.0"), vat.get(1).rate());
        assertEquals("VATEX-EU-AE", vat.get(4).exemptionReasonCode());
        assertNull(vat.get(3).exemptionReasonCode());
        assertEquals("Exempt based on article 132 of Council Directive 2006/112/EC", vat.get(3).exemptionReason());
        assertEquals("NL98ZZZ999999990000", invoice.paymentInstructions().directDebit().bankAssignedCreditorIdentifier());
        assertEquals("MANDATE-2023-17", invoice.paymentInstructions().directDebit().mandateReferenceIdentifier());
        assertEquals("DE75512108001245126199", invoice.paymentInstructions().directDebit().debitedAccountIdentifier());
        assertEquals(List.of(), invoice.seller().identifiers(), "the SEPA creditor id is BT-90, not BT-29");
        assertEquals(LocalDate.of(2024, 5, 8), invoice.vatPointDate());
    }

    @Test
    void pintSingaporeGstIsTheVatIdentifier() {
        // a seller registered for Singapore GST: any other seller's VAT number is not a GST identifier (BR-NG-02)
        Invoice invoice = reader.read(UblSamples.root(UblSamples.text(UblSamples.bytes("rich-invoice.xml"))
                .replaceFirst(">NL</cbc:IdentificationCode>", ">SG</cbc:IdentificationCode>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        byte[] sg = new UblInvoiceWriter().write(invoice, UblProfile.PINT_SG);
        String xml = UblSamples.text(sg);
        assertTrue(xml.contains("urn:peppol:pint:billing-1@sg-1"));
        assertTrue(xml.contains(">GST<"));
        assertFalse(xml.contains(">VAT<"));
        assertEquals("NL123456789B01", reader.read(UblSamples.root(sg)).seller().vatIdentifier());
    }

    @Test
    void otherRootsAreUnknownAndSchemaViolationsAreRejected() {
        Element other = UblSamples.root("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>"
                .getBytes(StandardCharsets.UTF_8));
        DocumentRejectedException unknown = assertThrows(DocumentRejectedException.class, () -> reader.read(other));
        assertEquals(ErrorCode.UNKNOWN_FORMAT, unknown.code());

        String broken = UblSamples.text(UblSamples.bytes("credit-note.xml"))
                .replace("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>", "")
                .replace("<cbc:ID>CN-2024-0042</cbc:ID>", "<cbc:Unknown>x</cbc:Unknown>");
        Element root = UblSamples.root(broken.getBytes(StandardCharsets.UTF_8));
        DocumentRejectedException invalid = assertThrows(DocumentRejectedException.class, () -> reader.read(root));
        assertEquals(ErrorCode.SCHEMA_INVALID, invalid.code());
        assertFalse(invalid.problems().isEmpty());
    }

    @Test
    void aRejectedDocumentLeavesNothingBehindForTheNextOneOnTheSameThread() {
        String broken = UblSamples.text(UblSamples.bytes("credit-note.xml"))
                .replace("<cbc:ID>CN-2024-0042</cbc:ID>", "<cbc:Unknown>x</cbc:Unknown>");
        Element brokenRoot = UblSamples.root(broken.getBytes(StandardCharsets.UTF_8));
        Invoice before = reader.read(UblSamples.root("credit-note.xml"));

        DocumentRejectedException first = assertThrows(DocumentRejectedException.class, () -> reader.read(brokenRoot));
        Invoice after = reader.read(UblSamples.root("credit-note.xml"));
        DocumentRejectedException again = assertThrows(DocumentRejectedException.class, () -> reader.read(brokenRoot));

        assertEquals(before.invoiceNumber(), after.invoiceNumber());
        assertEquals(before.lines().size(), after.lines().size());
        // the violations of one read are not carried into the next
        assertEquals(first.problems(), again.problems());
    }

    @Test
    void threadsReadingAtOnceEachGetTheirOwnDocument() throws Exception {
        List<String> files = UblSamples.FILES;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> reads = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String file = files.get(i % files.size());
                String expected = reader.read(UblSamples.root(file)).invoiceNumber();
                reads.add(pool.submit(() -> expected.equals(reader.read(UblSamples.root(file)).invoiceNumber())));
            }
            for (Future<Boolean> read : reads) {
                assertTrue(read.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
