package io.silkgate.schemas.vn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.BinaryObject;
import io.silkgate.schemas.en16931.Buyer;
import io.silkgate.schemas.en16931.Contact;
import io.silkgate.schemas.en16931.ConversionReport;
import io.silkgate.schemas.en16931.DocumentTotals;
import io.silkgate.schemas.en16931.DroppedTerm;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.schemas.en16931.InvoiceFormats;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.ItemInformation;
import io.silkgate.schemas.en16931.LineVatInformation;
import io.silkgate.schemas.en16931.PostalAddress;
import io.silkgate.schemas.en16931.PrecedingInvoiceReference;
import io.silkgate.schemas.en16931.PriceDetails;
import io.silkgate.schemas.en16931.ProcessControl;
import io.silkgate.schemas.en16931.Seller;
import io.silkgate.schemas.en16931.SupportingDocument;
import io.silkgate.schemas.en16931.VatBreakdown;
import io.silkgate.schemas.national.Dom;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class VnTt78FormatTest {

    private final VnTt78Format format = new VnTt78Format();
    private final VnTt78RuleSet rules = new VnTt78RuleSet();

    @Test
    void readsTheVatInvoiceIntoTheModel() {
        Invoice invoice = format.read(sample("hdon-vat-invoice.xml").getDocumentElement());

        assertEquals("1C26TAA-123", invoice.invoiceNumber());
        assertEquals(LocalDate.of(2026, 3, 15), invoice.issueDate());
        assertEquals("380", invoice.typeCode());
        assertEquals("VND", invoice.currencyCode());
        assertEquals("VN0312345678", invoice.seller().vatIdentifier());
        assertEquals("VN0109876543-001", invoice.buyer().vatIdentifier());
        assertEquals("Nguyễn Văn An", invoice.buyer().contact().contactPoint());
        assertEquals("KH-0042", invoice.buyer().identifier().value());
        assertEquals("0071001234567",
                invoice.paymentInstructions().creditTransfers().get(0).paymentAccountIdentifier());
        assertEquals("1", invoice.paymentInstructions().paymentMeansTypeCode());

        assertEquals(3, invoice.lines().size());
        InvoiceLine steel = invoice.lines().get(0);
        assertEquals("KGM", steel.invoicedQuantityUnitCode());
        assertEquals(new BigDecimal("9065000"), steel.netAmount());
        assertEquals(new BigDecimal("185000"), steel.allowances().get(0).amount());
        assertEquals(new BigDecimal("2"), steel.allowances().get(0).percentage());
        assertEquals("E", invoice.lines().get(2).vatInformation().invoicedItemVatCategoryCode());

        assertEquals(1, invoice.allowances().size());
        assertEquals(new BigDecimal("65000"), invoice.allowances().get(0).amount());
        assertEquals("Giao hàng tại kho Bình Dương", invoice.notes().get(0).note());

        DocumentTotals totals = invoice.totals();
        assertEquals(new BigDecimal("12515000"), totals.sumOfInvoiceLineNetAmount());
        assertEquals(new BigDecimal("65000"), totals.sumOfAllowancesOnDocumentLevel());
        assertEquals(new BigDecimal("12450000"), totals.invoiceTotalAmountWithoutVat());
        assertEquals(new BigDecimal("1140000"), totals.invoiceTotalVatAmount());
        assertEquals(new BigDecimal("13590000"), totals.amountDueForPayment());
        assertEquals(List.of("S", "S", "E"), invoice.vatBreakdown().stream().map(VatBreakdown::categoryCode).toList());
        assertEquals(new BigDecimal("240000"), invoice.vatBreakdown().get(1).taxAmount());
    }

    @Test
    void theSamplesAreValidUnderOurSchemaAndRules() {
        assertEquals(List.of(), rules.validate(sample("hdon-vat-invoice.xml")));
        assertEquals(List.of(), rules.validate(sample("hdon-decrease-adjustment.xml")));
    }

    @Test
    void readWriteReadKeepsEveryTermTheFormatHolds() {
        for (String name : List.of("hdon-vat-invoice.xml", "hdon-decrease-adjustment.xml")) {
            Invoice first = format.read(sample(name).getDocumentElement());
            byte[] written = format.write(first);
            Document output = SecureXml.parse(written);
            assertEquals(List.of(), rules.validate(output), name + " written back:\n" + utf8(written));
            Invoice second = format.read(output.getDocumentElement());

            assertEquals(first, second, name);
            Set<String> notHeld = first.presentTerms().stream()
                    .filter(t -> !format.writableTerms().contains(t)).collect(Collectors.toSet());
            // Only the exemption text that the reader derives from "KCT" is outside the format.
            assertTrue(Set.of("BT-120").containsAll(notHeld), name + ": " + notHeld);
        }
    }

    @Test
    void aDecreasingAdjustmentIsACreditNoteWithPositiveAmounts() {
        Invoice credit = format.read(sample("hdon-decrease-adjustment.xml").getDocumentElement());

        assertEquals("381", credit.typeCode());
        assertEquals(List.of(new PrecedingInvoiceReference("1C26TAA-123", LocalDate.of(2026, 3, 15))),
                credit.precedingInvoiceReferences());
        assertEquals(new BigDecimal("20"), credit.lines().get(0).invoicedQuantity());
        assertEquals(new BigDecimal("15"), credit.lines().get(0).netAmount());
        assertEquals(new BigDecimal("16.5"), credit.totals().invoiceTotalAmountWithVat());
        assertEquals("VND", credit.vatAccountingCurrencyCode());
        assertEquals(new BigDecimal("38100"), credit.totals().invoiceTotalVatAmountInAccountingCurrency());

        Element written = SecureXml.parse(format.write(credit)).getDocumentElement();
        Element totals = Dom.at(written, "DLHDon", "NDHDon", "TToan");
        assertEquals("-16.5", Dom.text(totals, "TgTTTBSo"));
        assertEquals("Âm mười sáu đô la Mỹ năm mươi xu", Dom.text(totals, "TgTTTBChu"));
        assertEquals("25400", Dom.text(Dom.at(written, "DLHDon", "TTChung"), "TGia"));
    }

    @Test
    void anInvoiceFromAChineseExporterBecomesAValidHdonAndTheReportListsWhatIsDropped() {
        Invoice invoice = exporterInvoice();
        byte[] written = format.write(invoice);
        Document output = SecureXml.parse(written);

        assertEquals(List.of(), rules.validate(output), utf8(written));
        Element root = output.getDocumentElement();
        Element general = Dom.at(root, "DLHDon", "TTChung");
        assertEquals("K26TSG", Dom.text(general, "KHHDon"));
        assertEquals("20260042", Dom.text(general, "SHDon"));
        assertEquals("25000", Dom.text(general, "TGia"));
        Element seller = Dom.at(root, "DLHDon", "NDHDon", "NBan");
        assertEquals("CN91310115MA1H7Q2K0G", Dom.text(seller, "MST"));
        assertEquals("CN", VnTt78RuleSet.otherField(seller, "QuocGia"));
        assertEquals("0101234567", Dom.text(Dom.at(root, "DLHDon", "NDHDon", "NMua"), "MST"));
        assertEquals("Một nghìn một trăm đô la Mỹ", Dom.text(Dom.at(root, "DLHDon", "NDHDon", "TToan"), "TgTTTBChu"));

        Invoice back = format.read(root);
        assertEquals("INV-2026-0042", back.invoiceNumber());
        assertEquals("CN91310115MA1H7Q2K0G", back.seller().vatIdentifier());
        assertEquals("CN", back.seller().postalAddress().countryCode());

        ConversionReport report = InvoiceConverter.report("ubl", invoice, format);
        Set<String> dropped = report.dropped().stream().map(DroppedTerm::term).collect(Collectors.toSet());
        assertTrue(dropped.containsAll(Set.of("BT-9", "BT-10", "BT-24", "BG-24", "BT-125", "BT-125-2")), dropped.toString());
        assertTrue(report.carried().containsAll(List.of("BT-1", "BT-2", "BT-31", "BT-48", "BT-111", "BT-131")),
                report.carried().toString());
        assertTrue(report.dropped().get(0).reason().startsWith("vn-tt78 (HDon) has no element for"));
    }

    @Test
    void totalsThatDoNotAddUpAreRejectedWithTheRuleId() {
        Document doc = sample("hdon-vat-invoice.xml");
        set(doc, "13600000", "DLHDon", "NDHDon", "TToan", "TgTTTBSo");

        assertRule(rules.validate(doc), "VN-TT78-R017");
    }

    @Test
    void aLineAmountThatIsNotQuantityTimesPriceLessDiscountIsRejected() {
        Document doc = sample("hdon-vat-invoice.xml");
        Element line = Dom.children(Dom.at(doc.getDocumentElement(), "DLHDon", "NDHDon", "DSHHDVu"), "HHDVu").get(1);
        Dom.child(line, "ThTien").setTextContent("3100000");

        List<Problem> problems = rules.validate(doc);
        assertRule(problems, "VN-TT78-R010");
        assertRule(problems, "VN-TT78-R013");
    }

    @Test
    void aTaxRateOutsideTheAllowedSetIsRejected() {
        Document doc = sample("hdon-vat-invoice.xml");
        Element line = Dom.children(Dom.at(doc.getDocumentElement(), "DLHDon", "NDHDon", "DSHHDVu"), "HHDVu").get(0);
        Dom.child(line, "TSuat").setTextContent("7%");

        assertRule(rules.validate(doc), "VN-TT78-R009");
    }

    @Test
    void tax_codes_series_and_currency_are_checked() {
        Document doc = sample("hdon-vat-invoice.xml");
        set(doc, "031234567", "DLHDon", "NDHDon", "NBan", "MST");
        set(doc, "C25TAA", "DLHDon", "TTChung", "KHHDon");
        set(doc, "USD", "DLHDon", "TTChung", "DVTTe");
        Element general = Dom.at(doc.getDocumentElement(), "DLHDon", "TTChung");
        general.removeChild(Dom.child(general, "TGia"));

        List<Problem> problems = rules.validate(doc);
        assertRule(problems, "VN-TT78-R001");
        assertRule(problems, "VN-TT78-R005");
        assertRule(problems, "VN-TT78-R007");
    }

    @Test
    void aMissingRequiredFieldIsASchemaError() {
        Document doc = sample("hdon-vat-invoice.xml");
        Element general = Dom.at(doc.getDocumentElement(), "DLHDon", "TTChung");
        general.removeChild(Dom.child(general, "NLap"));

        List<Problem> problems = rules.validate(doc);
        assertTrue(problems.stream().anyMatch(p -> p.code().equals("SCHEMA_INVALID")
                && p.message().contains("NLap") && p.location().endsWith("/TTChung")), problems.toString());
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> format.read(doc.getDocumentElement()));
        assertEquals(ErrorCode.SCHEMA_INVALID, e.code());
    }

    @Test
    void aBuyerWithoutAnyNameIsRejected() {
        Document doc = sample("hdon-vat-invoice.xml");
        Element buyer = Dom.at(doc.getDocumentElement(), "DLHDon", "NDHDon", "NMua");
        buyer.removeChild(Dom.child(buyer, "Ten"));
        buyer.removeChild(Dom.child(buyer, "HVTNMHang"));

        assertRule(rules.validate(doc), "VN-TT78-R008");
    }

    @Test
    void aWrongRootIsRefused() {
        Document doc = SecureXml.parse("<Invoice><ID>1</ID></Invoice>".getBytes(StandardCharsets.UTF_8));

        List<Problem> problems = rules.validate(doc);
        assertEquals(1, problems.size());
        assertEquals("SCHEMA_INVALID", problems.get(0).code());
        assertEquals("/Invoice", problems.get(0).location());
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> format.read(doc.getDocumentElement()));
        assertEquals(ErrorCode.UNKNOWN_FORMAT, e.code());
    }

    @Test
    void amountsAreWrittenInVietnameseWords() {
        assertEquals("Ba mươi mốt nghìn không trăm ba mươi đồng",
                VietnameseAmountInWords.of(new BigDecimal("31030"), "VND"));
        assertEquals("Mười ba triệu năm trăm chín mươi nghìn đồng",
                VietnameseAmountInWords.of(new BigDecimal("13590000"), "VND"));
        assertEquals("một tỷ không trăm linh năm triệu", VietnameseAmountInWords.words(BigInteger.valueOf(1_005_000_000)));
        assertEquals("hai mươi lăm", VietnameseAmountInWords.words(BigInteger.valueOf(25)));
    }

    @Test
    void theFormatIsFoundThroughTheServiceLoader() {
        assertTrue(InvoiceFormats.byId("vn-tt78").orElseThrow() instanceof VnTt78Format);
        assertNotNull(rules.formatId());
    }

    /** An invoice as a UBL reader would produce it: a Chinese exporter selling to a Vietnamese buyer in USD. */
    static Invoice exporterInvoice() {
        Seller seller = new Seller("Shanghai Example Technology Co., Ltd.", null, List.of(), null,
                "CN91310115MA1H7Q2K0G", null, null, null,
                new PostalAddress("100 Example Road", null, null, "Shanghai", "200120", null, "CN"),
                new Contact("Sales", "+86 21 5555 0000", "sales@example.cn"));
        Buyer buyer = new Buyer("Ha Thanh Construction JSC", null, null, null, "VN0101234567", null,
                new PostalAddress("45 Lang Ha", null, null, "Ha Noi", null, null, "VN"), null);
        InvoiceLine line = new InvoiceLine("1", null, null, new BigDecimal("10"), "H87", new BigDecimal("1000.00"),
                null, null, null, List.of(), List.of(),
                new PriceDetails(new BigDecimal("100.00"), null, null, null, null),
                new LineVatInformation("S", new BigDecimal("10")),
                new ItemInformation("Industrial router", null, "RT-100", null, null, List.of(), null, List.of()));
        DocumentTotals totals = new DocumentTotals(new BigDecimal("1000.00"), null, null, new BigDecimal("1000.00"),
                new BigDecimal("100.00"), new BigDecimal("2500000"), new BigDecimal("1100.00"), null, null,
                new BigDecimal("1100.00"));
        SupportingDocument attachment = new SupportingDocument("PL-42", "Packing list", null,
                new BinaryObject("JVBERi0xLjQK".getBytes(StandardCharsets.US_ASCII), "application/pdf", "packing-list.pdf"));
        return new Invoice("INV-2026-0042", LocalDate.of(2026, 5, 20), "380", "USD", "VND", null, null,
                LocalDate.of(2026, 6, 19), "PO-HT-7", null, null, null, null, null, null, null, null, null, null,
                List.of(), new ProcessControl(null, "urn:cen.eu:en16931:2017"), List.of(), seller, buyer, null, null,
                null, null, null, List.of(), List.of(), totals,
                List.of(new VatBreakdown(new BigDecimal("1000.00"), new BigDecimal("100.00"), "S", new BigDecimal("10"),
                        null, null)),
                List.of(attachment), List.of(line));
    }

    private static void assertRule(List<Problem> problems, String rule) {
        assertTrue(problems.stream().anyMatch(p -> p.code().equals("RULES_INVALID") && rule.equals(p.location())),
                "expected " + rule + " in " + problems);
    }

    private static void set(Document doc, String value, String... path) {
        Dom.at(doc.getDocumentElement(), path).setTextContent(value);
    }

    static Document sample(String name) {
        try (InputStream in = VnTt78FormatTest.class.getResourceAsStream("/samples/vn/" + name)) {
            return SecureXml.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
