package io.silkgate.schemas.cn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import io.silkgate.schemas.SecureXml;
import io.silkgate.schemas.en16931.ConversionResult;
import io.silkgate.schemas.en16931.DroppedTerm;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceConverter;
import io.silkgate.schemas.en16931.InvoiceFormats;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.VatBreakdown;
import io.silkgate.schemas.national.Dom;
import io.silkgate.schemas.ubl.UblInvoiceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CnFapiaoFormatTest {

    private final CnFapiaoFormat format = new CnFapiaoFormat();
    private final CnFapiaoRuleSet rules = new CnFapiaoRuleSet();

    @Test
    void readsTheFapiaoIntoTheModel() {
        Invoice invoice = format.read(sample().getDocumentElement());

        assertEquals("26312000000012345678", invoice.invoiceNumber());
        assertEquals(LocalDate.of(2026, 5, 19), invoice.issueDate());
        assertEquals("380", invoice.typeCode());
        assertEquals("CNY", invoice.currencyCode());
        assertEquals("上海示例信息技术有限公司", invoice.seller().name());
        assertEquals("CN91310115MA1H7Q2K0G", invoice.seller().vatIdentifier());
        assertEquals("CN", invoice.seller().postalAddress().countryCode());
        assertEquals("CN91440300MA5G8R3T1B", invoice.buyer().vatIdentifier());
        assertEquals("310066771018000123456",
                invoice.paymentInstructions().creditTransfers().get(0).paymentAccountIdentifier());
        assertEquals("合同号 HT-2026-0519", invoice.notes().get(0).note());

        assertEquals(3, invoice.lines().size());
        InvoiceLine service = invoice.lines().get(0);
        assertEquals("*信息技术服务*软件维护服务费", service.item().name());
        assertEquals("V2.1", service.item().attributes().get(0).value());
        assertEquals("3040201000000000000", service.item().classificationIdentifiers().get(0).value());
        assertEquals(new BigDecimal("6"), service.vatInformation().invoicedItemVatRate());
        assertEquals("H87", invoice.lines().get(1).invoicedQuantityUnitCode());
        InvoiceLine discount = invoice.lines().get(2);
        assertEquals(new BigDecimal("-1"), discount.invoicedQuantity());
        assertEquals(new BigDecimal("100"), discount.priceDetails().itemNetPrice());
        assertEquals(new BigDecimal("-100"), discount.netAmount());

        assertEquals(List.of(new VatBreakdown(new BigDecimal("10000"), new BigDecimal("600"), "S", new BigDecimal("6"),
                        null, null),
                new VatBreakdown(new BigDecimal("1700"), new BigDecimal("221"), "S", new BigDecimal("13"), null, null)),
                invoice.vatBreakdown());
        assertEquals(new BigDecimal("11700"), invoice.totals().invoiceTotalAmountWithoutVat());
        assertEquals(new BigDecimal("821"), invoice.totals().invoiceTotalVatAmount());
        assertEquals(new BigDecimal("12521"), invoice.totals().amountDueForPayment());
    }

    @Test
    void theSampleIsValidUnderOurSchemaAndRules() {
        assertEquals(List.of(), rules.validate(sample()));
    }

    // PINT SG is covered by SingaporeGstTest: a seller that charged Chinese VAT cannot be expressed there
    @Test
    void aFapiaoBecomesAUblInvoiceThatReadsBackTheSame() {
        UblInvoiceFormat target = new UblInvoiceFormat.Ubl();
        InvoiceConverter converter = new InvoiceConverter(List.of(format, target));

        ConversionResult result = converter.convert(sample().getDocumentElement(), "cn-fapiao", "ubl");

        Document ubl = SecureXml.parse(result.document());
        assertEquals("Invoice", ubl.getDocumentElement().getLocalName());
        Invoice source = format.read(sample().getDocumentElement());
        Invoice written = target.read(ubl.getDocumentElement());
        assertEquals(source.invoiceNumber(), written.invoiceNumber());
        assertEquals(source.seller().vatIdentifier(), written.seller().vatIdentifier());
        assertEquals(source.totals().amountDueForPayment(), written.totals().amountDueForPayment());
        assertEquals(source.vatBreakdown(), written.vatBreakdown());
        assertEquals(source.lines().size(), written.lines().size());
        assertEquals(List.of(), result.report().dropped().stream().map(DroppedTerm::term).toList());
        assertTrue(result.report().carried().containsAll(List.of("BT-1", "BT-31", "BT-48", "BT-158", "BT-160")));
    }

    @Test
    void theFormatOnlyReads() {
        assertTrue(format.canRead());
        assertFalse(format.canWrite());
        Invoice invoice = format.read(sample().getDocumentElement());
        assertThrows(UnsupportedOperationException.class, () -> format.write(invoice));
        assertTrue(InvoiceFormats.byId("cn-fapiao").orElseThrow() instanceof CnFapiaoFormat);
    }

    @Test
    void aRedLetterFapiaoIsACreditNoteWithPositiveAmounts() {
        Document doc = sample();
        Element labels = Dom.at(doc.getDocumentElement(), "Header", "InherentLabel", "InIssuType");
        Dom.child(labels, "LabelCode").setTextContent("N");
        Element data = Dom.child(doc.getDocumentElement(), "EInvoiceData");
        for (Element line : Dom.children(data, "IssuItemInformation")) {
            negate(line, "Quantity");
            negate(line, "Amount");
            negate(line, "ComTaxAm");
            negate(line, "TotaltaxIncludedAmount");
        }
        Element basic = Dom.child(data, "BasicInformation");
        negate(basic, "TotalAmWithoutTax");
        negate(basic, "TotalTaxAm");
        negate(basic, "TotalTax-includedAmount");

        assertEquals(List.of(), rules.validate(doc));
        Invoice credit = format.read(doc.getDocumentElement());
        assertEquals("381", credit.typeCode());
        assertEquals(new BigDecimal("12521"), credit.totals().invoiceTotalAmountWithVat());
        assertEquals(new BigDecimal("4"), credit.lines().get(1).invoicedQuantity());
    }

    @Test
    void totalsThatDoNotAddUpAreRejectedWithTheRuleId() {
        Document doc = sample();
        Element basic = Dom.at(doc.getDocumentElement(), "EInvoiceData", "BasicInformation");
        Dom.child(basic, "TotalAmWithoutTax").setTextContent("11800.00");
        Dom.child(basic, "TotalTax-includedAmount").setTextContent("12600.00");

        List<Problem> problems = rules.validate(doc);
        assertRule(problems, "CN-FAPIAO-R006");
        assertRule(problems, "CN-FAPIAO-R008");
    }

    @Test
    void aRateThatIsNoChineseVatRateIsRejected() {
        Document doc = sample();
        Element line = Dom.children(Dom.child(doc.getDocumentElement(), "EInvoiceData"), "IssuItemInformation").get(0);
        Dom.child(line, "TaxRate").setTextContent("0.07");

        List<Problem> problems = rules.validate(doc);
        assertRule(problems, "CN-FAPIAO-R003");
        assertRule(problems, "CN-FAPIAO-R005");
    }

    @Test
    void lineArithmeticAndFenAreChecked() {
        Document doc = sample();
        Element line = Dom.children(Dom.child(doc.getDocumentElement(), "EInvoiceData"), "IssuItemInformation").get(1);
        Dom.child(line, "UnPrice").setTextContent("451");
        Dom.child(line, "ComTaxAm").setTextContent("234.001");

        List<Problem> problems = rules.validate(doc);
        assertRule(problems, "CN-FAPIAO-R004");
        assertRule(problems, "CN-FAPIAO-R010");
    }

    @Test
    void creditCodesNeedTheirCheckCharacter() {
        assertTrue(CnTaxIds.isUnifiedSocialCreditCode("91310115MA1H7Q2K0G"));
        assertFalse(CnTaxIds.isUnifiedSocialCreditCode("91310115MA1H7Q2K0H"));
        assertTrue(CnTaxIds.isBuyerId("11010519491231002X"));
        Document doc = sample();
        Element seller = Dom.at(doc.getDocumentElement(), "EInvoiceData", "SellerInformation");
        Dom.child(seller, "SellerIdNum").setTextContent("91310115MA1H7Q2K0H");
        Element buyer = Dom.at(doc.getDocumentElement(), "EInvoiceData", "BuyerInformation");
        buyer.removeChild(Dom.child(buyer, "BuyerIdNum"));

        List<Problem> problems = rules.validate(doc);
        assertRule(problems, "CN-FAPIAO-R001");
        assertRule(problems, "CN-FAPIAO-R012");
    }

    @Test
    void aMissingSellerNameIsASchemaErrorAndTheReaderRefusesIt() {
        Document doc = sample();
        Element seller = Dom.at(doc.getDocumentElement(), "EInvoiceData", "SellerInformation");
        seller.removeChild(Dom.child(seller, "SellerName"));

        List<Problem> problems = rules.validate(doc);
        assertTrue(problems.stream().anyMatch(p -> p.code().equals("SCHEMA_INVALID")
                && p.message().contains("SellerName")), problems.toString());
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> format.read(doc.getDocumentElement()));
        assertEquals(ErrorCode.SCHEMA_INVALID, e.code());
    }

    @Test
    void aWrongRootIsRefused() {
        Document doc = SecureXml.parse("<HDon/>".getBytes(StandardCharsets.UTF_8));
        assertEquals("SCHEMA_INVALID", rules.validate(doc).get(0).code());
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> format.read(doc.getDocumentElement()));
        assertEquals(ErrorCode.UNKNOWN_FORMAT, e.code());
    }

    @Test
    void ratesAreReadAsFractionsPercentagesOrExemptWords() {
        assertEquals(new BigDecimal("13"), CnTaxRate.parse("0.130000").orElseThrow().percent());
        assertEquals(new BigDecimal("6"), CnTaxRate.parse("6%").orElseThrow().percent());
        assertEquals(CnTaxRate.Kind.EXEMPT, CnTaxRate.parse("免税").orElseThrow().kind());
        assertFalse(CnTaxRate.parse("0.10").orElseThrow().allowed());
        assertNull(CnTaxRate.parse("thirteen").orElse(null));
    }

    private static void negate(Element parent, String name) {
        Element e = Dom.child(parent, name);
        if (e != null && !e.getTextContent().isBlank()) {
            e.setTextContent(new BigDecimal(e.getTextContent().trim()).negate().toPlainString());
        }
    }

    private static void assertRule(List<Problem> problems, String rule) {
        assertTrue(problems.stream().anyMatch(p -> p.code().equals("RULES_INVALID") && rule.equals(p.location())),
                "expected " + rule + " in " + problems);
    }

    private static Document sample() {
        try (InputStream in = CnFapiaoFormatTest.class.getResourceAsStream("/samples/cn/fapiao-special-vat.xml")) {
            return SecureXml.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
