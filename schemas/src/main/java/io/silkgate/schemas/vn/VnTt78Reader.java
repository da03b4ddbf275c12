package io.silkgate.schemas.vn;

import io.silkgate.schemas.en16931.Buyer;
import io.silkgate.schemas.en16931.Contact;
import io.silkgate.schemas.en16931.CreditTransfer;
import io.silkgate.schemas.en16931.DocumentAllowanceCharge;
import io.silkgate.schemas.en16931.DocumentTotals;
import io.silkgate.schemas.en16931.Identifier;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.InvoiceNote;
import io.silkgate.schemas.en16931.ItemInformation;
import io.silkgate.schemas.en16931.LineAllowanceCharge;
import io.silkgate.schemas.en16931.LineVatInformation;
import io.silkgate.schemas.en16931.PaymentInstructions;
import io.silkgate.schemas.en16931.PostalAddress;
import io.silkgate.schemas.en16931.PrecedingInvoiceReference;
import io.silkgate.schemas.en16931.PriceDetails;
import io.silkgate.schemas.en16931.Seller;
import io.silkgate.schemas.en16931.VatBreakdown;
import io.silkgate.schemas.national.Amounts;
import io.silkgate.schemas.national.JaxbIo;
import io.silkgate.schemas.vn.jaxb.HDonType;
import io.silkgate.schemas.vn.jaxb.HHDVuType;
import io.silkgate.schemas.vn.jaxb.LTSuatType;
import io.silkgate.schemas.vn.jaxb.NBanType;
import io.silkgate.schemas.vn.jaxb.NMuaType;
import io.silkgate.schemas.vn.jaxb.TTChungType;
import io.silkgate.schemas.vn.jaxb.TTHDLQuanType;
import io.silkgate.schemas.vn.jaxb.TTKhacType;
import io.silkgate.schemas.vn.jaxb.TTinType;
import io.silkgate.schemas.vn.jaxb.TToanType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a bound Vietnamese invoice (HDon) to the EN 16931 model. A decreasing adjustment (negative total) is read as
 * a credit note with positive amounts; the discount lines (TChat 3) become document allowances, note lines
 * (TChat 4) invoice notes, and lines marked as surcharges document charges.
 */
final class VnTt78Reader {

    static final String NOT_SUBJECT_REASON = "Không chịu thuế GTGT (KCT)";
    static final String NOT_DECLARED_REASON = "Không kê khai, tính nộp thuế GTGT (KKKNT)";

    private BigDecimal sign = BigDecimal.ONE;

    Invoice read(HDonType hdon) {
        TTChungType general = hdon.getDLHDon().getTTChung();
        TToanType totals = hdon.getDLHDon().getNDHDon().getTToan();
        boolean decreasing = totals.getTgTTTBSo() != null && totals.getTgTTTBSo().signum() < 0;
        sign = decreasing ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        String currency = general.getDVTTe();

        List<InvoiceNote> notes = new ArrayList<>();
        List<DocumentAllowanceCharge> allowances = new ArrayList<>();
        List<DocumentAllowanceCharge> charges = new ArrayList<>();
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal lineSum = BigDecimal.ZERO;
        for (HHDVuType line : hdon.getDLHDon().getNDHDon().getDSHHDVu().getHHDVu()) {
            switch (line.getTChat()) {
                case "3" -> allowances.add(allowanceOrCharge(line));
                case "4" -> notes.add(new InvoiceNote(null, line.getTHHDVu()));
                default -> {
                    if (VnCodes.CHARGE_LINE.equals(field(line.getTTKhac(), VnCodes.LINE_KIND_FIELD))) {
                        charges.add(allowanceOrCharge(line));
                    } else {
                        InvoiceLine mapped = line(line, lines.size() + 1);
                        lines.add(mapped);
                        lineSum = lineSum.add(mapped.netAmount());
                    }
                }
            }
        }

        BigDecimal rate = general.getTGia();
        boolean foreign = !"VND".equals(currency) && rate != null;
        BigDecimal tax = amount(totals.getTgTThue());
        DocumentTotals documentTotals = new DocumentTotals(
                norm(lineSum),
                allowances.isEmpty() ? null : Optional.ofNullable(amount(totals.getTTCKTMai()))
                        .orElseGet(() -> sum(allowances)),
                charges.isEmpty() ? null : sum(charges),
                amount(totals.getTgTCThue()),
                tax,
                foreign ? norm(Amounts.round(tax.multiply(rate), 0)) : null,
                amount(totals.getTgTTTBSo()),
                null,
                null,
                amount(totals.getTgTTTBSo()));

        return new Invoice(
                invoiceNumber(general),
                JaxbIo.date(general.getNLap()),
                typeCode(general.getTTHDLQuan(), decreasing),
                currency,
                foreign ? "VND" : null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                notes,
                null,
                preceding(general.getTTHDLQuan()),
                seller(hdon.getDLHDon().getNDHDon().getNBan()),
                buyer(hdon.getDLHDon().getNDHDon().getNMua()),
                null, null, null, null,
                payment(general.getHTTToan(), hdon.getDLHDon().getNDHDon().getNBan().getSTKNHang()),
                allowances,
                charges,
                documentTotals,
                breakdown(totals, hdon.getDLHDon().getNDHDon().getDSHHDVu().getHHDVu()),
                null,
                lines);
    }

