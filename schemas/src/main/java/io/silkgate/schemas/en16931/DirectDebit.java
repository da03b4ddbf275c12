package io.silkgate.schemas.en16931;

/** BG-19 DIRECT DEBIT: the mandate under which the seller collects the payment. */
public record DirectDebit(
        String mandateReferenceIdentifier,     // BT-89 Mandate reference identifier
        String bankAssignedCreditorIdentifier, // BT-90 Bank assigned creditor identifier
        String debitedAccountIdentifier) {     // BT-91 Debited account identifier
}
