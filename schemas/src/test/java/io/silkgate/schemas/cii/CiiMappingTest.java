package io.silkgate.schemas.cii;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.en16931.BinaryObject;
import io.silkgate.schemas.en16931.Contact;
import io.silkgate.schemas.en16931.CreditTransfer;
import io.silkgate.schemas.en16931.DirectDebit;
import io.silkgate.schemas.en16931.DocumentAllowanceCharge;
import io.silkgate.schemas.en16931.Identifier;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.InvoiceNote;
import io.silkgate.schemas.en16931.ItemAttribute;
import io.silkgate.schemas.en16931.LineAllowanceCharge;
import io.silkgate.schemas.en16931.PaymentCard;
import io.silkgate.schemas.en16931.PrecedingInvoiceReference;
import io.silkgate.schemas.en16931.PriceDetails;
import io.silkgate.schemas.en16931.SupportingDocument;
import io.silkgate.schemas.en16931.VatBreakdown;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The hard parts of the EN 16931 CII binding, read from the samples and checked again in what the writer emits. */
class CiiMappingTest {

    private static final CiiInvoiceReader READER = new CiiInvoiceReader();
    private static final CiiInvoiceWriter WRITER = new CiiInvoiceWriter();

    private static Invoice read(String sample) {
        return READER.read(CiiSamples.root(sample));
    }

