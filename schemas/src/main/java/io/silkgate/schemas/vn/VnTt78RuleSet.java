package io.silkgate.schemas.vn;

import io.silkgate.schemas.national.Amounts;
import io.silkgate.schemas.national.Dom;
import io.silkgate.schemas.national.OwnSchema;
import io.silkgate.schemas.national.OwnRuleSet;
import io.silkgate.schemas.national.RuleReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.w3c.dom.Element;

/**
 * Silkgate's own rules for Vietnamese e-invoices (vn-tt78): our XSD, then the business rules VN-TT78-R001..R021
 * on identifiers, series, currency, tax rates and the arithmetic of lines and totals.
 */
public final class VnTt78RuleSet extends OwnRuleSet {

    /** The XSD of the format, shared by the rule set and the reader. */
    static final OwnSchema SCHEMA = new OwnSchema("/xsd/vn-tt78/HDon.xsd", "HDon");

    private static final String VND = "VND";

    public VnTt78RuleSet() {
        super(SCHEMA);
    }

    @Override
    public String formatId() {
        return VnTt78Format.ID;
    }

    @Override
    protected void checkRules(Element root, RuleReport report) {
        Element ttChung = Dom.at(root, "DLHDon", "TTChung");
        Element ndhDon = Dom.at(root, "DLHDon", "NDHDon");
        String currency = Optional.ofNullable(Dom.text(ttChung, "DVTTe")).orElse(VND);
        Rounding rounding = new Rounding(VND.equals(currency) ? 0 : 2);

        checkHeader(report, ttChung, currency);
        checkParties(report, ttChung, ndhDon);
        List<Element> lines = Dom.children(Dom.child(ndhDon, "DSHHDVu"), "HHDVu");
        checkLines(report, lines, rounding);
        checkTotals(report, Dom.child(ndhDon, "TToan"), lines, rounding, VND.equals(currency));
    }

    private static void checkHeader(RuleReport report, Element ttChung, String currency) {
        String series = Dom.text(ttChung, "KHHDon");
        LocalDate issued = date(Dom.text(ttChung, "NLap"));
        if (series != null) {
            Matcher m = VnCodes.SERIES.matcher(series);
            if (!m.matches()) {
                report.fail("VN-TT78-R004", "KHHDon '" + series
                        + "' is not a series: C or K, two digits of the year, issuer letter, two characters");
            } else if (issued != null && Integer.parseInt(m.group(1)) != issued.getYear() % 100) {
                report.fail("VN-TT78-R005", "KHHDon '" + series + "' names year " + m.group(1)
                        + " but NLap is " + issued);
            }
        }
        String provider = Dom.text(ttChung, "MSTTCGP");
        report.check(provider == null || VnCodes.isVnTaxCode(provider), "VN-TT78-R003",
                "MSTTCGP '" + provider + "' is not a tax code of 10 digits or 10-3 digits");
        if (!validCurrency(currency)) {
            report.fail("VN-TT78-R006", "DVTTe '" + currency + "' is not an ISO 4217 currency code");
        }
        report.check(VND.equals(currency) || Dom.decimal(ttChung, "TGia") != null, "VN-TT78-R007",
                "TGia (exchange rate to VND) is required when DVTTe is " + currency);
        Element related = Dom.child(ttChung, "TTHDLQuan");
        LocalDate relatedDate = date(Dom.text(related, "NLHDCLQuan"));
        report.check(relatedDate == null || issued == null || !relatedDate.isAfter(issued), "VN-TT78-R020",
                "TTHDLQuan/NLHDCLQuan " + relatedDate + " is after the invoice date " + issued);
    }

    private static void checkParties(RuleReport report, Element ttChung, Element ndhDon) {
        Element seller = Dom.child(ndhDon, "NBan");
        Element buyer = Dom.child(ndhDon, "NMua");
        checkTaxCode(report, "VN-TT78-R001", "NBan", seller);
        checkTaxCode(report, "VN-TT78-R002", "NMua", buyer);
        report.check(buyer == null || Dom.text(buyer, "Ten") != null || Dom.text(buyer, "HVTNMHang") != null,
                "VN-TT78-R008", "NMua needs Ten (buyer name) or HVTNMHang (name of the person buying)");
    }

