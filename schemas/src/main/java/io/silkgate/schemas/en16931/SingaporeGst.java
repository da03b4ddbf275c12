package io.silkgate.schemas.en16931;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Translates VAT category codes between EN 16931 (UNCL 5305) and the Singapore GST categories that PINT SG puts in
 * the same fields (BT-95, BT-102, BT-118, BT-151). The two lists share no code, so a code tells its side.
 */
public final class SingaporeGst {

    /** The format whose rules want GST categories. */
    public static final String FORMAT = "pint-sg";
    /** Rule id of a conversion refused because a seller outside Singapore's GST charged tax. */
    public static final String RULE_FOREIGN_TAX = "SILKGATE-SG-NG";
    /** Rule id of a conversion refused because a category has no GST counterpart. */
    public static final String RULE_NO_CATEGORY = "SILKGATE-SG-CATEGORY";

    private static final String NOT_REGISTERED = "NG";

    private static final Map<String, String> TO_UNCL5305 = Map.ofEntries(
            Map.entry("SR", "S"), Map.entry("SROVR-RS", "S"), Map.entry("SROVR-LVG", "S"), Map.entry("SRLVG", "S"),
            Map.entry("DS", "S"), Map.entry("SRCA-S", "AE"), Map.entry("SRCA-C", "AE"), Map.entry("SRRC", "AE"),
            Map.entry("ZR", "Z"), Map.entry("ES33", "E"), Map.entry("ESN33", "E"),
            Map.entry("OS", "O"), Map.entry("NG", "O"), Map.entry("NA", "O"));

    // Exports (K, G) are zero-rated in Singapore; an exempt supply is taken as a regulation 33 one.
    private static final Map<String, String> FROM_UNCL5305 = Map.of(
            "S", "SR", "Z", "ZR", "E", "ES33", "AE", "SRRC", "K", "ZR", "G", "ZR", "O", "OS");

    private SingaporeGst() {
    }

    /**
     * The invoice with UNCL 5305 codes wherever it has GST codes, for every target but PINT SG. EN 16931 wants an
     * exemption reason for E, AE and O and no rate for O (the GST category is named where a reason is missing), and
     * VAT identifiers that start with their country code (BR-CO-09), which Singapore GST numbers do not.
     */
    public static Invoice toEn16931(Invoice invoice) {
        if (!usesGstCodes(invoice)) {
            return invoice;
        }
        Invoice translated = translate(invoice, code -> TO_UNCL5305.getOrDefault(code, code),
                SingaporeGst::withUncl5305Breakdown);
        Seller s = translated.seller();
        Buyer b = translated.buyer();
        SellerTaxRepresentative r = translated.sellerTaxRepresentative();
        return translated.withParties(
                s == null ? null : new Seller(s.name(), s.tradingName(), s.identifiers(),
                        s.legalRegistrationIdentifier(), withCountryPrefix(s.vatIdentifier()),
                        s.taxRegistrationIdentifier(), s.additionalLegalInformation(), s.electronicAddress(),
                        s.postalAddress(), s.contact()),
                b == null ? null : new Buyer(b.name(), b.tradingName(), b.identifier(), b.legalRegistrationIdentifier(),
                        withCountryPrefix(b.vatIdentifier()), b.electronicAddress(), b.postalAddress(), b.contact()),
                r == null ? null : new SellerTaxRepresentative(r.name(), withCountryPrefix(r.vatIdentifier()),
                        r.postalAddress()));
    }

    // A GST registration number is a UEN ("200012345A") or an "M" number ("M91234567X"): neither has a country prefix.
    private static String withoutCountryPrefix(String vatIdentifier) {
        return vatIdentifier.startsWith("SG") && vatIdentifier.length() > 2 ? vatIdentifier.substring(2)
                : vatIdentifier;
    }

    private static String withCountryPrefix(String gstNumber) {
        if (gstNumber == null || gstNumber.matches("[A-Z]{2}.*")) {
            return gstNumber;
        }
        return "SG" + gstNumber;
    }

