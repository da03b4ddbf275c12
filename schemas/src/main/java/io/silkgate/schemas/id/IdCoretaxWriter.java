package io.silkgate.schemas.id;

import io.silkgate.schemas.DocumentRejectedException;
import io.silkgate.schemas.ErrorCode;
import io.silkgate.schemas.en16931.Buyer;
import io.silkgate.schemas.en16931.DocumentAllowanceCharge;
import io.silkgate.schemas.en16931.DocumentTotals;
import io.silkgate.schemas.en16931.Identifier;
import io.silkgate.schemas.en16931.Invoice;
import io.silkgate.schemas.en16931.InvoiceLine;
import io.silkgate.schemas.en16931.PostalAddress;
import io.silkgate.schemas.en16931.Seller;
import io.silkgate.schemas.id.jaxb.BuyerDocumentType;
import io.silkgate.schemas.id.jaxb.GoodOrService;
import io.silkgate.schemas.id.jaxb.GoodServiceType;
import io.silkgate.schemas.id.jaxb.ListOfGoodServiceType;
import io.silkgate.schemas.id.jaxb.ListOfTaxInvoiceType;
import io.silkgate.schemas.id.jaxb.TaxInvoiceBulkType;
import io.silkgate.schemas.id.jaxb.TaxInvoiceOption;
import io.silkgate.schemas.id.jaxb.TaxInvoiceType;
import io.silkgate.schemas.national.Amounts;
import io.silkgate.schemas.national.JaxbIo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Maps the EN 16931 model to a Coretax e-Faktur import file with one tax invoice. Amounts are IDR (a foreign-currency
 * invoice is converted with the rate implied by its VAT total in IDR, BT-111); document-level allowances are spread
 * over the lines as discounts, as Coretax has no document level; VAT follows PMK 131/2024: 12 % on the other tax base
 * of 11/12 × tax base for ordinary deliveries (transaction code 04), on the full tax base when the source rate is 12 %.
 */
final class IdCoretaxWriter {

    static final String ZERO_TKU = "0000000000000000000000";
    private static final BigDecimal TWELVE = IdCoretaxRuleSet.VAT_RATE;

    TaxInvoiceBulkType write(Invoice in) {
        if (in.isCreditNote()) {
            throw new DocumentRejectedException(ErrorCode.RULES_INVALID,
                    "id-coretax holds tax invoices (faktur keluaran) only; credit note " + in.invoiceNumber()
                            + " (type " + in.typeCode() + ") is a return (retur) that Coretax records otherwise");
        }
        BigDecimal rate = toRupiah(in);
        String tin = npwp(in.seller());

        TaxInvoiceType invoice = new TaxInvoiceType();
        invoice.setTaxInvoiceDate(JaxbIo.date(in.issueDate()));
        invoice.setTaxInvoiceOpt("384".equals(in.typeCode()) ? TaxInvoiceOption.PENGGANTI : TaxInvoiceOption.NORMAL);
        invoice.setTrxCode(transactionCode(in));
        invoice.setAddInfo("");
        invoice.setCustomDoc("");
        invoice.setRefDesc(truncate(Objects.requireNonNullElse(in.invoiceNumber(), ""), 255));
        invoice.setFacilityStamp("");
        invoice.setSellerIDTKU(tin + "000000");
        buyer(invoice, in.buyer());
        invoice.setListOfGoodService(goods(in, rate));

        ListOfTaxInvoiceType list = new ListOfTaxInvoiceType();
        list.getTaxInvoice().add(invoice);
        TaxInvoiceBulkType bulk = new TaxInvoiceBulkType();
        bulk.setTIN(tin);
        bulk.setListOfTaxInvoice(list);
        return bulk;
    }

    // Coretax amounts are rupiah. EN 16931 has no exchange rate, only the VAT total in both currencies.
    private static BigDecimal toRupiah(Invoice in) {
        if (in.currencyCode() == null || "IDR".equals(in.currencyCode())) {
            return BigDecimal.ONE;
        }
        DocumentTotals totals = in.totals();
        if ("IDR".equals(in.vatAccountingCurrencyCode()) && totals != null
                && totals.invoiceTotalVatAmountInAccountingCurrency() != null
                && totals.invoiceTotalVatAmount() != null && totals.invoiceTotalVatAmount().signum() != 0) {
            return totals.invoiceTotalVatAmountInAccountingCurrency()
                    .divide(totals.invoiceTotalVatAmount(), 10, RoundingMode.HALF_UP);
        }
        throw new DocumentRejectedException(ErrorCode.RULES_INVALID, "id-coretax amounts are in IDR; invoice "
                + in.invoiceNumber() + " is in " + in.currencyCode()
                + " without its VAT total in IDR (BT-6/BT-111) to convert with");
    }

