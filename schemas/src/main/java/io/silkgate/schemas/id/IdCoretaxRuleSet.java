package io.silkgate.schemas.id;

import io.silkgate.schemas.national.Dom;
import io.silkgate.schemas.national.OwnSchema;
import io.silkgate.schemas.national.OwnRuleSet;
import io.silkgate.schemas.national.RuleReport;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * Silkgate's own rules for the Indonesian Coretax e-Faktur import file (id-coretax): our XSD, then the business
 * rules ID-CORETAX-R001..R013 on NPWP / NIK / IDTKU formats, buyer documents, and the VAT arithmetic with the
 * "DPP nilai lain" other tax base of 11/12 × tax base at the 12 % rate.
 */
public final class IdCoretaxRuleSet extends OwnRuleSet {

    /** The XSD of the format, shared by the rule set and the writer's tests. */
    static final OwnSchema SCHEMA = new OwnSchema("/xsd/id-coretax/TaxInvoiceBulk.xsd", "TaxInvoiceBulk");

    static final Pattern DIGITS_16 = Pattern.compile("[0-9]{16}");
    static final Pattern DIGITS_22 = Pattern.compile("[0-9]{22}");
    static final String NO_TIN = "0000000000000000";
    /** Transaction code 04: delivery with the other tax base (DPP nilai lain). */
    static final String OTHER_BASE_CODE = "04";
    static final BigDecimal VAT_RATE = new BigDecimal("12");
    /** 11/12: the other tax base of ordinary (non-luxury) deliveries at the 12 % rate. */
    static final BigDecimal OTHER_BASE_FACTOR = new BigDecimal("11").divide(VAT_RATE, MathContext.DECIMAL64);

    // Coretax amounts are rupiah; line values computed from unrounded inputs may differ by one rupiah.
    private static final BigDecimal TOLERANCE = BigDecimal.ONE;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> ALPHA3 = Stream.of(Locale.getISOCountries())
            .map(c -> new Locale("", c).getISO3Country()).collect(Collectors.toUnmodifiableSet());

    public IdCoretaxRuleSet() {
        super(SCHEMA);
    }

    @Override
    public String formatId() {
        return IdCoretaxFormat.ID;
    }

    @Override
    protected void checkRules(Element root, RuleReport report) {
        String tin = Dom.text(root, "TIN");
        report.check(tin != null && DIGITS_16.matcher(tin).matches(), "ID-CORETAX-R001",
                "TIN '" + tin + "' is not a 16-digit NPWP");
        List<Element> invoices = Dom.children(Dom.child(root, "ListOfTaxInvoice"), "TaxInvoice");
        for (int i = 0; i < invoices.size(); i++) {
            checkInvoice(report, tin, invoices.get(i), "TaxInvoice[" + (i + 1) + "]");
        }
    }

    private static void checkInvoice(RuleReport report, String tin, Element invoice, String where) {
        String sellerTku = Dom.text(invoice, "SellerIDTKU");
        report.check(sellerTku != null && DIGITS_22.matcher(sellerTku).matches()
                        && (tin == null || sellerTku.startsWith(tin)), "ID-CORETAX-R002",
                where + ": SellerIDTKU '" + sellerTku + "' is not the 22-digit IDTKU of TIN " + tin);
        checkBuyer(report, invoice, where);
        String trxCode = Dom.text(invoice, "TrxCode");
        if ("07".equals(trxCode) || "08".equals(trxCode)) {
            report.check(Dom.text(invoice, "AddInfo") != null && Dom.text(invoice, "FacilityStamp") != null,
                    "ID-CORETAX-R013", where + ": transaction code " + trxCode
                            + " (VAT not collected / exempted) needs AddInfo and FacilityStamp codes");
        }
        List<Element> goods = Dom.children(Dom.child(invoice, "ListOfGoodService"), "GoodService");
        for (int i = 0; i < goods.size(); i++) {
            checkGoodService(report, goods.get(i), trxCode, where + "/GoodService[" + (i + 1) + "]");
        }
    }

