package io.silkgate.schemas.en16931;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's directory of electronic addresses (BT-34, BT-49: a Peppol participant id written
 * {@code <EAS>:<identifier>}) by party id ({@code <scheme>:<identifier>}, as in the configuration, or
 * {@code name:<legal name>} for a buyer without identifiers). Peppol and PINT
 * outputs need both addresses, which national formats such as the fapiao do not have; an address the invoice already
 * carries always wins.
 */
public final class ElectronicAddresses {

    /** No directory: invoices keep what they have. */
    public static final ElectronicAddresses NONE = new ElectronicAddresses(Map.of());

    /** Prefix of a directory key that names a buyer without identifiers by its legal name (BT-44). */
    public static final String NAME_SCHEME = "name:";

    private final Map<String, Identifier> byParty;

    public ElectronicAddresses(Map<String, Identifier> byParty) {
        this.byParty = Map.copyOf(byParty);
    }

    /** Reads an address written {@code <EAS>:<identifier>}; empty when there is no scheme or no identifier. */
    public static Optional<Identifier> parse(String address) {
        int colon = address == null ? -1 : address.indexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(Identifier.of(address.substring(colon + 1).trim(), address.substring(0, colon).trim()));
    }

    /** The invoice with the seller's and the buyer's electronic address filled in where it lacks them. */
    public Invoice fillIn(Invoice invoice) {
        if (byParty.isEmpty()) {
            return invoice;
        }
        Seller s = invoice.seller();
        Seller seller = s;
        if (s != null && s.electronicAddress() == null) {
            Identifier found = lookup(InvoiceFacts.sellerParties(s));
            seller = found == null ? s : new Seller(s.name(), s.tradingName(), s.identifiers(),
                    s.legalRegistrationIdentifier(), s.vatIdentifier(), s.taxRegistrationIdentifier(),
                    s.additionalLegalInformation(), found, s.postalAddress(), s.contact());
        }
        Buyer b = invoice.buyer();
        Buyer buyer = b;
        if (b != null && b.electronicAddress() == null) {
            Identifier found = lookup(buyerParties(b));
            buyer = found == null ? b : new Buyer(b.name(), b.tradingName(), b.identifier(),
                    b.legalRegistrationIdentifier(), b.vatIdentifier(), found, b.postalAddress(), b.contact());
        }
        return seller == s && buyer == b ? invoice
                : invoice.withParties(seller, buyer, invoice.sellerTaxRepresentative());
    }

    private Identifier lookup(List<String> parties) {
        return parties.stream().map(byParty::get).filter(a -> a != null).findFirst().orElse(null);
    }

    private static List<String> buyerParties(Buyer buyer) {
        List<String> ids = new ArrayList<>();
        InvoiceFacts.add(ids, buyer.identifier());
        InvoiceFacts.add(ids, buyer.legalRegistrationIdentifier());
        if (buyer.vatIdentifier() != null && !buyer.vatIdentifier().isBlank()) {
            ids.add("VA:" + buyer.vatIdentifier().trim());
        }
        // an overseas buyer of a fapiao has no identifier at all, only its name
        if (buyer.name() != null && !buyer.name().isBlank()) {
            ids.add(NAME_SCHEME + buyer.name().trim());
        }
        return ids;
    }
}
