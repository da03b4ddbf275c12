package io.silkgate.schemas.en16931;

/** BG-24 ADDITIONAL SUPPORTING DOCUMENTS: a document that substantiates the invoice, by reference or attached. */
public record SupportingDocument(
        String reference,              // BT-122 Supporting document reference
        String description,            // BT-123 Supporting document description
        String externalLocation,       // BT-124 External document location (URI)
        BinaryObject attachedDocument) { // BT-125 Attached document (BT-125-1, BT-125-2)
}