    private static void checkTaxCode(RuleReport report, String rule, String block, Element party) {
        String mst = Dom.text(party, "MST");
        if (mst == null) {
            return;
        }
        String country = otherField(party, VnCodes.COUNTRY_FIELD);
        boolean foreign = country != null && !"VN".equals(country);
        boolean ok = foreign ? VnCodes.FOREIGN_ID.matcher(mst).matches() : VnCodes.isVnTaxCode(mst);
        report.check(ok, rule, block + "/MST '" + mst + "' is not "
                + (foreign ? "a foreign tax identifier (1-20 letters, digits, . / -)"
                        : "a Vietnamese tax code of 10 digits or 10-3 digits"));
    }

    private static void checkLines(RuleReport report, List<Element> lines, Rounding rounding) {
        boolean anyGoods = false;
        for (int i = 0; i < lines.size(); i++) {
            Element line = lines.get(i);
            String where = "HHDVu[" + (i + 1) + "]";
            String nature = Dom.text(line, "TChat");
            anyGoods |= "1".equals(nature) || "2".equals(nature) || "5".equals(nature);
            String rate = Dom.text(line, "TSuat");
            if (rate != null && VnTaxRate.parse(rate).isEmpty()) {
                report.fail("VN-TT78-R009", where + "/TSuat '" + rate
                        + "' is not one of 0%, 5%, 8%, 10%, KHAC:x%, KCT, KKKNT");
            }
            BigDecimal amount = Dom.decimal(line, "ThTien");
            if (amount == null && ("1".equals(nature) || "3".equals(nature))) {
                report.fail("VN-TT78-R012", where + ": ThTien is required on goods and discount lines");
            }
            BigDecimal quantity = Dom.decimal(line, "SLuong");
            BigDecimal price = Dom.decimal(line, "DGia");
            BigDecimal discount = Optional.ofNullable(Dom.decimal(line, "STCKhau")).orElse(BigDecimal.ZERO);
            BigDecimal discountRate = Dom.decimal(line, "TLCKhau");
            if (quantity != null && price != null && discountRate != null && Dom.decimal(line, "STCKhau") != null) {
                BigDecimal expected = quantity.multiply(price).multiply(discountRate).movePointLeft(2);
                report.check(rounding.close(discount, expected), "VN-TT78-R011", where + ": STCKhau " + discount
                        + " is not SLuong × DGia × TLCKhau % = " + rounding.round(expected));
            }
            if ("1".equals(nature) && amount != null && quantity != null && price != null) {
                BigDecimal expected = quantity.multiply(price).subtract(discount);
                report.check(rounding.close(amount, expected), "VN-TT78-R010", where + ": ThTien " + amount
                        + " is not SLuong × DGia − STCKhau = " + rounding.round(expected));
            }
            if (amount != null && rounding.wholeOnly() && Amounts.decimals(amount) > 0) {
                report.fail("VN-TT78-R019", where + ": ThTien " + amount + " has decimals; VND amounts are whole");
            }
        }
        report.check(anyGoods, "VN-TT78-R021", "the invoice has no goods or services line (TChat 1, 2 or 5)");
    }

