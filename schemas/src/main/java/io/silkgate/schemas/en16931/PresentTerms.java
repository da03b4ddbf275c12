package io.silkgate.schemas.en16931;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the instances of each term of an {@link Invoice} that carry a value; a group instance counts when one of its
 * terms does.
 */
final class PresentTerms {

    private static final String[] SELLER_ADDRESS = {"BT-35", "BT-36", "BT-162", "BT-37", "BT-38", "BT-39", "BT-40"};
    private static final String[] BUYER_ADDRESS = {"BT-50", "BT-51", "BT-163", "BT-52", "BT-53", "BT-54", "BT-55"};
    private static final String[] TAX_REP_ADDRESS = {"BT-64", "BT-65", "BT-164", "BT-66", "BT-67", "BT-68", "BT-69"};
    private static final String[] DELIVERY_ADDRESS = {"BT-75", "BT-76", "BT-165", "BT-77", "BT-78", "BT-79", "BT-80"};
    private static final String[] DOC_ALLOWANCE = {"BT-92", "BT-93", "BT-94", "BT-95", "BT-96", "BT-97", "BT-98"};
    private static final String[] DOC_CHARGE = {"BT-99", "BT-100", "BT-101", "BT-102", "BT-103", "BT-104", "BT-105"};
    private static final String[] LINE_ALLOWANCE = {"BT-136", "BT-137", "BT-138", "BT-139", "BT-140"};
    private static final String[] LINE_CHARGE = {"BT-141", "BT-142", "BT-143", "BT-144", "BT-145"};

    // hashed while counting, sorted once at the end: a long invoice adds its line terms thousands of times, and a
    // TreeMap in EN 16931 order compared ids (two rank look-ups each) on every one of them
    private final Map<String, Integer> counts = new HashMap<>();
    private int added;

    private PresentTerms() {
    }

    static Set<String> of(Invoice invoice) {
        return counts(invoice).keySet();
    }

    // In EN 16931 order, but hashed: the report looks every term up, and a sorted map compared ids to find them.
    static Map<String, Integer> counts(Invoice invoice) {
        PresentTerms collector = new PresentTerms();
        collector.invoice(invoice);
        Map<String, Integer> sorted = new LinkedHashMap<>();
        // the catalogue is in EN 16931 order: picking the present ids from it beats sorting them by comparison
        for (String term : En16931Terms.all()) {
            Integer count = collector.counts.get(term);
            if (count != null) {
                sorted.put(term, count);
            }
        }
        if (sorted.size() < collector.counts.size()) {
            // an id outside the catalogue: sort them all by comparison after all
            sorted.clear();
            for (String term : En16931Terms.sorted(collector.counts.keySet())) {
                sorted.put(term, collector.counts.get(term));
            }
        }
        return Collections.unmodifiableMap(sorted);
    }

    private void invoice(Invoice in) {
        value("BT-1", in.invoiceNumber());
        value("BT-2", in.issueDate());
        value("BT-3", in.typeCode());
        value("BT-5", in.currencyCode());
        value("BT-6", in.vatAccountingCurrencyCode());
        value("BT-7", in.vatPointDate());
        value("BT-8", in.vatPointDateCode());
        value("BT-9", in.paymentDueDate());
        value("BT-10", in.buyerReference());
        value("BT-11", in.projectReference());
        value("BT-12", in.contractReference());
        value("BT-13", in.purchaseOrderReference());
        value("BT-14", in.salesOrderReference());
        value("BT-15", in.receivingAdviceReference());
        value("BT-16", in.despatchAdviceReference());
        value("BT-17", in.tenderOrLotReference());
        identifier("BT-18", in.invoicedObjectIdentifier());
        value("BT-19", in.buyerAccountingReference());
        value("BT-20", in.paymentTerms());
        for (InvoiceNote note : in.notes()) {
            int before = added;
            value("BT-21", note.subjectCode());
            value("BT-22", note.note());
            group("BG-1", before);
        }
        if (in.processControl() != null) {
            int before = added;
            value("BT-23", in.processControl().businessProcessType());
            value("BT-24", in.processControl().specificationIdentifier());
            group("BG-2", before);
        }
        for (PrecedingInvoiceReference reference : in.precedingInvoiceReferences()) {
            int before = added;
            value("BT-25", reference.reference());
            value("BT-26", reference.issueDate());
            group("BG-3", before);
        }
        seller(in.seller());
        buyer(in.buyer());
        payee(in.payee());
        taxRepresentative(in.sellerTaxRepresentative());
        delivery(in.delivery());
        period("BG-14", "BT-73", "BT-74", in.invoicingPeriod());
        payment(in.paymentInstructions());
        for (DocumentAllowanceCharge allowance : in.allowances()) {
            documentAllowanceCharge("BG-20", DOC_ALLOWANCE, allowance);
        }
        for (DocumentAllowanceCharge charge : in.charges()) {
            documentAllowanceCharge("BG-21", DOC_CHARGE, charge);
        }
        totals(in.totals());
        for (VatBreakdown vat : in.vatBreakdown()) {
            int before = added;
            value("BT-116", vat.taxableAmount());
            value("BT-117", vat.taxAmount());
            value("BT-118", vat.categoryCode());
            value("BT-119", vat.rate());
            value("BT-120", vat.exemptionReason());
            value("BT-121", vat.exemptionReasonCode());
            group("BG-23", before);
        }
        for (SupportingDocument document : in.supportingDocuments()) {
            int before = added;
            value("BT-122", document.reference());
            value("BT-123", document.description());
            value("BT-124", document.externalLocation());
            BinaryObject attachment = document.attachedDocument();
            if (attachment != null) {
                add("BT-125");
                value("BT-125-1", attachment.mimeCode());
                value("BT-125-2", attachment.filename());
            }
            group("BG-24", before);
        }
        for (InvoiceLine line : in.lines()) {
            line(line);
        }
    }

