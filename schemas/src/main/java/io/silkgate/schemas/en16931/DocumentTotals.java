package io.silkgate.schemas.en16931;

import java.math.BigDecimal;

/** BG-22 DOCUMENT TOTALS: the monetary totals of the invoice. */
public record DocumentTotals(
        BigDecimal sumOfInvoiceLineNetAmount,         // BT-106 Sum of Invoice line net amount
        BigDecimal sumOfAllowancesOnDocumentLevel,    // BT-107 Sum of allowances on document level
        BigDecimal sumOfChargesOnDocumentLevel,       // BT-108 Sum of charges on document level
        BigDecimal invoiceTotalAmountWithoutVat,      // BT-109 Invoice total amount without VAT
        BigDecimal invoiceTotalVatAmount,             // BT-110 Invoice total VAT amount
        BigDecimal invoiceTotalVatAmountInAccountingCurrency, // BT-111 Invoice total VAT amount in accounting currency
        BigDecimal invoiceTotalAmountWithVat,         // BT-112 Invoice total amount with VAT
        BigDecimal paidAmount,                        // BT-113 Paid amount
        BigDecimal roundingAmount,                    // BT-114 Rounding amount
        BigDecimal amountDueForPayment) {             // BT-115 Amount due for payment
}
