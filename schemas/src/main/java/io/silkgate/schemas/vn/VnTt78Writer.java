package io.silkgate.schemas.vn;

import io.silkgate.schemas.en16931.Buyer;
import io.silkgate.schemas.en16931.Contact;
import io.silkgate.schemas.en16931.CreditTransfer;
import io.silkgate.schemas.en16931.DocumentAllowanceCharge;
import io.silkgate.schemas.en16931.DocumentTotals;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.InvoiceNote;
import io.silkgate.schemas.en16931.LineAllowanceCharge;
import io.silkgate.schemas.en16931.PaymentInstructions;
import io.silkgate.schemas.en16931.PostalAddress;
import io.silkgate.schemas.en16931.PrecedingInvoiceReference;
import io.silkgate.schemas.en16931.PriceDetails;
import io.silkgate.schemas.en16931.Seller;
import io.silkgate.schemas.en16931.VatBreakdown;
import io.silkgate.schemas.national.Amounts;
import io.silkgate.schemas.national.JaxbIo;
import io.silkgate.schemas.vn.jaxb.DLHDonType;
import io.silkgate.schemas.vn.jaxb.DSCKSType;
import io.silkgate.schemas.vn.jaxb.DSHHDVuType;
import io.silkgate.schemas.vn.jaxb.HDonType;
import io.silkgate.schemas.vn.jaxb.HHDVuType;
import io.silkgate.schemas.vn.jaxb.LTSuatType;
import io.silkgate.schemas.vn.jaxb.NBanType;
import io.silkgate.schemas.vn.jaxb.NDHDonType;
import io.silkgate.schemas.vn.jaxb.NMuaType;
import io.silkgate.schemas.vn.jaxb.SignatureHolder;
import io.silkgate.schemas.vn.jaxb.THTTLTSuatType;
import io.silkgate.schemas.vn.jaxb.TTChungType;
import io.silkgate.schemas.vn.jaxb.TTHDLQuanType;
import io.silkgate.schemas.vn.jaxb.TTKhacType;
import io.silkgate.schemas.vn.jaxb.TTinType;
import io.silkgate.schemas.vn.jaxb.TToanType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Maps the EN 16931 model to a Vietnamese invoice (HDon), unsigned: DSCKS/NBan is left empty for the seller's (or
 * the gateway's) XMLDSig signature. A credit note becomes a decreasing adjustment with negative amounts and
 * quantities; VND amounts are whole numbers.
 */
final class VnTt78Writer {

    /** LHDCLQuan for a related invoice that is not a Vietnamese e-invoice; its number travels in GChu. */
    static final String FOREIGN_RELATED_KIND = "3";

    /** HTTToan values with a payment means code of their own (UNTDID 4461); others travel as BT-82 text. */
    static final Map<String, String> PAYMENT_CODES = Map.of("TM", "10", "CK", "30", "TM/CK", "1");

    private static final String FORMAT_VERSION = "2.1.0";
    private static final String OWN_SERIES_ISSUER = "T";
    // Series characters chosen by the issuer; the gateway marks series it had to make up with its own two.
    private static final String OWN_SERIES_SUFFIX = "SG";
    private static final Map<String, String> FORM_NAMES = Map.of(
            "1", "Hóa đơn giá trị gia tăng", "2", "Hóa đơn bán hàng", "3", "Hóa đơn bán tài sản công",
            "4", "Hóa đơn bán hàng dự trữ quốc gia", "5", "Tem, vé, thẻ",
            "6", "Phiếu xuất kho kiêm vận chuyển nội bộ");

    private BigDecimal sign = BigDecimal.ONE;
    private int scale;

    HDonType write(Invoice in) {
        sign = in.isCreditNote() ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        String currency = in.currencyCode() == null ? "VND" : in.currencyCode();
        scale = "VND".equals(currency) ? 0 : 6;

        NDHDonType content = new NDHDonType();
        content.setNBan(seller(in.seller(), in.paymentInstructions()));
        content.setNMua(buyer(in.buyer()));
        content.setDSHHDVu(lines(in));
        content.setTToan(totals(in, currency));

        DLHDonType data = new DLHDonType();
        data.setId("DLHDon");
        data.setTTChung(general(in, currency));
        data.setNDHDon(content);

        DSCKSType signatures = new DSCKSType();
        signatures.setNBan(new SignatureHolder());
        HDonType hdon = new HDonType();
        hdon.setDLHDon(data);
        hdon.setDSCKS(signatures);
        return hdon;
    }