    private static String invoiceNumber(TTChungType general) {
        String original = field(general.getTTKhac(), VnCodes.ORIGINAL_NUMBER_FIELD);
        if (original != null) {
            return original;
        }
        return general.getKHMSHDon() + general.getKHHDon() + "-" + general.getSHDon();
    }

    private static String typeCode(TTHDLQuanType related, boolean decreasing) {
        if (decreasing) {
            return "381";
        }
        return related != null && "1".equals(related.getTCHDon()) ? "384" : "380";
    }

    private static List<PrecedingInvoiceReference> preceding(TTHDLQuanType related) {
        if (related == null) {
            return List.of();
        }
        String reference = VnTt78Writer.FOREIGN_RELATED_KIND.equals(related.getLHDCLQuan()) && related.getGChu() != null
                ? related.getGChu()
                : related.getKHMSHDCLQuan() + related.getKHHDCLQuan() + "-" + related.getSHDCLQuan();
        return List.of(new PrecedingInvoiceReference(reference, JaxbIo.date(related.getNLHDCLQuan())));
    }

    private static Seller seller(NBanType seller) {
        String country = Optional.ofNullable(field(seller.getTTKhac(), VnCodes.COUNTRY_FIELD)).orElse("VN");
        return new Seller(
                seller.getTen(),
                blank(seller.getTCHang()),
                List.of(),
                null,
                vatIdentifier(seller.getMST(), country),
                null,
                null,
                null,
                new PostalAddress(blank(seller.getDChi()), null, null, null, null, null, country),
                contact(null, seller.getSDThoai(), seller.getDCTDTu()));
    }

    private static Buyer buyer(NMuaType buyer) {
        String country = Optional.ofNullable(field(buyer.getTTKhac(), VnCodes.COUNTRY_FIELD)).orElse("VN");
        String name = buyer.getTen() != null ? buyer.getTen() : buyer.getHVTNMHang();
        return new Buyer(
                name,
                null,
                buyer.getMKHang() == null ? null : Identifier.of(buyer.getMKHang()),
                null,
                vatIdentifier(buyer.getMST(), country),
                null,
                new PostalAddress(blank(buyer.getDChi()), null, null, null, null, null, country),
                contact(buyer.getTen() != null ? buyer.getHVTNMHang() : null, buyer.getSDThoai(), buyer.getDCTDTu()));
    }

    // EN 16931 wants VAT identifiers with their country prefix; a foreign party's may already carry it.
    private static String vatIdentifier(String mst, String country) {
        String value = blank(mst);
        if (value == null) {
            return null;
        }
        return value.startsWith(country) ? value : country + value;
    }

    private static Contact contact(String point, String phone, String email) {
        if (blank(point) == null && blank(phone) == null && blank(email) == null) {
            return null;
        }
        return new Contact(blank(point), blank(phone), blank(email));
    }

    private static PaymentInstructions payment(String method, String account) {
        String code = null;
        String text = blank(method);
        if (text != null) {
            code = VnTt78Writer.PAYMENT_CODES.getOrDefault(text, "1");
            if (VnTt78Writer.PAYMENT_CODES.containsKey(text)) {
                text = null;
            }
        }
        List<CreditTransfer> transfers = blank(account) == null ? List.of()
                : List.of(new CreditTransfer(account, null, null));
        if (code == null && transfers.isEmpty()) {
            return null;
        }
        return new PaymentInstructions(code == null ? "30" : code, text, null, transfers, null, null);
    }