    /**
     * The invoice with GST categories for PINT SG. A seller registered for GST (in Singapore, with a GST id) keeps
     * its categories, translated; any other seller makes "not GST-registered" supplies (NG), which is only possible
     * when it charged no tax: its VAT identifier then travels as a tax registration (BT-32) and no GST
     * identifier stays on the invoice (BR-NG-02).
     */
    public static Invoice toPintSg(Invoice invoice) {
        if (registeredForGst(invoice.seller())) {
            Invoice translated = translate(invoice, SingaporeGst::gstCode, breakdown -> new VatBreakdown(
                    breakdown.taxableAmount(), breakdown.taxAmount(), gstCode(breakdown.categoryCode()),
                    breakdown.rate(), breakdown.exemptionReason(), breakdown.exemptionReasonCode()));
            Seller s = translated.seller();
            return translated.withParties(new Seller(s.name(), s.tradingName(), s.identifiers(),
                    s.legalRegistrationIdentifier(), withoutCountryPrefix(s.vatIdentifier()),
                    s.taxRegistrationIdentifier(), s.additionalLegalInformation(), s.electronicAddress(),
                    s.postalAddress(), s.contact()), translated.buyer(), translated.sellerTaxRepresentative());
        }
        return notRegistered(invoice);
    }

    private static boolean usesGstCodes(Invoice invoice) {
        return invoice.vatBreakdown().stream().anyMatch(b -> TO_UNCL5305.containsKey(b.categoryCode()))
                || invoice.lines().stream().anyMatch(l -> l.vatInformation() != null
                        && TO_UNCL5305.containsKey(l.vatInformation().invoicedItemVatCategoryCode()));
    }

    private static boolean registeredForGst(Seller seller) {
        return seller != null && seller.vatIdentifier() != null && seller.postalAddress() != null
                && "SG".equalsIgnoreCase(seller.postalAddress().countryCode());
    }

    private static String gstCode(String code) {
        if (code == null || TO_UNCL5305.containsKey(code)) {
            return code;
        }
        String gst = FROM_UNCL5305.get(code);
        if (gst == null) {
            throw refused(RULE_NO_CATEGORY, "VAT category " + code + " has no Singapore GST category");
        }
        return gst;
    }

    private static VatBreakdown withUncl5305Breakdown(VatBreakdown b) {
        String code = TO_UNCL5305.getOrDefault(b.categoryCode(), b.categoryCode());
        boolean needsReason = "E".equals(code) || "AE".equals(code) || "O".equals(code);
        String reason = b.exemptionReason() == null && b.exemptionReasonCode() == null && needsReason
                ? "Singapore GST category " + b.categoryCode() : b.exemptionReason();
        return new VatBreakdown(b.taxableAmount(), b.taxAmount(), code, "O".equals(code) ? null : b.rate(), reason,
                b.exemptionReasonCode());
    }

