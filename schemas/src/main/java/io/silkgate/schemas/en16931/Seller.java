package io.silkgate.schemas.en16931;

import java.util.List;

/** BG-4 SELLER: the party that sells and issues the invoice. */
public record Seller(
        String name,                             // BT-27 Seller name (legal name)
        String tradingName,                      // BT-28 Seller trading name
        List<Identifier> identifiers,            // BT-29 Seller identifier (0..n, scheme BT-29-1)
        Identifier legalRegistrationIdentifier,  // BT-30 Seller legal registration identifier (scheme BT-30-1)
        String vatIdentifier,                    // BT-31 Seller VAT identifier
        String taxRegistrationIdentifier,        // BT-32 Seller tax registration identifier
        String additionalLegalInformation,       // BT-33 Seller additional legal information
        Identifier electronicAddress,            // BT-34 Seller electronic address (scheme BT-34-1)
        PostalAddress postalAddress,             // BG-5 SELLER POSTAL ADDRESS
        Contact contact) {                       // BG-6 SELLER CONTACT

    public Seller {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }
}