    private void seller(Seller seller) {
        if (seller == null) {
            return;
        }
        int before = added;
        value("BT-27", seller.name());
        value("BT-28", seller.tradingName());
        for (Identifier id : seller.identifiers()) {
            identifier("BT-29", id);
        }
        identifier("BT-30", seller.legalRegistrationIdentifier());
        value("BT-31", seller.vatIdentifier());
        value("BT-32", seller.taxRegistrationIdentifier());
        value("BT-33", seller.additionalLegalInformation());
        identifier("BT-34", seller.electronicAddress());
        address("BG-5", SELLER_ADDRESS, seller.postalAddress());
        contact("BG-6", "BT-41", "BT-42", "BT-43", seller.contact());
        group("BG-4", before);
    }

    private void buyer(Buyer buyer) {
        if (buyer == null) {
            return;
        }
        int before = added;
        value("BT-44", buyer.name());
        value("BT-45", buyer.tradingName());
        identifier("BT-46", buyer.identifier());
        identifier("BT-47", buyer.legalRegistrationIdentifier());
        value("BT-48", buyer.vatIdentifier());
        identifier("BT-49", buyer.electronicAddress());
        address("BG-8", BUYER_ADDRESS, buyer.postalAddress());
        contact("BG-9", "BT-56", "BT-57", "BT-58", buyer.contact());
        group("BG-7", before);
    }

    private void payee(Payee payee) {
        if (payee == null) {
            return;
        }
        int before = added;
        value("BT-59", payee.name());
        identifier("BT-60", payee.identifier());
        identifier("BT-61", payee.legalRegistrationIdentifier());
        group("BG-10", before);
    }

    private void taxRepresentative(SellerTaxRepresentative representative) {
        if (representative == null) {
            return;
        }
        int before = added;
        value("BT-62", representative.name());
        value("BT-63", representative.vatIdentifier());
        address("BG-12", TAX_REP_ADDRESS, representative.postalAddress());
        group("BG-11", before);
    }

    private void delivery(DeliveryInformation delivery) {
        if (delivery == null) {
            return;
        }
        int before = added;
        value("BT-70", delivery.deliverToPartyName());
        identifier("BT-71", delivery.deliverToLocationIdentifier());
        value("BT-72", delivery.actualDeliveryDate());
        address("BG-15", DELIVERY_ADDRESS, delivery.deliverToAddress());
        group("BG-13", before);
    }

    private void payment(PaymentInstructions payment) {
        if (payment == null) {
            return;
        }
        int before = added;
        value("BT-81", payment.paymentMeansTypeCode());
        value("BT-82", payment.paymentMeansText());
        value("BT-83", payment.remittanceInformation());
        for (CreditTransfer transfer : payment.creditTransfers()) {
            int groupStart = added;
            value("BT-84", transfer.paymentAccountIdentifier());
            value("BT-85", transfer.paymentAccountName());
            value("BT-86", transfer.paymentServiceProviderIdentifier());
            group("BG-17", groupStart);
        }
        PaymentCard card = payment.paymentCard();
        if (card != null) {
            int groupStart = added;
            value("BT-87", card.primaryAccountNumber());
            value("BT-88", card.holderName());
            group("BG-18", groupStart);
        }
        DirectDebit debit = payment.directDebit();
        if (debit != null) {
            int groupStart = added;
            value("BT-89", debit.mandateReferenceIdentifier());
            value("BT-90", debit.bankAssignedCreditorIdentifier());
            value("BT-91", debit.debitedAccountIdentifier());
            group("BG-19", groupStart);
        }
        group("BG-16", before);
    }

    private void totals(DocumentTotals totals) {
        if (totals == null) {
            return;
        }
        int before = added;
        value("BT-106", totals.sumOfInvoiceLineNetAmount());
        value("BT-107", totals.sumOfAllowancesOnDocumentLevel());
        value("BT-108", totals.sumOfChargesOnDocumentLevel());
        value("BT-109", totals.invoiceTotalAmountWithoutVat());
        value("BT-110", totals.invoiceTotalVatAmount());
        value("BT-111", totals.invoiceTotalVatAmountInAccountingCurrency());
        value("BT-112", totals.invoiceTotalAmountWithVat());
        value("BT-113", totals.paidAmount());
        value("BT-114", totals.roundingAmount());
        value("BT-115", totals.amountDueForPayment());
        group("BG-22", before);
    }