    private static String transactionCode(Invoice in) {
        List<String> categories = in.lines().stream()
                .map(l -> l.vatInformation() == null ? "S" : l.vatInformation().invoicedItemVatCategoryCode())
                .map(c -> c == null ? "S" : c).distinct().toList();
        if (!categories.isEmpty() && categories.stream().allMatch("E"::equals)) {
            return "08";
        }
        if (!categories.isEmpty() && categories.stream().allMatch(c -> Stream.of("Z", "K", "G", "O", "AE")
                .anyMatch(c::equals))) {
            return "07";
        }
        return in.lines().stream().anyMatch(IdCoretaxWriter::fullRate) ? "01" : "04";
    }

    private static boolean fullRate(InvoiceLine line) {
        return line.vatInformation() != null && line.vatInformation().invoicedItemVatRate() != null
                && line.vatInformation().invoicedItemVatRate().compareTo(TWELVE) == 0;
    }

    private static String npwp(Seller seller) {
        if (seller == null) {
            return "";
        }
        String id = seller.vatIdentifier() != null ? seller.vatIdentifier() : seller.taxRegistrationIdentifier();
        return sixteenDigits(id);
    }

    // NPWP are written with dots and dashes and, before 2024, with 15 digits; Coretax wants 16 digits.
    private static String sixteenDigits(String id) {
        if (id == null) {
            return "";
        }
        String digits = (id.startsWith("ID") ? id.substring(2) : id).replaceAll("[^0-9]", "");
        return digits.length() == 15 ? "0" + digits : digits;
    }

    private static void buyer(TaxInvoiceType invoice, Buyer buyer) {
        PostalAddress address = buyer == null ? null : buyer.postalAddress();
        String country = address == null || address.countryCode() == null ? "ID" : address.countryCode();
        String tin = buyer == null ? "" : sixteenDigits(buyer.vatIdentifier());
        if ("ID".equals(country) && tin.length() == 16) {
            invoice.setBuyerTin(tin);
            invoice.setBuyerDocument(BuyerDocumentType.TIN);
            invoice.setBuyerDocumentNumber("");
            invoice.setBuyerIDTKU(tin + "000000");
        } else {
            invoice.setBuyerTin(IdCoretaxRuleSet.NO_TIN);
            invoice.setBuyerDocument(BuyerDocumentType.OTHER_ID);
            invoice.setBuyerDocumentNumber(truncate(foreignId(buyer), 50));
            invoice.setBuyerIDTKU(ZERO_TKU);
        }
        invoice.setBuyerCountry(new Locale("", country).getISO3Country());
        invoice.setBuyerName(truncate(buyer == null || buyer.name() == null ? "-" : buyer.name(), 255));
        invoice.setBuyerAdress(truncate(address(address), 500));
        String email = buyer == null ? null : buyer.contact() == null ? null : buyer.contact().emailAddress();
        if (email == null && buyer != null && buyer.electronicAddress() != null
                && "EM".equals(buyer.electronicAddress().schemeId())) {
            email = buyer.electronicAddress().value();
        }
        invoice.setBuyerEmail(email == null ? "" : truncate(email, 255));
    }

    private static String foreignId(Buyer buyer) {
        if (buyer == null) {
            return "";
        }
        if (buyer.vatIdentifier() != null) {
            return buyer.vatIdentifier();
        }
        Identifier id = buyer.legalRegistrationIdentifier() != null ? buyer.legalRegistrationIdentifier()
                : buyer.identifier();
        return id == null ? "" : id.value();
    }

    private static String address(PostalAddress address) {
        if (address == null) {
            return "";
        }
        return String.join(", ", Stream.of(address.addressLine1(), address.addressLine2(), address.addressLine3(),
                address.city(), address.postCode(), address.countrySubdivision())
                .filter(p -> p != null && !p.isBlank()).toList());
    }

