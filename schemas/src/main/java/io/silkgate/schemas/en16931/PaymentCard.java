package io.silkgate.schemas.en16931;

/** BG-18 PAYMENT CARD INFORMATION: the card used to pay. */
public record PaymentCard(
        String primaryAccountNumber, // BT-87 Payment card primary account number (masked)
        String holderName) {         // BT-88 Payment card holder name
}
