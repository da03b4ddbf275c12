package io.silkgate.schemas.en16931;

/**
 * A postal address: BG-5 (seller, BT-35..BT-40, BT-162), BG-8 (buyer, BT-50..BT-55, BT-163), BG-12 (tax
 * representative, BT-64..BT-69, BT-164) or BG-15 (deliver to, BT-75..BT-80, BT-165). Comments give the seller's ids.
 */
public record PostalAddress(
        String addressLine1,       // BT-35 Address line 1
        String addressLine2,       // BT-36 Address line 2
        String addressLine3,       // BT-162 Address line 3
        String city,               // BT-37 City
        String postCode,           // BT-38 Post code
        String countrySubdivision, // BT-39 Country subdivision
        String countryCode) {      // BT-40 Country code (ISO 3166-1 alpha-2)
}