    private void line(InvoiceLine line) {
        int before = added;
        value("BT-126", line.identifier());
        value("BT-127", line.note());
        identifier("BT-128", line.objectIdentifier());
        value("BT-129", line.invoicedQuantity());
        value("BT-130", line.invoicedQuantityUnitCode());
        value("BT-131", line.netAmount());
        value("BT-132", line.referencedPurchaseOrderLineReference());
        value("BT-133", line.buyerAccountingReference());
        period("BG-26", "BT-134", "BT-135", line.period());
        for (LineAllowanceCharge allowance : line.allowances()) {
            lineAllowanceCharge("BG-27", LINE_ALLOWANCE, allowance);
        }
        for (LineAllowanceCharge charge : line.charges()) {
            lineAllowanceCharge("BG-28", LINE_CHARGE, charge);
        }
        PriceDetails price = line.priceDetails();
        if (price != null) {
            int groupStart = added;
            value("BT-146", price.itemNetPrice());
            value("BT-147", price.itemPriceDiscount());
            value("BT-148", price.itemGrossPrice());
            value("BT-149", price.itemPriceBaseQuantity());
            value("BT-150", price.itemPriceBaseQuantityUnitCode());
            group("BG-29", groupStart);
        }
        LineVatInformation vat = line.vatInformation();
        if (vat != null) {
            int groupStart = added;
            value("BT-151", vat.invoicedItemVatCategoryCode());
            value("BT-152", vat.invoicedItemVatRate());
            group("BG-30", groupStart);
        }
        item(line.item());
        group("BG-25", before);
    }

    private void item(ItemInformation item) {
        if (item == null) {
            return;
        }
        int before = added;
        value("BT-153", item.name());
        value("BT-154", item.description());
        value("BT-155", item.sellersIdentifier());
        value("BT-156", item.buyersIdentifier());
        identifier("BT-157", item.standardIdentifier());
        for (Identifier classification : item.classificationIdentifiers()) {
            identifier("BT-158", classification);
        }
        value("BT-159", item.countryOfOrigin());
        for (ItemAttribute attribute : item.attributes()) {
            int groupStart = added;
            value("BT-160", attribute.name());
            value("BT-161", attribute.value());
            group("BG-32", groupStart);
        }
        group("BG-31", before);
    }

    private void documentAllowanceCharge(String group, String[] ids, DocumentAllowanceCharge ac) {
        int before = added;
        List<Object> values = Arrays.asList(ac.amount(), ac.baseAmount(), ac.percentage(),
                ac.vatCategoryCode(), ac.vatRate(), ac.reason(), ac.reasonCode());
        for (int i = 0; i < ids.length; i++) {
            value(ids[i], values.get(i));
        }
        group(group, before);
    }

    private void lineAllowanceCharge(String group, String[] ids, LineAllowanceCharge ac) {
        int before = added;
        List<Object> values = Arrays.asList(ac.amount(), ac.baseAmount(), ac.percentage(), ac.reason(),
                ac.reasonCode());
        for (int i = 0; i < ids.length; i++) {
            value(ids[i], values.get(i));
        }
        group(group, before);
    }

    private void address(String group, String[] ids, PostalAddress address) {
        if (address == null) {
            return;
        }
        int before = added;
        value(ids[0], address.addressLine1());
        value(ids[1], address.addressLine2());
        value(ids[2], address.addressLine3());
        value(ids[3], address.city());
        value(ids[4], address.postCode());
        value(ids[5], address.countrySubdivision());
        value(ids[6], address.countryCode());
        group(group, before);
    }

    private void contact(String group, String point, String phone, String email, Contact contact) {
        if (contact == null) {
            return;
        }
        int before = added;
        value(point, contact.contactPoint());
        value(phone, contact.telephoneNumber());
        value(email, contact.emailAddress());
        group(group, before);
    }

    private void period(String group, String start, String end, Period period) {
        if (period == null) {
            return;
        }
        int before = added;
        value(start, period.startDate());
        value(end, period.endDate());
        group(group, before);
    }

    private void identifier(String term, Identifier id) {
        if (id == null) {
            return;
        }
        add(term);
        value(term + "-1", id.schemeId());
        if ("BT-158".equals(term)) {
            value("BT-158-2", id.schemeVersionId());
        }
    }

    private void value(String term, Object value) {
        if (value != null && !(value instanceof String text && text.isEmpty())) {
            add(term);
        }
    }

    private void add(String term) {
        counts.merge(term, 1, Integer::sum);
        added++;
    }

    // A group instance is present when one of its terms (or nested groups) added a value since it started.
    private void group(String group, int before) {
        if (added > before) {
            counts.merge(group, 1, Integer::sum);
        }
    }
}
