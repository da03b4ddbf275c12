package io.silkgate.schemas.cn;

import io.silkgate.schemas.national.Amounts;
import io.silkgate.schemas.national.Dom;
import io.silkgate.schemas.national.OwnSchema;
import io.silkgate.schemas.national.OwnRuleSet;
import io.silkgate.schemas.national.RuleReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Silkgate's own rules for Chinese fully digitalised e-invoices (cn-fapiao): our XSD, then the business rules
 * CN-FAPIAO-R001..R014 on party identifiers, VAT rates, CNY amounts, line arithmetic and totals.
 */
public final class CnFapiaoRuleSet extends OwnRuleSet {

    /** The XSD of the format, shared by the rule set and the reader. */
    static final OwnSchema SCHEMA = new OwnSchema("/xsd/cn-fapiao/EInvoice.xsd", "EInvoice");

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final BigDecimal CENT = new BigDecimal("0.01");
    // The tax bureau accepts a line's tax within six fen of amount × rate (rounding of tax-inclusive prices).
    private static final BigDecimal LINE_TAX_TOLERANCE = new BigDecimal("0.06");
    private static final String SPECIAL_VAT_INVOICE = "01";

    public CnFapiaoRuleSet() {
        super(SCHEMA);
    }

    @Override
    public String formatId() {
        return CnFapiaoFormat.ID;
    }

    @Override
    protected void checkRules(Element root, RuleReport report) {
        Element data = Dom.child(root, "EInvoiceData");
        checkParties(report, root, data);
        checkAmounts(report, data);
        checkDates(report, root, data);
    }

    private static void checkParties(RuleReport report, Element root, Element data) {
        String seller = Dom.text(Dom.child(data, "SellerInformation"), "SellerIdNum");
        report.check(seller == null || CnTaxIds.isUnifiedSocialCreditCode(seller), "CN-FAPIAO-R001",
                "SellerIdNum '" + seller + "' is not an 18-character unified social credit code with a valid check character");
        String buyer = Dom.text(Dom.child(data, "BuyerInformation"), "BuyerIdNum");
        report.check(buyer == null || CnTaxIds.isBuyerId(buyer), "CN-FAPIAO-R002", "BuyerIdNum '" + buyer
                + "' is neither a unified social credit code, a resident identity number nor a taxpayer number");
        String kind = Dom.text(Dom.at(root, "Header", "InherentLabel", "GeneralOrSpecialVAT"), "LabelCode");
        report.check(!SPECIAL_VAT_INVOICE.equals(kind) || buyer != null, "CN-FAPIAO-R012",
                "a special VAT invoice (GeneralOrSpecialVAT 01) needs the buyer's BuyerIdNum");
    }