    private TTChungType general(Invoice in, String currency) {
        TTChungType general = new TTChungType();
        general.setPBan(FORMAT_VERSION);
        String number = in.invoiceNumber() == null ? "" : in.invoiceNumber();
        Matcher m = VnCodes.CANONICAL_NUMBER.matcher(number);
        List<TTinType> other = new ArrayList<>();
        if (m.matches()) {
            general.setKHMSHDon(m.group(1));
            general.setKHHDon(m.group(2));
            general.setSHDon(m.group(3));
        } else {
            // A number from another numbering: a series of our own, the digits as number, the original kept aside.
            LocalDate date = in.issueDate() == null ? LocalDate.now() : in.issueDate();
            general.setKHMSHDon("1");
            general.setKHHDon(String.format("K%02d%s%s", date.getYear() % 100, OWN_SERIES_ISSUER, OWN_SERIES_SUFFIX));
            general.setSHDon(lastDigits(number, "1"));
            other.add(info(VnCodes.ORIGINAL_NUMBER_FIELD, number));
        }
        general.setTHDon(FORM_NAMES.get(general.getKHMSHDon()));
        general.setNLap(JaxbIo.date(in.issueDate()));
        general.setDVTTe(currency);
        general.setTGia(exchangeRate(in, currency));
        general.setHTTToan(paymentMethod(in.paymentInstructions()));
        general.setTTHDLQuan(related(in));
        general.setTTKhac(other(other));
        return general;
    }

    // TGia is the rate to VND; EN 16931 only has the VAT total in both currencies (BT-110, BT-111).
    private static BigDecimal exchangeRate(Invoice in, String currency) {
        DocumentTotals totals = in.totals();
        if ("VND".equals(currency) || !"VND".equals(in.vatAccountingCurrencyCode()) || totals == null
                || totals.invoiceTotalVatAmountInAccountingCurrency() == null
                || totals.invoiceTotalVatAmount() == null || totals.invoiceTotalVatAmount().signum() == 0) {
            return null;
        }
        return plain(totals.invoiceTotalVatAmountInAccountingCurrency()
                .divide(totals.invoiceTotalVatAmount(), 2, RoundingMode.HALF_UP).abs());
    }

