package io.silkgate.schemas.en16931;

import java.util.List;

/** BG-16 PAYMENT INSTRUCTIONS: how the invoice is to be paid. */
public record PaymentInstructions(
        String paymentMeansTypeCode,          // BT-81 Payment means type code (UNTDID 4461)
        String paymentMeansText,              // BT-82 Payment means text
        String remittanceInformation,         // BT-83 Remittance information
        List<CreditTransfer> creditTransfers, // BG-17 CREDIT TRANSFER (0..n)
        PaymentCard paymentCard,              // BG-18 PAYMENT CARD INFORMATION
        DirectDebit directDebit) {            // BG-19 DIRECT DEBIT

    public PaymentInstructions {
        creditTransfers = creditTransfers == null ? List.of() : List.copyOf(creditTransfers);
    }
}