    private static void checkTotals(RuleReport report, Element totals, List<Element> lines, Rounding rounding,
            boolean vnd) {
        if (totals == null) {
            return;
        }
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal discounts = BigDecimal.ZERO;
        Map<String, BigDecimal> byRate = new LinkedHashMap<>();
        for (Element line : lines) {
            String nature = Dom.text(line, "TChat");
            BigDecimal amount = Dom.decimal(line, "ThTien");
            if (amount == null || !("1".equals(nature) || "3".equals(nature))) {
                continue;
            }
            BigDecimal signed = "3".equals(nature) ? amount.negate() : amount;
            net = net.add(signed);
            if ("3".equals(nature)) {
                discounts = discounts.add(amount);
            }
            String rate = Dom.text(line, "TSuat");
            if (rate != null) {
                byRate.merge(rate, signed, BigDecimal::add);
            }
        }
        BigDecimal taxable = Dom.decimal(totals, "TgTCThue");
        BigDecimal tax = Dom.decimal(totals, "TgTThue");
        BigDecimal payable = Dom.decimal(totals, "TgTTTBSo");
        if (taxable != null) {
            report.check(rounding.close(taxable, net), "VN-TT78-R015", "TgTCThue " + taxable
                    + " is not the sum of the line amounts less discount lines = " + net);
        }
        BigDecimal tradeDiscount = Dom.decimal(totals, "TTCKTMai");
        if (tradeDiscount != null) {
            report.check(rounding.close(tradeDiscount, discounts), "VN-TT78-R018", "TTCKTMai " + tradeDiscount
                    + " is not the sum of the discount lines (TChat 3) = " + discounts);
        }
        List<Element> breakdown = Dom.children(Dom.child(totals, "THTTLTSuat"), "LTSuat");
        if (!breakdown.isEmpty()) {
            BigDecimal sumBase = BigDecimal.ZERO;
            BigDecimal sumTax = BigDecimal.ZERO;
            for (Element entry : breakdown) {
                String rateText = Dom.text(entry, "TSuat");
                BigDecimal base = Dom.decimal(entry, "ThTien");
                BigDecimal entryTax = Optional.ofNullable(Dom.decimal(entry, "TThue")).orElse(BigDecimal.ZERO);
                Optional<VnTaxRate> rate = VnTaxRate.parse(rateText);
                if (rateText != null && rate.isEmpty()) {
                    report.fail("VN-TT78-R009", "LTSuat/TSuat '" + rateText
                            + "' is not one of 0%, 5%, 8%, 10%, KHAC:x%, KCT, KKKNT");
                }
                if (base == null) {
                    continue;
                }
                sumBase = sumBase.add(base);
                sumTax = sumTax.add(entryTax);
                BigDecimal fromLines = byRate.getOrDefault(rateText, BigDecimal.ZERO);
                report.check(rounding.close(base, fromLines), "VN-TT78-R013", "LTSuat " + rateText + ": ThTien "
                        + base + " is not the sum of the lines at that rate = " + fromLines);
                if (rate.isPresent()) {
                    BigDecimal expected = base.multiply(rate.get().percent()).movePointLeft(2);
                    report.check(rounding.close(entryTax, expected), "VN-TT78-R014", "LTSuat " + rateText
                            + ": TThue " + entryTax + " is not ThTien × rate = " + rounding.round(expected));
                }
                checkWhole(report, vnd, "LTSuat " + rateText + "/ThTien", base);
                checkWhole(report, vnd, "LTSuat " + rateText + "/TThue", entryTax);
            }
            if (taxable != null) {
                report.check(rounding.close(taxable, sumBase), "VN-TT78-R015", "TgTCThue " + taxable
                        + " is not the sum of THTTLTSuat/LTSuat/ThTien = " + sumBase);
            }
            if (tax != null) {
                report.check(rounding.close(tax, sumTax), "VN-TT78-R016", "TgTThue " + tax
                        + " is not the sum of THTTLTSuat/LTSuat/TThue = " + sumTax);
            }
        }
        BigDecimal fees = BigDecimal.ZERO;
        for (Element fee : Dom.children(Dom.child(totals, "DSLPhi"), "LPhi")) {
            fees = fees.add(Optional.ofNullable(Dom.decimal(fee, "TPhi")).orElse(BigDecimal.ZERO));
        }
        if (taxable != null && tax != null && payable != null) {
            BigDecimal expected = taxable.add(tax).add(fees);
            report.check(rounding.close(payable, expected), "VN-TT78-R017", "TgTTTBSo " + payable
                    + " is not TgTCThue + TgTThue + fees = " + expected);
        }
        checkWhole(report, vnd, "TgTCThue", taxable);
        checkWhole(report, vnd, "TgTThue", tax);
        checkWhole(report, vnd, "TgTTTBSo", payable);
    }

    private static void checkWhole(RuleReport report, boolean vnd, String what, BigDecimal value) {
        if (vnd && value != null && Amounts.decimals(value) > 0) {
            report.fail("VN-TT78-R019", what + " " + value + " has decimals; VND amounts are whole");
        }
    }

    /** The value of the TTKhac/TTin field with this key in the block, or null. */
    static String otherField(Element block, String key) {
        for (Element info : Dom.children(Dom.child(block, "TTKhac"), "TTin")) {
            if (key.equals(Dom.text(info, "TTruong"))) {
                return Dom.text(info, "DLieu");
            }
        }
        return null;
    }

    private static boolean validCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Rounding of the document currency: whole VND, or cents for a foreign currency; one unit of tolerance. */
    private record Rounding(int scale) {

        BigDecimal round(BigDecimal value) {
            return Amounts.round(value, scale);
        }

        boolean close(BigDecimal written, BigDecimal exact) {
            return Amounts.close(written, exact, BigDecimal.ONE.movePointLeft(scale));
        }

        boolean wholeOnly() {
            return scale == 0;
        }
    }
}
