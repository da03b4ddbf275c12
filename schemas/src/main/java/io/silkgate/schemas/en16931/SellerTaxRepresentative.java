package io.silkgate.schemas.en16931;

/** BG-11 SELLER TAX REPRESENTATIVE PARTY: who accounts for VAT on behalf of the seller. */
public record SellerTaxRepresentative(
        String name,                   // BT-62 Seller tax representative name
        String vatIdentifier,          // BT-63 Seller tax representative VAT identifier
        PostalAddress postalAddress) { // BG-12 SELLER TAX REPRESENTATIVE POSTAL ADDRESS
}