    private InvoiceLine line(HHDVuType line, int position) {
        BigDecimal net = amount(line.getThTien());
        BigDecimal quantity = line.getSLuong() == null ? BigDecimal.ONE : amount(line.getSLuong());
        BigDecimal discount = amount(line.getSTCKhau());
        BigDecimal price = line.getDGia() != null ? norm(line.getDGia())
                : norm(net.add(discount == null ? BigDecimal.ZERO : discount).divide(quantity, 6, RoundingMode.HALF_UP));
        List<LineAllowanceCharge> lineAllowances = discount == null || discount.signum() == 0 ? List.of()
                : List.of(new LineAllowanceCharge(discount, null, norm(line.getTLCKhau()), null, null));
        Optional<VnTaxRate> rate = VnTaxRate.parse(line.getTSuat());
        return new InvoiceLine(
                line.getSTT() == null ? Integer.toString(position) : line.getSTT().toString(),
                null, null,
                quantity,
                VnUnits.toCode(line.getDVTinh()),
                net,
                null, null, null,
                lineAllowances,
                List.of(),
                new PriceDetails(price, null, null, null, null),
                rate.map(r -> new LineVatInformation(category(r), r.kind() == VnTaxRate.Kind.NOT_DECLARED ? null
                        : r.percent())).orElse(null),
                new ItemInformation(line.getTHHDVu(), null, blank(line.getMHHDVu()), null, null, List.of(), null,
                        List.of()));
    }

    private DocumentAllowanceCharge allowanceOrCharge(HHDVuType line) {
        Optional<VnTaxRate> rate = VnTaxRate.parse(line.getTSuat());
        return new DocumentAllowanceCharge(
                amount(line.getThTien()),
                null,
                null,
                rate.map(VnTt78Reader::category).orElse(null),
                rate.filter(r -> r.kind() != VnTaxRate.Kind.NOT_DECLARED).map(VnTaxRate::percent).orElse(null),
                line.getTHHDVu(),
                null);
    }

    private List<VatBreakdown> breakdown(TToanType totals, List<HHDVuType> lines) {
        Map<String, BigDecimal[]> byRate = new LinkedHashMap<>();
        if (totals.getTHTTLTSuat() != null && !totals.getTHTTLTSuat().getLTSuat().isEmpty()) {
            for (LTSuatType entry : totals.getTHTTLTSuat().getLTSuat()) {
                BigDecimal tax = entry.getTThue() == null ? BigDecimal.ZERO : entry.getTThue();
                byRate.put(entry.getTSuat(), new BigDecimal[] {entry.getThTien(), tax});
            }
        } else {
            // Without a breakdown block, the breakdown is what the lines add up to at each rate.
            for (HHDVuType line : lines) {
                if (line.getThTien() == null || line.getTSuat() == null || "4".equals(line.getTChat())) {
                    continue;
                }
                BigDecimal signed = "3".equals(line.getTChat()) ? line.getThTien().negate() : line.getThTien();
                byRate.computeIfAbsent(line.getTSuat(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] =
                        byRate.get(line.getTSuat())[0].add(signed);
            }
            int scale = Math.max(0, Optional.ofNullable(totals.getTgTThue()).map(BigDecimal::scale).orElse(0));
            byRate.forEach((rateText, amounts) -> amounts[1] = VnTaxRate.parse(rateText)
                    .map(r -> Amounts.round(amounts[0].multiply(r.percent()).movePointLeft(2), scale))
                    .orElse(BigDecimal.ZERO));
        }
        List<VatBreakdown> result = new ArrayList<>();
        byRate.forEach((rateText, amounts) -> {
            Optional<VnTaxRate> rate = VnTaxRate.parse(rateText);
            String category = rate.map(VnTt78Reader::category).orElse("S");
            BigDecimal percent = rate.filter(r -> r.kind() != VnTaxRate.Kind.NOT_DECLARED).map(VnTaxRate::percent)
                    .orElse(null);
            String reason = rate.map(r -> switch (r.kind()) {
                case NOT_SUBJECT -> NOT_SUBJECT_REASON;
                case NOT_DECLARED -> NOT_DECLARED_REASON;
                default -> null;
            }).orElse(null);
            result.add(new VatBreakdown(amount(amounts[0]), amount(amounts[1]), category, percent, reason, null));
        });
        return result;
    }

    static String category(VnTaxRate rate) {
        return switch (rate.kind()) {
            case NOT_SUBJECT -> "E";
            case NOT_DECLARED -> "O";
            default -> rate.percent().signum() == 0 ? "Z" : "S";
        };
    }

    private BigDecimal amount(BigDecimal value) {
        return value == null ? null : norm(value.multiply(sign));
    }

    private static BigDecimal sum(List<DocumentAllowanceCharge> items) {
        return norm(items.stream().map(DocumentAllowanceCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Amounts keep their value but not the trailing zeros some providers write ("2000.000000"). */
    static BigDecimal norm(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    static String field(TTKhacType other, String key) {
        if (other == null) {
            return null;
        }
        for (TTinType info : other.getTTin()) {
            if (key.equals(info.getTTruong())) {
                return blank(info.getDLieu());
            }
        }
        return null;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