    private static void checkAmounts(RuleReport report, Element data) {
        List<Element> lines = Dom.children(data, "IssuItemInformation");
        BigDecimal sumAmount = BigDecimal.ZERO;
        BigDecimal sumTax = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            Element line = lines.get(i);
            String where = "IssuItemInformation[" + (i + 1) + "]";
            String name = Dom.text(line, "ItemName");
            report.check(name == null || name.matches("\\*[^*]+\\*.*"), "CN-FAPIAO-R014", where + ": ItemName '"
                    + name + "' does not start with its tax classification short name in asterisks (*…*)");
            BigDecimal amount = Dom.decimal(line, "Amount");
            String rateText = Dom.text(line, "TaxRate");
            Optional<CnTaxRate> rate = CnTaxRate.parse(rateText);
            report.check(rate.isPresent() && rate.get().allowed(), "CN-FAPIAO-R003", where + ": TaxRate '"
                    + rateText + "' is not one of the VAT rates 0, 1, 3, 5, 6, 9, 13 % (or 免税 / 不征税)");
            String taxText = Dom.text(line, "ComTaxAm");
            BigDecimal tax = taxAmount(taxText);
            if (amount == null) {
                continue;
            }
            sumAmount = sumAmount.add(amount);
            sumTax = sumTax.add(tax == null ? BigDecimal.ZERO : tax);
            checkCents(report, where + "/Amount", amount);
            if (tax != null) {
                checkCents(report, where + "/ComTaxAm", tax);
            }
            BigDecimal quantity = Dom.decimal(line, "Quantity");
            BigDecimal price = Dom.decimal(line, "UnPrice");
            if (quantity != null && price != null) {
                BigDecimal expected = quantity.multiply(price);
                report.check(Amounts.close(amount, expected, CENT), "CN-FAPIAO-R004", where + ": Amount " + amount
                        + " is not Quantity × UnPrice = " + Amounts.round(expected, 2));
            }
            if (rate.isPresent() && tax != null) {
                BigDecimal expected = rate.get().taxOn(amount);
                report.check(Amounts.close(tax, expected, LINE_TAX_TOLERANCE), "CN-FAPIAO-R005", where
                        + ": ComTaxAm " + tax + " is not Amount × TaxRate = " + Amounts.round(expected, 2));
            }
            if (rate.isPresent() && rate.get().kind() == CnTaxRate.Kind.RATE && tax == null) {
                report.fail("CN-FAPIAO-R005", where + ": ComTaxAm '" + taxText + "' is not an amount for a taxed line");
            }
            BigDecimal gross = Dom.decimal(line, "TotaltaxIncludedAmount");
            if (gross != null) {
                BigDecimal expected = amount.add(tax == null ? BigDecimal.ZERO : tax);
                report.check(Amounts.close(gross, expected, CENT), "CN-FAPIAO-R009", where
                        + ": TotaltaxIncludedAmount " + gross + " is not Amount + ComTaxAm = " + expected);
            }
        }
        Element basic = Dom.child(data, "BasicInformation");
        BigDecimal net = Dom.decimal(basic, "TotalAmWithoutTax");
        BigDecimal totalTax = Dom.decimal(basic, "TotalTaxAm");
        BigDecimal total = Dom.decimal(basic, "TotalTax-includedAmount");
        if (net != null) {
            checkCents(report, "TotalAmWithoutTax", net);
            report.check(Amounts.close(net, sumAmount, CENT), "CN-FAPIAO-R006", "TotalAmWithoutTax " + net
                    + " is not the sum of the line amounts = " + sumAmount);
        }
        if (totalTax != null) {
            checkCents(report, "TotalTaxAm", totalTax);
            report.check(Amounts.close(totalTax, sumTax, CENT), "CN-FAPIAO-R007", "TotalTaxAm " + totalTax
                    + " is not the sum of the line taxes = " + sumTax);
        }
        if (total != null && net != null && totalTax != null) {
            checkCents(report, "TotalTax-includedAmount", total);
            report.check(Amounts.close(total, net.add(totalTax), CENT), "CN-FAPIAO-R008",
                    "TotalTax-includedAmount " + total + " is not TotalAmWithoutTax + TotalTaxAm = " + net.add(totalTax));
        }
    }

    private static void checkDates(RuleReport report, Element root, Element data) {
        String issued = Dom.text(Dom.child(root, "TaxSupervisionInfo"), "IssueTime");
        if (issued != null) {
            report.check(parseIssueDate(issued) != null, "CN-FAPIAO-R013", "IssueTime '" + issued
                    + "' is not a calendar date (yyyy-MM-dd)");
        }
        String requested = Dom.text(Dom.child(data, "BasicInformation"), "RequestTime");
        if (requested != null) {
            boolean ok;
            try {
                LocalDateTime.parse(requested, DATE_TIME);
                ok = true;
            } catch (DateTimeParseException e) {
                ok = false;
            }
            report.check(ok, "CN-FAPIAO-R013", "RequestTime '" + requested
                    + "' is not a date and time (yyyy-MM-dd HH:mm:ss)");
        }
    }

    private static void checkCents(RuleReport report, String what, BigDecimal value) {
        report.check(Amounts.decimals(value) <= 2, "CN-FAPIAO-R010", what + " " + value
                + " has more than 2 decimals; CNY amounts are in fen");
    }

    /** The tax amount of a line: a number, or null for the "***" written on exempt lines (and for nonsense). */
    static BigDecimal taxAmount(String text) {
        return Amounts.parse(text);
    }

    /** The date part of IssueTime ("yyyy-MM-dd" or "yyyy-MM-dd HH:mm:ss"), or null. */
    static LocalDate parseIssueDate(String text) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
