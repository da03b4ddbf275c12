package io.silkgate.schemas.en16931;

/** BG-7 BUYER: the party that buys and receives the invoice. */
public record Buyer(
        String name,                             // BT-44 Buyer name (legal name)
        String tradingName,                      // BT-45 Buyer trading name
        Identifier identifier,                   // BT-46 Buyer identifier (scheme BT-46-1)
        Identifier legalRegistrationIdentifier,  // BT-47 Buyer legal registration identifier (scheme BT-47-1)
        String vatIdentifier,                    // BT-48 Buyer VAT identifier
        Identifier electronicAddress,            // BT-49 Buyer electronic address (scheme BT-49-1)
        PostalAddress postalAddress,             // BG-8 BUYER POSTAL ADDRESS
        Contact contact) {                       // BG-9 BUYER CONTACT
}
