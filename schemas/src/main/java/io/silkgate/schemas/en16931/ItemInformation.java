package io.silkgate.schemas.en16931;

import java.util.List;

/** BG-31 ITEM INFORMATION: what was invoiced on a line. */
public record ItemInformation(
        String name,                                // BT-153 Item name
        String description,                         // BT-154 Item description
        String sellersIdentifier,                   // BT-155 Item Seller's identifier
        String buyersIdentifier,                    // BT-156 Item Buyer's identifier
        Identifier standardIdentifier,              // BT-157 Item standard identifier (scheme BT-157-1)
        List<Identifier> classificationIdentifiers, // BT-158 Item classification identifier (BT-158-1, BT-158-2)
        String countryOfOrigin,                     // BT-159 Item country of origin
        List<ItemAttribute> attributes) {           // BG-32 ITEM ATTRIBUTES

    public ItemInformation {
        classificationIdentifiers = classificationIdentifiers == null ? List.of()
                : List.copyOf(classificationIdentifiers);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }
}
