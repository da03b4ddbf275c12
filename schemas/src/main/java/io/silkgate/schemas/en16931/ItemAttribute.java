package io.silkgate.schemas.en16931;

/** BG-32 ITEM ATTRIBUTES: one named property of the invoiced item. */
public record ItemAttribute(
        String name,    // BT-160 Item attribute name
        String value) { // BT-161 Item attribute value
}
