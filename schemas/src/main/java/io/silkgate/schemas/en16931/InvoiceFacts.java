package io.silkgate.schemas.en16931;

import io.silkgate.schemas.DocumentFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The routing and de-duplication facts of an invoice, from its EN 16931 model whatever the syntax: BT-1 as the
 * business id, the seller's (BT-40) and buyer's (BT-55) countries, and every identifier of the seller written
 * {@code <scheme>:<identifier>} (BT-29, BT-30, BT-34, and BT-31 as {@code VA:}).
 */
public final class InvoiceFacts {

    private InvoiceFacts() {
    }

    public static DocumentFacts of(String format, Invoice invoice) {
        String type = invoice.isCreditNote() ? "credit-note" : "invoice";
        Seller seller = invoice.seller();
        Buyer buyer = invoice.buyer();
        return new DocumentFacts(format, type, invoice.invoiceNumber(),
                seller == null ? null : country(seller.postalAddress()),
                buyer == null ? null : country(buyer.postalAddress()),
                seller == null ? List.of() : sellerParties(seller));
    }

    /** Every identifier of the seller, written {@code <scheme>:<identifier>}. */
    public static List<String> sellerParties(Seller seller) {
        List<String> ids = new ArrayList<>();
        add(ids, seller.electronicAddress());
        if (seller.identifiers() != null) {
            seller.identifiers().forEach(id -> add(ids, id));
        }
        add(ids, seller.legalRegistrationIdentifier());
        if (seller.vatIdentifier() != null && !seller.vatIdentifier().isBlank()) {
            ids.add("VA:" + seller.vatIdentifier().trim());
        }
        return ids;
    }

    static void add(List<String> ids, Identifier id) {
        if (id != null && id.schemeId() != null && !id.schemeId().isBlank() && !id.value().isBlank()) {
            ids.add(id.schemeId().trim() + ":" + id.value().trim());
        }
    }

    private static String country(PostalAddress address) {
        return address == null || address.countryCode() == null ? null
                : address.countryCode().trim().toUpperCase(Locale.ROOT);
    }
}