    private static Invoice notRegistered(Invoice invoice) {
        for (VatBreakdown b : invoice.vatBreakdown()) {
            if (b.taxAmount() != null && b.taxAmount().signum() != 0) {
                String country = invoice.seller() == null || invoice.seller().postalAddress() == null ? "?"
                        : invoice.seller().postalAddress().countryCode();
                throw refused(RULE_FOREIGN_TAX, "the seller (country " + country + ") is not registered for "
                        + "Singapore GST, so PINT SG can only carry its supplies as not GST-registered (NG) without "
                        + "tax, but the invoice charges " + b.taxAmount() + " " + b.categoryCode() + " tax at "
                        + b.rate() + " %");
            }
        }
        BigDecimal taxable = invoice.vatBreakdown().stream().map(VatBreakdown::taxableAmount)
                .filter(a -> a != null).reduce(BigDecimal::add).orElse(BigDecimal.ZERO);
        Invoice ng = invoice.withVatParts(
                mapAllowances(invoice.allowances(), code -> NOT_REGISTERED, BigDecimal.ZERO),
                mapAllowances(invoice.charges(), code -> NOT_REGISTERED, BigDecimal.ZERO),
                List.of(new VatBreakdown(taxable, BigDecimal.ZERO.setScale(2), NOT_REGISTERED, BigDecimal.ZERO,
                        null, null)),
                mapLines(invoice.lines(), code -> NOT_REGISTERED, BigDecimal.ZERO));
        Seller s = invoice.seller();
        Seller seller = s == null ? null : new Seller(s.name(), s.tradingName(), s.identifiers(),
                s.legalRegistrationIdentifier(), null,
                s.taxRegistrationIdentifier() != null ? s.taxRegistrationIdentifier() : s.vatIdentifier(),
                s.additionalLegalInformation(), s.electronicAddress(), s.postalAddress(), s.contact());
        Buyer b = invoice.buyer();
        Buyer buyer = b == null ? null : new Buyer(b.name(), b.tradingName(), b.identifier(),
                b.legalRegistrationIdentifier(), null, b.electronicAddress(), b.postalAddress(), b.contact());
        SellerTaxRepresentative r = invoice.sellerTaxRepresentative();
        SellerTaxRepresentative representative = r == null ? null
                : new SellerTaxRepresentative(r.name(), null, r.postalAddress());
        return ng.withParties(seller, buyer, representative);
    }

    private static Invoice translate(Invoice invoice, Function<String, String> code,
            Function<VatBreakdown, VatBreakdown> breakdown) {
        return invoice.withVatParts(mapAllowances(invoice.allowances(), code, null),
                mapAllowances(invoice.charges(), code, null),
                invoice.vatBreakdown().stream().map(breakdown).toList(),
                mapLines(invoice.lines(), code, null));
    }

    // A null rate keeps the source rate, except that EN 16931 category O takes none.
    private static BigDecimal rate(String newCode, BigDecimal sourceRate, BigDecimal forcedRate) {
        if (forcedRate != null) {
            return forcedRate;
        }
        return "O".equals(newCode) ? null : sourceRate;
    }

    private static List<DocumentAllowanceCharge> mapAllowances(List<DocumentAllowanceCharge> list,
            Function<String, String> code, BigDecimal forcedRate) {
        List<DocumentAllowanceCharge> out = new ArrayList<>();
        for (DocumentAllowanceCharge ac : list) {
            String newCode = ac.vatCategoryCode() == null ? null : code.apply(ac.vatCategoryCode());
            out.add(new DocumentAllowanceCharge(ac.amount(), ac.baseAmount(), ac.percentage(), newCode,
                    rate(newCode, ac.vatRate(), forcedRate), ac.reason(), ac.reasonCode()));
        }
        return out;
    }

    private static List<InvoiceLine> mapLines(List<InvoiceLine> lines, Function<String, String> code,
            BigDecimal forcedRate) {
        List<InvoiceLine> out = new ArrayList<>(lines.size());
        for (InvoiceLine l : lines) {
            LineVatInformation vat = l.vatInformation();
            if (vat == null || vat.invoicedItemVatCategoryCode() == null) {
                out.add(l);
                continue;
            }
            String newCode = code.apply(vat.invoicedItemVatCategoryCode());
            out.add(new InvoiceLine(l.identifier(), l.note(), l.objectIdentifier(), l.invoicedQuantity(),
                    l.invoicedQuantityUnitCode(), l.netAmount(), l.referencedPurchaseOrderLineReference(),
                    l.buyerAccountingReference(), l.period(), l.allowances(), l.charges(), l.priceDetails(),
                    new LineVatInformation(newCode, rate(newCode, vat.invoicedItemVatRate(), forcedRate)), l.item()));
        }
        return out;
    }

    private static DocumentRejectedException refused(String rule, String message) {
        return new DocumentRejectedException(ErrorCode.RULES_INVALID, "[" + rule + "] " + message,
                List.of(Problem.at(ErrorCode.RULES_INVALID, message, rule)));
    }
}