    private static CiiXPath written(String sample) {
        return new CiiXPath(CiiSamples.root(WRITER.write(read(sample))));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Nested
    class RichInvoice {

        private final Invoice invoice = read(CiiSamples.RICH);
        private final CiiXPath xml = written(CiiSamples.RICH);

        @Test
        void documentHeaderAndDatesUseFormat102() {
            assertEquals("SG-2026-0415", invoice.invoiceNumber());
            assertEquals(LocalDate.of(2026, 4, 15), invoice.issueDate());
            assertEquals("380", invoice.typeCode());
            assertFalse(invoice.isCreditNote());
            assertEquals(LocalDate.of(2026, 5, 15), invoice.paymentDueDate());
            assertEquals("20260515",
                    xml.text("//ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"));
            assertEquals(0, xml.count("//udt:DateTimeString[not(@format='102')]"
                    + " | //qdt:DateTimeString[not(@format='102')] | //udt:DateString[not(@format='102')]"));
            assertEquals(List.of(new PrecedingInvoiceReference("SG-2026-0301", LocalDate.of(2026, 3, 1))),
                    invoice.precedingInvoiceReferences());
            assertEquals("20260301",
                    xml.text("//ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString"));
        }

        @Test
        void vatPointDateCodeIsTranslatedBetweenUntdid2475AndUntdid2005() {
            // CII says 29 (date of delivery, UNTDID 2475); the model keeps UBL's 35 (UNTDID 2005)
            assertEquals("35", invoice.vatPointDateCode());
            assertNull(invoice.vatPointDate());
            assertEquals("29",
                    xml.text("//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:DueDateTypeCode"));
        }

        @Test
        void sellerNameIsTheLegalNameAndTradingBusinessNameTheTradingName() {
            assertEquals("Nordlicht Beratung GmbH", invoice.seller().name());
            assertEquals("Nordlicht Consulting", invoice.seller().tradingName());
            assertEquals("Harbour Logistics Singapore Pte. Ltd.", invoice.buyer().name());
            assertEquals("Harbour Logistics", invoice.buyer().tradingName());
            assertEquals("Nordlicht Beratung GmbH", xml.text("//ram:SellerTradeParty/ram:Name"));
            assertEquals("Nordlicht Consulting",
                    xml.text("//ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:TradingBusinessName"));
            assertEquals("Harbour Logistics",
                    xml.text("//ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:TradingBusinessName"));
        }

        @Test
        void identifiersKeepTheirSchemes() {
            assertEquals(List.of(Identifier.of("SUP-4471"), Identifier.of("4000001987658", "0088")),
                    invoice.seller().identifiers());
            assertEquals(Identifier.of("HRB998877", "0204"), invoice.seller().legalRegistrationIdentifier());
            assertEquals(Identifier.of("DE123456789", "9930"), invoice.seller().electronicAddress());
            assertEquals(Identifier.of("5790000435975", "0088"), invoice.buyer().identifier());
            assertEquals(Identifier.of("4000001000005", "0088"), invoice.payee().identifier());
            assertEquals(Identifier.of("5790000435968", "0088"), invoice.delivery().deliverToLocationIdentifier());

            assertEquals("SUP-4471", xml.text("//ram:SellerTradeParty/ram:ID"));
            assertEquals(0, xml.count("//ram:SellerTradeParty/ram:ID/@schemeID"));
            assertEquals("0088", xml.text("//ram:SellerTradeParty/ram:GlobalID/@schemeID"));
            assertEquals("0204", xml.text("//ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID/@schemeID"));
            assertEquals("0088", xml.text("//ram:PayeeTradeParty/ram:GlobalID/@schemeID"));
        }

        @Test
        void vatIdentifierIsSchemeVaAndTaxRegistrationIsSchemeFc() {
            assertEquals("DE123456789", invoice.seller().vatIdentifier());
            assertEquals("22/123/45678", invoice.seller().taxRegistrationIdentifier());
            assertEquals("SG201912345K", invoice.buyer().vatIdentifier());
            assertEquals("NL001234567B01", invoice.sellerTaxRepresentative().vatIdentifier());
            assertEquals("DE123456789",
                    xml.text("//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"));
            assertEquals("22/123/45678",
                    xml.text("//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='FC']"));
            assertEquals("NL001234567B01", xml.text(
                    "//ram:SellerTaxRepresentativeTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']"));
        }

        @Test
        void notesKeepTheirSubjectCodes() {
            assertEquals(List.of(
                    new InvoiceNote("AAI", "Consulting in April as agreed in the framework contract."),
                    new InvoiceNote("REG", "Registered office: Hamburg, managing director Ada Weber."),
                    new InvoiceNote(null, "Thank you for your order.")), invoice.notes());
            assertEquals("Registered office: Hamburg, managing director Ada Weber.",
                    xml.text("//rsm:ExchangedDocument/ram:IncludedNote[ram:SubjectCode='REG']/ram:Content"));
        }

        @Test
        void additionalReferencedDocumentsAreToldApartByTypeCode() {
            assertEquals("TENDER-LOT-3", invoice.tenderOrLotReference());
            assertEquals(Identifier.of("METER-7781", "AVS"), invoice.invoicedObjectIdentifier());
            assertEquals(1, invoice.supportingDocuments().size());
            assertEquals("PRJ-GATEWAY", invoice.projectReference());
            assertEquals("TENDER-LOT-3",
                    xml.text("//ram:AdditionalReferencedDocument[ram:TypeCode='50']/ram:IssuerAssignedID"));
            assertEquals("AVS", xml.text("//ram:ApplicableHeaderTradeAgreement/ram:AdditionalReferencedDocument"
                    + "[ram:TypeCode='130']/ram:ReferenceTypeCode"));
        }

        @Test
        void attachmentKeepsBytesMimeCodeAndFilename() {
            SupportingDocument timesheet = invoice.supportingDocuments().get(0);
            assertEquals("TS-APRIL", timesheet.reference());
            assertEquals("Timesheet April", timesheet.description());
            BinaryObject attachment = timesheet.attachedDocument();
            assertEquals("text/csv", attachment.mimeCode());
            assertEquals("timesheet-april.csv", attachment.filename());
            assertArrayEquals("date;hours;task\n2026-04-02;6;workshop\n2026-04-03;4;review\n"
                    .getBytes(StandardCharsets.US_ASCII), attachment.content());
            assertEquals("timesheet-april.csv", xml.text("//ram:AdditionalReferencedDocument[ram:TypeCode='916']"
                    + "/ram:AttachmentBinaryObject/@filename"));
            assertEquals("text/csv", xml.text("//ram:AttachmentBinaryObject/@mimeCode"));
        }

        @Test
        void grossPriceDiscountNetPriceAndBaseQuantity() {
            InvoiceLine first = invoice.lines().get(0);
            assertEquals(new PriceDetails(dec("100.00"), dec("20.00"), dec("120.00"), dec("1"), "HUR"),
                    first.priceDetails());
            InvoiceLine second = invoice.lines().get(1);
            assertEquals(new PriceDetails(dec("25.00"), null, null, dec("2"), "C62"), second.priceDetails());

            String line = "//ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeAgreement";
            assertEquals("120.00", xml.text(line + "/ram:GrossPriceProductTradePrice/ram:ChargeAmount"));
            assertEquals("20.00", xml.text(line + "/ram:GrossPriceProductTradePrice/ram:AppliedTradeAllowanceCharge"
                    + "[ram:ChargeIndicator/udt:Indicator='false']/ram:ActualAmount"));
            assertEquals("100.00", xml.text(line + "/ram:NetPriceProductTradePrice/ram:ChargeAmount"));
            assertEquals(2, xml.count(line + "/*/ram:BasisQuantity[@unitCode='HUR']"));
        }

        @Test
        void lineTermsAreAllRead() {
            InvoiceLine line = invoice.lines().get(0);
            assertEquals("10", line.identifier());
            assertEquals("Workshop days on site in Lübeck.", line.note());
            assertEquals(Identifier.of("TS-2026-14", "AWV"), line.objectIdentifier());
            assertEquals(dec("10"), line.invoicedQuantity());
            assertEquals("HUR", line.invoicedQuantityUnitCode());
            assertEquals(dec("960.00"), line.netAmount());
            assertEquals("3", line.referencedPurchaseOrderLineReference());
            assertEquals("4410-CONS", line.buyerAccountingReference());
            assertEquals(List.of(new LineAllowanceCharge(dec("50.00"), dec("1000.00"), dec("5"), "Volume discount",
                    "95")), line.allowances());
            assertEquals(List.of(new LineAllowanceCharge(dec("10.00"), dec("1000.00"), dec("1"), "Travel costs",
                    "TV")), line.charges());
            assertEquals(Identifier.of("04012345000014", "0160"), line.item().standardIdentifier());
            assertEquals(List.of(new Identifier("72224000", "STI", "2.1"), new Identifier("CONSULT", "TST", null)),
                    line.item().classificationIdentifiers());
            assertEquals(List.of(new ItemAttribute("Seniority", "Principal"), new ItemAttribute("Language", "English")),
                    line.item().attributes());
            assertEquals("DE", line.item().countryOfOrigin());
        }

        @Test
        void totalsKeepPrepaidRoundingAndTheVatTotalInAccountingCurrency() {
            assertEquals("GBP", invoice.vatAccountingCurrencyCode());
            assertEquals(dec("193.80"), invoice.totals().invoiceTotalVatAmount());
            assertEquals(dec("165.51"), invoice.totals().invoiceTotalVatAmountInAccountingCurrency());
            assertEquals(dec("200.00"), invoice.totals().paidAmount());
            assertEquals(dec("0.20"), invoice.totals().roundingAmount());
            assertEquals(dec("1014.00"), invoice.totals().amountDueForPayment());
            String sum = "//ram:SpecifiedTradeSettlementHeaderMonetarySummation";
            assertEquals("193.80", xml.text(sum + "/ram:TaxTotalAmount[@currencyID='EUR']"));
            assertEquals("165.51", xml.text(sum + "/ram:TaxTotalAmount[@currencyID='GBP']"));
            assertEquals("0.20", xml.text(sum + "/ram:RoundingAmount"));
            assertEquals("200.00", xml.text(sum + "/ram:TotalPrepaidAmount"));
        }

        @Test
        void everyCreditTransferAccountIsItsOwnPaymentMeans() {
            assertEquals("58", invoice.paymentInstructions().paymentMeansTypeCode());
            assertEquals("SEPA credit transfer", invoice.paymentInstructions().paymentMeansText());
            assertEquals("SG-2026-0415 / 4471", invoice.paymentInstructions().remittanceInformation());
            assertEquals(List.of(
                    new CreditTransfer("DE89370400440532013000", "Hanse Factoring AG collection", "COBADEFFXXX"),
                    new CreditTransfer("0012-776655", null, null)), invoice.paymentInstructions().creditTransfers());
            assertEquals(2, xml.count("//ram:SpecifiedTradeSettlementPaymentMeans[ram:TypeCode='58']"));
            assertEquals("DE89370400440532013000", xml.text("//ram:PayeePartyCreditorFinancialAccount/ram:IBANID"));
            assertEquals("0012-776655", xml.text("//ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID"));
        }
    }

    @Nested
    class CreditNote {

        private final Invoice invoice = read(CiiSamples.CREDIT_NOTE);
        private final CiiXPath xml = written(CiiSamples.CREDIT_NOTE);

        @Test
        void oneRootTypeCode381AndPositiveAmounts() {
            assertEquals("381", invoice.typeCode());
            assertTrue(invoice.isCreditNote());
            assertEquals(dec("192.39"), invoice.totals().amountDueForPayment());
            assertEquals(dec("2"), invoice.lines().get(0).invoicedQuantity());
            assertEquals("CrossIndustryInvoice", CiiSamples.root(WRITER.write(invoice)).getLocalName());
            assertEquals("381", xml.text("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode"));
            assertEquals(0, xml.count("//ram:ChargeAmount[starts-with(normalize-space(.), '-')]"
                    + " | //ram:LineTotalAmount[starts-with(normalize-space(.), '-')]"
                    + " | //ram:BilledQuantity[starts-with(normalize-space(.), '-')]"
                    + " | //ram:DuePayableAmount[starts-with(normalize-space(.), '-')]"));
            assertEquals("192.39", xml.text("//ram:DuePayableAmount"));
        }

        @Test
        void taxPointDateIsADateStringOnTheBreakdown() {
            assertEquals(LocalDate.of(2026, 4, 28), invoice.vatPointDate());
            assertNull(invoice.vatPointDateCode());
            assertEquals("20260428",
                    xml.text("//ram:ApplicableTradeTax/ram:TaxPointDate/udt:DateString[@format='102']"));
            assertEquals(0, xml.count("//ram:DueDateTypeCode"));
        }

        @Test
        void cardPaymentAndDepartmentContact() {
            assertEquals(new PaymentCard("************4242", "J. Brandt"), invoice.paymentInstructions().paymentCard());
            assertEquals("J. Brandt", xml.text("//ram:ApplicableTradeSettlementFinancialCard/ram:CardholderName"));
            // CII may name a department instead of a person; EN 16931 has one contact point for either
            assertEquals(new Contact("Accounts payable", null, null), invoice.buyer().contact());
            assertEquals(Identifier.of("CUST-0099"), invoice.buyer().identifier());
            assertEquals(Identifier.of("invoices@polder.example", "EM"), invoice.seller().electronicAddress());
        }
    }

    @Nested
    class AllowancesAndCharges {

        private final Invoice invoice = read(CiiSamples.ALLOWANCES_CHARGES);
        private final CiiXPath xml = written(CiiSamples.ALLOWANCES_CHARGES);

        @Test
        void chargeIndicatorSplitsDocumentAllowancesFromCharges() {
            assertEquals(List.of(
                    new DocumentAllowanceCharge(dec("9.25"), dec("185.00"), dec("5"), "S", dec("19.00"), "Early order",
                            "95"),
                    new DocumentAllowanceCharge(dec("10.00"), null, null, "Z", dec("0"), "Sales discount", "66")),
                    invoice.allowances());
            assertEquals(List.of(
                    new DocumentAllowanceCharge(dec("3.00"), dec("150.00"), dec("2"), "Z", dec("0"), "Packing", "PC"),
                    new DocumentAllowanceCharge(dec("12.50"), null, null, "S", dec("19.00"), "Freight", "FC")),
                    invoice.charges());
            String header = "//ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeAllowanceCharge";
            assertEquals(2, xml.count(header + "[ram:ChargeIndicator/udt:Indicator='true']"));
            assertEquals(2, xml.count(header + "[ram:ChargeIndicator/udt:Indicator='false']"));
            assertEquals("Z", xml.text(header + "[ram:ReasonCode='PC']/ram:CategoryTradeTax/ram:CategoryCode"));
            assertEquals("VAT", xml.text(header + "[ram:ReasonCode='PC']/ram:CategoryTradeTax/ram:TypeCode"));
        }

        @Test
        void lineAllowancesChargesAndAGrossPriceWithoutBaseQuantity() {
            InvoiceLine coffee = invoice.lines().get(0);
            assertEquals(1, coffee.allowances().size());
            assertEquals(1, coffee.charges().size());
            assertEquals("ABK", coffee.charges().get(0).reasonCode());
            assertEquals(new PriceDetails(dec("45.00"), dec("5.00"), dec("50.00"), null, null),
                    invoice.lines().get(1).priceDetails());
        }

        @Test
        void directDebitMandateCreditorAndDebitedAccount() {
            assertEquals(new DirectDebit("MANDATE-2024-118", "DE98ZZZ09999999999", "DE02120300000000202051"),
                    invoice.paymentInstructions().directDebit());
            assertEquals("DE98ZZZ09999999999",
                    xml.text("//ram:ApplicableHeaderTradeSettlement/ram:CreditorReferenceID"));
            assertEquals("MANDATE-2024-118", xml.text("//ram:SpecifiedTradePaymentTerms/ram:DirectDebitMandateID"));
            assertEquals("DE02120300000000202051", xml.text("//ram:PayerPartyDebtorFinancialAccount/ram:IBANID"));
        }

        @Test
        void invoiceDateCode5BecomesCode3() {
            assertEquals("3", invoice.vatPointDateCode());
            // once, on the first VAT breakdown (CII-SR-461/462), however many breakdowns there are
            assertEquals(1,
                    xml.count("//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax[ram:DueDateTypeCode='5']"));
        }
    }

    @Nested
    class SeveralVatRates {

        private final Invoice invoice = read(CiiSamples.SEVERAL_VAT_RATES);
        private final CiiXPath xml = written(CiiSamples.SEVERAL_VAT_RATES);

        @Test
        void everyBreakdownWithItsExemption() {
            assertEquals(List.of(
                    new VatBreakdown(dec("200.00"), dec("38.00"), "S", dec("19"), null, null),
                    new VatBreakdown(dec("42.00"), dec("2.94"), "S", dec("7"), null, null),
                    new VatBreakdown(dec("80.00"), dec("0.00"), "Z", dec("0"), null, null),
                    new VatBreakdown(dec("150.00"), dec("0.00"), "E", dec("0"),
                            "Exempt: vocational training under Article 132(1)(i)", "VATEX-EU-132-1I"),
                    new VatBreakdown(dec("150.00"), dec("0.00"), "AE", dec("0"),
                            "Reverse charge: VAT due by the recipient", "VATEX-EU-AE")), invoice.vatBreakdown());
            String tax = "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax";
            assertEquals(5, xml.count(tax));
            assertEquals("VATEX-EU-132-1I", xml.text(tax + "[ram:CategoryCode='E']/ram:ExemptionReasonCode"));
            assertEquals("Reverse charge: VAT due by the recipient",
                    xml.text(tax + "[ram:CategoryCode='AE']/ram:ExemptionReason"));
            assertEquals("7", xml.text("//ram:IncludedSupplyChainTradeLineItem[2]//ram:ApplicableTradeTax"
                    + "/ram:RateApplicablePercent"));
        }
    }

    @Nested
    class Attachments {

        private final Invoice invoice = read(CiiSamples.ATTACHMENTS);
        private final CiiXPath xml = written(CiiSamples.ATTACHMENTS);

        @Test
        void embeddedLinkedAndReferencedDocuments() {
            List<SupportingDocument> documents = invoice.supportingDocuments();
            assertEquals(4, documents.size());
            assertEquals("application/pdf", documents.get(0).attachedDocument().mimeCode());
            assertEquals("survey-881.pdf", documents.get(0).attachedDocument().filename());
            assertTrue(new String(documents.get(0).attachedDocument().content(), StandardCharsets.ISO_8859_1)
                    .startsWith("%PDF-1.4"));
            assertEquals(new SupportingDocument("PHOTOS-881", "Photographs of the container",
                    "https://survey.example/reports/881/photos", null), documents.get(2));
            assertEquals(new SupportingDocument("CMR-2026-5521", null, null, null), documents.get(3));
            assertEquals(4, xml.count("//ram:AdditionalReferencedDocument[ram:TypeCode='916']"));
            assertEquals("https://survey.example/reports/881/photos",
                    xml.text("//ram:AdditionalReferencedDocument[ram:TypeCode='916']/ram:URIID"));
        }

        @Test
        void tenderObjectAndProjectReferences() {
            assertEquals("LOT-2", invoice.tenderOrLotReference());
            assertEquals(Identifier.of("MSCU1234565"), invoice.invoicedObjectIdentifier());
            assertEquals("HAVRE-2026", invoice.projectReference());
            assertEquals(List.of(Identifier.of("123456789", "0060"), Identifier.of("5012345000001", "0088")),
                    invoice.seller().identifiers());
            // CII requires a project name that EN 16931 does not have: the binding's fixed text is written
            assertEquals(CiiCodes.PROJECT_NAME, xml.text("//ram:SpecifiedProcuringProject/ram:Name"));
            assertEquals("HAVRE-2026", xml.text("//ram:SpecifiedProcuringProject/ram:ID"));
        }
    }

    @Test
    void vatPointDateCodeTableBothWays() {
        assertEquals("5", CiiCodes.vatPointDateCodeToCii("3"));
        assertEquals("29", CiiCodes.vatPointDateCodeToCii("35"));
        assertEquals("72", CiiCodes.vatPointDateCodeToCii("432"));
        assertEquals("3", CiiCodes.vatPointDateCodeFromCii("5"));
        assertEquals("35", CiiCodes.vatPointDateCodeFromCii("29"));
        assertEquals("432", CiiCodes.vatPointDateCodeFromCii("72"));
        // codes outside EN 16931 pass through so that the business rules can name them
        assertEquals("99", CiiCodes.vatPointDateCodeToCii("99"));
        assertEquals("99", CiiCodes.vatPointDateCodeFromCii("99"));
        assertNull(CiiCodes.vatPointDateCodeToCii(null));
    }
}