    private static ListOfGoodServiceType goods(Invoice in, BigDecimal rate) {
        List<InvoiceLine> lines = in.lines();
        List<BigDecimal> shares = allowanceShares(in);
        ListOfGoodServiceType list = new ListOfGoodServiceType();
        for (int i = 0; i < lines.size(); i++) {
            list.getGoodService().add(good(lines.get(i), shares.get(i), rate));
        }
        return list;
    }

    // Document allowances spread over the lines in proportion to their net amounts; the last line takes the rest.
    private static List<BigDecimal> allowanceShares(Invoice in) {
        BigDecimal total = in.allowances().stream().map(DocumentAllowanceCharge::amount).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal base = in.lines().stream().map(InvoiceLine::netAmount).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> shares = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < in.lines().size(); i++) {
            BigDecimal share;
            if (total.signum() == 0 || base.signum() == 0) {
                share = BigDecimal.ZERO;
            } else if (i == in.lines().size() - 1) {
                share = total.subtract(given);
            } else {
                BigDecimal net = Objects.requireNonNullElse(in.lines().get(i).netAmount(), BigDecimal.ZERO);
                share = total.multiply(net).divide(base, 2, RoundingMode.HALF_UP);
            }
            given = given.add(share);
            shares.add(share);
        }
        return shares;
    }

    private static GoodServiceType good(InvoiceLine line, BigDecimal allowanceShare, BigDecimal rate) {
        GoodServiceType good = new GoodServiceType();
        String unit = line.invoicedQuantityUnitCode();
        good.setOpt(IdUnits.isTimeUnit(unit) ? GoodOrService.B : GoodOrService.A);
        good.setCode(goodsCode(line));
        String name = line.item() == null ? null : line.item().name();
        good.setName(truncate(name == null || name.isBlank() ? "-" : name, 500));
        good.setUnit(IdUnits.toCoretax(unit));

        BigDecimal quantity = Objects.requireNonNullElse(line.invoicedQuantity(), BigDecimal.ONE);
        BigDecimal net = rupiah(Objects.requireNonNullElse(line.netAmount(), BigDecimal.ZERO).multiply(rate));
        BigDecimal price = null;
        if (line.priceDetails() != null && line.priceDetails().itemNetPrice() != null) {
            price = line.priceDetails().itemNetPrice();
            BigDecimal baseQuantity = line.priceDetails().itemPriceBaseQuantity();
            if (baseQuantity != null && baseQuantity.signum() > 0) {
                price = price.divide(baseQuantity, 10, RoundingMode.HALF_UP);
            }
            price = rupiah(price.multiply(rate));
        }
        // The line's discounts and charges are folded so that Price × Qty − TotalDiscount is the line net amount.
        if (price == null || rupiah(price.multiply(quantity)).compareTo(net) < 0) {
            price = quantity.signum() == 0 ? net : net.divide(quantity, 2, RoundingMode.CEILING);
        }
        BigDecimal gross = rupiah(price.multiply(quantity));
        BigDecimal share = rupiah(allowanceShare.multiply(rate));
        BigDecimal taxBase = net.subtract(share);
        good.setPrice(plain(price));
        good.setQty(plain(quantity.setScale(Math.min(5, Math.max(0, quantity.scale())), RoundingMode.HALF_UP)));
        good.setTotalDiscount(plain(gross.subtract(taxBase)));
        good.setTaxBase(plain(taxBase));
        boolean full = fullRate(line);
        BigDecimal otherBase = full ? taxBase : rupiah(taxBase.multiply(IdCoretaxRuleSet.OTHER_BASE_FACTOR));
        good.setOtherTaxBase(plain(otherBase));
        good.setVATRate(TWELVE);
        good.setVAT(plain(rupiah(otherBase.multiply(TWELVE).movePointLeft(2))));
        good.setSTLGRate(BigDecimal.ZERO);
        good.setSTLG(BigDecimal.ZERO);
        return good;
    }

    // The six-digit Coretax goods/services code when the item carries one as classification; 000000 otherwise.
    private static String goodsCode(InvoiceLine line) {
        if (line.item() != null) {
            for (Identifier id : line.item().classificationIdentifiers()) {
                if (id.value().matches("[0-9]{6}")) {
                    return id.value();
                }
            }
        }
        return "000000";
    }

    private static BigDecimal rupiah(BigDecimal value) {
        return Amounts.round(value, 2);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
