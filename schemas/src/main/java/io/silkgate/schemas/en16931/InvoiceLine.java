package io.silkgate.schemas.en16931;

import java.math.BigDecimal;
import java.util.List;

/** BG-25 INVOICE LINE: one invoiced (or, on a credit note, credited) item. */
public record InvoiceLine(
        String identifier,                        // BT-126 Invoice line identifier
        String note,                              // BT-127 Invoice line note
        Identifier objectIdentifier,              // BT-128 Invoice line object identifier (scheme BT-128-1)
        BigDecimal invoicedQuantity,              // BT-129 Invoiced quantity
        String invoicedQuantityUnitCode,          // BT-130 Invoiced quantity unit of measure code
        BigDecimal netAmount,                     // BT-131 Invoice line net amount
        String referencedPurchaseOrderLineReference, // BT-132 Referenced purchase order line reference
        String buyerAccountingReference,          // BT-133 Invoice line Buyer accounting reference
        Period period,                            // BG-26 INVOICE LINE PERIOD
        List<LineAllowanceCharge> allowances,     // BG-27 INVOICE LINE ALLOWANCES
        List<LineAllowanceCharge> charges,        // BG-28 INVOICE LINE CHARGES
        PriceDetails priceDetails,                // BG-29 PRICE DETAILS
        LineVatInformation vatInformation,        // BG-30 LINE VAT INFORMATION
        ItemInformation item) {                   // BG-31 ITEM INFORMATION

    public InvoiceLine {
        allowances = allowances == null ? List.of() : List.copyOf(allowances);
        charges = charges == null ? List.of() : List.copyOf(charges);
    }
}
