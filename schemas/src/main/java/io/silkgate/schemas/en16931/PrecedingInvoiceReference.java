package io.silkgate.schemas.en16931;

import java.time.LocalDate;

/** BG-3 PRECEDING INVOICE REFERENCE: an earlier invoice this one corrects or credits. */
public record PrecedingInvoiceReference(
        String reference,     // BT-25 Preceding Invoice reference
        LocalDate issueDate) { // BT-26 Preceding Invoice issue date
}
