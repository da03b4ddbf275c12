package io.silkgate.schemas.cn;

import io.silkgate.schemas.cn.jaxb.BasicInformationType;
import io.silkgate.schemas.cn.jaxb.BuyerInformationType;
import io.silkgate.schemas.cn.jaxb.EInvoiceType;
import io.silkgate.schemas.cn.jaxb.IssuItemInformationType;
import io.silkgate.schemas.cn.jaxb.OpenBlock;
import io.silkgate.schemas.cn.jaxb.SellerInformationType;
import io.silkgate.schemas.en16931.Buyer;
import io.silkgate.schemas.en16931.Contact;
import io.silkgate.schemas.en16931.CreditTransfer;
import io.silkgate.schemas.en16931.DocumentTotals;
import io.silkgate.schemas.en16931.Identifier;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.InvoiceNote;
import io.silkgate.schemas.en16931.ItemAttribute;
import io.silkgate.schemas.en16931.ItemInformation;
import io.silkgate.schemas.en16931.LineVatInformation;
import io.silkgate.schemas.en16931.PaymentInstructions;
import io.silkgate.schemas.en16931.PostalAddress;
import io.silkgate.schemas.en16931.PriceDetails;
import io.silkgate.schemas.en16931.Seller;
import io.silkgate.schemas.en16931.VatBreakdown;
import io.silkgate.schemas.national.Amounts;
import io.silkgate.schemas.national.Dom;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Maps a bound fapiao (EInvoice) to the EN 16931 model. A red-letter fapiao (InIssuType N, negative amounts) is read
 * as a credit note with positive amounts; amounts are CNY; the tax bureau's own data (EIid, drawer, bureau, signature)
 * has no EN 16931 term and is not carried.
 */
final class CnFapiaoReader {

    static final String EXEMPT_REASON = "免税 (VAT exempt)";
    static final String NOT_TAXABLE_REASON = "不征税 (not subject to VAT)";
    static final String SPEC_ATTRIBUTE = "规格型号";
    /** UNTDID 7143 "mutually defined": the scheme of the tax classification code (税收分类编码). */
    static final String CLASSIFICATION_SCHEME = "ZZZ";

    private BigDecimal sign = BigDecimal.ONE;

    Invoice read(EInvoiceType fapiao) {
        BasicInformationType basic = fapiao.getEInvoiceData().getBasicInformation();
        boolean red = "N".equals(label(fapiao.getHeader().getInherentLabel(), "InIssuType"))
                || basic.getTotalTaxIncludedAmount().signum() < 0;
        sign = red ? BigDecimal.ONE.negate() : BigDecimal.ONE;

        List<InvoiceLine> lines = new ArrayList<>();
        Map<String, BigDecimal[]> breakdown = new LinkedHashMap<>();
        BigDecimal lineSum = BigDecimal.ZERO;
        for (IssuItemInformationType item : fapiao.getEInvoiceData().getIssuItemInformation()) {
            InvoiceLine line = line(item, lines.size() + 1);
            lines.add(line);
            lineSum = lineSum.add(line.netAmount());
            String key = line.vatInformation().invoicedItemVatCategoryCode() + "|"
                    + line.vatInformation().invoicedItemVatRate();
            BigDecimal tax = signed(Optional.ofNullable(CnFapiaoRuleSet.taxAmount(item.getComTaxAm()))
                    .orElse(BigDecimal.ZERO));
            BigDecimal[] sums = breakdown.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(line.netAmount());
            sums[1] = sums[1].add(tax);
        }

        List<InvoiceNote> notes = new ArrayList<>();
        if (fapiao.getEInvoiceData().getAdditionalInformation() != null) {
            for (Object part : fapiao.getEInvoiceData().getAdditionalInformation().getRemarkOrAdditional()) {
                if (part instanceof String remark && !remark.isBlank()) {
                    notes.add(new InvoiceNote(null, remark.trim()));
                }
            }
        }

        BigDecimal total = signed(basic.getTotalTaxIncludedAmount());
        DocumentTotals totals = new DocumentTotals(norm(lineSum), null, null, signed(basic.getTotalAmWithoutTax()),
                signed(basic.getTotalTaxAm()), null, total, null, null, total);
        SellerInformationType seller = fapiao.getEInvoiceData().getSellerInformation();
        return new Invoice(
                fapiao.getTaxSupervisionInfo().getInvoiceNumber(),
                CnFapiaoRuleSet.parseIssueDate(fapiao.getTaxSupervisionInfo().getIssueTime()),
                red ? "381" : "380",
                "CNY",
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                notes,
                null,
                List.of(),
                seller(seller),
                buyer(fapiao.getEInvoiceData().getBuyerInformation()),
                null, null, null, null,
                blank(seller.getSellerBankAccNum()) == null ? null : new PaymentInstructions("30", null, null,
                        List.of(new CreditTransfer(seller.getSellerBankAccNum().trim(), null, null)), null, null),
                List.of(),
                List.of(),
                totals,
                vatBreakdown(breakdown),
                List.of(),
                lines);
    }