    private static void checkBuyer(RuleReport report, Element invoice, String where) {
        String document = Dom.text(invoice, "BuyerDocument");
        String buyerTin = Dom.text(invoice, "BuyerTin");
        String number = Dom.text(invoice, "BuyerDocumentNumber");
        String tku = Dom.text(invoice, "BuyerIDTKU");
        boolean tinDocument = "TIN".equals(document);
        if (tinDocument) {
            report.check(buyerTin != null && DIGITS_16.matcher(buyerTin).matches() && !NO_TIN.equals(buyerTin),
                    "ID-CORETAX-R003", where + ": BuyerTin '" + buyerTin
                            + "' is not a 16-digit NPWP or NIK although BuyerDocument is TIN");
            report.check(tku != null && DIGITS_22.matcher(tku).matches() && buyerTin != null
                    && tku.startsWith(buyerTin), "ID-CORETAX-R004", where + ": BuyerIDTKU '" + tku
                    + "' is not the 22-digit IDTKU of BuyerTin " + buyerTin);
        } else {
            report.check(NO_TIN.equals(buyerTin), "ID-CORETAX-R003", where + ": BuyerTin must be "
                    + NO_TIN + " when the buyer is identified by " + document);
            report.check(number != null && !"-".equals(number), "ID-CORETAX-R003", where
                    + ": BuyerDocumentNumber is required when the buyer is identified by " + document);
            report.check(!"National ID".equals(document) || (number != null && DIGITS_16.matcher(number).matches()),
                    "ID-CORETAX-R003", where + ": a National ID (NIK) has 16 digits, not '" + number + "'");
            report.check(tku != null && DIGITS_22.matcher(tku).matches(), "ID-CORETAX-R004", where
                    + ": BuyerIDTKU '" + tku + "' is not 22 digits");
        }
        String country = Dom.text(invoice, "BuyerCountry");
        report.check(country != null && ALPHA3.contains(country), "ID-CORETAX-R005", where + ": BuyerCountry '"
                + country + "' is not an ISO 3166-1 alpha-3 country code");
        String email = Dom.text(invoice, "BuyerEmail");
        report.check(email == null || EMAIL.matcher(email).matches(), "ID-CORETAX-R006", where + ": BuyerEmail '"
                + email + "' is not an e-mail address");
    }

    private static void checkGoodService(RuleReport report, Element line, String trxCode, String where) {
        BigDecimal price = Dom.decimal(line, "Price");
        BigDecimal qty = Dom.decimal(line, "Qty");
        BigDecimal discount = Dom.decimal(line, "TotalDiscount");
        BigDecimal taxBase = Dom.decimal(line, "TaxBase");
        BigDecimal otherBase = Dom.decimal(line, "OtherTaxBase");
        BigDecimal vatRate = Dom.decimal(line, "VATRate");
        BigDecimal vat = Dom.decimal(line, "VAT");
        BigDecimal luxuryRate = Dom.decimal(line, "STLGRate");
        BigDecimal luxury = Dom.decimal(line, "STLG");
        if (price != null && qty != null && discount != null) {
            BigDecimal gross = price.multiply(qty);
            report.check(discount.compareTo(gross) <= 0, "ID-CORETAX-R012", where + ": TotalDiscount " + discount
                    + " exceeds Price × Qty = " + gross);
            if (taxBase != null) {
                BigDecimal expected = gross.subtract(discount);
                report.check(close(taxBase, expected), "ID-CORETAX-R007", where + ": TaxBase " + taxBase
                        + " is not Price × Qty − TotalDiscount = " + expected);
            }
        }
        boolean specificAmount = "05".equals(trxCode);
        if (vatRate != null) {
            boolean ok = specificAmount
                    ? vatRate.signum() > 0 && vatRate.compareTo(VAT_RATE) <= 0
                    : vatRate.compareTo(VAT_RATE) == 0;
            report.check(ok, "ID-CORETAX-R010", where + ": VATRate " + vatRate + " is not "
                    + (specificAmount ? "a rate above 0 and at most 12 for transaction code 05" : "the VAT rate 12"));
        }
        boolean luxuryGoods = luxuryRate != null && luxuryRate.signum() > 0;
        if (taxBase != null && otherBase != null && !specificAmount) {
            BigDecimal reduced = taxBase.multiply(OTHER_BASE_FACTOR);
            boolean ok;
            String expected;
            if (luxuryGoods) {
                ok = close(otherBase, taxBase);
                expected = "TaxBase (luxury goods) = " + taxBase;
            } else if (OTHER_BASE_CODE.equals(trxCode)) {
                ok = close(otherBase, reduced);
                expected = "11/12 × TaxBase (transaction code 04) = " + reduced.setScale(2, RoundingMode.HALF_UP);
            } else {
                ok = close(otherBase, reduced) || close(otherBase, taxBase);
                expected = "11/12 × TaxBase = " + reduced.setScale(2, RoundingMode.HALF_UP) + " or TaxBase = " + taxBase;
            }
            report.check(ok, "ID-CORETAX-R008", where + ": OtherTaxBase " + otherBase + " is not " + expected);
        }
        if (otherBase != null && vatRate != null && vat != null) {
            BigDecimal expected = otherBase.multiply(vatRate).movePointLeft(2);
            report.check(close(vat, expected), "ID-CORETAX-R009", where + ": VAT " + vat
                    + " is not OtherTaxBase × VATRate % = " + expected);
        }
        if (taxBase != null && luxuryRate != null && luxury != null) {
            BigDecimal expected = taxBase.multiply(luxuryRate).movePointLeft(2);
            report.check(close(luxury, expected), "ID-CORETAX-R011", where + ": STLG " + luxury
                    + " is not TaxBase × STLGRate % = " + expected);
        }
    }

    private static boolean close(BigDecimal written, BigDecimal exact) {
        return written.subtract(exact).abs().compareTo(TOLERANCE) <= 0;
    }
}
