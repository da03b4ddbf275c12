package io.silkgate.schemas.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.Buyer;
import io.silkgate.schemas.en16931.Contact;
import io.silkgate.schemas.en16931.ConversionReport;
import io.silkgate.schemas.en16931.DocumentAllowanceCharge;
import io.silkgate.schemas.en16931.DocumentTotals;
import io.silkgate.schemas.en16931.DroppedTerm;
import io.silkgate.schemas.en16931.Identifier;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.schemas.en16931.InvoiceFormats;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.InvoiceNote;
import io.silkgate.schemas.en16931.ItemInformation;
import io.silkgate.schemas.en16931.LineAllowanceCharge;
import io.silkgate.schemas.en16931.LineVatInformation;
import io.silkgate.schemas.en16931.PostalAddress;
import io.silkgate.schemas.en16931.PriceDetails;
import io.silkgate.schemas.en16931.Seller;
import io.silkgate.schemas.en16931.VatBreakdown;
import io.silkgate.schemas.national.Dom;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class IdCoretaxFormatTest {

    private final IdCoretaxFormat format = new IdCoretaxFormat();
    private final IdCoretaxRuleSet rules = new IdCoretaxRuleSet();

    @Test
    void anEn16931InvoiceBecomesAValidImportFileWithTheOtherTaxBase() {
        byte[] written = format.write(indonesianInvoice());
        Document doc = SecureXml.parse(written);

        assertEquals(List.of(), rules.validate(doc), new String(written, StandardCharsets.UTF_8));
        Element root = doc.getDocumentElement();
        assertEquals("0012345678901000", Dom.text(root, "TIN"));
        Element invoice = Dom.at(root, "ListOfTaxInvoice", "TaxInvoice");
        assertEquals("2026-02-10", Dom.text(invoice, "TaxInvoiceDate"));
        assertEquals("Normal", Dom.text(invoice, "TaxInvoiceOpt"));
        assertEquals("04", Dom.text(invoice, "TrxCode"));
        assertEquals("INV/2026/0210", Dom.text(invoice, "RefDesc"));
        assertEquals("0012345678901000000000", Dom.text(invoice, "SellerIDTKU"));
        assertEquals("TIN", Dom.text(invoice, "BuyerDocument"));
        assertEquals("3171234567890123", Dom.text(invoice, "BuyerTin"));
        assertEquals("3171234567890123000000", Dom.text(invoice, "BuyerIDTKU"));
        assertEquals("IDN", Dom.text(invoice, "BuyerCountry"));
        assertEquals("Jl. Sudirman No. 1, Jakarta, 10220", Dom.text(invoice, "BuyerAdress"));
        assertEquals("finance@nusantara.example", Dom.text(invoice, "BuyerEmail"));

        List<Element> goods = Dom.children(Dom.child(invoice, "ListOfGoodService"), "GoodService");
        Element cable = goods.get(0);
        assertEquals("A", Dom.text(cable, "Opt"));
        assertEquals("UM.0013", Dom.text(cable, "Unit"));
        assertEquals("100000", Dom.text(cable, "Price"));
        assertEquals("100", Dom.text(cable, "Qty"));
        // 10 000 000 less the line allowance 400 000 and its 400 000 share (2/3) of the document allowance.
        assertEquals("800000", Dom.text(cable, "TotalDiscount"));
        assertEquals("9200000", Dom.text(cable, "TaxBase"));
        assertEquals("8433333.33", Dom.text(cable, "OtherTaxBase"));
        assertEquals("12", Dom.text(cable, "VATRate"));
        assertEquals("1012000", Dom.text(cable, "VAT"));
        Element service = goods.get(1);
        assertEquals("B", Dom.text(service, "Opt"));
        assertEquals("UM.0027", Dom.text(service, "Unit"));
        assertEquals("250100", Dom.text(service, "Code"));
        assertEquals("4600000", Dom.text(service, "TaxBase"));
    }

    @Test
    void theReportSaysWhatTheImportFileCannotHold() {
        ConversionReport report = InvoiceConverter.report("ubl", indonesianInvoice(), format);

        Set<String> dropped = report.dropped().stream().map(DroppedTerm::term).collect(Collectors.toSet());
        assertTrue(dropped.containsAll(Set.of("BT-22", "BT-27", "BT-109", "BT-110", "BT-116", "BG-23", "BT-9")),
                dropped.toString());
        assertTrue(report.carried().containsAll(List.of("BT-1", "BT-2", "BT-31", "BT-48", "BT-92", "BT-131", "BT-158")),
                report.carried().toString());
        assertEquals("id-coretax (TaxInvoiceBulk) has no element for BT-9",
                report.dropped().stream().filter(d -> d.term().equals("BT-9")).findFirst().orElseThrow().reason());
    }

    @Test
    void aForeignBuyerIsIdentifiedByAnotherDocument() {
        Invoice invoice = indonesianInvoice();
        Buyer foreign = new Buyer("Lion City Trading Pte. Ltd.", null, null, null, "SG201912345K", null,
                new PostalAddress("1 Raffles Place", null, null, "Singapore", "048616", null, "SG"), null);
        Invoice toSingapore = new Invoice(invoice.invoiceNumber(), invoice.issueDate(), invoice.typeCode(),
                invoice.currencyCode(), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, List.of(), null, List.of(), invoice.seller(), foreign, null, null, null, null, null,
                List.of(), List.of(), invoice.totals(), invoice.vatBreakdown(), List.of(), invoice.lines());

        Document doc = SecureXml.parse(format.write(toSingapore));
        Element tax = Dom.at(doc.getDocumentElement(), "ListOfTaxInvoice", "TaxInvoice");

        assertEquals(List.of(), rules.validate(doc));
        assertEquals("Other ID", Dom.text(tax, "BuyerDocument"));
        assertEquals("0000000000000000", Dom.text(tax, "BuyerTin"));
        assertEquals("SG201912345K", Dom.text(tax, "BuyerDocumentNumber"));
        assertEquals("SGP", Dom.text(tax, "BuyerCountry"));
    }

    @Test
    void creditNotesAndUnconvertibleCurrenciesAreRefused() {
        Invoice invoice = indonesianInvoice();
        Invoice credit = new Invoice("CN-1", invoice.issueDate(), "381", "IDR", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, List.of(), null, List.of(), invoice.seller(),
                invoice.buyer(), null, null, null, null, null, List.of(), List.of(), invoice.totals(),
                invoice.vatBreakdown(), List.of(), invoice.lines());
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> format.write(credit));
        assertEquals(ErrorCode.RULES_INVALID, e.code());

        Invoice dollars = new Invoice("USD-1", invoice.issueDate(), "380", "USD", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, List.of(), null, List.of(), invoice.seller(),
                invoice.buyer(), null, null, null, null, null, List.of(), List.of(), invoice.totals(),
                invoice.vatBreakdown(), List.of(), invoice.lines());
        assertThrows(DocumentRejectedException.class, () -> format.write(dollars));
    }

    @Test
    void aDollarInvoiceWithItsVatInRupiahIsConverted() {
        InvoiceLine line = new InvoiceLine("1", null, null, new BigDecimal("2"), "H87", new BigDecimal("100.00"), null,
                null, null, List.of(), List.of(), new PriceDetails(new BigDecimal("50.00"), null, null, null, null),
                new LineVatInformation("S", new BigDecimal("11")),
                new ItemInformation("Sensor", null, null, null, null, List.of(), null, List.of()));
        DocumentTotals totals = new DocumentTotals(new BigDecimal("100.00"), null, null, new BigDecimal("100.00"),
                new BigDecimal("11.00"), new BigDecimal("176000"), new BigDecimal("111.00"), null, null,
                new BigDecimal("111.00"));
        Invoice invoice = new Invoice("USD-2", LocalDate.of(2026, 2, 11), "380", "USD", "IDR", null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, List.of(), null, List.of(),
                indonesianInvoice().seller(), indonesianInvoice().buyer(), null, null, null, null, null, List.of(),
                List.of(), totals, List.of(), List.of(), List.of(line));

        Document doc = SecureXml.parse(format.write(invoice));
        Element good = Dom.at(doc.getDocumentElement(), "ListOfTaxInvoice", "TaxInvoice", "ListOfGoodService",
                "GoodService");

        assertEquals(List.of(), rules.validate(doc));
        assertEquals("800000", Dom.text(good, "Price"));
        assertEquals("1600000", Dom.text(good, "TaxBase"));
    }

    @Test
    void aVatRateOtherThanTwelveIsRejectedWithTheRuleId() {
        Document doc = written();
        Element good = firstGood(doc);
        Dom.child(good, "VATRate").setTextContent("11");

        List<Problem> problems = rules.validate(doc);
        assertRule(problems, "ID-CORETAX-R010");
        assertRule(problems, "ID-CORETAX-R009");
    }

    @Test
    void amountsThatDoNotAddUpAreRejected() {
        Document doc = written();
        Element good = firstGood(doc);
        Dom.child(good, "TaxBase").setTextContent("9300000");
        Dom.child(good, "OtherTaxBase").setTextContent("9300000");

        List<Problem> problems = rules.validate(doc);
        assertRule(problems, "ID-CORETAX-R007");
        assertRule(problems, "ID-CORETAX-R008");
        assertRule(problems, "ID-CORETAX-R009");
    }

    @Test
    void identifiersMustHaveTheirLengths() {
        Document doc = written();
        Element root = doc.getDocumentElement();
        Dom.child(root, "TIN").setTextContent("012345678901000");
        Element tax = Dom.at(root, "ListOfTaxInvoice", "TaxInvoice");
        Dom.child(tax, "BuyerIDTKU").setTextContent("317123456789012300000");
        Dom.child(tax, "BuyerCountry").setTextContent("XYZ");

        List<Problem> problems = rules.validate(doc);
        assertRule(problems, "ID-CORETAX-R001");
        assertRule(problems, "ID-CORETAX-R002");
        assertRule(problems, "ID-CORETAX-R004");
        assertRule(problems, "ID-CORETAX-R005");
    }

    @Test
    void aMissingBuyerNameIsASchemaErrorAndAWrongRootIsRefused() {
        Document doc = written();
        Element tax = Dom.at(doc.getDocumentElement(), "ListOfTaxInvoice", "TaxInvoice");
        tax.removeChild(Dom.child(tax, "BuyerName"));
        List<Problem> problems = rules.validate(doc);
        assertTrue(problems.stream().anyMatch(p -> p.code().equals("SCHEMA_INVALID")
                && p.message().contains("BuyerName")), problems.toString());

        Document wrong = SecureXml.parse("<TaxInvoice/>".getBytes(StandardCharsets.UTF_8));
        assertEquals("SCHEMA_INVALID", rules.validate(wrong).get(0).code());
    }

    @Test
    void theFormatOnlyWrites() {
        assertFalse(format.canRead());
        assertTrue(format.canWrite());
        assertThrows(UnsupportedOperationException.class, () -> format.read(written().getDocumentElement()));
        assertTrue(InvoiceFormats.byId("id-coretax").orElseThrow() instanceof IdCoretaxFormat);
    }

    /** A UBL-like invoice of an Indonesian seller at the effective 11 % rate, with allowances on both levels. */
    static Invoice indonesianInvoice() {
        Seller seller = new Seller("PT Kabel Nusantara", null, List.of(), null, "ID01.234.567.8-901.000", null, null,
                null, new PostalAddress("Jl. Gatot Subroto 5", null, null, "Jakarta", "12930", null, "ID"),
                new Contact(null, "+62 21 555 0101", "tax@kabel.example"));
        Buyer buyer = new Buyer("PT Nusantara Konstruksi", null, null, null, "ID3171234567890123", null,
                new PostalAddress("Jl. Sudirman No. 1", null, null, "Jakarta", "10220", null, "ID"),
                new Contact("Budi", null, "finance@nusantara.example"));
        InvoiceLine cable = new InvoiceLine("1", null, null, new BigDecimal("100"), "MTR", new BigDecimal("9600000"),
                null, null, null,
                List.of(new LineAllowanceCharge(new BigDecimal("400000"), null, null, "Volume discount", "95")),
                List.of(), new PriceDetails(new BigDecimal("100000"), null, null, null, null),
                new LineVatInformation("S", new BigDecimal("11")),
                new ItemInformation("Kabel NYY 4x16 mm2", null, "NYY-416", null, null, List.of(), null, List.of()));
        InvoiceLine installation = new InvoiceLine("2", null, null, new BigDecimal("10"), "HUR", new BigDecimal("4800000"),
                null, null, null, List.of(), List.of(),
                new PriceDetails(new BigDecimal("480000"), null, null, null, null),
                new LineVatInformation("S", new BigDecimal("11")),
                new ItemInformation("Jasa instalasi", null, null, null, null,
                        List.of(Identifier.of("250100", "ZZZ")), null, List.of()));
        DocumentAllowanceCharge allowance = new DocumentAllowanceCharge(new BigDecimal("600000"), null, null, "S",
                new BigDecimal("11"), "Project discount", null);
        DocumentTotals totals = new DocumentTotals(new BigDecimal("14400000"), new BigDecimal("600000"), null,
                new BigDecimal("13800000"), new BigDecimal("1518000"), null, new BigDecimal("15318000"), null, null,
                new BigDecimal("15318000"));
        return new Invoice("INV/2026/0210", LocalDate.of(2026, 2, 10), "380", "IDR", null, null, null,
                LocalDate.of(2026, 3, 12), null, null, null, null, null, null, null, null, null, null, null,
                List.of(new InvoiceNote(null, "Termasuk pemasangan")), null, List.of(), seller, buyer, null, null,
                null, null, null, List.of(allowance), List.of(), totals,
                List.of(new VatBreakdown(new BigDecimal("13800000"), new BigDecimal("1518000"), "S",
                        new BigDecimal("11"), null, null)),
                List.of(), List.of(cable, installation));
    }

    private Document written() {
        return SecureXml.parse(format.write(indonesianInvoice()));
    }

    private static Element firstGood(Document doc) {
        return Dom.at(doc.getDocumentElement(), "ListOfTaxInvoice", "TaxInvoice", "ListOfGoodService", "GoodService");
    }

    private static void assertRule(List<Problem> problems, String rule) {
        assertTrue(problems.stream().anyMatch(p -> p.code().equals("RULES_INVALID") && rule.equals(p.location())),
                "expected " + rule + " in " + problems);
    }
}
