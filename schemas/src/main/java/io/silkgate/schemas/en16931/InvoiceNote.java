package io.silkgate.schemas.en16931;

/** BG-1 INVOICE NOTE: free text about the whole invoice, optionally qualified by a UNTDID 4451 subject code. */
public record InvoiceNote(
        String subjectCode, // BT-21 Invoice note subject code
        String note) {      // BT-22 Invoice note
}
