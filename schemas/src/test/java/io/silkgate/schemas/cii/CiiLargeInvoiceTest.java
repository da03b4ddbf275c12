package io.silkgate.schemas.cii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A generated CII invoice with 1,000 lines: read, written and read again without losing a line or a cent. */
class CiiLargeInvoiceTest {

    private static final int LINES = 1_000;

    @Test
    void thousandLinesSurviveTheRoundTrip() {
        byte[] generated = generate();
        CiiInvoiceReader reader = new CiiInvoiceReader();

        Invoice invoice = reader.read(CiiSamples.root(generated));

        assertEquals(LINES, invoice.lines().size());
        BigDecimal sum = invoice.lines().stream().map(InvoiceLine::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(invoice.totals().sumOfInvoiceLineNetAmount()));
        assertEquals("L" + LINES, invoice.lines().get(LINES - 1).identifier());
        assertEquals("Part 1000 of the spare parts kit", invoice.lines().get(LINES - 1).item().name());

        byte[] written = new CiiInvoiceWriter().write(invoice);
        assertTrue(CiiSyntax.validate(written).isEmpty());
        assertEquals(invoice, reader.read(CiiSamples.root(written)));
    }

    // Line i: i pieces at (i mod 7 + 1).50 each, alternating 19 % and 7 % VAT.
    private static byte[] generate() {
        StringBuilder lines = new StringBuilder();
        BigDecimal standardBase = BigDecimal.ZERO;
        BigDecimal reducedBase = BigDecimal.ZERO;
        for (int i = 1; i <= LINES; i++) {
            BigDecimal price = new BigDecimal((i % 7 + 1) + ".50");
            BigDecimal amount = price.multiply(BigDecimal.valueOf(i));
            boolean standard = i % 2 == 0;
            String rate = standard ? "19" : "7";
            if (standard) {
                standardBase = standardBase.add(amount);
            } else {
                reducedBase = reducedBase.add(amount);
            }
            lines.append("<ram:IncludedSupplyChainTradeLineItem>")
                    .append("<ram:AssociatedDocumentLineDocument><ram:LineID>L").append(i)
                    .append("</ram:LineID></ram:AssociatedDocumentLineDocument>")
                    .append("<ram:SpecifiedTradeProduct><ram:SellerAssignedID>SP-").append(i)
                    .append("</ram:SellerAssignedID><ram:Name>Part ").append(i)
                    .append(" of the spare parts kit</ram:Name></ram:SpecifiedTradeProduct>")
                    .append("<ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>")
                    .append(price).append("</ram:ChargeAmount></ram:NetPriceProductTradePrice>")
                    .append("</ram:SpecifiedLineTradeAgreement>")
                    .append("<ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode=\"H87\">").append(i)
                    .append("</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>")
                    .append("<ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax>")
                    .append("<ram:TypeCode>VAT</ram:TypeCode>")
                    .append("<ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>").append(rate)
                    .append("</ram:RateApplicablePercent></ram:ApplicableTradeTax>")
                    .append("<ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>").append(amount)
                    .append("</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>")
                    .append("</ram:SpecifiedLineTradeSettlement></ram:IncludedSupplyChainTradeLineItem>\n");
        }
        BigDecimal standardVat = standardBase.multiply(new BigDecimal("0.19")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal reducedVat = reducedBase.multiply(new BigDecimal("0.07")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal base = standardBase.add(reducedBase);
        BigDecimal vat = standardVat.add(reducedVat);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\""
                + " xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100\""
                + " xmlns:udt=\"urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100\">"
                + "<rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>"
                + "<ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>"
                + "</rsm:ExchangedDocumentContext>"
                + "<rsm:ExchangedDocument><ram:ID>BULK-1000</ram:ID><ram:TypeCode>380</ram:TypeCode>"
                + "<ram:IssueDateTime><udt:DateTimeString format=\"102\">20260901</udt:DateTimeString>"
                + "</ram:IssueDateTime></rsm:ExchangedDocument>"
                + "<rsm:SupplyChainTradeTransaction>\n" + lines
                + "<ram:ApplicableHeaderTradeAgreement>"
                + "<ram:SellerTradeParty><ram:Name>Spare Parts Wholesale GmbH</ram:Name><ram:PostalTradeAddress>"
                + "<ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress><ram:SpecifiedTaxRegistration>"
                + "<ram:ID schemeID=\"VA\">DE333444555</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>"
                + "<ram:BuyerTradeParty><ram:Name>Fleet Maintenance Oy</ram:Name><ram:PostalTradeAddress>"
                + "<ram:CountryID>FI</ram:CountryID></ram:PostalTradeAddress></ram:BuyerTradeParty>"
                + "</ram:ApplicableHeaderTradeAgreement><ram:ApplicableHeaderTradeDelivery/>"
                + "<ram:ApplicableHeaderTradeSettlement><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>"
                + tax(standardVat, standardBase, "19") + tax(reducedVat, reducedBase, "7")
                + "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
                + "<ram:LineTotalAmount>" + base + "</ram:LineTotalAmount>"
                + "<ram:TaxBasisTotalAmount>" + base + "</ram:TaxBasisTotalAmount>"
                + "<ram:TaxTotalAmount currencyID=\"EUR\">" + vat + "</ram:TaxTotalAmount>"
                + "<ram:GrandTotalAmount>" + base.add(vat) + "</ram:GrandTotalAmount>"
                + "<ram:DuePayableAmount>" + base.add(vat) + "</ram:DuePayableAmount>"
                + "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>"
                + "</ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String tax(BigDecimal vat, BigDecimal base, String rate) {
        return "<ram:ApplicableTradeTax><ram:CalculatedAmount>" + vat + "</ram:CalculatedAmount>"
                + "<ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>" + base + "</ram:BasisAmount>"
                + "<ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>" + rate
                + "</ram:RateApplicablePercent></ram:ApplicableTradeTax>";
    }
}
