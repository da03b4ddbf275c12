package io.silkgate.schemas.en16931;

/** A contact: BG-6 (seller, BT-41..BT-43) or BG-9 (buyer, BT-56..BT-58). Comments give the seller's ids. */
public record Contact(
        String contactPoint,     // BT-41 Seller contact point
        String telephoneNumber,  // BT-42 Seller contact telephone number
        String emailAddress) {   // BT-43 Seller contact email address
}