    private static Seller seller(SellerInformationType seller) {
        String address = blank(seller.getSellerAddr());
        return new Seller(seller.getSellerName(), null, List.of(), null, "CN" + seller.getSellerIdNum().trim(),
                null, null, null,
                new PostalAddress(address, null, null, null, null, null, "CN"),
                blank(seller.getSellerTelNum()) == null ? null : new Contact(null, seller.getSellerTelNum().trim(), null));
    }

    // Companies carry a credit code or taxpayer number (a VAT identifier); a person's resident id is not one.
    private static Buyer buyer(BuyerInformationType buyer) {
        String id = blank(buyer.getBuyerIdNum());
        boolean person = id != null && !CnTaxIds.isUnifiedSocialCreditCode(id) && CnTaxIds.isResidentIdNumber(id);
        String address = blank(buyer.getBuyerAddr());
        return new Buyer(buyer.getBuyerName(), null,
                person ? Identifier.of(id) : null,
                null,
                id != null && !person ? "CN" + id : null,
                null,
                address == null ? null : new PostalAddress(address, null, null, null, null, null,
                        id == null ? CnAddressCountry.of(address) : "CN"),
                blank(buyer.getBuyerTelNum()) == null ? null : new Contact(null, buyer.getBuyerTelNum().trim(), null));
    }

    private InvoiceLine line(IssuItemInformationType item, int position) {
        BigDecimal net = signed(item.getAmount());
        BigDecimal quantity = Optional.ofNullable(Amounts.parse(item.getQuantity())).map(this::signed)
                .orElse(BigDecimal.ONE);
        BigDecimal price = Optional.ofNullable(Amounts.parse(item.getUnPrice())).map(CnFapiaoReader::norm)
                .orElseGet(() -> quantity.signum() == 0 ? net
                        : norm(net.divide(quantity, 8, RoundingMode.HALF_UP)));
        // EN 16931 prices are never negative: a discount line (折扣行) has a negative quantity instead.
        BigDecimal lineQuantity = quantity;
        if (price.signum() < 0) {
            price = price.negate();
            lineQuantity = quantity.negate();
        }
        CnTaxRate rate = CnTaxRate.parse(item.getTaxRate()).orElse(new CnTaxRate(CnTaxRate.Kind.RATE, BigDecimal.ZERO));
        List<ItemAttribute> attributes = blank(item.getSpecMod()) == null ? List.of()
                : List.of(new ItemAttribute(SPEC_ATTRIBUTE, item.getSpecMod().trim()));
        List<Identifier> classification = blank(item.getTaxClassificationCode()) == null ? List.of()
                : List.of(Identifier.of(item.getTaxClassificationCode().trim(), CLASSIFICATION_SCHEME));
        return new InvoiceLine(
                Integer.toString(position), null, null,
                lineQuantity,
                CnUnits.toCode(item.getMeaUnits()),
                net,
                null, null, null, List.of(), List.of(),
                new PriceDetails(price, null, null, null, null),
                new LineVatInformation(category(rate), rate.kind() == CnTaxRate.Kind.NOT_TAXABLE ? null : rate.percent()),
                new ItemInformation(item.getItemName(), null, null, null, null, classification, null, attributes));
    }

    private static List<VatBreakdown> vatBreakdown(Map<String, BigDecimal[]> sums) {
        List<VatBreakdown> result = new ArrayList<>();
        sums.forEach((key, amounts) -> {
            String[] parts = key.split("\\|");
            String category = parts[0];
            BigDecimal rate = "null".equals(parts[1]) ? null : new BigDecimal(parts[1]);
            String reason = switch (category) {
                case "E" -> EXEMPT_REASON;
                case "O" -> NOT_TAXABLE_REASON;
                default -> null;
            };
            result.add(new VatBreakdown(norm(amounts[0]), norm(amounts[1]), category, rate, reason, null));
        });
        return result;
    }

    static String category(CnTaxRate rate) {
        return switch (rate.kind()) {
            case EXEMPT -> "E";
            case NOT_TAXABLE -> "O";
            case RATE -> rate.percent().signum() == 0 ? "Z" : "S";
        };
    }

    // Labels are open-ended (InIssuType, EInvoiceType, GeneralOrSpecialVAT, ...); each has a LabelCode.
    private static String label(OpenBlock labels, String name) {
        if (labels == null) {
            return null;
        }
        for (Object child : labels.getContent()) {
            if (child instanceof Element e && name.equals(e.getLocalName())) {
                return Dom.text(e, "LabelCode");
            }
        }
        return null;
    }

    private BigDecimal signed(BigDecimal value) {
        return value == null ? null : norm(value.multiply(sign));
    }

    static BigDecimal norm(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