    private static String paymentMethod(PaymentInstructions payment) {
        if (payment == null) {
            return null;
        }
        if (payment.paymentMeansText() != null) {
            return truncate(payment.paymentMeansText(), 50);
        }
        String code = payment.paymentMeansTypeCode();
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "10" -> "TM";
            case "30", "31", "42", "58" -> "CK";
            default -> "TM/CK";
        };
    }

    private static TTHDLQuanType related(Invoice in) {
        if (in.precedingInvoiceReferences().isEmpty()) {
            return null;
        }
        PrecedingInvoiceReference reference = in.precedingInvoiceReferences().get(0);
        TTHDLQuanType related = new TTHDLQuanType();
        related.setTCHDon("384".equals(in.typeCode()) ? "1" : "2");
        Matcher m = VnCodes.CANONICAL_NUMBER.matcher(reference.reference() == null ? "" : reference.reference());
        if (m.matches()) {
            related.setLHDCLQuan("1");
            related.setKHMSHDCLQuan(m.group(1));
            related.setKHHDCLQuan(m.group(2));
            related.setSHDCLQuan(m.group(3));
        } else {
            related.setLHDCLQuan(FOREIGN_RELATED_KIND);
            related.setKHMSHDCLQuan("0");
            related.setKHHDCLQuan("0");
            related.setSHDCLQuan(lastDigits(reference.reference(), "0"));
            related.setGChu(truncate(reference.reference(), 255));
        }
        related.setNLHDCLQuan(JaxbIo.date(reference.issueDate()));
        return related;
    }

    private static NBanType seller(Seller seller, PaymentInstructions payment) {
        NBanType out = new NBanType();
        if (seller == null) {
            out.setTen("");
            out.setMST("");
            out.setDChi("");
            return out;
        }
        String country = country(seller.postalAddress());
        out.setTen(truncate(Objects.requireNonNullElse(seller.name(), ""), 400));
        out.setMST(taxCode(country, seller.vatIdentifier(), seller.taxRegistrationIdentifier()));
        out.setDChi(address(seller.postalAddress()));
        out.setTCHang(truncate(seller.tradingName(), 400));
        Contact contact = seller.contact();
        if (contact != null) {
            out.setSDThoai(truncate(contact.telephoneNumber(), 20));
            out.setDCTDTu(truncate(contact.emailAddress(), 50));
        }
        if (payment != null) {
            payment.creditTransfers().stream().map(CreditTransfer::paymentAccountIdentifier)
                    .filter(account -> account != null && account.length() <= 30).findFirst()
                    .ifPresent(out::setSTKNHang);
        }
        out.setTTKhac(countryField(country));
        return out;
    }

    private static NMuaType buyer(Buyer buyer) {
        NMuaType out = new NMuaType();
        if (buyer == null) {
            return out;
        }
        String country = country(buyer.postalAddress());
        out.setTen(truncate(buyer.name(), 400));
        String mst = taxCode(country, buyer.vatIdentifier(), null);
        out.setMST(mst.isEmpty() ? null : mst);
        String address = address(buyer.postalAddress());
        out.setDChi(address.isEmpty() ? null : address);
        out.setMKHang(buyer.identifier() == null ? null : truncate(buyer.identifier().value(), 50));
        Contact contact = buyer.contact();
        if (contact != null) {
            out.setSDThoai(truncate(contact.telephoneNumber(), 20));
            out.setDCTDTu(truncate(contact.emailAddress(), 50));
            out.setHVTNMHang(truncate(contact.contactPoint(), 100));
        }
        out.setTTKhac(countryField(country));
        return out;
    }

    // A Vietnamese party's MST without the VN prefix, in the dash form; a foreign party's identifier as it is.
    private static String taxCode(String country, String vatIdentifier, String taxRegistration) {
        String value = vatIdentifier != null ? vatIdentifier : taxRegistration;
        if (value == null) {
            return "";
        }
        String compact = value.replace(" ", "");
        if (country == null || "VN".equals(country)) {
            String local = compact.startsWith("VN") ? compact.substring(2) : compact;
            if (VnCodes.MST_UNDASHED.matcher(local).matches()) {
                return local.substring(0, 10) + "-" + local.substring(10);
            }
            return local;
        }
        return truncate(compact, 20);
    }

    private static String country(PostalAddress address) {
        return address == null ? null : address.countryCode();
    }

    private static TTKhacType countryField(String country) {
        return country == null || "VN".equals(country) ? null : other(List.of(info(VnCodes.COUNTRY_FIELD, country)));
    }

    // DChi is one line; the structured EN address is joined in its reading order.
    private static String address(PostalAddress address) {
        if (address == null) {
            return "";
        }
        String joined = String.join(", ", Stream.of(address.addressLine1(), address.addressLine2(),
                address.addressLine3(), address.city(), address.postCode(), address.countrySubdivision())
                .filter(part -> part != null && !part.isBlank()).toList());
        return truncate(joined, 400);
    }

    private DSHHDVuType lines(Invoice in) {
        DSHHDVuType list = new DSHHDVuType();
        int position = 0;
        for (InvoiceLine line : in.lines()) {
            position++;
            list.getHHDVu().add(line(line, position));
        }
        for (DocumentAllowanceCharge charge : in.charges()) {
            HHDVuType row = documentRow("1", charge, "Phụ phí");
            row.setTTKhac(other(List.of(info(VnCodes.LINE_KIND_FIELD, VnCodes.CHARGE_LINE))));
            list.getHHDVu().add(row);
        }
        for (DocumentAllowanceCharge allowance : in.allowances()) {
            list.getHHDVu().add(documentRow("3", allowance, "Chiết khấu thương mại"));
        }
        for (InvoiceNote note : in.notes()) {
            if (note.note() == null || note.note().isBlank()) {
                continue;
            }
            HHDVuType row = new HHDVuType();
            row.setTChat("4");
            row.setTHHDVu(truncate(note.note(), 500));
            list.getHHDVu().add(row);
        }
        return list;
    }

    private HHDVuType line(InvoiceLine line, int position) {
        HHDVuType row = new HHDVuType();
        row.setTChat("1");
        row.setSTT(lineNumber(line.identifier(), position));
        if (line.item() != null) {
            row.setMHHDVu(truncate(line.item().sellersIdentifier(), 50));
            row.setTHHDVu(truncate(line.item().name(), 500));
        }
        if (row.getTHHDVu() == null || row.getTHHDVu().isEmpty()) {
            row.setTHHDVu("-");
        }
        row.setDVTinh(truncate(VnUnits.toName(line.invoicedQuantityUnitCode()), 50));
        row.setSLuong(signed(line.invoicedQuantity(), 6));
        PriceDetails price = line.priceDetails();
        if (price != null && price.itemNetPrice() != null) {
            BigDecimal unitPrice = price.itemNetPrice();
            if (price.itemPriceBaseQuantity() != null && price.itemPriceBaseQuantity().signum() > 0) {
                unitPrice = unitPrice.divide(price.itemPriceBaseQuantity(), 6, RoundingMode.HALF_UP);
            }
            row.setDGia(plain(Amounts.round(unitPrice, Math.min(6, Math.max(0, unitPrice.scale())))));
        }
        if (!line.allowances().isEmpty()) {
            BigDecimal discount = line.allowances().stream().map(LineAllowanceCharge::amount)
                    .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
            row.setSTCKhau(signed(discount, scale));
            if (line.allowances().size() == 1 && line.allowances().get(0).percentage() != null) {
                row.setTLCKhau(plain(Amounts.round(line.allowances().get(0).percentage(), 4)));
            }
        }
        row.setThTien(signed(line.netAmount(), scale));
        if (line.vatInformation() != null) {
            row.setTSuat(rateText(line.vatInformation().invoicedItemVatCategoryCode(),
                    line.vatInformation().invoicedItemVatRate()));
        }
        return row;
    }

    private HHDVuType documentRow(String nature, DocumentAllowanceCharge item, String defaultName) {
        HHDVuType row = new HHDVuType();
        row.setTChat(nature);
        String name = item.reason() != null ? item.reason() : item.reasonCode();
        row.setTHHDVu(truncate(name == null || name.isBlank() ? defaultName : name, 500));
        row.setThTien(signed(item.amount(), scale));
        if (item.vatCategoryCode() != null || item.vatRate() != null) {
            row.setTSuat(rateText(item.vatCategoryCode(), item.vatRate()));
        }
        return row;
    }

    private TToanType totals(Invoice in, String currency) {
        TToanType out = new TToanType();
        if (!in.vatBreakdown().isEmpty()) {
            THTTLTSuatType breakdown = new THTTLTSuatType();
            for (VatBreakdown vat : in.vatBreakdown()) {
                LTSuatType entry = new LTSuatType();
                entry.setTSuat(rateText(vat.categoryCode(), vat.rate()));
                entry.setThTien(signed(zeroIfNull(vat.taxableAmount()), scale));
                entry.setTThue(signed(zeroIfNull(vat.taxAmount()), scale));
                breakdown.getLTSuat().add(entry);
            }
            out.setTHTTLTSuat(breakdown);
        }
        DocumentTotals totals = in.totals();
        BigDecimal taxable = totals == null ? null : totals.invoiceTotalAmountWithoutVat();
        BigDecimal tax = totals == null ? null : totals.invoiceTotalVatAmount();
        BigDecimal payable = totals == null ? null : totals.invoiceTotalAmountWithVat();
        out.setTgTCThue(signed(zeroIfNull(taxable), scale));
        out.setTgTThue(signed(zeroIfNull(tax), scale));
        if (totals != null && totals.sumOfAllowancesOnDocumentLevel() != null) {
            out.setTTCKTMai(signed(totals.sumOfAllowancesOnDocumentLevel(), scale));
        }
        out.setTgTTTBSo(signed(zeroIfNull(payable), scale));
        out.setTgTTTBChu(VietnameseAmountInWords.of(out.getTgTTTBSo(), currency));
        return out;
    }

    /** The TSuat value for an EN 16931 VAT category and rate. */
    static String rateText(String category, BigDecimal rate) {
        String code = category == null ? "S" : category;
        return switch (code) {
            case "Z", "K", "G" -> "0%";
            case "E" -> "KCT";
            case "O", "AE" -> "KKKNT";
            default -> rate == null ? "KKKNT" : VnTaxRate.ofPercent(rate).text();
        };
    }

    private BigDecimal signed(BigDecimal value, int decimals) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.multiply(sign);
        return plain(v.scale() > decimals ? Amounts.round(v, decimals) : v);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static Integer lineNumber(String identifier, int position) {
        if (identifier != null && identifier.matches("[1-9][0-9]{0,3}")) {
            return Integer.valueOf(identifier);
        }
        return Math.min(position, 9999);
    }

    private static String lastDigits(String text, String fallback) {
        String digits = text == null ? "" : text.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return fallback;
        }
        return digits.length() > 8 ? digits.substring(digits.length() - 8) : digits;
    }

    private static TTinType info(String key, String value) {
        TTinType info = new TTinType();
        info.setTTruong(key);
        info.setKDLieu("string");
        info.setDLieu(value);
        return info;
    }

    private static TTKhacType other(List<TTinType> fields) {
        if (fields.isEmpty()) {
            return null;
        }
        TTKhacType other = new TTKhacType();
        other.getTTin().addAll(fields);
        return other;
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
